package io.newsdesk.related;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.teaser.TeaserView;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Readers get the stories related to an article, for "read more" boxes. */
@Path("/api/v1/articles/{slug}/related")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class RelatedResource {

  private final RelatedService related;
  private final Delivery delivery;

  RelatedResource(RelatedService related, Delivery delivery) {
    this.related = related;
    this.delivery = delivery;
  }

  @GET
  @Operation(
      summary = "Get related stories",
      description =
          "Published teasers that share tags, words of the title or the category with the"
              + " article, best first (shared tags count most); never the article itself. One page"
              + " of at most limit. 404 unless the slug is a published article's current one.")
  @APIResponse(responseCode = "200", description = "The related stories, best first")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<Page<TeaserView>> relatedArticles(
      @PathParam("slug") @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @QueryParam("limit")
          @DefaultValue("5")
          @Min(value = 1, message = "must be between 1 and 20")
          @Max(value = 20, message = "must be between 1 and 20")
          Integer limit,
      @Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () -> {
          RelatedService.Related found = related.of(slug, limit);
          List<TeaserView> teasers = found.teasers();
          Set<String> keys = new LinkedHashSet<>();
          keys.add(SurrogateKeys.FEED);
          keys.add(SurrogateKeys.CONTENT);
          keys.add(SurrogateKeys.article(found.articleId()));
          teasers.forEach(teaser -> keys.add(SurrogateKeys.article(teaser.id())));
          return Reply.json(new Page<>(teasers, PageInfo.numbered(limit, 1, teasers.size())), keys);
        });
  }
}
