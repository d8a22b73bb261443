package io.newsdesk.feed;

import io.newsdesk.web.Opaque;
import io.newsdesk.web.ProblemException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An opaque keyset position in the feed: a teaser's {@code (publishedAt, articleId)} and the
 * direction to read from it, with a checksum ({@link Opaque}), so a tampered or truncated cursor is
 * answered with a 400 instead of silently paging from the wrong place.
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

  String encode() {
    ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD);
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt);
    buffer
        .put(VERSION)
        .put((byte) direction.ordinal())
        .putLong(micros)
        .putLong(articleId.getMostSignificantBits())
        .putLong(articleId.getLeastSignificantBits());
    return Opaque.encode(buffer.array());
  }

  static Cursor decode(String text) {
    byte[] payload = Opaque.decode(text, PAYLOAD);
    if (payload == null || payload[0] != VERSION) {
      throw invalid();
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload, 1, PAYLOAD - 1);
    int direction = buffer.get();
    if (direction < 0 || direction >= Direction.values().length) {
      throw invalid();
    }
    Instant at = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
    UUID id = new UUID(buffer.getLong(), buffer.getLong());
    return new Cursor(Direction.values()[direction], at, id);
  }

  private static ProblemException invalid() {
    return ProblemException.invalid(
        "cursor", "is not a cursor from this feed; start again without one");
  }
}
