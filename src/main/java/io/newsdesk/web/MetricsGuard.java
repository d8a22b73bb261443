package io.newsdesk.web;

import io.newsdesk.config.NewsdeskConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Metrics name routes, pools and counts that are nobody's business on the public port: {@code
 * /q/metrics} answers only to {@code Authorization: Bearer <newsdesk.metrics.token>} (what a
 * Prometheus scrape sends), unless {@code newsdesk.metrics.public} opens it (dev and tests). Health
 * stays open, where load balancers look for it.
 */
@ApplicationScoped
class MetricsGuard {

  private static final String PATH = "/q/metrics";

  private final boolean open;
  private final Optional<byte[]> expected;

  MetricsGuard(NewsdeskConfig config) {
    this.open = config.metrics().isPublic();
    this.expected =
        config
            .metrics()
            .token()
            .filter(t -> !t.isBlank())
            .map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
  }

  void install(@Observes Router router) {
    router
        .route(PATH + "*")
        .order(RequestIds.ORDER + 2)
        .handler(
            context -> {
              String sent = context.request().getHeader(HttpHeaders.AUTHORIZATION);
              if (open || allowed(sent)) {
                context.next();
                return;
              }
              Problem problem =
                  new Problem(
                      "/problems/unauthorized",
                      "Unauthorized",
                      401,
                      "Metrics need 'Authorization: Bearer <NEWSDESK_METRICS_TOKEN>'",
                      context.request().path(),
                      null);
              context
                  .response()
                  .setStatusCode(401)
                  .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                  .putHeader("WWW-Authenticate", "Bearer realm=\"newsdesk-metrics\"")
                  .end(JsonObject.mapFrom(problem).encode());
            });
  }

  private boolean allowed(String sent) {
    return sent != null
        && expected.isPresent()
        && MessageDigest.isEqual(expected.get(), sent.getBytes(StandardCharsets.UTF_8));
  }
}
