package io.newsdesk.web;

import io.newsdesk.config.NewsdeskConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Who may call what from a browser (CORS), and what may be stored (Cache-Control) outside the
 * delivery responses' own caching headers. The delivery API and feeds are open for GET to the
 * configured origins (any by default); the management API answers browsers only from the origins
 * configured for it, and is never stored by a cache. Errors are never stored either.
 */
@ApplicationScoped
class HttpPolicy {

  /** After the body limit, before the response cache. */
  static final int ORDER = Integer.MIN_VALUE + 2;

  private static final String DELIVERY_HEADERS = "If-None-Match, If-Modified-Since, Accept";
  private static final String MANAGEMENT_HEADERS =
      "Authorization, Content-Type, If-Match, Idempotency-Key, Accept";
  private static final String EXPOSED = "ETag, Last-Modified, Link, Location, Retry-After";

  private final List<String> deliveryOrigins;
  private final List<String> managementOrigins;

  HttpPolicy(NewsdeskConfig config) {
    this.deliveryOrigins = config.cors().deliveryOrigins();
    this.managementOrigins = config.cors().managementOrigins().orElse(List.of());
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::handle);
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    HttpServerResponse response = context.response();
    String path = request.path();
    boolean management = path.startsWith("/api/v1/manage");
    boolean delivery = !management && (path.startsWith("/api/v1/") || path.startsWith("/feeds/"));
    if (management) {
      response.putHeader("Cache-Control", "no-store").putHeader("Vary", "Authorization");
    } else if (delivery) {
      context.addHeadersEndHandler(
          ignored -> {
            if (response.getStatusCode() >= 400) {
              response.putHeader("Cache-Control", "no-store");
            }
          });
    }
    String origin = request.getHeader("Origin");
    if (origin == null || !(management || delivery)) {
      context.next();
      return;
    }
    List<String> allowed = management ? managementOrigins : deliveryOrigins;
    boolean any = allowed.contains("*");
    boolean preflight =
        request.method() == HttpMethod.OPTIONS
            && request.getHeader("Access-Control-Request-Method") != null;
    if (!any && !allowed.contains(origin)) {
      if (preflight) {
        response.setStatusCode(403).end(); // no CORS headers: the browser refuses the call
      } else {
        context.next();
      }
      return;
    }
    response.putHeader("Access-Control-Allow-Origin", any ? "*" : origin);
    if (!any) {
      response.headers().add("Vary", "Origin");
    }
    if (!preflight) {
      response.putHeader("Access-Control-Expose-Headers", EXPOSED);
      context.next();
      return;
    }
    response
        .putHeader(
            "Access-Control-Allow-Methods",
            management ? "GET, POST, PUT, PATCH, DELETE" : "GET, HEAD")
        .putHeader(
            "Access-Control-Allow-Headers", management ? MANAGEMENT_HEADERS : DELIVERY_HEADERS)
        .putHeader("Access-Control-Max-Age", "600")
        .setStatusCode(204)
        .end();
  }
}
