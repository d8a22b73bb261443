package io.newsdesk.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.article.ArticleService;
import io.newsdesk.article.ArticleView;
import io.newsdesk.author.AuthorRef;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.feed.FeedService;
import io.newsdesk.teaser.FeedFilter;
import io.newsdesk.teaser.TeaserView;
import io.newsdesk.text.Excerpts;
import io.newsdesk.web.Page;
import io.newsdesk.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The reader page, made on the server from the same services as the delivery API: the front page
 * (the newest article and the recent posts) and an article's page, with what search engines and
 * link previews read. Pages are cached and purged like the API responses they are made from.
 */
@ApplicationScoped
class ReaderPages {

  static final String HTML = "text/html; charset=utf-8";
  private static final int RECENT = 20;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  @CheckedTemplate(basePath = "reader")
  static class Templates {
    static native TemplateInstance page(ReaderPage page, ReaderPage.Site site);
  }

  private final ArticleService articles;
  private final FeedService feed;
  private final NewsdeskConfig.Site config;
  private final ReaderPage.Site site;
  private final ObjectMapper json;

  ReaderPages(
      ArticleService articles,
      FeedService feed,
      NewsdeskConfig config,
      StaticAssets assets,
      ObjectMapper json) {
    this.articles = articles;
    this.feed = feed;
    this.config = config.site();
    this.site = new ReaderPage.Site(config.site().name(), config.site().language(), assets.names());
    this.json = json;
  }

  /** The front page, of one category when {@code category} is set, its list from {@code cursor}. */
  Reply<Buffer> front(String category, String cursor) {
    FeedFilter filter = new FeedFilter(category, null, null, null, null);
    Page<TeaserView> recent = feed.byCursor(filter, cursor, RECENT);
    Set<String> keys = new LinkedHashSet<>(FeedService.keys(recent, filter));
    List<TeaserView> newest =
        cursor == null ? recent.items() : feed.byCursor(filter, null, 1).items();
    Optional<ArticleService.Read> lead =
        newest.isEmpty() ? Optional.empty() : articles.published(newest.get(0).slug());
    lead.ifPresent(read -> keys.addAll(read.keys()));
    String query = query(category, cursor);
    ReaderPage.Head head =
        new ReaderPage.Head(
            category == null ? site.name() : site.name() + " · " + sectionName(lead, category),
            config.description(),
            config.baseUrl() + "/" + query,
            "website",
            lead.map(read -> Picture.preview(read.view().image())).orElse(null),
            jsonLd(website()),
            category == null ? "" : "?category=" + category);
    return render(
        page(head, lead.map(ArticleService.Read::view).orElse(null), recent, category), keys);
  }

  /** An article's page; a slug it had before moves to its current one; else a 404. */
  Reply<Buffer> article(String slug) {
    Optional<ArticleService.Read> found = articles.published(slug);
    if (found.isEmpty()) {
      ArticleService.Moved moved =
          articles
              .movedFrom(slug)
              .orElseThrow(() -> ProblemException.notFound("No published article " + slug));
      return Reply.movedTo("/articles/" + moved.slug(), List.of(SurrogateKeys.article(moved.id())));
    }
    ArticleView article = found.get().view();
    Page<TeaserView> recent = feed.byCursor(FeedFilter.NONE, null, RECENT);
    Set<String> keys = new LinkedHashSet<>(found.get().keys());
    keys.addAll(FeedService.keys(recent, FeedFilter.NONE));
    String title =
        article.seo() != null && article.seo().title() != null
            ? article.seo().title()
            : article.title() + " · " + site.name();
    String canonical =
        article.seo() != null && article.seo().canonicalUrl() != null
            ? article.seo().canonicalUrl()
            : article.url();
    ReaderPage.Head head =
        new ReaderPage.Head(
            title,
            description(article),
            canonical,
            "article",
            Picture.preview(article.image()),
            jsonLd(article.structuredData()),
            "");
    return render(page(head, article, recent, null), keys);
  }

