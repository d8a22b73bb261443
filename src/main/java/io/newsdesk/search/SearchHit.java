package io.newsdesk.search;

import io.newsdesk.category.CategoryRef;
import io.newsdesk.media.ImageView;
import java.time.Instant;
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
    ImageView image,
    @Schema(example = "3") int readingTimeMinutes,
    Instant publishedAt,
    @Schema(
            description =
                "HTML-escaped text around the matches, each matching word wrapped in <mark>",
            example = "… ferries stay in port as the <mark>storm</mark> reaches the coast …")
        String snippet) {}
