package io.newsdesk.auth;

import io.newsdesk.text.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token to create. */
@Schema(name = "TokenInput")
record TokenInput(
    @NotBlank @Size(max = 100) @Schema(example = "Jane Doe (news desk)", maxLength = 100)
        String name,
    @NotNull @Schema(example = "editor") Role role,
    @Size(max = 100)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(
            description =
                "Slug of the author the token acts for: articles it creates credit them by default",
            example = "ana-lima")
        String author) {}
