package io.newsdesk.category;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The category label shown with an article or teaser. */
@Schema(name = "CategoryRef")
public record CategoryRef(
    @Schema(example = "world") String slug, @Schema(example = "World") String name) {}
