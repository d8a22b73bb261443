package io.newsdesk.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One computation per key at a time (request coalescing): a caller that finds the same key being
 * computed, from the same cache generation, waits for that result and shares it instead of
 * computing it again. A computation begun before an invalidation is never shared with a caller that
 * came after it (the generations differ), so a reader who wrote first still reads its write. A
 * caller waits at most {@code patience}, and computes on its own if the first one fails or takes
 * longer; one on an event loop joins without blocking ({@link #joining}). A computation never
 * returns null (to a waiter, null means the wait failed).
 */
final class Flights<V> {

  private record Flight<V>(long generation, CompletableFuture<V> result) {}

  private final ConcurrentHashMap<String, Flight<V>> flights = new ConcurrentHashMap<>();
  private final Duration patience;
  private final LongAdder shared = new LongAdder();
  private final java.util.concurrent.atomic.AtomicInteger waiting =
      new java.util.concurrent.atomic.AtomicInteger();

  Flights(Duration patience) {
    this.patience = patience;
  }

  V run(String key, long generation, Supplier<V> compute) {
    Flight<V> mine = new Flight<>(generation, new CompletableFuture<>());
    Flight<V> current =
        flights.compute(
            key,
            (k, existing) ->
                existing != null && existing.generation() == generation ? existing : mine);
    if (current != mine) {
      V result;
      waiting.incrementAndGet();
      try {
        result = current.result().get(patience.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        result = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result = null;
      } finally {
        waiting.decrementAndGet();
      }
      if (result == null) {
        return compute.get();
      }
      shared.increment();
      return result;
    }
    try {
      V result = compute.get();
      mine.result().complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      mine.result().completeExceptionally(e);
      throw e;
    } finally {
      flights.remove(key, mine);
    }
  }

  /**
   * For a caller that waits without holding a thread: the result of {@code key}'s computation in
   * flight from {@code generation}, completed (exceptionally, after {@code patience}, if it takes
   * longer); null when there is none. Counted as waiting until then, and as shared if it succeeds.
   */
  CompletableFuture<V> joining(String key, long generation) {
    Flight<V> current = flights.get(key);
    if (current == null || current.generation() != generation) {
      return null;
    }
    waiting.incrementAndGet();
    return current
        .result()
        .copy()
        .orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (result, failure) -> {
              waiting.decrementAndGet();
              if (failure == null) {
                shared.increment();
              }
            });
  }

  /** Callers waiting for another's computation now. */
  int waiting() {
    return waiting.get();
  }

  /** Callers that shared another's result instead of computing. */
  long shared() {
    return shared.sum();
  }
}
