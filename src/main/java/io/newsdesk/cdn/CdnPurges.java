package io.newsdesk.cdn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.replica.ReadSource;
import io.newsdesk.web.DatabaseErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Purges the configured caching proxies and CDNs ({@link PurgeTarget}) by surrogate key, from a
 * durable outbox: every change writes the keys it touched ({@link SurrogateKeys#touchedBy}, the
 * same keys that drop this server's own cache) for each target in its own transaction, and the
 * sender, woken by the commit and polling besides, claims what is due ({@code for update skip
 * locked} and a lease, so N instances never send one row twice), merges the keys per target into as
 * few requests as the target allows, and deletes a row once its target acknowledged it twice (see
 * V13). A target that fails or does not answer is retried with backoff until it does.
 */
@ApplicationScoped
public class CdnPurges {

  private static final Logger LOG = Logger.getLogger(CdnPurges.class);

  /** Rows claimed in one pass. */
  private static final int BATCH = 500;

  private final EntityManager entityManager;
  private final Clock clock;
  private final NewsdeskConfig.Cdn config;
  private final List<PurgeTarget> targets;
  private final Map<String, PurgeTarget> byName = new LinkedHashMap<>();
  private final HttpClient http;

  /**
   * One sender per instance; {@link #woken} keeps at most one pass waiting behind the running one.
   */
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "cdn-purges");
            thread.setDaemon(true);
            return thread;
          });

  private final AtomicBoolean woken = new AtomicBoolean();

  CdnPurges(EntityManager entityManager, Clock clock, NewsdeskConfig config, ObjectMapper json) {
    this.entityManager = entityManager;
    this.clock = clock;
    this.config = config.cdn();
    this.targets = PurgeTarget.configured(this.config, json);
    targets.forEach(target -> byName.put(target.name(), target));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(this.config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Writes the purges a change needs, in its transaction: they exist exactly if it commits. */
  void enqueue(@Observes @Priority(310) ContentEvent event) {
    if (targets.isEmpty()) {
      return;
    }
    Set<String> keys = new LinkedHashSet<>(SurrogateKeys.touchedBy(event));
    keys.remove(SurrogateKeys.ALL);
    if (keys.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (PurgeTarget target : targets) {
      entityManager
          .createNativeQuery(
              "insert into cdn_purge (target, keys, created_at, next_attempt_at)"
                  + " values (:target, string_to_array(:keys, ' '), :now, :now)")
          .setParameter("target", target.name())
          .setParameter("keys", String.join(" ", keys))
          .setParameter("now", now)
          .executeUpdate();
    }
  }

  /** Sends right after the commit, instead of at the next poll. */
  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentEvent event) {
    wake();
  }

  /** For what failed before and is due again, and for rows other instances left behind. */
  @Scheduled(
      every = "${newsdesk.cdn.poll-every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    wake();
  }

  private void wake() {
    if (!targets.isEmpty() && woken.compareAndSet(false, true)) {
      sender.execute(
          () -> {
            woken.set(false);
            ReadSource.offRequest(this::send);
          });
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    sender.shutdownNow();
  }

  /** Purges still to be sent or confirmed, for operators and tests. */
  public long pending() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery("select count(*) from cdn_purge")
                            .getSingleResult())
                    .longValue());
  }

  /** One row of the outbox, claimed. */
  private record Claimed(long id, String target, List<String> keys, int passesLeft, int attempts) {}

  /** Sends what is due until nothing is; runs on the one sender thread. */
  private void send() {
    try {
      List<Claimed> claimed;
      do {
        claimed = QuarkusTransaction.requiringNew().call(this::claim);
        Map<String, List<Claimed>> perTarget = new LinkedHashMap<>();
        claimed.forEach(
            row -> perTarget.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row));
        perTarget.forEach(this::purge);
      } while (claimed.size() == BATCH);
    } catch (RuntimeException e) {
      if (!DatabaseErrors.unavailable(e)) {
        LOG.error("CDN purges could not be sent", e);
      } else {
        LOG.warnf("CDN purges wait for the database: %s", DatabaseErrors.rootMessage(e));
      }
    }
  }

  private List<Claimed> claim() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, target, array_to_string(keys, ' '), passes_left, attempts"
                    + " from cdn_purge where next_attempt_at <= :now"
                    + " order by id limit :batch for update skip locked")
            .setParameter("now", now)
            .setParameter("batch", BATCH)
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
    // a lease: an instance that dies mid-send leaves the rows to be sent again when it runs out
    entityManager
        .createNativeQuery("update cdn_purge set next_attempt_at = :lease where id in (:ids)")
        .setParameter("lease", now.plus(config.timeout().multipliedBy(4)).plusSeconds(10))
        .setParameter("ids", ids)
        .executeUpdate();
    return rows.stream()
        .map(
            row ->
                new Claimed(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    List.of(((String) row[2]).split(" ")),
                    ((Number) row[3]).intValue(),
                    ((Number) row[4]).intValue()))
        .toList();
  }

  /** Sends the keys of {@code rows} to their target and records the outcome. */
  private void purge(String name, List<Claimed> rows) {
    PurgeTarget target = byName.get(name);
    List<Long> ids = rows.stream().map(Claimed::id).toList();
    if (target == null) { // no longer configured
      QuarkusTransaction.requiringNew().run(() -> delete(ids));
      return;
    }
    Set<String> keys = new LinkedHashSet<>();
    rows.forEach(row -> keys.addAll(row.keys()));
    String error = null;
    for (HttpRequest request : target.requests(List.copyOf(keys))) {
      error = failure(request);
      if (error != null) {
        break;
      }
    }
    Instant now = clock.instant();
    if (error == null) {
      QuarkusTransaction.requiringNew().run(() -> succeeded(rows, now));
    } else {
      String why = error;
      LOG.warnf("Purging %s failed, retried later: %s", name, why);
      QuarkusTransaction.requiringNew().run(() -> failed(rows, now, why));
    }
  }

  /** Null when the target acknowledged the request with a 2xx, else what went wrong. */
  private String failure(HttpRequest request) {
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 == 2) {
        return null;
      }
      String body = answer.body();
      return "HTTP " + answer.statusCode() + " " + body.substring(0, Math.min(200, body.length()));
    } catch (java.io.IOException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private void succeeded(List<Claimed> rows, Instant now) {
    List<Long> done = rows.stream().filter(r -> r.passesLeft() <= 1).map(Claimed::id).toList();
    List<Long> again = rows.stream().filter(r -> r.passesLeft() > 1).map(Claimed::id).toList();
    delete(done);
    if (!again.isEmpty()) {
      entityManager
          .createNativeQuery(
              "update cdn_purge set passes_left = passes_left - 1, attempts = 0,"
                  + " last_error = null, next_attempt_at = :at where id in (:ids)")
          .setParameter("at", now.plus(config.repurgeAfter()))
          .setParameter("ids", again)
          .executeUpdate();
    }
  }

  /** The target refused them together: they are retried together, after the longest backoff. */
  private void failed(List<Claimed> rows, Instant now, String error) {
    int attempts = rows.stream().mapToInt(Claimed::attempts).max().orElse(0) + 1;
    entityManager
        .createNativeQuery(
            "update cdn_purge set attempts = attempts + 1, last_error = :error,"
                + " next_attempt_at = :at where id in (:ids)")
        .setParameter("error", error)
        .setParameter("at", now.plus(backoff(attempts)))
        .setParameter("ids", rows.stream().map(Claimed::id).toList())
        .executeUpdate();
  }

  /** The wait after the {@code attempts}-th failure: doubling from the base up to the cap. */
  private Duration backoff(int attempts) {
    Duration wait = config.retryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(config.retryCap()) > 0 ? config.retryCap() : wait;
  }

  private void delete(List<Long> ids) {
    if (!ids.isEmpty()) {
      entityManager
          .createNativeQuery("delete from cdn_purge where id in (:ids)")
          .setParameter("ids", ids)
          .executeUpdate();
    }
  }
}
