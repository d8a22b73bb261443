package io.newsdesk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Request coalescing: concurrent callers of one key and generation share one computation. */
class FlightsTest {

  private final ExecutorService threads = Executors.newFixedThreadPool(9);

  @Test
  void concurrentCallersOfOneKeyShareOneComputation() throws Exception {
    Flights<String> flights = new Flights<>(Duration.ofMinutes(1));
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Future<String> first =
        threads.submit(
            () ->
                flights.run(
                    "/api/v1/feed",
                    7,
                    () -> {
                      computed.incrementAndGet();
                      await(release);
                      return "page";
                    }));
    Awaitility.await().until(() -> computed.get() == 1); // the first is computing
    List<Future<String>> others = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      others.add(
          threads.submit(
              () ->
                  flights.run(
                      "/api/v1/feed",
                      7,
                      () -> {
                        computed.incrementAndGet();
                        return "computed again";
                      })));
    }
    Awaitility.await("all eight wait for the first").until(() -> flights.waiting() == 8);
    release.countDown();
    assertEquals("page", first.get());
    for (Future<String> other : others) {
      assertEquals("page", other.get());
    }
    assertEquals(1, computed.get());
    assertEquals(8, flights.shared());
  }

  @Test
  void aCallerAfterAnInvalidationDoesNotGetWhatWasReadBeforeIt() throws Exception {
    Flights<String> flights = new Flights<>(Duration.ofMinutes(1));
    CountDownLatch release = new CountDownLatch(1);
    Future<String> before =
        held(flights, "/api/v1/articles/ferry", 1, release, () -> "before the edit");
    // a write raised the generation: the next reader reads for itself, at once
    assertEquals(
        "after the edit", flights.run("/api/v1/articles/ferry", 2, () -> "after the edit"));
    release.countDown();
    assertEquals("before the edit", before.get());
    assertEquals(0, flights.shared());
  }

  @Test
  void whenTheFirstFailsTheOthersReadForThemselves() throws Exception {
    Flights<String> flights = new Flights<>(Duration.ofMinutes(1));
    CountDownLatch release = new CountDownLatch(1);
    Future<String> failing =
        held(
            flights,
            "/api/v1/feed",
            3,
            release,
            () -> {
              throw new IllegalStateException("database went away");
            });
    Future<String> waiting = threads.submit(() -> flights.run("/api/v1/feed", 3, () -> "own read"));
    Awaitility.await("the second waits for the first").until(() -> flights.waiting() == 1);
    release.countDown();
    assertThrows(java.util.concurrent.ExecutionException.class, failing::get);
    assertEquals("own read", waiting.get());
  }

  @Test
  void aCallerCanJoinWithoutAThreadOnlyAReadOfItsOwnGeneration() throws Exception {
    Flights<String> flights = new Flights<>(Duration.ofMinutes(1));
    assertNull(flights.joining("/api/v1/feed", 5), "nothing in flight: it reads for itself");
    CountDownLatch release = new CountDownLatch(1);
    Future<String> first = held(flights, "/api/v1/feed", 5, release, () -> "page");
    assertNull(flights.joining("/api/v1/feed", 6), "a read from before an invalidation");
    CompletableFuture<String> joined = flights.joining("/api/v1/feed", 5);
    assertEquals(1, flights.waiting());
    assertFalse(joined.isDone());
    release.countDown();
    assertEquals("page", joined.get(30, TimeUnit.SECONDS));
    assertEquals("page", first.get());
    assertEquals(0, flights.waiting());
    assertEquals(1, flights.shared());
  }

  @Test
  void aJoinerGivesUpAfterItsPatience() throws Exception {
    Flights<String> flights = new Flights<>(Duration.ofMillis(1));
    CountDownLatch release = new CountDownLatch(1);
    Future<String> slow = held(flights, "/api/v1/feed", 1, release, () -> "late");
    CompletableFuture<String> joined = flights.joining("/api/v1/feed", 1);
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> joined.get(30, TimeUnit.SECONDS));
    assertInstanceOf(TimeoutException.class, failure.getCause());
    assertEquals(0, flights.waiting());
    release.countDown();
    assertEquals("late", slow.get());
    assertEquals(0, flights.shared());
  }

  /**
   * Starts computing {@code key} from {@code generation} on another thread, held until {@code
   * release} opens; returns once the computation has begun.
   */
  private Future<String> held(
      Flights<String> flights,
      String key,
      long generation,
      CountDownLatch release,
      java.util.function.Supplier<String> result)
      throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    Future<String> computing =
        threads.submit(
            () ->
                flights.run(
                    key,
                    generation,
                    () -> {
                      started.countDown();
                      await(release);
                      return result.get();
                    }));
    started.await();
    return computing;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
