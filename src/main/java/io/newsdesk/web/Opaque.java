package io.newsdesk.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque tokens such as page cursors: a payload and a truncated SHA-256 checksum in base64url, so a
 * tampered or truncated token is recognised rather than trusted. Not a secret and not a signature:
 * it only makes client mistakes fail loudly.
 */
public final class Opaque {

  private static final int MIN_CHECKSUM = 6;

  private Opaque() {}

  public static String encode(byte[] payload) {
    byte[] checksum = checksum(payload);
    byte[] token = Arrays.copyOf(payload, payload.length + checksum.length);
    System.arraycopy(checksum, 0, token, payload.length, checksum.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** The payload of {@code payloadLength} bytes, or null if the token is not one of ours. */
  public static byte[] decode(String token, int payloadLength) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
    byte[] payload = Arrays.copyOf(bytes, Math.min(bytes.length, payloadLength));
    byte[] expected = checksum(payload);
    if (bytes.length != payloadLength + expected.length
        || !MessageDigest.isEqual(
            expected, Arrays.copyOfRange(bytes, payloadLength, bytes.length))) {
      return null;
    }
    return payload;
  }

  /** Long enough that payload plus checksum is a multiple of 3 bytes: no half-used characters. */
  private static byte[] checksum(byte[] payload) {
    int length = MIN_CHECKSUM + (3 - (payload.length + MIN_CHECKSUM) % 3) % 3;
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(payload), length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
