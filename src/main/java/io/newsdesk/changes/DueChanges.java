package io.newsdesk.changes;

import io.newsdesk.cache.Invalidations;
import io.newsdesk.cache.ResponseCache;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.web.DatabaseErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Scheduled articles become visible by time alone (every delivery query compares publishedAt with
 * now). This job does what follows from that: it gives each due publication its place in the change
 * feed, exactly once whatever the number of instances, tells every cache, and keeps the response
 * cache's expiry at the next publication to come.
 */
@ApplicationScoped
class DueChanges {

  private static final Logger LOG = Logger.getLogger(DueChanges.class);

  private final ChangeLog log;
  private final Invalidations invalidations;
  private final ResponseCache cache;
  private final Clock clock;

  DueChanges(ChangeLog log, Invalidations invalidations, ResponseCache cache, Clock clock) {
    this.log = log;
    this.invalidations = invalidations;
    this.cache = cache;
    this.clock = clock;
  }

  @Scheduled(
      every = "${newsdesk.schedule.check-every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    try {
      QuarkusTransaction.requiringNew().run(this::release);
    } catch (RuntimeException e) {
      if (!DatabaseErrors.unavailable(e)) {
        throw e;
      }
      // readiness reports the outage; one line a round instead of a stack trace
      LOG.warnf("Due publications wait for the database: %s", DatabaseErrors.rootMessage(e));
    }
  }

  private void release() {
    ResponseCache.Ticket ticket = cache.ticket();
    Instant now = clock.instant();
    Instant next = log.nextDue();
    if (next != null && !next.isAfter(now)) {
      List<UUID> released = log.releaseDue(now);
      Set<String> keys = new LinkedHashSet<>();
      released.forEach(id -> keys.add(SurrogateKeys.article(id)));
      keys.add(SurrogateKeys.FEED);
      invalidations.touch(keys);
      next = log.nextDue();
    }
    cache.nextDue(ticket, next == null ? Instant.MAX : next);
  }
}
