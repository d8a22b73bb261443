package io.newsdesk.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Warns at start when a production server still links to the default public address: feeds,
 * sitemaps, article URLs, structured data and link previews would all point at localhost.
 */
@ApplicationScoped
class SiteAddressCheck {

  private static final String DEFAULT = "http://localhost:8080";
  private static final Logger LOG = Logger.getLogger(SiteAddressCheck.class);

  void check(@Observes StartupEvent start, NewsdeskConfig config) {
    if (LaunchMode.current() == LaunchMode.NORMAL && DEFAULT.equals(config.site().baseUrl())) {
      LOG.warnf(
          "newsdesk.site.base-url is not set: feeds, sitemaps, article URLs and structured data"
              + " link to %s. Set it (env NEWSDESK_SITE_BASE_URL) to the address readers use.",
          DEFAULT);
    }
  }
}
