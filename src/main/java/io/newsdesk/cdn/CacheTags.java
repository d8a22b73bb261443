package io.newsdesk.cdn;

import io.newsdesk.config.NewsdeskConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * With Cloudflare in front, every response that names surrogate keys also names them as Cloudflare
 * reads them: {@code Cache-Tag}, comma-separated (Cloudflare removes it before the response reaches
 * a reader). Fastly and Varnish read {@code Surrogate-Key} as it is.
 */
@ApplicationScoped
class CacheTags {

  private final boolean cloudflare;

  CacheTags(NewsdeskConfig config) {
    this.cloudflare = config.cdn().cloudflare().zoneId().isPresent();
  }

  void install(@Observes Router router) {
    if (!cloudflare) {
      return;
    }
    router
        .route()
        .order(Integer.MIN_VALUE + 2) // before the response cache answers a hit
        .handler(
            context -> {
              context.addHeadersEndHandler(
                  ended -> {
                    MultiMap headers = context.response().headers();
                    String keys = headers.get("Surrogate-Key");
                    if (keys != null) {
                      headers.set("Cache-Tag", String.join(",", keys.trim().split(" +")));
                    }
                  });
              context.next();
            });
  }
}
