package io.newsdesk.media;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.web.ProblemException;
import io.newsdesk.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many images are decoded at once ({@code newsdesk.media.concurrent-decodes}), so
 * uploads and first renders together stay within the heap; the rest wait up to ten seconds for a
 * turn, then answer 503 with Retry-After.
 */
@ApplicationScoped
class DecodePermits {

  private final Semaphore permits;

  DecodePermits(NewsdeskConfig config) {
    this.permits = new Semaphore(Math.max(1, config.media().concurrentDecodes()), true);
  }

  <T> T run(Supplier<T> work) {
    try {
      if (!permits.tryAcquire(10, TimeUnit.SECONDS)) {
        throw new ProblemException(
            503,
            "/problems/busy",
            "Service Unavailable",
            "Images are being decoded at capacity; try again in a few seconds",
            null,
            Map.of("Retry-After", Problems.RETRY_AFTER_SECONDS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to decode", e);
    }
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }
}
