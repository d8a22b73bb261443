package io.newsdesk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsdesk.config.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts bad tokens by client address in a fixed window from each client's first failure; a client
 * past {@code newsdesk.auth.max-failures} is blocked until its window ends. The address is the
 * connection's, or the one a proxy forwarded only when {@code
 * quarkus.http.proxy.proxy-address-forwarding} trusts proxies, so a client cannot pick its own by
 * sending X-Forwarded-For. Counts live in this instance's memory (bounded, expiring with the
 * window): behind a load balancer each instance counts on its own.
 */
@ApplicationScoped
class FailedLogins {

  /** One client's failures since {@code start}. */
  private record Window(Instant start, AtomicInteger failures) {
    Window incremented() {
      failures.incrementAndGet();
      return this;
    }
  }

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Cache<String, Window> windows;

  FailedLogins(NewsdeskConfig config, Clock clock) {
    this.maxFailures = config.auth().maxFailures();
    this.window = config.auth().failureWindow();
    this.clock = clock;
    this.windows = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
  }

  void failed(String client) {
    Instant now = clock.instant();
    windows
        .asMap()
        .compute(
            client,
            (c, current) ->
                current == null || !now.isBefore(current.start().plus(window))
                    ? new Window(now, new AtomicInteger(1))
                    : current.incremented());
  }

  /** Seconds until {@code client} may try again, or 0 when it is not blocked. */
  long blockedFor(String client) {
    Window current = windows.getIfPresent(client);
    if (current == null || current.failures().get() < maxFailures) {
      return 0;
    }
    Duration left = Duration.between(clock.instant(), current.start().plus(window));
    return left.isNegative() || left.isZero() ? 0 : Math.max(1, (left.toMillis() + 999) / 1000);
  }
}
