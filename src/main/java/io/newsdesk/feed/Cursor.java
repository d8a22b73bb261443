package io.newsdesk.feed;

import io.newsdesk.web.ProblemException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset position in the feed: a teaser's {@code (publishedAt, articleId)} and the
 * direction to read from it. Encoded as base64url with a checksum, so a tampered or truncated
 * cursor is recognised and answered with a 400 instead of silently paging from the wrong place.
 */
record Cursor(Direction direction, Instant publishedAt, UUID articleId) {

  enum Direction {
    /** Items older than the position: the next page. */
    OLDER,
    /** Items newer than the position: the previous page. */
    NEWER
  }

  private static final byte VERSION = 1;
  private static final int PAYLOAD = 1 + 1 + 8 + 16;

  /** Payload plus checksum is a multiple of 3 bytes, so no base64 character carries unused bits. */
  private static final int CHECKSUM = 7;

  String encode() {
    ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD + CHECKSUM);
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt);
    buffer
        .put(VERSION)
        .put((byte) direction.ordinal())
        .putLong(micros)
        .putLong(articleId.getMostSignificantBits())
        .putLong(articleId.getLeastSignificantBits());
    buffer.put(checksum(Arrays.copyOf(buffer.array(), PAYLOAD)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  static Cursor decode(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (bytes.length != PAYLOAD + CHECKSUM
        || bytes[0] != VERSION
        || !MessageDigest.isEqual(
            checksum(Arrays.copyOf(bytes, PAYLOAD)),
            Arrays.copyOfRange(bytes, PAYLOAD, bytes.length))) {
      throw invalid();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
    int direction = buffer.get();
    if (direction < 0 || direction >= Direction.values().length) {
      throw invalid();
    }
    Instant at = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
    UUID id = new UUID(buffer.getLong(), buffer.getLong());
    return new Cursor(Direction.values()[direction], at, id);
  }

  private static byte[] checksum(byte[] payload) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(payload), CHECKSUM);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static ProblemException invalid() {
    return ProblemException.invalid(
        "cursor", "is not a cursor from this feed; start again without one");
  }
}
