package io.newsdesk.changes;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing that happened to published content. */
@Schema(name = "Change", description = "Something that happened to published content")
public record ChangeView(
    @Schema(
            description =
                "published: readers can see it now; updated: its content or teaser changed;"
                    + " unpublished: back to draft; deleted: archived or purged (a tombstone)",
            enumeration = {"published", "updated", "unpublished", "deleted"},
            example = "published")
        String type,
    @Schema(description = "The article's id") UUID id,
    @Schema(description = "The article's slug at the time", example = "harbour-bridge-reopens")
        String slug,
    @Schema(description = "When it happened (for a scheduled article, its publication time)")
        Instant at) {}
