package io.newsdesk.changes;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Offline-first apps keep a local copy of the published content exact with the change feed. */
@Path("/api/v1/changes")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class ChangeResource {

  private final ChangeService changes;
  private final Delivery delivery;

  ChangeResource(ChangeService changes, Delivery delivery) {
    this.changes = changes;
    this.delivery = delivery;
  }

  @GET
  @Operation(
      summary = "Changes to published content",
      description =
          "What happened to published articles after the position in since, oldest first:"
              + " published, updated (content, slug, teaser or category name), unpublished, and"
              + " deleted (archived or purged; a tombstone with id and slug). Without since, from"
              + " the beginning. page.next is always set: store it and ask with since=page.next"
              + " later; fewer items than limit means you are up to date. Apply changes by id:"
              + " fetch the article by slug for published and updated, drop it for unpublished"
              + " and deleted.")
  @APIResponse(responseCode = "200", description = "A page of changes")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<ChangeView>> changes(
      @QueryParam("since")
          @Size(max = 200)
          @Parameter(description = "page.next of an earlier call; absent: from the beginning")
          String since,
      @QueryParam("limit")
          @DefaultValue("100")
          @Min(value = 1, message = "must be between 1 and 100")
          @Max(value = 100, message = "must be between 1 and 100")
          @Parameter(description = "Changes per page")
          Integer limit,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    return delivery.respond(
        request,
        () -> {
          Page<ChangeView> page = changes.since(since, limit);
          return Reply.json(page, List.of(SurrogateKeys.FEED, SurrogateKeys.CONTENT))
              .header("Link", Links.header(page, uri, "since"));
        });
  }
}
