package io.newsdesk.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The reader page at {@code /} (static files in META-INF/resources) also answers article URLs,
 * {@code /articles/<slug>} (the default newsdesk.site.article-path), so links in feeds open it.
 */
@ApplicationScoped
class ReaderPage {

  void install(@Observes Router router) {
    router.getWithRegex("/articles/[a-z0-9-]{1,120}").handler(context -> context.reroute("/"));
  }
}
