package io.newsdesk.author;

import io.newsdesk.media.ImageView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as articles, teasers and search hits credit them. */
@Schema(name = "AuthorRef", description = "Its profile is /api/v1/authors/{slug}")
public record AuthorRef(
    @Schema(example = "ana-lima") String slug,
    @Schema(example = "Ana Lima") String name,
    ImageView avatar) {}
