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
 * A delivery response exactly as it is sent, kept in memory: status, body (for a 200, also gzipped,
 * for clients that accept it) and what makes it cacheable downstream (strong ETag, Last-Modified,
 * surrogate keys), and the instant it stops being right without any write (the next scheduled
 * article coming due).
 */
record CachedResponse(
    int status,
    Body body,
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
            || (body.gzippable && strip(value).equals(io.newsdesk.web.Gzip.etag(etag)))) {
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

  /** Whether to send the body gzipped to a client with this Accept-Encoding header. */
  boolean gzipFor(String acceptEncoding) {
    return body.gzippable && io.newsdesk.web.Gzip.accepted(acceptEncoding);
  }

  /** The bytes to send: the body gzipped or as rendered. */
  byte[] bytes(boolean gzipped) {
    return gzipped ? body.gzip() : body.identity();
  }

  /** This response as the cache keeps it: a 200's body gzipped only (see {@link Body#kept}). */
  CachedResponse kept() {
    return new CachedResponse(
        status, body.kept(), contentType, etag, lastModified, keys, extraHeaders, validUntil);
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
    if (body.gzippable) {
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
   * A body as rendered and, for a 200, gzipped: made the first time it is asked for (a one-off
   * answer to a client that does not accept gzip never compresses). A kept body holds the gzip
   * bytes only, and a client that does not accept gzip gets them inflated: kept answers are the
   * response cache's whole weight, and a random read of a large archive mostly stores answers that
   * are evicted before anyone asks again, so every byte kept is a byte the collector copies and
   * promotes (BENCHMARKS.md, random articles of 100,000).
   */
  static final class Body {
    private final byte[] identity;
    private final boolean gzippable;
    private volatile byte[] gzip;

    private Body(byte[] identity, boolean gzippable, byte[] gzip) {
      this.identity = identity;
      this.gzippable = gzippable;
      this.gzip = gzip;
    }

    /** A body as rendered; {@code gzippable} for a 200. */
    static Body of(byte[] identity, boolean gzippable) {
      return new Body(identity, gzippable, null);
    }

    byte[] identity() {
      return identity != null ? identity : io.newsdesk.web.Gzip.decompress(gzip);
    }

    byte[] gzip() {
      byte[] made = gzip;
      if (made == null) {
        made = io.newsdesk.web.Gzip.compress(identity);
        gzip = made; // racing callers make the same bytes
      }
      return made;
    }

    Body kept() {
      return gzippable ? new Body(null, true, gzip()) : this;
    }

    /** The bytes this body holds. */
    int weight() {
      byte[] made = gzip;
      return (identity == null ? 0 : identity.length) + (made == null ? 0 : made.length);
    }
  }
}
