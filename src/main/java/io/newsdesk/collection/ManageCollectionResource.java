package io.newsdesk.collection;

import io.newsdesk.auth.Role;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Links;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors curate pages: they order articles, and say what fills the rest. */
@Path("/api/v1/manage/collections")
@RolesAllowed(Role.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class ManageCollectionResource {

  private final CollectionService collections;

  ManageCollectionResource(CollectionService collections) {
    this.collections = collections;
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary = "Get a collection",
      description =
          "Every item, with whether readers see it now. The ETag carries the version for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The collection",
      headers =
          @Header(
              name = "ETag",
              description = "The version, for If-Match",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<ManagedCollectionView> getManagedCollection(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug) {
    ManagedCollectionView view = collections.get(slug);
    return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
  }

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create or replace a collection",
      description =
          "A new slug is created (201) without If-Match. Replacing an existing collection needs"
              + " If-Match with the ETag you read (428 without, 412 when someone else changed it"
              + " meanwhile), so two editors reordering a page never overwrite each other.")
  @APIResponse(responseCode = "200", description = "Replaced")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ManagedCollectionView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public RestResponse<ManagedCollectionView> putCollection(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @HeaderParam("If-Match") @Parameter(description = "The ETag you read") String ifMatch,
      @NotNull @Valid CollectionInput body) {
    CollectionService.Saved saved = collections.put(slug, ifMatch, body);
    RestResponse.ResponseBuilder<ManagedCollectionView> response =
        saved.created()
            ? Links.<ManagedCollectionView>created("/api/v1/manage/collections/" + slug)
            : RestResponse.ResponseBuilder.ok();
    return response.entity(saved.view()).header(HttpHeaders.ETAG, saved.view().etag()).build();
  }

  @DELETE
  @Path("{slug}")
  @Operation(summary = "Delete a collection", description = "Readers get 404 for it from then on.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public void deleteCollection(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug) {
    collections.delete(slug);
  }
}
