package io.newsdesk;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in {@code @QuarkusTest}s: the system clock plus an offset that a test moves
 * forward, so "not yet" and "now it is due" are decided by the test, never by how fast the machine
 * runs. It only ever moves forward, like time, so tests that do not touch it are not disturbed.
 */
public final class TestClock extends Clock {

  private static final TestClock INSTANCE = new TestClock();

  private final Clock system = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  private volatile Duration offset = Duration.ZERO;

  TestClock() {}

  /** Replaces the production clock for every {@code @QuarkusTest}. */
  @Produces
  @Alternative
  @Priority(1)
  @Singleton
  static Clock clock() {
    return INSTANCE;
  }

  /** The server's "now". */
  public static Instant now() {
    return INSTANCE.instant();
  }

  /** Moves the server's clock forward by {@code amount}. */
  public static synchronized void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    INSTANCE.offset = INSTANCE.offset.plus(amount);
  }

  @Override
  public Instant instant() {
    return system.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the server's clock is UTC");
  }
}
