package io.newsdesk.syndication;

import io.newsdesk.cache.Delivery;
import io.newsdesk.text.Slugs;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Feed readers and aggregators subscribe to the newest articles, overall or by category. */
@Path("/feeds")
@PermitAll
@Tag(name = "Delivery")
class SyndicationResource {

  private static final String CATEGORY = "Only this category's articles; an unknown one is a 404";

  private final Syndication syndication;
  private final Delivery delivery;

  SyndicationResource(Syndication syndication, Delivery delivery) {
    this.syndication = syndication;
    this.delivery = delivery;
  }

  @GET
  @Path("rss.xml")
  // One type each: with several, the REST layer picks its body writer per request and takes its
  // text writer, which garbles gzipped bytes. FeedAccept makes any Accept header acceptable.
  @Produces("application/rss+xml")
  @Operation(
      summary = "RSS 2.0 feed",
      description =
          "The newest published articles as RSS 2.0, with absolute links to the public site,"
              + " each with its excerpt (or, if configured, its full HTML). Cacheable: ETag, 304.")
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      content =
          @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<Buffer> rss(
      @QueryParam("category")
          @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Parameter(description = CATEGORY, example = "world")
          String category,
      @Context HttpServerRequest request) {
    return delivery.respond(request, () -> syndication.xml(Syndication.Format.RSS, category));
  }

  @GET
  @Path("atom.xml")
  @Produces("application/atom+xml")
  @Operation(
      summary = "Atom 1.0 feed",
      description =
          "The newest published articles as Atom 1.0, with absolute links to the public site,"
              + " each with its excerpt (or, if configured, its full HTML). Cacheable: ETag, 304.")
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      content =
          @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<Buffer> atom(
      @QueryParam("category")
          @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Parameter(description = CATEGORY, example = "world")
          String category,
      @Context HttpServerRequest request) {
    return delivery.respond(request, () -> syndication.xml(Syndication.Format.ATOM, category));
  }

  @GET
  @Path("feed.json")
  @Produces({"application/feed+json", "application/json"})
  @Operation(
      summary = "JSON Feed 1.1",
      description =
          "The newest published articles as JSON Feed 1.1, with absolute links to the public"
              + " site, each with its excerpt as content_text (or, if configured, its full HTML as"
              + " content_html). Cacheable: ETag, 304.")
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      content =
          @Content(
              mediaType = "application/feed+json",
              schema = @Schema(implementation = JsonFeed.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<JsonFeed> jsonFeed(
      @QueryParam("category")
          @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Parameter(description = CATEGORY, example = "world")
          String category,
      @Context HttpServerRequest request) {
    return delivery.respond(request, () -> syndication.json(category));
  }
}