  /** The page for a path that shows no article: a 404 with the recent posts to go on from. */
  byte[] missing() {
    Page<TeaserView> recent = feed.byCursor(FeedFilter.NONE, null, RECENT);
    ReaderPage.Head head =
        new ReaderPage.Head(
            "Story not found · " + site.name(),
            config.description(),
            null,
            "website",
            null,
            null,
            "");
    ReaderPage page =
        new ReaderPage(
            head,
            null,
            null,
            null,
            "Story not found",
            "There is no published story at this address. The newest ones are listed here.",
            teasers(recent),
            older(recent, null),
            null);
    return Templates.page(page, site).render().getBytes(StandardCharsets.UTF_8);
  }

  private ReaderPage page(
      ReaderPage.Head head, ArticleView article, Page<TeaserView> recent, String category) {
    return new ReaderPage(
        head,
        article,
        article == null ? null : byline(article),
        article == null ? null : Picture.whole(article.image()),
        article == null ? "Nothing published yet" : null,
        article == null ? "Stories appear here as soon as the newsroom publishes them." : null,
        teasers(recent),
        older(recent, category),
        category);
  }

  private Reply<Buffer> render(ReaderPage page, Set<String> keys) {
    return Reply.bytes(
        Templates.page(page, site).render().getBytes(StandardCharsets.UTF_8), HTML, keys);
  }

  private static List<ReaderPage.Teaser> teasers(Page<TeaserView> recent) {
    List<ReaderPage.Teaser> teasers = new ArrayList<>(recent.items().size());
    for (TeaserView t : recent.items()) {
      teasers.add(
          new ReaderPage.Teaser(
              t.slug(),
              t.title(),
              t.excerpt(),
              Picture.crop(t.image(), "4:3"),
              t.publishedAt().toString(),
              DAY.format(t.publishedAt())));
    }
    return teasers;
  }

  /** Where "Older stories" leads without JavaScript: the front page from the next cursor. */
  private static String older(Page<TeaserView> recent, String category) {
    String next = recent.page().next();
    return next == null ? null : "/" + query(category, next);
  }

  private static String query(String category, String cursor) {
    List<String> parts = new ArrayList<>();
    if (category != null) {
      parts.add("category=" + category);
    }
    if (cursor != null) {
      parts.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static String sectionName(Optional<ArticleService.Read> lead, String category) {
    return lead.map(read -> read.view().category())
        .filter(ref -> ref.slug().equals(category))
        .map(ref -> ref.name())
        .orElse(category);
  }

  /** The credited authors (or the byline as written) and when it was published. */
  private static String byline(ArticleView article) {
    List<String> names =
        article.authors().isEmpty()
            ? article.byline()
            : article.authors().stream().map(AuthorRef::name).toList();
    return Stream.concat(
            names.isEmpty() ? Stream.empty() : Stream.of("By " + String.join(", ", names)),
            Stream.of(MINUTE.format(article.publishedAt())))
        .reduce((a, b) -> a + " · " + b)
        .orElse("");
  }

  /** The SEO description the newsroom wrote, else the subtitle, else the body's beginning. */
  private static String description(ArticleView article) {
    if (article.seo() != null && article.seo().description() != null) {
      return article.seo().description();
    }
    if (article.subtitle() != null && !article.subtitle().isBlank()) {
      return article.subtitle();
    }
    return Excerpts.excerpt(article.body().text(), 160);
  }

  /** schema.org WebSite for the front page, in a fixed order (the same bytes on every instance). */
  private Map<String, Object> website() {
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("@context", "https://schema.org");
    site.put("@type", "WebSite");
    site.put("name", this.site.name());
    site.put("url", config.baseUrl() + "/");
    return site;
  }

  /**
   * JSON-LD for a script element: JSON whose {@code <}, {@code >} and {@code &} (only ever inside
   * strings) are escaped, so no text in it can end the element.
   */
  private String jsonLd(Map<String, Object> data) {
    if (data == null) {
      return null;
    }
    try {
      return json.writeValueAsString(data)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Structured data cannot be serialized", e);
    }
  }
}
