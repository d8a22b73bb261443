package io.newsdesk.author;

import io.newsdesk.media.ImageView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author's profile as readers get it: no email, the bio as sanitized HTML. */
@Schema(name = "Author")
public record AuthorView(
    @Schema(example = "ana-lima") String slug,
    @Schema(example = "Ana Lima") String name,
    @Schema(example = "Transport correspondent") String jobTitle,
    AuthorBio bio,
    ImageView avatar,
    List<AuthorLink> links,
    @Schema(description = "Published articles crediting the author", example = "42")
        long articleCount) {}
