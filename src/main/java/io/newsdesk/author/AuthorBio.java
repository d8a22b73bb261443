package io.newsdesk.author;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author's bio: the Markdown editors wrote (management only) and its sanitized HTML. */
@Schema(name = "AuthorBio")
public record AuthorBio(
    @Schema(description = "Management only") String markdown,
    @Schema(example = "<p>Ana has covered the harbour and the railways since 2019.</p>")
        String html) {}
