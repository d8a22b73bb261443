package io.newsdesk.reader;

import io.newsdesk.cache.Delivery;
import io.newsdesk.web.Gzip;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The reader page's stylesheet, script and icons under names that carry a hash of their bytes
 * ({@code /assets/reader.3f2a9c1e0b7d.css}), so browsers and CDNs keep them for a year without
 * asking again, and a new build's page names new files. Every instance of one build computes the
 * same names. {@code /favicon.ico}, whose name cannot change, is kept for a day only.
 */
@ApplicationScoped
class StaticAssets {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String ONE_DAY = "public, max-age=86400";

  /** One file: its bytes (and gzipped, for text), type and strong ETag. */
  private record Asset(Buffer body, Buffer gzip, String type, String etag) {
    static Asset of(byte[] bytes, String type) {
      byte[] gzip = type.startsWith("image/") ? null : Gzip.compress(bytes);
      return new Asset(
          Buffer.buffer(bytes),
          gzip == null ? null : Buffer.buffer(gzip),
          type,
          Delivery.etag(bytes));
    }
  }

  /** The hashed paths the page links to. */
  record Names(String css, String js, String icon, String touchIcon) {}

  private final Map<String, Asset> byName = new HashMap<>();
  private final Asset favicon;
  private final Names names;

  StaticAssets() {
    byte[] icon = Favicon.png(32);
    names =
        new Names(
            add("reader", "css", read("reader/reader.css"), "text/css; charset=utf-8"),
            add("reader", "js", read("reader/reader.js"), "text/javascript; charset=utf-8"),
            add("icon", "png", icon, "image/png"),
            add("touch-icon", "png", Favicon.png(180), "image/png"));
    favicon = Asset.of(Favicon.ico(icon, 32), "image/x-icon");
  }

  Names names() {
    return names;
  }

  void install(@Observes Router router) {
    router.get("/assets/:name").handler(this::asset);
    router.get("/favicon.ico").handler(context -> send(context, favicon, ONE_DAY));
  }

  private void asset(RoutingContext context) {
    Asset asset = byName.get(context.pathParam("name"));
    if (asset == null) {
      context.response().setStatusCode(404).putHeader("Cache-Control", "no-store").end();
    } else {
      send(context, asset, IMMUTABLE);
    }
  }

  private static void send(RoutingContext context, Asset asset, String cacheControl) {
    boolean gzipped =
        asset.gzip() != null && Gzip.accepted(context.request().getHeader("Accept-Encoding"));
    String etag = gzipped ? Gzip.etag(asset.etag()) : asset.etag();
    var response =
        context
            .response()
            .putHeader("Cache-Control", cacheControl)
            .putHeader("ETag", etag)
            .putHeader("X-Content-Type-Options", "nosniff");
    if (asset.gzip() != null) {
      response.headers().add("Vary", "Accept-Encoding");
    }
    String ifNoneMatch = context.request().getHeader("If-None-Match");
    if (asset.etag().equals(ifNoneMatch) || etag.equals(ifNoneMatch)) {
      response.setStatusCode(304).end();
    } else if (gzipped) {
      response
          .putHeader("Content-Type", asset.type())
          .putHeader("Content-Encoding", "gzip")
          .end(asset.gzip());
    } else {
      response.putHeader("Content-Type", asset.type()).end(asset.body());
    }
  }

  private String add(String stem, String extension, byte[] bytes, String type) {
    String name = stem + "." + hash(bytes) + "." + extension;
    byName.put(name, Asset.of(bytes, type));
    return "/assets/" + name;
  }

  private static String hash(byte[] bytes) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
