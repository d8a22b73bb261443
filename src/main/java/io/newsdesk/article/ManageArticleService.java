package io.newsdesk.article;

import io.newsdesk.auth.Caller;
import io.newsdesk.auth.Role;
import io.newsdesk.category.Category;
import io.newsdesk.category.CategoryService;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.teaser.TeaserInput;
import io.newsdesk.teaser.TeaserService;
import io.newsdesk.teaser.TeaserSettings;
import io.newsdesk.text.BodyRenderer;
import io.newsdesk.text.RenderedBody;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Editors' use cases: write, publish, unpublish, archive and purge articles. Each write saves the
 * article and its teaser in one transaction and checks the caller's role and the article's version.
 */
@ApplicationScoped
public class ManageArticleService {

  private static final int SLUG_CHARS = 80;
  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final ArticleRepository articles;
  private final CategoryService categories;
  private final TeaserService teasers;
  private final Clock clock;
  private final int wordsPerMinute;

  ManageArticleService(
      ArticleRepository articles,
      CategoryService categories,
      TeaserService teasers,
      Clock clock,
      NewsdeskConfig config) {
    this.articles = articles;
    this.categories = categories;
    this.teasers = teasers;
    this.clock = clock;
    this.wordsPerMinute = config.reading().wordsPerMinute();
  }

  @Transactional
  public ManagedArticleView create(ArticleInput input, Caller caller) {
    Instant now = clock.instant();
    Article article = new Article(caller.tokenId(), now);
    String slug = input.slug() != null ? input.slug() : freeSlug(input.title());
    write(article, input, slug, now);
    articles.persist(article);
    return saved(article, now);
  }

  ManagedArticleView get(UUID id) {
    return ManagedArticleView.from(find(id), clock.instant());
  }

  Page<ArticleSummary> list(Status status, String category, String q, int number, int limit) {
    Instant now = clock.instant();
    var items =
        articles.search(status, category, q, now, number, limit).stream()
            .map(a -> ArticleSummary.from(a, now))
            .toList();
    return new Page<>(
        items, PageInfo.numbered(limit, number, articles.countSearch(status, category, q, now)));
  }

  @Transactional
  ManagedArticleView replace(UUID id, String ifMatch, ArticleInput input, Caller caller) {
    Instant now = clock.instant();
    Article article = findForUpdate(id);
    if (!caller.atLeast(Role.editor)
        && !(Objects.equals(article.createdBy, caller.tokenId())
            && article.status == Article.State.draft)) {
      throw ProblemException.forbidden("Contributors may edit only their own drafts");
    }
    checkVersion(article, ifMatch);
    write(article, input, input.slug() != null ? input.slug() : article.slug, now);
    return saved(article, now);
  }

  @Transactional
  public ManagedArticleView publish(UUID id, PublishInput input) {
    Instant now = clock.instant();
    Article article = findForUpdate(id);
    Instant requested = input == null ? null : checkedPublishAt(input.publishAt());
    // Publishing a live article again without a time keeps its date: the call is idempotent.
    Instant at = requested != null ? requested : article.isLive(now) ? article.publishedAt : now;
    article.publish(at, now);
    return saved(article, now);
  }

  @Transactional
  ManagedArticleView unpublish(UUID id) {
    Instant now = clock.instant();
    Article article = findForUpdate(id);
    article.unpublish(now);
    return saved(article, now);
  }

  @Transactional
  void archive(UUID id) {
    Instant now = clock.instant();
    Article article = findForUpdate(id);
    article.archive(now);
    saved(article, now);
  }

  @Transactional
  void purge(UUID id) {
    articles.delete(findForUpdate(id));
  }

  TeaserSettings teaser(UUID id) {
    Article article = find(id);
    return teasers.settings(article.id);
  }

  @Transactional
  TeaserSettings overrideTeaser(UUID id, TeaserInput input) {
    return teasers.override(findForUpdate(id).teaserSource(), input);
  }

  private void write(Article article, ArticleInput input, String slug, Instant now) {
    if (!slug.equals(article.slug) && articles.slugTaken(slug)) {
      throw ProblemException.conflict("slug", "The slug '" + slug + "' is taken");
    }
    if (input.externalId() != null
        && !input.externalId().equals(article.externalId)
        && articles.externalIdTaken(input.externalId())) {
      throw ProblemException.conflict(
          "externalId", "The external id '" + input.externalId() + "' belongs to another article");
    }
    Category category = categories.require(input.category());
    RenderedBody body = BodyRenderer.render(input.bodyOrEmpty(), input.formatOrDefault());
    int minutes =
        body.wordCount() == 0 ? 0 : (body.wordCount() + wordsPerMinute - 1) / wordsPerMinute;
    article.write(input, slug, category, body, minutes, now);
  }

  /**
   * Flushes so the response carries the new version, and rewrites the teaser in the same
   * transaction.
   */
  private ManagedArticleView saved(Article article, Instant now) {
    articles.flush();
    teasers.write(article.teaserSource());
    return ManagedArticleView.from(article, now);
  }

  /** PostgreSQL keeps microseconds and a range of years; anything outside is a client mistake. */
  private static Instant checkedPublishAt(Instant publishAt) {
    if (publishAt == null) {
      return null;
    }
    if (publishAt.isBefore(EARLIEST) || publishAt.isAfter(LATEST)) {
      throw ProblemException.invalid("publishAt", "must be between the years 1900 and 9999");
    }
    return publishAt.truncatedTo(ChronoUnit.MICROS);
  }

  private Article find(UUID id) {
    return articles.findWithCategory(id).orElseThrow(() -> notFound(id));
  }

  private Article findForUpdate(UUID id) {
    return articles.findForUpdate(id).orElseThrow(() -> notFound(id));
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("There is no article with id " + id);
  }

  /** If-Match carries the ETag of the version the editor started from: {@code "3"} (or W/"3"). */
  private static void checkVersion(Article article, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired();
    }
    String current = String.valueOf(article.version);
    for (String tag : ifMatch.split(",")) {
      String value = tag.strip();
      if (value.startsWith("W/")) {
        value = value.substring(2);
      }
      if (value.replace("\"", "").equals(current)) {
        return;
      }
    }
    throw ProblemException.preconditionFailed(ManagedArticleView.etag(article.version));
  }

  private String freeSlug(String title) {
    String base = Slugs.slugify(title, SLUG_CHARS);
    if (base.isEmpty()) {
      base = "article";
    }
    String slug = base;
    for (int n = 2; articles.slugTaken(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }
}
