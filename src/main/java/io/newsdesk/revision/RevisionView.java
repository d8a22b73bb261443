package io.newsdesk.revision;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One saved state of an article and how it came about. */
@Schema(name = "Revision")
public record RevisionView(
    @Schema(description = "1 for the first save, counting up", example = "3") int number,
    Instant at,
    Actor actor,
    @Schema(
            description = "What the save did",
            enumeration = {
              "created",
              "updated",
              "patched",
              "published",
              "scheduled",
              "unpublished",
              "archived",
              "restored",
              "imported"
            })
        String action,
    @Schema(ref = "ManagedArticle", description = "The article as it stood after this save")
        JsonNode article) {

  /** Who saved it: the token's name and role. */
  @Schema(name = "RevisionActor")
  public record Actor(
      @Schema(example = "Night desk") String name, @Schema(example = "editor") String role) {}
}
