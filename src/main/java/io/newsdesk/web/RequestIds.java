package io.newsdesk.web;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The first handler of every request. It gives the request an id: the caller's {@code X-Request-Id}
 * when it is a plain token, a new one otherwise, echoed in the response and put in the logging
 * context, so every log line of the request carries it (also on worker threads: Quarkus keeps the
 * context with the request). And once shutdown has begun it turns new requests away with a 503 and
 * {@code Retry-After}, while those already in flight finish (quarkus.shutdown.timeout).
 */
@ApplicationScoped
class RequestIds {

  private volatile boolean draining;

  void drain(@Observes ShutdownDelayInitiatedEvent event) {
    draining = true;
  }

  static final String HEADER = "X-Request-Id";
  static final int ORDER = Integer.MIN_VALUE;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  void install(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            context -> {
              String sent = context.request().getHeader(HEADER);
              String id =
                  sent != null && SAFE.matcher(sent).matches()
                      ? sent
                      : UUID.randomUUID().toString();
              MDC.put("requestId", id);
              context.response().putHeader(HEADER, id);
              if (draining) {
                Problem problem =
                    new Problem(
                        "/problems/shutting-down",
                        "Service Unavailable",
                        503,
                        "This instance is shutting down; retry, another one will answer",
                        context.request().path(),
                        null);
                context
                    .response()
                    .setStatusCode(503)
                    .putHeader("Retry-After", Problems.RETRY_AFTER_SECONDS)
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Connection", "close")
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(JsonObject.mapFrom(problem).encode());
                return;
              }
              context.addEndHandler(done -> MDC.remove("requestId"));
              context.next();
            });
  }
}
