package io.newsdesk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.web.DatabaseErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Counts bad tokens by client address in a fixed window from each client's first failure; a client
 * past {@code newsdesk.auth.max-failures} is blocked until its window ends. The counts are kept in
 * PostgreSQL, one upsert per bad token, so every instance behind a load balancer counts the same
 * tries; a client an instance knows to be blocked is refused from memory, without asking the
 * database again. The address is the connection's, or the one a proxy forwarded only when {@code
 * quarkus.http.proxy.proxy-address-forwarding} trusts proxies, so a client cannot pick its own by
 * sending X-Forwarded-For. While the database cannot answer, bad tokens get 401 (they cannot be
 * valid either).
 */
@ApplicationScoped
class FailedLogins {

  private static final Logger LOG = Logger.getLogger(FailedLogins.class);

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final EntityManager entityManager;

  /** Clients known here to be blocked, until when. */
  private final Cache<String, Instant> blocked;

  FailedLogins(NewsdeskConfig config, Clock clock, EntityManager entityManager) {
    this.maxFailures = config.auth().maxFailures();
    this.window = config.auth().failureWindow();
    this.clock = clock;
    this.entityManager = entityManager;
    this.blocked = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
  }

  /**
   * Counts a bad token from {@code client}; the seconds it must wait before trying again if this
   * one was past the limit, else 0. Blocking: call it off the event loop.
   */
  long failed(String client) {
    Instant now = clock.instant();
    Instant until = blocked.getIfPresent(client);
    if (until != null && now.isBefore(until)) {
      return seconds(now, until);
    }
    Object[] row;
    try {
      row = QuarkusTransaction.requiringNew().call(() -> count(client, now));
    } catch (RuntimeException e) {
      if (!DatabaseErrors.unavailable(e)) {
        throw e;
      }
      LOG.debugf("Bad tokens go uncounted while the database cannot answer: %s", e.getMessage());
      return 0;
    }
    Instant start = (Instant) row[0];
    int failures = ((Number) row[1]).intValue();
    if (failures <= maxFailures) {
      return 0;
    }
    Instant end = start.plus(window);
    blocked.put(client, end);
    return seconds(now, end);
  }

  private Object[] count(String client, Instant now) {
    return (Object[])
        entityManager
            .createNativeQuery(
                """
                insert into failed_login as f (client, window_start, failures)
                values (:client, :now, 1)
                on conflict (client) do update set
                  window_start = case when f.window_start + make_interval(secs => :window) <= :now
                                      then :now else f.window_start end,
                  failures = case when f.window_start + make_interval(secs => :window) <= :now
                                  then 1 else f.failures + 1 end
                returning window_start, failures
                """)
            .setParameter("client", client)
            .setParameter("now", now)
            .setParameter("window", window.toMillis() / 1000.0)
            .getSingleResult();
  }

  private static long seconds(Instant now, Instant end) {
    Duration left = Duration.between(now, end);
    return left.isNegative() || left.isZero() ? 0 : Math.max(1, (left.toMillis() + 999) / 1000);
  }

  /** Drops the rows of windows that have ended. */
  @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void prune() {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  entityManager
                      .createNativeQuery("delete from failed_login where window_start < :before")
                      .setParameter("before", clock.instant().minus(window))
                      .executeUpdate());
    } catch (RuntimeException e) {
      if (!DatabaseErrors.unavailable(e)) {
        throw e;
      }
    }
  }
}
