package io.newsdesk.sitemap;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Search engines find every published article: sitemaps, a news sitemap and robots.txt. */
@Path("/")
@PermitAll
@Tag(name = "Delivery")
class SitemapResource {

  private static final String XML = "application/xml";
  private static final List<String> KEYS = List.of(SurrogateKeys.FEED, SurrogateKeys.CONTENT);

  private final SitemapService sitemaps;
  private final Delivery delivery;

  SitemapResource(SitemapService sitemaps, Delivery delivery) {
    this.sitemaps = sitemaps;
    this.delivery = delivery;
  }

  @GET
  @Path("sitemap.xml")
  @Produces(XML)
  @Operation(
      summary = "Sitemap index",
      description =
          "One sitemap per month of publication (at most 50,000 articles each; a bigger month has"
              + " -p2, -p3... pages), newest first, then the news sitemap. Monthly sitemaps sit at"
              + " the root, so every article URL is within their reach as the protocol asks; the"
              + " news sitemap is named in robots.txt. Cacheable: ETag, 304.")
  @APIResponse(
      responseCode = "200",
      description = "The index",
      content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  public RestResponse<Buffer> sitemapIndex(@Context HttpServerRequest request) {
    return delivery.respond(request, () -> Reply.bytes(sitemaps.index(), XML, KEYS));
  }

  @GET
  @Path("sitemap-{year: \\d{4}}-{month: \\d{2}}.xml")
  @Produces(XML)
  @Operation(
      summary = "Articles of a month",
      description =
          "The published articles first published in that month (UTC), oldest first: their public"
              + " URL, when they last changed, and their photo.")
  @APIResponse(
      responseCode = "200",
      description = "The sitemap",
      content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<Buffer> monthSitemap(
      @PathParam("year") int year,
      @PathParam("month") int month,
      @Context HttpServerRequest request) {
    return page(year, month, 1, request);
  }

  @GET
  @Path("sitemap-{year: \\d{4}}-{month: \\d{2}}-p{page: \\d{1,4}}.xml")
  @Produces(XML)
  @Operation(
      summary = "More articles of a month",
      description = "Page 2, 3... of a month with more than 50,000 articles.")
  @APIResponse(
      responseCode = "200",
      description = "The sitemap",
      content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<Buffer> monthSitemapPage(
      @PathParam("year") int year,
      @PathParam("month") int month,
      @PathParam("page") int page,
      @Context HttpServerRequest request) {
    return page(year, month, page, request);
  }

  @GET
  @Path("sitemaps/news.xml")
  @Produces(XML)
  @Operation(
      summary = "News sitemap",
      description =
          "Google News: articles published in the last 48 hours, newest first, at most 1,000,"
              + " with the publication's name (newsdesk.site.name) and language"
              + " (newsdesk.site.language), the publication date and the title.")
  @APIResponse(
      responseCode = "200",
      description = "The news sitemap",
      content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  public RestResponse<Buffer> newsSitemap(@Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () -> {
          SitemapService.Xml news = sitemaps.news();
          return Reply.bytes(news.bytes(), XML, KEYS).validUntil(news.validUntil());
        });
  }

  @GET
  @Path("robots.txt")
  @Produces("text/plain")
  @Operation(
      summary = "robots.txt",
      description = "Keeps crawlers out of the management API and previews; names the sitemaps.")
  @APIResponse(
      responseCode = "200",
      description = "robots.txt",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  public RestResponse<Buffer> robots(@Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () ->
            Reply.bytes(
                sitemaps.robots().getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8",
                List.of()));
  }

  private RestResponse<Buffer> page(int year, int month, int page, HttpServerRequest request) {
    YearMonth when;
    try {
      when = YearMonth.of(year, month);
    } catch (DateTimeException e) {
      throw io.newsdesk.web.ProblemException.notFound("There is no month " + year + "-" + month);
    }
    if (page < 1) {
      throw io.newsdesk.web.ProblemException.notFound("Pages start at 1");
    }
    return delivery.respond(request, () -> Reply.bytes(sitemaps.month(when, page), XML, KEYS));
  }
}
