package io.newsdesk.cache;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Answers delivery GETs that the {@link ResponseCache} holds straight from the HTTP layer, before
 * routing, authentication or a worker thread are involved, and so the GETs that arrive while
 * another request reads the same URI, once its response is there; everything else goes on to the
 * REST resources, which fill the cache.
 */
@ApplicationScoped
class CacheHits {

  /** After the body limit and the browser policy, before everything else. */
  static final int ORDER = Integer.MIN_VALUE + 3;

  private final ResponseCache cache;
  private final Delivery delivery;
  private final Clock clock;

  CacheHits(ResponseCache cache, Delivery delivery, Clock clock) {
    this.cache = cache;
    this.delivery = delivery;
    this.clock = clock;
  }

  void install(@Observes Router router) {
    if (cache.enabled()) {
      router.route().order(ORDER).handler(this::handle);
    }
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    boolean head = request.method() == HttpMethod.HEAD;
    if (!(head || request.method() == HttpMethod.GET) || !isDelivery(request.path())) {
      context.next();
      return;
    }
    Instant now = clock.instant();
    CachedResponse hit = cache.lookup(request.uri(), now);
    if (hit != null) {
      answer(context, hit, "HIT");
      return;
    }
    hit = cache.staleWhileRefilled(request.uri(), now);
    if (hit != null) {
      answer(context, hit, "STALE");
      return;
    }
    // Another request is reading this URI: wait for its response here, on the event loop, rather
    // than on a worker thread of our own (a front-page edit sends tens of readers to wait at once).
    CompletableFuture<CachedResponse> flight = delivery.inFlight(request.uri());
    if (flight == null) {
      context.next();
      return;
    }
    Context here = Vertx.currentContext();
    flight.whenComplete(
        (shared, failure) ->
            here.runOnContext(
                done -> {
                  if (context.response().closed() || context.response().ended()) {
                    return; // the client has gone, or the request was answered meanwhile
                  }
                  if (failure == null) {
                    answer(context, shared, "MISS"); // read for this request's moment, as one
                  } else {
                    // it failed or took too long: on to the REST layer, which reads for itself
                    // (after waiting once more, should the same read still be in flight)
                    context.next();
                  }
                }));
  }

  /** Writes {@code hit} as the response, unless the request does not accept its type. */
  private void answer(RoutingContext context, CachedResponse hit, String how) {
    HttpServerRequest request = context.request();
    if (!accepts(request.getHeader("Accept"), hit.contentType())) {
      context.next();
      return;
    }
    HttpServerResponse response = context.response();
    boolean gzipped = hit.gzipFor(request.getHeader("Accept-Encoding"));
    hit.headers(delivery.cacheControl(), gzipped)
        .forEach(
            (name, value) -> {
              if (name.equals("Vary")) {
                response.headers().add(name, value); // next to CORS's Vary: Origin
              } else {
                response.putHeader(name, value);
              }
            });
    response.putHeader(Delivery.X_CACHE, how);
    if (how.equals("STALE")) {
      // not for proxies to keep: the fresh one is a moment away, and they were purged for it
      response.putHeader("Cache-Control", "no-cache");
    }
    if (hit.notModified(
        request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"))) {
      response.setStatusCode(304).end();
      return;
    }
    response.setStatusCode(hit.status());
    if (hit.contentType() != null) {
      response.putHeader("Content-Type", hit.contentType());
    }
    byte[] body = hit.bytes(gzipped);
    if (gzipped) {
      response.putHeader("Content-Encoding", "gzip");
    }
    if (request.method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", String.valueOf(body.length)).end();
    } else {
      response.end(Buffer.buffer(body));
    }
  }

  /**
   * The anonymous, cacheable part of the server: the delivery API, the syndication feeds, the
   * sitemaps and the reader page.
   */
  static boolean isDelivery(String path) {
    return (path.startsWith("/api/v1/") && !path.startsWith("/api/v1/manage"))
        || path.equals("/")
        || path.startsWith("/articles/")
        || path.startsWith("/feeds/")
        || path.startsWith("/sitemap")
        || path.equals("/robots.txt");
  }

  /** Lets the REST layer answer requests that do not accept the cached representation. */
  private static boolean accepts(String accept, String contentType) {
    if (accept == null || contentType == null) {
      return true;
    }
    String type = contentType.substring(0, contentType.indexOf('/') + 1);
    for (String range : accept.split(",")) {
      String media = range.split(";")[0].strip();
      if (media.equals("*/*") || media.equals(type + "*") || contentType.startsWith(media)) {
        return true;
      }
    }
    return false;
  }
}
