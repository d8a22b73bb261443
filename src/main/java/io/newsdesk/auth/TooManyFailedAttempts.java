package io.newsdesk.auth;

/** A client sent too many bad tokens; it may try again after {@link #retryAfterSeconds()}. */
public class TooManyFailedAttempts extends RuntimeException {

  private final long retryAfterSeconds;

  TooManyFailedAttempts(long retryAfterSeconds) {
    super("Too many failed attempts", null, false, false); // an answer, not a fault: no stack
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
