package io.newsdesk.article;

import io.newsdesk.category.CategoryRef;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row of the editors' article list: enough to find and open an article, no body. */
@Schema(name = "ArticleSummary")
public record ArticleSummary(
    UUID id,
    @Schema(example = "storm-closes-harbour") String slug,
    @Schema(example = "Storm closes the harbour for a second day") String title,
    CategoryRef category,
    Status status,
    Instant publishAt,
    Instant publishedAt,
    Instant updatedAt,
    long version) {

  static ArticleSummary from(Article a, Instant now) {
    Status status = a.status(now);
    return new ArticleSummary(
        a.id,
        a.slug,
        a.title,
        new CategoryRef(a.category.slug(), a.category.name()),
        status,
        status == Status.scheduled ? a.publishedAt : null,
        status == Status.published ? a.publishedAt : null,
        a.updatedAt,
        a.version);
  }
}
