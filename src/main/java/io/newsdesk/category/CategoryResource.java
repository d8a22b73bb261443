package io.newsdesk.category;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import io.vertx.core.http.HttpServerRequest;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
  private final Delivery delivery;

  CategoryResource(CategoryService categories, Delivery delivery) {
    this.categories = categories;
    this.delivery = delivery;
  }

  @GET
  @Operation(
      summary = "List categories",
      description =
          "All categories by position, then slug. Page-number mode; the default limit is 100 so"
              + " one call fills a navigation menu.")
  @APIResponse(responseCode = "200", description = "A page of categories")
  @APIResponse(responseCode = "304", ref = "NotModified")
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
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () -> {
          Page<CategoryView> list = categories.list(page, limit);
          Set<String> keys = new LinkedHashSet<>();
          keys.add(SurrogateKeys.CATEGORIES);
          list.items().forEach(category -> keys.add(SurrogateKeys.category(category.slug())));
          return Reply.json(list, keys).header("Link", Links.header(list, uri));
        });
  }

  @GET
  @Path("{slug}")
  @Operation(summary = "Get a category", description = "One category by its slug.")
  @APIResponse(responseCode = "200", description = "The category")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<CategoryView> getCategory(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @Context HttpServerRequest request) {
    return delivery.respond(
        request, () -> Reply.json(categories.get(slug), List.of(SurrogateKeys.category(slug))));
  }
}
