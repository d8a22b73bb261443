package io.newsdesk.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.newsdesk.config.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Delivery responses in memory, by request URI, never stale: every write that could change a
 * response drops the entries that name one of its surrogate keys (here and, through PostgreSQL
 * notifications, on every other instance), and no entry outlives the next scheduled article coming
 * due.
 *
 * <p>A response is computed outside any lock, so a write may commit while it is being computed. A
 * {@link Ticket} taken before reading remembers the generation, and {@link #store} drops the
 * response if any invalidation happened since: a response read before a write is never kept after
 * it. Storing takes no lock (misses run in parallel): it puts first and then checks the generation,
 * and an invalidation raises the generation before it removes entries, so either the check sees the
 * invalidation or the removal sees the entry.
 *
 * <p>Entries dropped by a change that hides nothing (an edit, a publication) made on another
 * instance, or by scheduled articles coming due, are kept aside for {@code
 * newsdesk.cache.stale-while-refill} (1 s): while one request refills such an entry, the others get
 * the previous one ({@code X-Cache: STALE}) instead of waiting. The refilling request gets the
 * fresh response. A change that hides something drops the entries it touches outright, kept aside
 * or not.
 */
@ApplicationScoped
public class ResponseCache {

  /** The cache's state when a read began. */
  public record Ticket(long generation, long dueGeneration, Instant due) {}

  private final String instance = UUID.randomUUID().toString();
  private final boolean enabled;
  private final Cache<String, CachedResponse> entries;

  /** Raised (under the lock) by every invalidation before it removes anything. */
  private volatile long generation;

  /** Whether remote writes reach this instance; while they might not, nothing is served. */
  private volatile boolean listening;

  /** The same, whether or not this cache is enabled, for other memory kept by generation. */
  private volatile boolean connected;

  private long dueGeneration;

  /** Hashes of recently requested URIs by slot; a slot remembers the last URI that hashed to it. */
  private final AtomicLongArray seen = new AtomicLongArray(1 << 16);

  /** The earliest scheduled publication still to come; unknown (nothing is cached) until set. */
  private Instant nextDue = Instant.EPOCH;

  /** An entry dropped by a change that hid nothing, and how many requests are refilling it. */
  private record Stale(CachedResponse entry, Instant until, AtomicInteger refills) {}

  private final ConcurrentHashMap<String, Stale> stale = new ConcurrentHashMap<>();
  private final Duration staleWhileRefill;
  private final Clock clock;
  private final io.micrometer.core.instrument.Counter staleServed;

  /** Other in-memory copies (renditions) that drop what the same keys name. */
  private final Event<Dropped> dropped;

  /** What an invalidation named, for memory outside this cache. */
  public record Dropped(Collection<String> keys) {}

  ResponseCache(NewsdeskConfig config, MeterRegistry metrics, Event<Dropped> dropped, Clock clock) {
    this.dropped = dropped;
    this.clock = clock;
    this.staleWhileRefill = config.cache().staleWhileRefill();
    this.enabled = config.cache().enabled();
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(config.cache().maxSize().asLongValue())
            .weigher((String uri, CachedResponse r) -> uri.length() + r.body().weight() + 512)
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(metrics, entries, "delivery-responses");
    this.staleServed =
        io.micrometer.core.instrument.Counter.builder("newsdesk.delivery.stale")
            .description(
                "Responses served from an entry set aside while another request refilled it")
            .register(metrics);
  }

  /** Names this instance in the notifications it sends, so it skips its own. */
  String instance() {
    return instance;
  }

  public boolean enabled() {
    return enabled;
  }

  /** A fresh entry for {@code uri}, or null. */
  CachedResponse lookup(String uri, Instant now) {
    if (!listening) {
      return null;
    }
    CachedResponse entry = entries.getIfPresent(uri);
    return entry != null && entry.fresh(now) ? entry : null;
  }

  /** The entry a change that hid nothing dropped, while another request is refilling it. */
  CachedResponse staleWhileRefilled(String uri, Instant now) {
    Stale kept = listening ? stale.get(uri) : null;
    if (kept == null) {
      return null;
    }
    if (!now.isBefore(kept.until()) || !kept.entry().fresh(now)) {
      stale.remove(uri, kept);
      return null;
    }
    if (kept.refills().get() == 0) {
      return null;
    }
    staleServed.increment();
    return kept.entry();
  }

  /**
   * Runs {@code refill}, the read that replaces {@code uri}'s entry, letting other requests have
   * the entry kept aside meanwhile.
   */
  <T> T refilling(String uri, java.util.function.Supplier<T> refill) {
    Stale kept = stale.get(uri);
    if (kept == null) {
      return refill.get();
    }
    kept.refills().incrementAndGet();
    try {
      return refill.get();
    } finally {
      kept.refills().decrementAndGet();
    }
  }

  public synchronized Ticket ticket() {
    return new Ticket(generation, dueGeneration, nextDue);
  }

  /**
   * Keeps {@code response} if its URI was asked for before and nothing was invalidated since {@code
   * ticket} was taken.
   */
  void store(String uri, Ticket ticket, CachedResponse response, Instant now) {
    if (!listening
        || ticket.generation() != generation
        || !response.fresh(now)
        || !askedBefore(uri)) {
      return;
    }
    CachedResponse kept = response.kept();
    entries.put(uri, kept);
    if (ticket.generation() != generation) {
      entries.asMap().remove(uri, kept);
    } else {
      stale.remove(uri);
    }
  }

  /** Whether {@code uri} was asked for recently; remembers it for next time either way. */
  private boolean askedBefore(String uri) {
    long hash = uri.hashCode() * 0x9E3779B97F4A7C15L;
    int slot = (int) (hash >>> 48);
    return seen.getAndSet(slot, hash) == hash;
  }

  /**
   * Called by the change listener: on (re)connecting, since notifications sent meanwhile are lost,
   * everything cached so far is dropped; while disconnected, the cache is bypassed.
   */
  synchronized void listening(boolean on) {
    generation++;
    entries.invalidateAll();
    stale.clear();
    connected = on;
    listening = enabled && on;
  }

  /**
   * Whether every write on any instance raises {@link Ticket#generation()} here: memory kept by
   * generation (page counts) may be trusted only while it does.
   */
  public boolean connected() {
    return connected;
  }

  /**
   * Drops every entry built from one of {@code keys} ({@code *}: all of them), keeping them aside
   * for a refill when the change was {@code soft} (hid nothing), and brings the next due time
   * forward to {@code due} when a write scheduled an article.
   */
  public synchronized void invalidate(Collection<String> keys, Instant due, boolean soft) {
    generation++;
    if (due != null) {
      dueGeneration++;
      if (due.isBefore(nextDue)) {
        nextDue = due;
      }
    }
    Instant now = clock.instant();
    stale.values().removeIf(kept -> !now.isBefore(kept.until()));
    if (keys.contains(SurrogateKeys.ALL)) {
      entries.invalidateAll();
      stale.clear();
    } else if (!keys.isEmpty()) {
      java.util.function.Predicate<CachedResponse> touched =
          entry -> !Collections.disjoint(entry.keys(), keys);
      if (soft && !staleWhileRefill.isZero() && !staleWhileRefill.isNegative()) {
        Instant until = now.plus(staleWhileRefill);
        entries
            .asMap()
            .forEach(
                (uri, entry) -> {
                  if (touched.test(entry) && entries.asMap().remove(uri, entry)) {
                    stale.putIfAbsent(uri, new Stale(entry, until, new AtomicInteger()));
                  }
                });
      } else {
        entries.asMap().values().removeIf(touched);
        stale.values().removeIf(kept -> touched.test(kept.entry()));
      }
    }
    if (!keys.isEmpty()) {
      dropped.fire(new Dropped(keys));
    }
  }

  /**
   * Sets the next due time read from the database after {@code ticket} was taken; ignored if a
   * write scheduled something in between, since the read may have missed it.
   */
  public synchronized void nextDue(Ticket ticket, Instant due) {
    if (ticket.dueGeneration() == dueGeneration) {
      nextDue = due;
    }
    Instant now = clock.instant(); // the schedule check runs every second: a sweep comes with it
    stale.values().removeIf(kept -> !now.isBefore(kept.until()));
  }

  public CacheStats stats() {
    return entries.stats();
  }

  public long size() {
    return entries.estimatedSize();
  }
}
