package io.newsdesk.search;

import io.newsdesk.author.AuthorRef;
import io.newsdesk.category.CategoryRef;
import io.newsdesk.media.ImageView;
import io.newsdesk.tag.TagRef;
import io.newsdesk.teaser.TeaserView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A search result: the article's teaser and the passage that matched. */
@Schema(name = "SearchHit", description = "A teaser plus the passage that matched")
public record SearchHit(
    UUID id,
    @Schema(example = "storm-closes-harbour") String slug,
    @Schema(example = "Storm closes the harbour for a second day") String title,
    String excerpt,
    CategoryRef category,
    List<AuthorRef> authors,
    List<TagRef> tags,
    ImageView image,
    @Schema(example = "3") int readingTimeMinutes,
    Instant publishedAt,
    @Schema(
            description =
                "HTML-escaped text around the matches, each matching word wrapped in <mark>",
            example = "… ferries stay in port as the <mark>storm</mark> reaches the coast …")
        String snippet) {

  static SearchHit of(TeaserView teaser, String snippet) {
    return new SearchHit(
        teaser.id(),
        teaser.slug(),
        teaser.title(),
        teaser.excerpt(),
        teaser.category(),
        teaser.authors(),
        teaser.tags(),
        teaser.image(),
        teaser.readingTimeMinutes(),
        teaser.publishedAt(),
        snippet);
  }
}
