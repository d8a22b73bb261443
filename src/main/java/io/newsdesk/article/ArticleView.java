package io.newsdesk.article;

import io.newsdesk.author.AuthorRef;
import io.newsdesk.category.CategoryRef;
import io.newsdesk.media.ImageView;
import io.newsdesk.tag.TagRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published article as readers get it. */
@Schema(name = "Article")
public record ArticleView(
    UUID id,
    @Schema(example = "storm-closes-harbour") String slug,
    @Schema(
            description =
                "The article's public page: newsdesk.site.base-url and newsdesk.site.article-path",
            example = "https://news.example/world/storm-closes-harbour")
        String url,
    @Schema(example = "Storm closes the harbour for a second day") String title,
    @Schema(example = "Ferries stay in port as gusts reach 120 km/h") String subtitle,
    CategoryRef category,
    @Schema(description = "The credited authors with a profile, in order") List<AuthorRef> authors,
    List<TagRef> tags,
    @Schema(
            description = "Names as written, for wire copy and authors without a profile",
            example = "[\"Ana Lima\"]")
        List<String> byline,
    @Schema(description = "html and text (no markdown for readers)") Body body,
    ImageView image,
    Seo seo,
    Instant firstPublishedAt,
    Instant publishedAt,
    Instant updatedAt,
    @Schema(example = "412") int wordCount,
    @Schema(example = "3") int readingTimeMinutes,
    @Schema(
            description =
                "schema.org NewsArticle as JSON-LD, for the application/ld+json script element of"
                    + " the article's page",
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
        Map<String, Object> structuredData) {

  /** The same article with its JSON-LD. */
  ArticleView withStructuredData(Map<String, Object> ld) {
    return new ArticleView(
        id,
        slug,
        url,
        title,
        subtitle,
        category,
        authors,
        tags,
        byline,
        body,
        image,
        seo,
        firstPublishedAt,
        publishedAt,
        updatedAt,
        wordCount,
        readingTimeMinutes,
        ld);
  }
}
