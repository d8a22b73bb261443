package io.newsdesk.article;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.Pictures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/** Readers' use case: a published article by slug, and nothing that is not published. */
@ApplicationScoped
class ArticleService {

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
  Optional<ReaderRow> published(String slug) {
    return articles.findPublishedBySlug(slug, clock.instant());
  }

  /** The article as readers get it (previews too), its picture looked up. */
  ArticleView view(ReaderRow row) {
    return row.view(pictures.view(row.image()), site);
  }

  /** Where the published article that once had {@code slug} lives now. */
  Optional<ArticleRepository.Moved> movedFrom(String slug) {
    return articles.findMoved(slug, clock.instant());
  }
}
