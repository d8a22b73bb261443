package io.newsdesk.article;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Search-engine metadata; each field falls back to the article's own on the frontend's side. */
@Schema(name = "Seo")
public record Seo(
    @Size(max = 300) @Schema(example = "Storm closes harbour | Newsdesk Daily", maxLength = 300)
        String title,
    @Size(max = 1000) @Schema(example = "Ferries stay in port for a second day.", maxLength = 1000)
        String description,
    @Size(max = 2000)
        @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an absolute http(s) URL")
        @Schema(example = "https://news.example.com/storm-closes-harbour", maxLength = 2000)
        String canonicalUrl) {

  static Seo of(String title, String description, String canonicalUrl) {
    return title == null && description == null && canonicalUrl == null
        ? null
        : new Seo(title, description, canonicalUrl);
  }
}
