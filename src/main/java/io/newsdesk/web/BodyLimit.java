package io.newsdesk.web;

import io.newsdesk.config.NewsdeskConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a declared body over {@code newsdesk.http.max-body-size} (1M) with a 413 problem+json
 * before anything reads it (the HTTP layer's own 413 has an empty body). Imports stream, so their
 * path may take up to {@code quarkus.http.limits.max-body-size}, the HTTP layer's hard ceiling;
 * every other body must declare its length (411 otherwise), so none is read into memory past the
 * limit. A POST without a body has no content to type: {@code curl -X POST .../publish} (no
 * Content-Type) and clients that label an empty body as a form alike are read as an absent JSON
 * body, not refused with 415.
 */
@ApplicationScoped
class BodyLimit {

  /** The one path whose body is streamed rather than read whole. */
  static final String STREAMED = "/api/v1/manage/import";

  /** Photo uploads: up to newsdesk.media.max-bytes, and a little for a form's parts around it. */
  static final String UPLOADS = "/api/v1/manage/assets";

  private static final long FORM_OVERHEAD = 64 * 1024;

  private final long maxBytes;
  private final long maxUploadBytes;

  BodyLimit(NewsdeskConfig config) {
    this.maxBytes = config.http().maxBodySize().asLongValue();
    this.maxUploadBytes = config.media().maxBytes().asLongValue() + FORM_OVERHEAD;
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(RequestIds.ORDER + 1)
        .handler(
            context -> {
              String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              boolean streamed = context.request().path().equals(STREAMED);
              if (!streamed
                  && !spooledForm(context.request())
                  && length == null
                  && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                reject(
                    context,
                    411,
                    "/problems/length-required",
                    "Length Required",
                    "Send the body with a Content-Length");
              } else if (!streamed
                  && length != null
                  && tooLong(length, limit(context.request().path()))) {
                reject(
                    context,
                    413,
                    "/problems/payload-too-large",
                    "Payload Too Large",
                    "The body is larger than " + limit(context.request().path()) + " bytes");
              } else {
                boolean bodiless =
                    length == null
                        ? context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) == null
                        : length.strip().equals("0");
                // an empty import is an import of no lines, in the type it was sent as
                if (bodiless && context.request().method() == HttpMethod.POST && !streamed) {
                  context.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
                }
                context.next();
              }
            });
  }

  private static void reject(
      RoutingContext context, int status, String type, String title, String detail) {
    Problem problem = new Problem(type, title, status, detail, context.request().path(), null);
    context
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(JsonObject.mapFrom(problem).encode());
  }

  /**
   * A form posted to the uploads path may come without a length (chunked): the HTTP layer spools
   * its file parts to disk, not memory, and the service refuses one over newsdesk.media.max-bytes.
   */
  private static boolean spooledForm(io.vertx.core.http.HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    return request.path().equals(UPLOADS) && type != null && type.startsWith("multipart/");
  }

  private long limit(String path) {
    return path.equals(UPLOADS) ? maxUploadBytes : maxBytes;
  }

  private static boolean tooLong(String length, long limit) {
    try {
      return Long.parseLong(length.strip()) > limit;
    } catch (NumberFormatException e) {
      return false; // the HTTP layer rejects a malformed length itself
    }
  }
}
