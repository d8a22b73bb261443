package io.newsdesk.feed;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.teaser.FeedFilter;
import io.newsdesk.teaser.TeaserView;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Fields;
import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import io.newsdesk.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Readers page through the recent-posts feed of teasers, newest first. */
@Path("/api/v1/feed")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class FeedResource {

  private final FeedService feed;
  private final Delivery delivery;

  FeedResource(FeedService feed, Delivery delivery) {
    this.feed = feed;
    this.delivery = delivery;
  }

  @GET
  @Operation(
      summary = "Recent posts",
      description =
          "Teasers of published articles, newest first (publishedAt desc, then id desc)."
              + " Cursor mode (default): follow page.next (or the Link header) to read on; new articles"
              + " published meanwhile cause no duplicates and no gaps. Number mode: pass page for"
              + " page.number, totalItems and totalPages. Filters combine; an unknown category,"
              + " tag or author gives an empty page. Cacheable: ETag, If-None-Match (304), Surrogate-Key.")
  @APIResponse(
      responseCode = "200",
      description = "A page of teasers",
      headers =
          @Header(
              name = "Link",
              description = "RFC 8288 links to the next and previous pages",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<TeaserView>> feed(
      @QueryParam("category")
          @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Parameter(description = "Only this category's teasers", example = "world")
          String category,
      @QueryParam("tag")
          @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Parameter(description = "Only teasers of articles with this tag", example = "weather")
          String tag,
      @QueryParam("author")
          @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Parameter(
              description = "Only teasers of articles crediting this author",
              example = "ana-lima")
          String author,
      @QueryParam("before")
          @Parameter(
              description = "Only teasers published strictly before this instant",
              example = "2026-11-27T00:00:00Z")
          Instant before,
      @QueryParam("after")
          @Parameter(
              description = "Only teasers published strictly after this instant",
              example = "2026-11-01T00:00:00Z")
          Instant after,
      @QueryParam("limit")
          @DefaultValue("20")
          @Min(value = 1, message = "must be between 1 and 100")
          @Max(value = 100, message = "must be between 1 and 100")
          @Parameter(description = "Teasers per page")
          Integer limit,
      @QueryParam("cursor")
          @Size(max = 200)
          @Parameter(description = "page.next or page.prev of a page")
          String cursor,
      @QueryParam("page")
          @Min(value = 1, message = "must be between 1 and 100000")
          @Max(value = 100_000, message = "must be between 1 and 100000")
          @Parameter(description = "Page number; switches to number mode (with totals)")
          Integer page,
      @QueryParam("fields")
          @Size(max = 500)
          @Parameter(
              description =
                  "Only these fields of each teaser, comma-separated (body.html, body.text or body.blocks for part of a"
                      + " body); unknown names are a 400; members not named are left out, required ones too",
              example = "slug,title,image")
          String fields,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    Fields selection = Fields.parse(fields, TeaserView.class);
    if (page != null && cursor != null) {
      throw ProblemException.invalid(
          "page", "cannot be combined with cursor; use one or the other");
    }
    FeedFilter filter = new FeedFilter(category, tag, author, before, after);
    return delivery.respond(
        request,
        () -> {
          Page<TeaserView> result =
              page != null
                  ? feed.byNumber(filter, page, limit)
                  : feed.byCursor(filter, cursor, limit);
          return Reply.json(result, FeedService.keys(result, filter))
              .fields(selection, true)
              .header("Link", Links.header(result, uri));
        });
  }
}
