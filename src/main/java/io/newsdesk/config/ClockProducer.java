package io.newsdesk.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The one source of "now", so rules that depend on time take it from an injected {@link Clock}. */
class ClockProducer {

  @Produces
  @Singleton
  Clock clock() {
    // PostgreSQL keeps microseconds: a clock that ticks in microseconds makes stored and cursor
    // times equal.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
