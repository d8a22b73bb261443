package io.newsdesk.tag;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageParams;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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

/** Readers list the tags of published articles and fetch one. */
@Path("/api/v1/tags")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class TagResource {

  private final TagService tags;
  private final Delivery delivery;

  TagResource(TagService tags, Delivery delivery) {
    this.tags = tags;
    this.delivery = delivery;
  }

  @GET
  @Operation(
      summary = "List tags",
      description =
          "The tags of published articles, with how many each has: most used first (order=count,"
              + " the default) or by name (order=name). A tag only drafts or scheduled articles"
              + " have is not listed. Page-number mode, 20 a page by default.")
  @APIResponse(responseCode = "200", description = "A page of tags")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<TagView>> listTags(
      @QueryParam("order") @DefaultValue("count") TagService.Order order,
      @Valid @BeanParam PageParams paging,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () -> {
          Page<TagView> list = tags.list(order, paging.page(), paging.limit());
          Set<String> keys = new LinkedHashSet<>(List.of(SurrogateKeys.TAGS, SurrogateKeys.FEED));
          list.items().forEach(tag -> keys.add(SurrogateKeys.tag(tag.slug())));
          return Reply.json(list, keys).header("Link", Links.header(list, uri));
        });
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary = "Get a tag",
      description =
          "One tag that a published article has or that editors named, with its number of"
              + " published articles; its articles are /api/v1/feed?tag={slug}.")
  @APIResponse(responseCode = "200", description = "The tag")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<TagView> getTag(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () -> Reply.json(tags.get(slug), List.of(SurrogateKeys.tag(slug), SurrogateKeys.FEED)));
  }
}
