package io.newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/** Readers' use case: a published article by slug, and nothing that is not published. */
@ApplicationScoped
class ArticleService {

  private final ArticleRepository articles;
  private final Clock clock;

  ArticleService(ArticleRepository articles, Clock clock) {
    this.articles = articles;
    this.clock = clock;
  }

  /** Empty for a draft, scheduled or archived article exactly as for a slug that never existed. */
  Optional<ReaderRow> published(String slug) {
    return articles.findPublishedBySlug(slug, clock.instant());
  }

  /** Where the published article that once had {@code slug} lives now. */
  Optional<ArticleRepository.Moved> movedFrom(String slug) {
    return articles.findMoved(slug, clock.instant());
  }
}
