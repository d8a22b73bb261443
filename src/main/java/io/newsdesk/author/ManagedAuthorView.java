package io.newsdesk.author;

import io.newsdesk.media.ImageInput;
import io.newsdesk.web.Versions;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as editors see it: the profile as written, the email, and the version for If-Match. */
@Schema(name = "ManagedAuthor")
public record ManagedAuthorView(
    @Schema(example = "ana-lima") String slug,
    @Schema(example = "Ana Lima") String name,
    String jobTitle,
    AuthorBio bio,
    @Schema(description = "The avatar as chosen; readers get it resolved") ImageInput avatar,
    List<AuthorLink> links,
    @Schema(example = "ana.lima@news.example") String email,
    @Schema(description = "The ETag is this number in quotes", example = "3") long version,
    Instant createdAt,
    Instant updatedAt) {

  public String etag() {
    return Versions.etag(version);
  }
}
