package io.newsdesk.article.imports;

import io.newsdesk.article.ArticleInput;
import io.newsdesk.article.ManageArticleService;
import io.newsdesk.article.ManagedArticleView;
import io.newsdesk.article.PublishInput;
import io.newsdesk.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates or replaces the article with a given external id, so an agency feed or a migration can be
 * re-run without duplicates: content that is already there is left alone, and a line with a
 * publication time is published at it. One transaction per article.
 */
@ApplicationScoped
class Imports {

  /** What an import did with one article: created, updated or unchanged. */
  record Result(ManagedArticleView article, String outcome) {

    boolean created() {
      return outcome.equals("created");
    }
  }

  /** Lines written by one import from which the planner's statistics are refreshed after it. */
  static final int ANALYZE_AFTER = 1000;

  private final ManageArticleService articles;
  private final jakarta.persistence.EntityManager entityManager;

  Imports(ManageArticleService articles, jakarta.persistence.EntityManager entityManager) {
    this.articles = articles;
    this.entityManager = entityManager;
  }

  /**
   * Refreshes the planner's statistics of the tables an import fills. After a bulk load,
   * PostgreSQL's plans follow stale statistics until autovacuum's analyze comes round (or never,
   * where it is off): the feed was measured three times slower on an unanalyzed archive.
   */
  @Transactional
  void analyze() {
    entityManager
        .createNativeQuery("analyze article, teaser, content_change, article_revision")
        .executeUpdate();
  }

  @Transactional
  Result upsert(String externalId, ArticleInput input, Instant publishAt, Caller caller) {
    ArticleInput content = input.withExternalId(externalId);
    if (content.authors() == null) {
      // an import says what it says: no authors is none, not the importing token's author, so
      // running the same import again finds the article unchanged
      content = content.withAuthors(java.util.List.of());
    }
    Optional<UUID> existing = articles.byExternalId(externalId);
    Result result;
    if (existing.isEmpty()) {
      result = new Result(articles.create(content, caller), "created");
    } else {
      Optional<ManagedArticleView> changed = articles.upsert(existing.get(), content, caller);
      result =
          changed
              .map(view -> new Result(view, "updated"))
              .orElseGet(() -> new Result(articles.get(existing.get(), caller), "unchanged"));
    }
    ManagedArticleView view = result.article();
    Instant at = publishAt == null ? null : publishAt.truncatedTo(ChronoUnit.MICROS);
    if (at != null && !at.equals(view.publishedAt()) && !at.equals(view.publishAt())) {
      return new Result(
          articles.publish(view.id(), new PublishInput(at), caller),
          result.created() ? "created" : "updated");
    }
    return result;
  }
}
