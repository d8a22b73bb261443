package io.newsdesk.syndication;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A feed is served as its own type whatever the Accept header says, as blog engines serve theirs:
 * feed readers send all kinds (rss-parser asks for RSS when it fetches an Atom feed, browsers ask
 * for HTML). The header is dropped before the response cache and the REST layer see it, so neither
 * answers 406.
 */
@ApplicationScoped
class FeedAccept {

  /** After the body limit and request ids, before the response cache. */
  private static final int ORDER = Integer.MIN_VALUE + 2;

  void install(@Observes Router router) {
    router
        .route("/feeds/*")
        .order(ORDER)
        .handler(
            context -> {
              context.request().headers().remove("Accept");
              context.next();
            });
  }
}
