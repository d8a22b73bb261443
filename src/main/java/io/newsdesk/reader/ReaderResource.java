package io.newsdesk.reader;

import io.newsdesk.cache.Delivery;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.ProblemException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The reader page, HTML for people and crawlers: the front page at {@code /} and each article at
 * {@code /articles/{slug}} (the default newsdesk.site.article-path, so feed links open it). Not
 * part of the API document: it is a page, not an API.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
class ReaderResource {

  private final ReaderPages pages;
  private final Delivery delivery;

  ReaderResource(ReaderPages pages, Delivery delivery) {
    this.pages = pages;
    this.delivery = delivery;
  }

  @GET
  @Operation(hidden = true)
  public RestResponse<Buffer> front(
      @QueryParam("category") String category,
      @QueryParam("cursor") String cursor,
      @Context HttpServerRequest request) {
    if (category != null && !category.matches(Slugs.PATTERN)) {
      return missing();
    }
    return respond(request, () -> pages.front(category, cursor));
  }

  @GET
  @Path("articles/{slug}")
  @Operation(hidden = true)
  public RestResponse<Buffer> article(
      @PathParam("slug") String slug, @Context HttpServerRequest request) {
    if (slug.length() > 120 || !slug.matches(Slugs.PATTERN)) {
      return missing();
    }
    return respond(request, () -> pages.article(slug));
  }

  private RestResponse<Buffer> respond(
      HttpServerRequest request, Supplier<io.newsdesk.cache.Reply<Buffer>> page) {
    try {
      return delivery.respond(request, page);
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return missing();
      }
      throw e;
    }
  }

  /** A 404 page that no cache keeps: the story may be published a moment later. */
  private RestResponse<Buffer> missing() {
    return RestResponse.ResponseBuilder.create(
            RestResponse.Status.NOT_FOUND, Buffer.buffer(pages.missing()))
        .header("Content-Type", ReaderPages.HTML)
        .header("Cache-Control", "no-store")
        .build();
  }
}
