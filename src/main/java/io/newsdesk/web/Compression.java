package io.newsdesk.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Compression by the HTTP server ({@code quarkus.http.enable-compression}), negotiated by
 * Accept-Encoding, for what is not compressed ahead of time: management JSON, problem details and
 * the OpenAPI document. Delivery responses and the reader's assets arrive already gzipped (kept
 * compressed, under an ETag of their own) and the server leaves them as they are. The server marks
 * every response {@code Content-Encoding: identity} and the REST layer lifts the mark for the types
 * of {@code quarkus.http.compress-media-types}; the OpenAPI document is not the REST layer's, so it
 * is lifted here. Whatever may be compressed says {@code Vary: Accept-Encoding}.
 */
@ApplicationScoped
class Compression {

  /** Right after the body limit and request ids. */
  private static final int ORDER = Integer.MIN_VALUE + 2;

  void install(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            context -> {
              boolean document = context.request().path().startsWith("/q/openapi");
              context.addHeadersEndHandler(
                  ended -> {
                    MultiMap headers = context.response().headers();
                    if (document && "identity".equals(headers.get("Content-Encoding"))) {
                      headers.remove("Content-Encoding");
                    }
                    String vary = headers.get("Vary");
                    if (!headers.contains("Content-Encoding")
                        && (vary == null || !vary.toLowerCase().contains("accept-encoding"))) {
                      headers.set(
                          "Vary", vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
                    }
                  });
              context.next();
            });
  }
}
