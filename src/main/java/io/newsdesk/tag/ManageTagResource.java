package io.newsdesk.tag;

import io.newsdesk.auth.Role;
import io.newsdesk.text.Slugs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editors name and describe tags; tags themselves come into being by use. */
@Path("/api/v1/manage/tags")
@RolesAllowed(Role.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class ManageTagResource {

  private final TagService tags;

  ManageTagResource(TagService tags) {
    this.tags = tags;
  }

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Name and describe a tag",
      description =
          "Sets the name and description readers get for the tag, whether or not an article has it"
              + " yet. Readers see a named tag even before a published article has it.")
  @APIResponse(responseCode = "200", description = "The tag as readers get it")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public TagView describeTag(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @NotNull @Valid TagInput body) {
    return tags.describe(slug, body);
  }
}
