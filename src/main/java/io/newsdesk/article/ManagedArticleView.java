package io.newsdesk.article;

import io.newsdesk.category.CategoryRef;
import io.newsdesk.media.ImageInput;
import io.newsdesk.text.BodyFormat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article as editors see it: the reader's fields plus status, schedule, version and the source.
 */
@Schema(name = "ManagedArticle")
public record ManagedArticleView(
    UUID id,
    @Schema(example = "storm-closes-harbour") String slug,
    @Schema(example = "Storm closes the harbour for a second day") String title,
    @Schema(example = "Ferries stay in port as gusts reach 120 km/h") String subtitle,
    CategoryRef category,
    List<String> tags,
    List<String> byline,
    @Schema(description = "Slugs of the credited authors, in order") List<String> authors,
    BodyFormat bodyFormat,
    @Schema(description = "markdown (Markdown bodies), html and text") Body body,
    @Schema(description = "The picture as chosen; readers get it resolved (see Article)")
        ImageInput image,
    Seo seo,
    String externalId,
    Status status,
    @Schema(description = "When a scheduled article goes live (scheduled only)") Instant publishAt,
    Instant firstPublishedAt,
    @Schema(description = "Set while published") Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    @Schema(
            description = "Optimistic-locking version; the ETag is this number in quotes",
            example = "3")
        long version,
    int wordCount,
    int readingTimeMinutes) {

  static ManagedArticleView from(Article a, Instant now) {
    Status status = a.status(now);
    return new ManagedArticleView(
        a.id,
        a.slug,
        a.title,
        a.subtitle,
        new CategoryRef(a.category.slug(), a.category.name()),
        List.of(a.tags),
        List.of(a.byline),
        List.of(a.authors),
        a.bodyFormat,
        new Body(
            a.bodyFormat == BodyFormat.markdown ? a.bodySource : null,
            a.bodyHtml,
            a.bodyText,
            null),
        a.image(),
        Seo.of(a.seoTitle, a.seoDescription, a.seoCanonicalUrl),
        a.externalId,
        status,
        status == Status.scheduled ? a.publishedAt : null,
        a.firstPublishedAt != null && !a.firstPublishedAt.isAfter(now) ? a.firstPublishedAt : null,
        status == Status.published ? a.publishedAt : null,
        a.createdAt,
        a.updatedAt,
        a.version,
        a.wordCount,
        a.readingTimeMinutes);
  }

  /** The ETag of this version, for If-Match. */
  public String etag() {
    return etag(version);
  }

  static String etag(long version) {
    return io.newsdesk.web.Versions.etag(version);
  }
}
