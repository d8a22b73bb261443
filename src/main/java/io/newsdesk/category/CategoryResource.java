package io.newsdesk.category;

import io.newsdesk.text.Slugs;
import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Readers list the site's categories and fetch one. */
@Path("/api/v1/categories")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class CategoryResource {

  private final CategoryService categories;

  CategoryResource(CategoryService categories) {
    this.categories = categories;
  }

  @GET
  @Operation(
      summary = "List categories",
      description =
          "All categories by position, then slug. Page-number mode; the default limit is 100 so"
              + " one call fills a navigation menu.")
  @APIResponse(responseCode = "200", description = "A page of categories")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<CategoryView>> listCategories(
      @QueryParam("page")
          @DefaultValue("1")
          @Min(value = 1, message = "must be between 1 and 100000")
          @Max(value = 100_000, message = "must be between 1 and 100000")
          Integer page,
      @QueryParam("limit")
          @DefaultValue("100")
          @Min(value = 1, message = "must be between 1 and 100")
          @Max(value = 100, message = "must be between 1 and 100")
          Integer limit,
      UriInfo uri) {
    return Links.page(categories.list(page, limit), uri);
  }

  @GET
  @Path("{slug}")
  @Operation(summary = "Get a category", description = "One category by its slug.")
  @APIResponse(responseCode = "200", description = "The category")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public CategoryView getCategory(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug) {
    return categories.get(slug);
  }
}
