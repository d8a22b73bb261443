package io.newsdesk.changes;

import io.newsdesk.cache.ResponseCache;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.web.DatabaseErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Scheduled articles become visible by time alone (every delivery query compares publishedAt with
 * now). This job does what follows from that: it gives each due publication its place in the change
 * feed, exactly once whatever the number of instances, announces the releases (webhooks, caches,
 * metrics), and keeps the response cache's expiry at the next publication to come.
 */
@ApplicationScoped
class DueChanges {

  private static final Logger LOG = Logger.getLogger(DueChanges.class);

  private final ChangeFeed feed;
  private final Event<ContentEvent> events;
  private final ResponseCache cache;
  private final Clock clock;

  DueChanges(ChangeFeed feed, Event<ContentEvent> events, ResponseCache cache, Clock clock) {
    this.feed = feed;
    this.events = events;
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
    Instant next = feed.nextDue();
    if (next != null && !next.isAfter(now)) {
      List<ContentEvent.ArticlesReleased.Release> released = feed.releaseDue(now);
      if (!released.isEmpty()) {
        events.fire(new ContentEvent.ArticlesReleased(released));
      }
      next = feed.nextDue();
    }
    cache.nextDue(ticket, next == null ? Instant.MAX : next);
  }
}
