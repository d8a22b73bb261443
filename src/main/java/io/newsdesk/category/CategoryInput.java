package io.newsdesk.category;

import io.newsdesk.text.Slugs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category to create or replace. */
@Schema(name = "CategoryInput")
public record CategoryInput(
    @Size(max = 100)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(
            description = "Generated from the name when absent",
            example = "world",
            maxLength = 100)
        String slug,
    @NotBlank @Size(max = 200) @Schema(example = "World", maxLength = 200) String name,
    @Size(max = 2000) @Schema(example = "News from every continent", maxLength = 2000)
        String description,
    @Min(-1_000_000)
        @Max(1_000_000)
        @Schema(description = "Sort order, lowest first (default 0)", example = "1")
        Integer position,
    @Size(max = 100)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Slug of the parent category", example = "news")
        String parent) {}
