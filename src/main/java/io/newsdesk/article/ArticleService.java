package io.newsdesk.article;

import io.newsdesk.author.AuthorCard;
import io.newsdesk.author.AuthorRef;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.ImageInput;
import io.newsdesk.media.ImageView;
import io.newsdesk.media.Pictures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Readers' use case: a published article by slug, and nothing that is not published. */
@ApplicationScoped
public class ArticleService {

  /** A published article as readers get it, with what it was built from and when it changed. */
  public record Read(ArticleView view, List<String> keys, Instant lastModified) {}

  /** Where a published article moved to. */
  public record Moved(UUID id, String slug) {}

  private final ArticleRepository articles;
  private final Pictures pictures;
  private final NewsdeskConfig.Site site;
  private final Clock clock;

  ArticleService(
      ArticleRepository articles, Pictures pictures, NewsdeskConfig config, Clock clock) {
    this.articles = articles;
    this.pictures = pictures;
    this.site = config.site();
    this.clock = clock;
  }

  /** Empty for a draft, scheduled or archived article exactly as for a slug that never existed. */
  public Optional<Read> published(String slug) {
    return articles
        .findPublishedBySlug(slug, clock.instant())
        .map(row -> new Read(view(row), keys(row), row.lastModified()));
  }

  /** The article as readers get it (previews too), its picture looked up. */
  ArticleView view(ReaderRow row) {
    List<AuthorCard> authors = row.authors();
    List<ImageInput> wanted = new ArrayList<>();
    wanted.add(row.image());
    authors.forEach(author -> wanted.add(author.avatar()));
    List<ImageView> found = pictures.views(wanted);
    List<AuthorRef> credits = new ArrayList<>(authors.size());
    for (int i = 0; i < authors.size(); i++) {
      credits.add(authors.get(i).view(found.get(i + 1)));
    }
    ArticleView view = row.view(found.get(0), credits, site);
    return view.withStructuredData(StructuredData.of(view, site));
  }

  /** What an article response is built from, for Surrogate-Key. */
  static List<String> keys(ReaderRow row) {
    List<String> keys = new ArrayList<>();
    keys.add(SurrogateKeys.article(row.id()));
    keys.add(SurrogateKeys.category(row.categorySlug()));
    row.authors().forEach(author -> keys.add(SurrogateKeys.author(author.slug())));
    row.tags().forEach(tag -> keys.add(SurrogateKeys.tag(tag.slug())));
    return keys;
  }

  /** Where the published article that once had {@code slug} lives now. */
  public Optional<Moved> movedFrom(String slug) {
    return articles.findMoved(slug, clock.instant());
  }
}
