package io.newsdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An article's public URL and a preview's link, from the configured site. */
class SiteTest {

  private static NewsdeskConfig.Site site(String path, String preview) {
    return new NewsdeskConfig.Site() {
      @Override
      public String name() {
        return "Test";
      }

      @Override
      public String description() {
        return "A test site";
      }

      @Override
      public String authorPath() {
        return "/authors/{slug}";
      }

      @Override
      public Optional<String> logoUrl() {
        return Optional.empty();
      }

      @Override
      public String language() {
        return "en";
      }

      @Override
      public String baseUrl() {
        return "https://news.example";
      }

      @Override
      public String articlePath() {
        return path;
      }

      @Override
      public Optional<String> previewUrl() {
        return Optional.ofNullable(preview);
      }
    };
  }

  @Test
  void theSlugAndTheCategoryFillThePath() {
    assertEquals(
        "https://news.example/articles/storm-closes-harbour",
        site("/articles/{slug}", null).articleUrl("world", "storm-closes-harbour"));
    assertEquals(
        "https://news.example/world/storm-closes-harbour",
        site("/{category}/{slug}", null).articleUrl("world", "storm-closes-harbour"));
  }

  @Test
  void previewLinksOpenTheFrontendWhenItHasAPreviewPage() {
    assertEquals(
        "https://news.example/api/v1/preview/abc",
        site("/articles/{slug}", null).previewUrl("abc"));
    assertEquals(
        "https://www.news.example/preview?token=abc",
        site("/articles/{slug}", "https://www.news.example/preview?token={token}")
            .previewUrl("abc"));
  }
}
