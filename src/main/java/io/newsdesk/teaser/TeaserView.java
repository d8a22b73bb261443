package io.newsdesk.teaser;

import io.newsdesk.author.AuthorRef;
import io.newsdesk.category.CategoryRef;
import io.newsdesk.media.ImageView;
import io.newsdesk.tag.TagRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The card that stands for an article in lists and feeds. */
@Schema(name = "Teaser")
public record TeaserView(
    @Schema(description = "The article's id, as in the article and the change feed") UUID id,
    @Schema(example = "storm-closes-harbour") String slug,
    @Schema(example = "Storm closes the harbour for a second day") String title,
    @Schema(
            example =
                "Ferries stay in port as gusts reach 120 km/h, and the coastguard asks people to keep away…")
        String excerpt,
    CategoryRef category,
    @Schema(description = "The credited authors with a profile, in order") List<AuthorRef> authors,
    List<TagRef> tags,
    ImageView image,
    @Schema(example = "3") int readingTimeMinutes,
    @Schema(example = "2026-11-27T08:30:00Z") Instant publishedAt) {}
