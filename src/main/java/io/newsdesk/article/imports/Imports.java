package io.newsdesk.article.imports;

import io.newsdesk.article.ArticleInput;
import io.newsdesk.article.ManageArticleService;
import io.newsdesk.article.ManagedArticleView;
import io.newsdesk.article.PublishInput;
import io.newsdesk.auth.Caller;
import io.newsdesk.changes.ChangeFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Creates or replaces the article with a given external id, so an agency feed or a migration can be
 * re-run without duplicates: content that is already there is left alone, and a line with a
 * publication time is published at it. All or nothing per line.
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
  private final ChangeFeed changes;

  Imports(
      ManageArticleService articles,
      jakarta.persistence.EntityManager entityManager,
      ChangeFeed changes) {
    this.articles = articles;
    this.entityManager = entityManager;
    this.changes = changes;
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

  /** One line of an import, parsed and checked: line number, content, publication time. */
  record Line(int number, ArticleInput input, Instant publishAt) {

    String id() {
      return input.externalId();
    }
  }

  /**
   * Where imports write their batches: as many threads as cores, shared by every import, so that
   * imports cannot take more of the database's connections than that.
   */
  private final ExecutorService writer =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          task -> {
            Thread thread = new Thread(task, "import-writer");
            thread.setDaemon(true);
            return thread;
          });

  ExecutorService writer() {
    return writer;
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    writer.shutdown();
  }

  /**
   * The lines in one transaction: the first that fails rolls them all back (the caller then writes
   * them one by one). Saves a commit and its round trips per line.
   */
  @Transactional
  List<Result> upsertAll(List<Line> lines, Caller caller) {
    return changes.deferring(
        () -> {
          List<Result> results = new ArrayList<>(lines.size());
          for (Line line : lines) {
            results.add(upsert(line, caller));
            // written: the next line's queries need not check this line's entities for changes
            entityManager.flush();
            entityManager.clear();
          }
          return results;
        });
  }

  @Transactional
  Result upsert(Line line, Caller caller) {
    String externalId = line.input().externalId();
    ArticleInput content = line.input();
    if (content.authors() == null) {
      // an import says what it says: no authors is none, not the importing token's author, so
      // running the same import again finds the article unchanged
      content = content.withAuthors(List.of());
    }
    Instant at = line.publishAt() == null ? null : line.publishAt().truncatedTo(ChronoUnit.MICROS);
    Optional<UUID> existing = articles.byExternalId(externalId);
    if (existing.isEmpty()) {
      // published as it is created: one write of the row, one revision, and the same events as a
      // create followed by a publish
      return new Result(articles.create(content, caller, at), "created");
    }
    Optional<ManagedArticleView> changed = articles.upsert(existing.get(), content, caller);
    Result result =
        changed
            .map(view -> new Result(view, "updated"))
            .orElseGet(() -> new Result(articles.get(existing.get(), caller), "unchanged"));
    ManagedArticleView view = result.article();
    if (at != null && !at.equals(view.publishedAt()) && !at.equals(view.publishAt())) {
      return new Result(articles.publish(view.id(), new PublishInput(at), caller), "updated");
    }
    return result;
  }
}
