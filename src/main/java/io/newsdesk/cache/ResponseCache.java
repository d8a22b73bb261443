package io.newsdesk.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

/**
 * Delivery responses in memory, by request URI, never stale: every write that could change a
 * response drops the entries that name one of its surrogate keys (here and, through PostgreSQL
 * notifications, on every other instance), and no entry outlives the next scheduled article coming
 * due.
 *
 * <p>A response is computed outside any lock, so a write may commit while it is being computed. A
 * {@link Ticket} taken before reading remembers the generation, and {@link #store} drops the
 * response if any invalidation happened since: a response read before a write is never kept after
 * it. Storing takes no lock but the map's own on that URI (misses run in parallel): in one atomic
 * operation it puts the entry and lists its URI under the entry's keys, then it checks the
 * generation; an invalidation raises the generation before it looks its keys up in those lists, so
 * either the check sees the invalidation or the lookup finds the entry.
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

  /**
   * The URIs of the entries that name each surrogate key, so that an invalidation visits what it
   * drops rather than every entry: testing all ~7,000 entries of a filled cache took 5-16 ms per
   * write, while every miss waited for its {@link #ticket()} (2026-12-07). A URI is listed under
   * its entry's keys inside the map's atomic operation on that URI that stores the entry, and
   * unlisted in the one that removes it (by us, or by eviction through the eviction listener); so
   * whenever an entry is in the map, its URI is listed under each of its keys.
   */
  private final ConcurrentHashMap<String, Set<String>> uris = new ConcurrentHashMap<>();

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
            .evictionListener(
                (String uri, CachedResponse r, RemovalCause cause) -> {
                  if (uri != null && r != null) {
                    unlist(uri, r);
                  }
                })
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
    entries
        .asMap()
        .compute(
            uri,
            (key, previous) -> {
              if (previous != null) {
                unlist(key, previous);
              }
              for (String surrogate : kept.keys()) {
                uris.compute(surrogate, (k, listed) -> add(listed, key));
              }
              return kept;
            });
    if (ticket.generation() != generation) {
      remove(uri, entry -> entry == kept);
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
    removeAll();
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
      removeAll();
    } else if (!keys.isEmpty()) {
      Predicate<CachedResponse> touched = entry -> !Collections.disjoint(entry.keys(), keys);
      boolean keepAside = soft && !staleWhileRefill.isZero() && !staleWhileRefill.isNegative();
      Instant until = now.plus(staleWhileRefill);
      for (String key : keys) {
        Set<String> listed = uris.remove(key);
        for (String uri : listed == null ? Set.<String>of() : listed) {
          CachedResponse entry = remove(uri, touched);
          if (entry != null && keepAside) {
            stale.putIfAbsent(uri, new Stale(entry, until, new AtomicInteger()));
          }
        }
      }
      if (!keepAside) {
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

  /**
   * Removes {@code uri}'s entry if {@code which} holds for it, and takes it off its keys' lists in
   * the same atomic operation; returns the entry removed, or null.
   */
  private CachedResponse remove(String uri, Predicate<CachedResponse> which) {
    CachedResponse[] removed = {null};
    entries
        .asMap()
        .computeIfPresent(
            uri,
            (key, entry) -> {
              if (!which.test(entry)) {
                return entry;
              }
              unlist(key, entry);
              removed[0] = entry;
              return null;
            });
    return removed[0];
  }

  /**
   * Removes every entry one by one (not {@code invalidateAll} and clearing the lists: a store
   * between the two would be left in the map unlisted, out of reach of later invalidations).
   */
  private void removeAll() {
    entries.asMap().keySet().forEach(uri -> remove(uri, entry -> true));
    stale.clear();
  }

  /** {@code listed} with {@code uri} added: a new list if there was none. */
  private static Set<String> add(Set<String> listed, String uri) {
    Set<String> list = listed == null ? ConcurrentHashMap.newKeySet() : listed;
    list.add(uri);
    return list;
  }

  /** Takes {@code uri} off the lists of {@code entry}'s keys; a list left empty goes. */
  private void unlist(String uri, CachedResponse entry) {
    for (String key : entry.keys()) {
      uris.computeIfPresent(
          key,
          (k, listed) -> {
            listed.remove(uri);
            return listed.isEmpty() ? null : listed;
          });
    }
  }

  /**
   * Whether each entry's URI is listed under each of its keys, and nothing more is listed: what
   * {@link #invalidate} relies on. For tests; it reads the whole cache.
   */
  public boolean listsMatchEntries() {
    entries.cleanUp();
    long pairs = 0;
    for (var entry : entries.asMap().entrySet()) {
      for (String key : entry.getValue().keys()) {
        if (!uris.getOrDefault(key, Set.of()).contains(entry.getKey())) {
          return false;
        }
        pairs++;
      }
    }
    return pairs == uris.values().stream().mapToLong(Set::size).sum();
  }

  public CacheStats stats() {
    return entries.stats();
  }

  public long size() {
    return entries.estimatedSize();
  }
}
