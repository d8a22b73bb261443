package io.newsdesk.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for the responses Newsdesk keeps (delivery responses, reader assets): compressed once when
 * kept, sent to every client that accepts it. java.util.zip writes no time or name in the header,
 * so the same body gives the same bytes on every instance, and the gzip representation can have a
 * strong ETag of its own: the identity ETag with {@code .gz} (a character base64url never uses).
 */
public final class Gzip {

  private Gzip() {}

  /**
   * The body gzipped. Small bodies too: a client that accepts gzip always gets the kept bytes, so
   * the HTTP layer's own compression never encodes a body under an ETag made for other bytes.
   */
  public static byte[] compress(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The body of gzip {@code bytes} made by {@link #compress}. */
  public static byte[] decompress(byte[] bytes) {
    try (java.util.zip.GZIPInputStream gzip =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return gzip.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ETag of the gzip representation of the body whose identity ETag is {@code etag}. */
  public static String etag(String etag) {
    return etag.substring(0, etag.length() - 1) + ".gz\"";
  }

  /** Whether an Accept-Encoding header accepts gzip (RFC 9110 12.5.3; q=0 refuses). */
  public static boolean accepted(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    boolean any = false;
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.split(";");
      String coding = pieces[0].strip().toLowerCase(java.util.Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].strip().toLowerCase(java.util.Locale.ROOT);
        if (parameter.startsWith("q=")) {
          refused = parameter.substring(2).strip().matches("0(\\.0{0,3})?");
        }
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return !refused;
      }
      if (coding.equals("*")) {
        any = !refused;
      }
    }
    return any;
  }
}
