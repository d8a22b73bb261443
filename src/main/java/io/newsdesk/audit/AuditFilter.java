package io.newsdesk.audit;

import io.newsdesk.auth.Caller;
import io.newsdesk.auth.CurrentCaller;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every successful management write (POST, PUT, PATCH, DELETE under /api/v1/manage) with
 * its caller, entity and client address. The address is the connection's, or the one a trusted
 * proxy forwarded when quarkus.http.proxy.proxy-address-forwarding is on.
 */
class AuditFilter {

  private static final Logger LOG = Logger.getLogger(AuditFilter.class);
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String PREFIX = "/api/v1/manage/";

  private final AuditLog log;
  private final CurrentCaller caller;

  AuditFilter(AuditLog log, CurrentCaller caller) {
    this.log = log;
    this.caller = caller;
  }

  @ServerResponseFilter
  void record(
      ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
    String path = request.getUriInfo().getPath();
    if (!WRITES.contains(request.getMethod())
        || !path.startsWith(PREFIX)
        || response.getStatus() >= 400) {
      return;
    }
    Caller who = caller.get();
    List<String> segments = List.of(path.substring(PREFIX.length()).split("/"));
    String type = entityType(segments.get(0));
    String id = segments.size() > 1 ? segments.get(1) : null;
    if ("by-external-id".equals(id) && segments.size() > 2) {
      id = "external:" + segments.get(2);
    } else if (segments.get(0).equals("external-articles") && id != null) {
      id = "external:" + id;
    }
    URI location = response.getLocation();
    if (id == null && location != null && request.getMethod().equals("POST")) {
      String created = location.getPath();
      id = created.substring(created.lastIndexOf('/') + 1);
    }
    String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    try {
      log.record(who, request.getMethod(), path, type, id, response.getStatus(), address);
    } catch (RuntimeException e) {
      LOG.errorf(
          e,
          "Could not record %s %s by %s in the audit log",
          request.getMethod(),
          path,
          who.name());
    }
  }

  private static String entityType(String collection) {
    return switch (collection) {
      case "articles", "external-articles" -> "article";
      case "categories" -> "category";
      case "tokens" -> "token";
      case "webhooks" -> "webhook";
      case "assets" -> "asset";
      case "tags" -> "tag";
      case "authors" -> "author";
      case "collections" -> "collection";
      default -> collection;
    };
  }
}
