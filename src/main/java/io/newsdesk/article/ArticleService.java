package io.newsdesk.article;

import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Readers' use case: a published article by slug, and nothing that is not published. */
@ApplicationScoped
class ArticleService {

  private final ArticleRepository articles;
  private final Clock clock;

  ArticleService(ArticleRepository articles, Clock clock) {
    this.articles = articles;
    this.clock = clock;
  }

  /** A draft, scheduled or archived article answers exactly like a slug that never existed. */
  ArticleView published(String slug) {
    return articles
        .findPublishedBySlug(slug, clock.instant())
        .map(ArticleView::from)
        .orElseThrow(
            () -> ProblemException.notFound("No published article has the slug '" + slug + "'"));
  }
}
