package io.newsdesk.changes;

import io.newsdesk.web.Opaque;
import io.newsdesk.web.ProblemException;
import java.nio.ByteBuffer;

/** An opaque position in the change feed (base64url with a checksum, see {@link Opaque}). */
final class ChangeCursor {

  private static final byte VERSION = 2;
  private static final int PAYLOAD = 1 + 8;

  private ChangeCursor() {}

  static String encode(long seq) {
    return Opaque.encode(ByteBuffer.allocate(PAYLOAD).put(VERSION).putLong(seq).array());
  }

  static long decode(String text) {
    byte[] payload = Opaque.decode(text, PAYLOAD);
    if (payload == null || payload[0] != VERSION) {
      throw ProblemException.invalid(
          "since", "is not a cursor from this change feed; start again without one");
    }
    return ByteBuffer.wrap(payload, 1, 8).getLong();
  }
}
