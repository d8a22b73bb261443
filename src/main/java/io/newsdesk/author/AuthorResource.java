package io.newsdesk.author;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Readers list the newsroom's authors and read one profile; their articles are the feed's. */
@Path("/api/v1/authors")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class AuthorResource {

  private final AuthorService authors;
  private final Delivery delivery;

  AuthorResource(AuthorService authors, Delivery delivery) {
    this.authors = authors;
    this.delivery = delivery;
  }

  @GET
  @Operation(
      summary = "List authors",
      description =
          "Every author with a profile, by name, with the number of published articles crediting"
              + " each. Page-number mode, 20 a page by default.")
  @APIResponse(responseCode = "200", description = "A page of authors")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<AuthorView>> listAuthors(
      @Valid @BeanParam PageParams paging,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () -> {
          Page<AuthorView> list = authors.list(paging.page(), paging.limit());
          List<String> keys = new ArrayList<>(List.of(SurrogateKeys.AUTHORS, SurrogateKeys.FEED));
          list.items().forEach(author -> keys.add(SurrogateKeys.author(author.slug())));
          return Reply.json(list, keys).header("Link", Links.header(list, uri));
        });
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary = "Get an author",
      description =
          "One author's profile (never their email), with the number of published articles"
              + " crediting them; those articles are /api/v1/feed?author={slug}.")
  @APIResponse(responseCode = "200", description = "The author")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<AuthorView> getAuthor(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () ->
            Reply.json(authors.get(slug), List.of(SurrogateKeys.author(slug), SurrogateKeys.FEED)));
  }
}
