package io.newsdesk.cache;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A delivery response exactly as it is sent, kept in memory: status, body (and the body gzipped,
 * once, for clients that accept it; null for a body-less answer) and what makes it cacheable
 * downstream (strong ETag, Last-Modified, surrogate keys), and the instant it stops being right
 * without any write (the next scheduled article coming due).
 */
record CachedResponse(
    int status,
    byte[] body,
    Compressed gzip,
    String contentType,
    String etag,
    Instant lastModified,
    Set<String> keys,
    Map<String, String> extraHeaders,
    Instant validUntil) {

  boolean fresh(Instant now) {
    return now.isBefore(validUntil);
  }

  /**
   * RFC 9110 section 13.2.2: If-None-Match decides when present (weak comparison, {@code *} matches
   * any); otherwise If-Modified-Since, for responses that have a Last-Modified.
   */
  boolean notModified(String ifNoneMatch, String ifModifiedSince) {
    if (status != 200) {
      return false;
    }
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String value = tag.strip();
        if (value.equals("*")
            || strip(value).equals(strip(etag))
            || (gzip != null && strip(value).equals(io.newsdesk.web.Gzip.etag(etag)))) {
          return true;
        }
      }
      return false;
    }
    if (ifModifiedSince != null && lastModified != null) {
      try {
        Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince, Instant::from);
        return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
      } catch (DateTimeParseException e) {
        return false; // an invalid date is ignored (RFC 9110 section 13.1.3)
      }
    }
    return false;
  }

  /** Whether to send {@link #gzip} to a client with this Accept-Encoding header. */
  boolean gzipFor(String acceptEncoding) {
    return gzip != null && io.newsdesk.web.Gzip.accepted(acceptEncoding);
  }

  /**
   * The headers of this response as sent gzipped or not, for the full answer and for a 304 alike:
   * each representation has its own ETag. The full answer adds {@code Content-Encoding}.
   */
  Map<String, String> headers(String cacheControl, boolean gzipped) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (etag != null) {
      headers.put("ETag", gzipped ? io.newsdesk.web.Gzip.etag(etag) : etag);
    }
    if (gzip != null) {
      headers.put("Vary", "Accept-Encoding");
    }
    if (lastModified != null) {
      headers.put(
          "Last-Modified",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
    }
    headers.put("Cache-Control", cacheControl);
    headers.put("Surrogate-Key", String.join(" ", keys));
    headers.putAll(extraHeaders);
    return headers;
  }

  private static String strip(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /**
   * The body gzipped, made the first time it is asked for: when the response is kept (the cache
   * weighs it) or a client accepts gzip, never for a one-off answer to a client that does not.
   */
  static final class Compressed {
    private final byte[] body;
    private volatile byte[] gzip;

    Compressed(byte[] body) {
      this.body = body;
    }

    byte[] bytes() {
      byte[] made = gzip;
      if (made == null) {
        made = io.newsdesk.web.Gzip.compress(body);
        gzip = made; // racing callers make the same bytes
      }
      return made;
    }
  }
}
