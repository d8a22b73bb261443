package io.newsdesk.author;

import io.newsdesk.media.ImageInput;
import io.newsdesk.text.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author's profile as editors write it (POST creates, PUT replaces). */
@Schema(name = "AuthorInput")
public record AuthorInput(
    @Size(max = 100)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(
            description =
                "Required to create; on PUT absent or the path's slug (slugs never change)",
            example = "ana-lima",
            maxLength = 100)
        String slug,
    @NotBlank @Size(max = 200) @Schema(example = "Ana Lima", maxLength = 200) String name,
    @Size(max = 200) @Schema(example = "Transport correspondent", maxLength = 200) String jobTitle,
    @Size(max = 20_000)
        @Schema(
            description = "Markdown; readers get it rendered and sanitized as bio.html",
            example = "Ana has covered the harbour and the railways since 2019.",
            maxLength = 20_000)
        String bio,
    @Valid ImageInput avatar,
    @Size(max = 20) List<@NotNull @Valid AuthorLink> links,
    @Email
        @Size(max = 320)
        @Schema(
            description = "For the newsroom only: never in a delivery response",
            example = "ana.lima@news.example",
            maxLength = 320)
        String email) {

  List<AuthorLink> linksOrEmpty() {
    return links == null ? List.of() : links;
  }
}
