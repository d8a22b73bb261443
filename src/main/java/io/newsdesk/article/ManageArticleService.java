package io.newsdesk.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsdesk.auth.Caller;
import io.newsdesk.auth.Role;
import io.newsdesk.author.AuthorService;
import io.newsdesk.category.Category;
import io.newsdesk.category.CategoryService;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.media.Pictures;
import io.newsdesk.revision.Revisions;
import io.newsdesk.search.SearchIndex;
import io.newsdesk.teaser.TeaserInput;
import io.newsdesk.teaser.TeaserService;
import io.newsdesk.teaser.TeaserSettings;
import io.newsdesk.text.BodyRenderer;
import io.newsdesk.text.RenderedBody;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import io.newsdesk.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  private final AuthorService authors;
  private final TeaserService teasers;
  private final SearchIndex search;
  private final Event<ContentEvent> events;
  private final Revisions revisions;
  private final ArticlePatches patches;
  private final Pictures pictures;
  private final ArticleService readers;
  private final Clock clock;
  private final int wordsPerMinute;
  private final NewsdeskConfig.Site site;

  ManageArticleService(
      ArticleRepository articles,
      CategoryService categories,
      AuthorService authors,
      TeaserService teasers,
      SearchIndex search,
      Event<ContentEvent> events,
      Revisions revisions,
      ArticlePatches patches,
      Pictures pictures,
      ArticleService readers,
      Clock clock,
      NewsdeskConfig config) {
    this.articles = articles;
    this.categories = categories;
    this.authors = authors;
    this.teasers = teasers;
    this.search = search;
    this.events = events;
    this.revisions = revisions;
    this.patches = patches;
    this.pictures = pictures;
    this.readers = readers;
    this.clock = clock;
    this.wordsPerMinute = config.reading().wordsPerMinute();
    this.site = config.site();
  }

  @Transactional
  public ManagedArticleView create(ArticleInput input, Caller caller) {
    return create(input, caller, null);
  }

  /** Creates the article, published (or scheduled) at {@code publishAt} unless that is null. */
  @Transactional
  public ManagedArticleView create(ArticleInput input, Caller caller, Instant publishAt) {
    Instant at = checkedPublishAt(publishAt);
    Instant now = clock.instant();
    Article article = new Article(caller.tokenId(), now, search.config());
    if (input.authors() == null && caller.author() != null) {
      input = input.withAuthors(List.of(caller.author())); // the token's author wrote it
    }
    String slug = input.slug() != null ? input.slug() : freeSlug(input.title(), article.id);
    write(article, input, slug, now);
    if (at != null) {
      article.publish(at, now);
    }
    articles.persist(article);
    return saved(article, null, now, caller, "created", input);
  }

  public ManagedArticleView get(UUID id, Caller caller) {
    return ManagedArticleView.from(findVisible(id, caller), clock.instant());
  }

  /** A 404 unless the caller may see the article (see {@link #checkMaySee}). */
  public void requireVisible(UUID id, Caller caller) {
    findVisible(id, caller);
  }

  /** Any article in the readers' shape, for a preview link. */
  public ArticleView preview(UUID id) {
    ReaderRow row = articles.findReaderRow(id).orElseThrow(() -> notFound(id));
    return readers.view(row);
  }

  /** Editors list every article; contributors their own. */
  public Page<ArticleSummary> list(
      Status status, String category, String q, int number, int limit, Caller caller) {
    Instant now = clock.instant();
    ArticleRepository.Filter filter =
        ArticleRepository.filter(status, category, q, ownedBy(caller), now);
    var items =
        articles.search(filter, number, limit).stream()
            .map(a -> ArticleSummary.from(a, now))
            .toList();
    return new Page<>(items, PageInfo.numbered(limit, number, articles.countSearch(filter)));
  }

  /**
   * Contributors see their own articles only: another contributor's draft or an embargoed story is
   * none of theirs. Empty: the caller sees every article.
   */
  private static Optional<UUID> ownedBy(Caller caller) {
    return caller.atLeast(Role.editor) ? Optional.empty() : Optional.of(ownerId(caller));
  }

  /** The bootstrap admin has no token id, but it is an admin and never asks. */
  private static UUID ownerId(Caller caller) {
    return Objects.requireNonNull(caller.tokenId(), "only the bootstrap admin has no token id");
  }

  /**
   * Someone else's article answers a contributor exactly like an unknown id, so its existence is
   * not revealed either.
   */
  private static void checkMaySee(Article article, Caller caller) {
    if (!caller.atLeast(Role.editor) && !Objects.equals(article.createdBy, ownerId(caller))) {
      throw notFound(article.id);
    }
  }

  @Transactional
  public ManagedArticleView replace(UUID id, String ifMatch, ArticleInput input, Caller caller) {
    try {
      return rewrite(id, ifMatch, current -> input, caller, "updated");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A PUT body is parsed before it gets here", e);
    }
  }

  /** The content an editor wants, made from the article's current content. */
  @FunctionalInterface
  public interface Edit {
    ArticleInput apply(ArticleInput current) throws JsonProcessingException;
  }

  /**
   * Writes new content over the article: PUT ("updated"), merge patch ("patched") and restoring a
   * revision ("restored") alike, with the same role and If-Match rules. The edit is made from the
   * content as locked in this transaction, so a patch never applies to a stale base.
   */
  @Transactional
  public ManagedArticleView rewrite(
      UUID id, String ifMatch, Edit edit, Caller caller, String action)
      throws JsonProcessingException {
    Article article = findForUpdate(id);
    Instant now = clock.instant(); // after the lock: see findForUpdate
    checkMayEdit(article, caller);
    Versions.check(ifMatch, article.version);
    ArticleInput input = edit.apply(article.toInput());
    Instant before = article.publication();
    write(article, input, input.slug() != null ? input.slug() : article.slug, now);
    return saved(article, before, now, caller, action, input);
  }

  /** Makes revision {@code number}'s content the article's content again, as a new revision. */
  @Transactional
  public ManagedArticleView restore(UUID id, int number, String ifMatch, Caller caller)
      throws JsonProcessingException {
    return rewrite(
        id, ifMatch, current -> patches.valid(revisions.input(id, number)), caller, "restored");
  }

  /** The id of the article with this external id, after any concurrent write of it has ended. */
  public Optional<UUID> byExternalId(String externalId) {
    articles.lockExternalId(externalId);
    return articles.idByExternalId(externalId);
  }

  /**
   * Writes an import's content over the article with its external id unless it already says exactly
   * that, so re-running an import changes nothing.
   */
  @Transactional
  public Optional<ManagedArticleView> upsert(UUID id, ArticleInput input, Caller caller) {
    Article article = findForUpdate(id);
    Instant now = clock.instant(); // after the lock: see findForUpdate
    ArticleInput wanted = input.slug() == null ? input.withSlug(article.slug) : input;
    if (wanted.sameContentAs(article.toInput())) {
      return Optional.empty();
    }
    Instant before = article.publication();
    write(article, wanted, wanted.slug(), now);
    return Optional.of(saved(article, before, now, caller, "imported", wanted));
  }

  private static void checkMayEdit(Article article, Caller caller) {
    checkMaySee(article, caller);
    if (!caller.atLeast(Role.editor) && article.status != Article.State.draft) {
      throw ProblemException.forbidden("Contributors may edit only their own drafts");
    }
  }

  @Transactional
  public ManagedArticleView publish(UUID id, PublishInput input, Caller caller) {
    Article article = findForUpdate(id);
    Instant now = clock.instant(); // after the lock: see findForUpdate
    Instant requested = input == null ? null : checkedPublishAt(input.publishAt());
    // Publishing a live article again without a time keeps its date: the call is idempotent.
    Instant at = requested != null ? requested : article.isLive(now) ? article.publishedAt : now;
    if (article.status == Article.State.published && at.equals(article.publishedAt)) {
      return ManagedArticleView.from(article, now); // nothing changes: no revision, no change
    }
    Instant before = article.publication();
    article.publish(at, now);
    return saved(article, before, now, caller, at.isAfter(now) ? "scheduled" : "published", null);
  }

  @Transactional
  public ManagedArticleView unpublish(UUID id, Caller caller) {
    Article article = findForUpdate(id);
    Instant now = clock.instant(); // after the lock: see findForUpdate
    Instant before = article.publication();
    article.unpublish(now);
    return saved(article, before, now, caller, "unpublished", null);
  }

  @Transactional
  public void archive(UUID id, Caller caller) {
    Article article = findForUpdate(id);
    Instant now = clock.instant(); // after the lock: see findForUpdate
    Instant before = article.publication();
    article.archive(now);
    saved(article, before, now, caller, "archived", null);
  }

  @Transactional
  public void purge(UUID id) {
    Article article = findForUpdate(id);
    changed(article, article.publication(), null, true, true, clock.instant());
    articles.delete(article);
  }

  public TeaserSettings teaser(UUID id, Caller caller) {
    Article article = findVisible(id, caller);
    return teasers.settings(article.id);
  }

  @Transactional
  public TeaserSettings overrideTeaser(UUID id, TeaserInput input) {
    Article article = findForUpdate(id);
    TeaserSettings settings = teasers.override(article.teaserSource(), input);
    Instant publication = article.publication();
    changed(article, publication, publication, false, false, clock.instant());
    return settings;
  }

  private void write(Article article, ArticleInput input, String slug, Instant now) {
    if (!slug.equals(article.slug) && articles.slugTaken(slug, article.id)) {
      throw ProblemException.conflict("slug", "The slug '" + slug + "' is taken");
    }
    if (article.slug != null && !slug.equals(article.slug)) {
      // Only a slug readers once saw redirects: a draft's working slug must not become public.
      boolean wasPublic =
          article.isLive(now) || articles.wasPublishedAs(article.id, article.slug, now);
      articles.retireSlug(article.id, article.slug, slug, wasPublic, now);
    }
    if (input.externalId() != null
        && !input.externalId().equals(article.externalId)
        && articles.externalIdTaken(input.externalId())) {
      throw ProblemException.conflict(
          "externalId", "The external id '" + input.externalId() + "' belongs to another article");
    }
    Category category = categories.require(input.category());
    authors.requireAll(input.authorsOrEmpty());
    pictures.check(input.image(), "image");
    RenderedBody body;
    try {
      body = BodyRenderer.render(input.bodyOrEmpty(), input.formatOrDefault(), pictures::figure);
    } catch (BodyRenderer.InvalidBody e) {
      throw ProblemException.invalid("body", e.getMessage());
    }
    int minutes =
        body.wordCount() == 0 ? 0 : (body.wordCount() + wordsPerMinute - 1) / wordsPerMinute;
    article.write(input, slug, category, body, minutes, now);
  }

  /**
   * Flushes so the response carries the new version (and the database the search vector); rewrites
   * the teaser and reports the change to readers, all in the same transaction. {@code before}: when
   * the article was published before this write, or null.
   */
  private ManagedArticleView saved(
      Article article,
      Instant before,
      Instant now,
      Caller caller,
      String action,
      ArticleInput input) {
    articles.flush();
    boolean listingChanged = teasers.write(article.teaserSource());
    changed(
        article,
        before,
        article.publication(),
        article.status == Article.State.archived,
        listingChanged,
        now);
    ManagedArticleView view = ManagedArticleView.from(article, now);
    revisions.record(
        article.id, caller, action, input != null ? input : article.toInput(), view, now);
    return view;
  }

  /** Tells the change feed, webhooks, caches and metrics what the write did for readers. */
  private void changed(
      Article article,
      Instant before,
      Instant after,
      boolean deleted,
      boolean listingChanged,
      Instant now) {
    events.fire(
        new ContentEvent.ArticleWritten(
            article.id,
            article.slug,
            site.articleUrl(article.category.slug(), article.slug),
            article.title,
            before,
            after,
            deleted,
            listingChanged,
            now));
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

  private Article findVisible(UUID id, Caller caller) {
    Article article = articles.findWithCategory(id).orElseThrow(() -> notFound(id));
    checkMaySee(article, caller);
    return article;
  }

  /**
   * The article, locked until the transaction ends, so writes of one article happen one at a time.
   * Read the clock after this, not before: a write that waited for the lock would otherwise judge
   * the previous write's publication time to lie in its future, and unpublish a live article
   * without telling the change feed (found by racing publish and unpublish calls).
   */
  private Article findForUpdate(UUID id) {
    return articles.findForUpdate(id).orElseThrow(() -> notFound(id));
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("There is no article with id " + id);
  }

  /**
   * The title's slug, or with "-2", "-3"... the first one free. Creates of the same title wait for
   * each other here (a lock on the base slug held to commit), so concurrent ones get "-2" and "-3"
   * as sequential ones do instead of all but one failing on the unique slug.
   */
  private String freeSlug(String title, UUID self) {
    String base = Slugs.slugify(title, SLUG_CHARS);
    if (base.isEmpty()) {
      base = "article";
    }
    articles.lockSlug(base);
    // the title's own slug is asked for alone, as it is usually free; after it, candidates are
    // asked for SLUG_CANDIDATES at a time: the 40th story called "Live updates" costs two queries,
    // not forty (a list of 50 cost 0.2-2.5 ms of PostgreSQL's time per new article)
    for (int from = 1, size = 1; ; from += size, size = SLUG_CANDIDATES) {
      List<String> candidates = new java.util.ArrayList<>(size);
      for (int n = from; n < from + size; n++) {
        candidates.add(n == 1 ? base : base + "-" + n);
      }
      java.util.Set<String> taken = articles.slugsTaken(candidates, self);
      for (String candidate : candidates) {
        if (!taken.contains(candidate)) {
          return candidate;
        }
      }
    }
  }

  private static final int SLUG_CANDIDATES = 50;
}
