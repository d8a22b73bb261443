package io.newsdesk.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body over {@code quarkus.http.limits.max-body-size} with a 413 problem+json
 * before anything reads it (the HTTP layer's own 413 has an empty body). A chunked body without a
 * length is still stopped by the HTTP layer at the same limit.
 */
@ApplicationScoped
class BodyLimit {

  private final long maxBytes;

  BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
    this.maxBytes = maxBodySize.asLongValue();
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLong(length)) {
                Problem problem =
                    new Problem(
                        "/problems/payload-too-large",
                        "Payload Too Large",
                        413,
                        "The body is larger than " + maxBytes + " bytes",
                        context.request().path(),
                        null);
                context
                    .response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(JsonObject.mapFrom(problem).encode());
              } else {
                context.next();
              }
            });
  }

  private boolean tooLong(String length) {
    try {
      return Long.parseLong(length.strip()) > maxBytes;
    } catch (NumberFormatException e) {
      return false; // the HTTP layer rejects a malformed length itself
    }
  }
}
