package io.newsdesk.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as an admin writes it. */
@Schema(name = "WebhookInput")
public record WebhookInput(
    @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        @Schema(example = "https://hooks.example.com/newsdesk")
        String url,
    @NotEmpty
        @Size(max = 10)
        @Schema(
            description = "Events to receive",
            example = "[\"article.published\", \"article.unpublished\"]")
        List<
                @NotBlank
                @Pattern(regexp = Events.PATTERN, message = "must be one of " + Events.LIST) String>
            events,
    @NotBlank
        @Size(min = 16, max = 200)
        @Schema(
            description = "Shared secret for X-Newsdesk-Signature; at least 16 characters",
            example = "a-long-random-shared-secret")
        String secret) {}
