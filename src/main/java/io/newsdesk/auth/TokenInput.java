package io.newsdesk.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token to create. */
@Schema(name = "TokenInput")
record TokenInput(
    @NotBlank @Size(max = 100) @Schema(example = "Jane Doe (news desk)", maxLength = 100)
        String name,
    @NotNull @Schema(example = "editor") Role role) {}
