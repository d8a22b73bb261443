package io.newsdesk.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What editors say about a tag. */
@Schema(name = "TagInput")
public record TagInput(
    @NotBlank @Size(max = 100) @Schema(example = "Transport", maxLength = 100) String name,
    @Size(max = 1000)
        @Schema(example = "Trains, ferries, buses and the roads they share", maxLength = 1000)
        String description) {}
