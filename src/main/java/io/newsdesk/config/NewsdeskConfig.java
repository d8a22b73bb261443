package io.newsdesk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Newsdesk's own settings, under the {@code newsdesk.} prefix. */
@ConfigMapping(prefix = "newsdesk")
public interface NewsdeskConfig {

  /**
   * The bootstrap admin token ({@code NEWSDESK_ADMIN_TOKEN}); compared by hash, never stored or
   * logged.
   */
  Optional<String> adminToken();

  Teaser teaser();

  Reading reading();

  Demo demo();

  /** Teaser settings. */
  interface Teaser {
    /** Longest default excerpt in characters, the closing "…" included. */
    @WithDefault("200")
    int excerptChars();
  }

  /** How reading time is estimated. */
  interface Reading {
    /** Reading speed used for {@code readingTimeMinutes}. */
    @WithDefault("200")
    int wordsPerMinute();
  }

  /** Demo content. */
  interface Demo {
    /**
     * Load demo categories and articles into an empty database at start (on in the dev profile).
     */
    @WithDefault("false")
    boolean enabled();
  }
}
