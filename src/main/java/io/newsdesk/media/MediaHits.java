package io.newsdesk.media;

import io.newsdesk.cache.SurrogateKeys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers requests for renditions read lately straight from memory on the event loop, before the
 * REST layer (as CacheHits does for delivery responses): their bytes never change, so there is
 * nothing to check. Anything else goes on to MediaResource.
 */
@ApplicationScoped
class MediaHits {

  /** After the browser policy (CORS, headers), like the delivery cache. */
  private static final int ORDER = Integer.MIN_VALUE + 3;

  private final RenditionService renditions;

  MediaHits(RenditionService renditions) {
    this.renditions = renditions;
  }

  void install(@Observes Router router) {
    router.route("/media/:id/:file").order(ORDER).handler(this::handle);
  }

  private void handle(RoutingContext context) {
    if (context.request().method() != HttpMethod.GET) {
      context.next();
      return;
    }
    var kept = renditions.remembered(context.pathParam("id"), context.pathParam("file"));
    if (kept.isEmpty()) {
      context.next();
      return;
    }
    RenditionService.Rendered rendered = kept.get();
    var response =
        context
            .response()
            .putHeader("ETag", rendered.etag())
            .putHeader("Cache-Control", MediaResource.IMMUTABLE)
            .putHeader(
                MediaResource.SURROGATE_KEY,
                SurrogateKeys.asset(java.util.UUID.fromString(context.pathParam("id"))));
    String ifNoneMatch = context.request().getHeader("If-None-Match");
    if (ifNoneMatch != null && ifNoneMatch.contains(rendered.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", rendered.contentType()).end(Buffer.buffer(rendered.bytes()));
  }
}
