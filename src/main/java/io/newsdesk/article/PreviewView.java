package io.newsdesk.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A preview link for one article. */
@Schema(name = "PreviewToken")
public record PreviewView(
    @Schema(description = "Signed; grants reading this one article until expiresAt") String token,
    @Schema(description = "The delivery URL that shows the article with this token") String url,
    Instant expiresAt) {}
