package io.newsdesk.preview;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A preview link for one article. */
@Schema(name = "PreviewToken")
public record PreviewView(
    @Schema(description = "Signed; grants reading this one article until expiresAt") String token,
    @Schema(
            description =
                "The link to share: the frontend's preview page when newsdesk.site.preview-url is"
                    + " set, else apiUrl")
        String url,
    @Schema(description = "The delivery URL that gives the article with this token") String apiUrl,
    Instant expiresAt) {}
