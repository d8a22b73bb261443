package io.newsdesk.author;

import io.newsdesk.media.ImageInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link on an author's profile: their social accounts, their newsletter, their own site. */
@Schema(name = "AuthorLink")
public record AuthorLink(
    @NotBlank @Size(max = 100) @Schema(example = "Mastodon", maxLength = 100) String label,
    @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = ImageInput.URL, message = ImageInput.URL_MESSAGE)
        @Schema(example = "https://social.example/@analima", maxLength = 2000)
        String url) {}
