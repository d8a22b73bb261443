package io.newsdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An article's public URL, from the configured site and path. */
class SiteTest {

  private static NewsdeskConfig.Site site(String path) {
    return new NewsdeskConfig.Site() {
      @Override
      public String name() {
        return "Test";
      }

      @Override
      public String baseUrl() {
        return "https://news.example";
      }

      @Override
      public String articlePath() {
        return path;
      }
    };
  }

  @Test
  void theSlugAndTheCategoryFillThePath() {
    assertEquals(
        "https://news.example/articles/storm-closes-harbour",
        site("/articles/{slug}").articleUrl("world", "storm-closes-harbour"));
    assertEquals(
        "https://news.example/world/storm-closes-harbour",
        site("/{category}/{slug}").articleUrl("world", "storm-closes-harbour"));
  }
}
