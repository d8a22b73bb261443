package io.newsdesk.category;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors create, change and delete categories. */
@Path("/api/v1/manage/categories")
@RolesAllowed(Role.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class ManageCategoryResource {

  private final CategoryService categories;

  ManageCategoryResource(CategoryService categories) {
    this.categories = categories;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a category",
      description = "The slug is generated from the name when absent.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CategoryView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public RestResponse<CategoryView> createCategory(@NotNull @Valid CategoryInput body) {
    CategoryView created = categories.create(body);
    return Links.<CategoryView>created("/api/v1/categories/" + created.slug())
        .entity(created)
        .build();
  }

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a category",
      description =
          "Renaming (name or slug) updates every teaser of the category in the same transaction."
              + " An absent slug keeps the current one.")
  @APIResponse(responseCode = "200", description = "The category as stored")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public CategoryView updateCategory(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @NotNull @Valid CategoryInput body) {
    return categories.update(slug, body);
  }

  @DELETE
  @Path("{slug}")
  @Operation(
      summary = "Delete a category",
      description = "Only a category that no article (of any status) and no subcategory uses.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public void deleteCategory(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug) {
    categories.delete(slug);
  }
}
