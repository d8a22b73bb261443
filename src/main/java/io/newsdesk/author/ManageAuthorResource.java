package io.newsdesk.author;

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
import jakarta.ws.rs.POST;
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

/** Editors create, read, replace and delete authors' profiles. */
@Path("/api/v1/manage/authors")
@RolesAllowed(Role.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class ManageAuthorResource {

  private final AuthorService authors;

  ManageAuthorResource(AuthorService authors) {
    this.authors = authors;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an author", description = "The slug is required and never changes.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ManagedAuthorView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public RestResponse<ManagedAuthorView> createAuthor(@NotNull @Valid AuthorInput body) {
    ManagedAuthorView created = authors.create(body);
    return Links.<ManagedAuthorView>created("/api/v1/manage/authors/" + created.slug())
        .entity(created)
        .header(HttpHeaders.ETAG, created.etag())
        .build();
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary = "Get an author",
      description = "The profile as written, with the email. The ETag carries the version.")
  @APIResponse(
      responseCode = "200",
      description = "The author",
      headers =
          @Header(
              name = "ETag",
              description = "The version, for If-Match",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<ManagedAuthorView> getManagedAuthor(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug) {
    return withEtag(authors.manage(slug));
  }

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace an author",
      description =
          "Needs If-Match with the ETag you read. A new name or avatar shows at once on every"
              + " article and card crediting the author.")
  @APIResponse(responseCode = "200", description = "The author as stored")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public RestResponse<ManagedAuthorView> replaceAuthor(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @HeaderParam("If-Match") @Parameter(description = "The ETag you read") String ifMatch,
      @NotNull @Valid AuthorInput body) {
    return withEtag(authors.replace(slug, ifMatch, body));
  }

  @DELETE
  @Path("{slug}")
  @Operation(
      summary = "Delete an author",
      description =
          "Only an author no article (of any status) credits; tokens that acted for them credit no one by default from then on.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public void deleteAuthor(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug) {
    authors.delete(slug);
  }

  private static RestResponse<ManagedAuthorView> withEtag(ManagedAuthorView view) {
    return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
  }
}
