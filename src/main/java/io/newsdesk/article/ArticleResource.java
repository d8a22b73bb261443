package io.newsdesk.article;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Fields;
import io.newsdesk.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Readers fetch one published article by its slug. */
@Path("/api/v1/articles")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class ArticleResource {

  private final ArticleService articles;
  private final Delivery delivery;

  ArticleResource(ArticleService articles, Delivery delivery) {
    this.articles = articles;
    this.delivery = delivery;
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary = "Get a published article",
      description =
          "The full article with its sanitized HTML and plain-text body. Drafts, scheduled and"
              + " archived articles answer 404 exactly like slugs that never existed. A slug the"
              + " article had before answers 301 with its current URL. Cacheable: ETag and"
              + " Last-Modified, If-None-Match and If-Modified-Since (304), Surrogate-Key.")
  @APIResponse(responseCode = "200", description = "The article")
  @APIResponse(responseCode = "301", ref = "MovedPermanently")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<ArticleView> getArticle(
      @PathParam("slug") @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @QueryParam("fields")
          @Size(max = 500)
          @Parameter(
              description =
                  "Only these fields, comma-separated (body.html, body.text or body.blocks for part of a"
                      + " body); unknown names are a 400; members not named are left out, required ones too",
              example = "slug,title,image,body.html")
          String fields,
      @Context HttpServerRequest request) {
    Fields selection = Fields.parse(fields, ArticleView.class);
    return delivery.respond(
        request,
        () ->
            articles
                .published(slug)
                .map(
                    read ->
                        Reply.json(read.view(), read.keys())
                            .fields(selection, false)
                            .lastModified(read.lastModified()))
                .orElseGet(() -> redirect(slug)));
  }

  private Reply<ArticleView> redirect(String slug) {
    ArticleService.Moved moved =
        articles
            .movedFrom(slug)
            .orElseThrow(
                () ->
                    ProblemException.notFound("No published article has the slug '" + slug + "'"));
    return Reply.movedTo(
        "/api/v1/articles/" + moved.slug(), List.of(SurrogateKeys.article(moved.id())));
  }
}
