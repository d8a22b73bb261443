package io.newsdesk.tag;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag as readers get it. */
@Schema(name = "Tag")
public record TagView(
    @Schema(example = "transport") String slug,
    @Schema(
            description = "The editors' name for it; the slug until they give one",
            example = "Transport")
        String name,
    @Schema(example = "Trains, ferries, buses and the roads they share") String description,
    @Schema(description = "Published articles with the tag", example = "42") long articleCount) {}
