package io.newsdesk.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsdesk.article.ManageArticleService;
import io.newsdesk.article.ManagedArticleView;
import io.newsdesk.auth.CurrentCaller;
import io.newsdesk.auth.Role;
import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors read an article's history and bring back an earlier version. */
@Path("/api/v1/manage/articles/{id}/revisions")
@RolesAllowed(Role.CONTRIBUTOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class RevisionResource {

  private final Revisions revisions;
  private final ManageArticleService articles;
  private final CurrentCaller caller;

  RevisionResource(Revisions revisions, ManageArticleService articles, CurrentCaller caller) {
    this.revisions = revisions;
    this.articles = articles;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary = "List an article's revisions",
      description =
          "Every save, newest first: edits, patches, restores, publishing, scheduling,"
              + " unpublishing and archiving, each with who made it and when.")
  @APIResponse(responseCode = "200", description = "A page of revisions")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<Page<RevisionView>> listRevisions(
      @PathParam("id") UUID id, @Valid @BeanParam PageParams paging, UriInfo uri) {
    articles.requireVisible(id, caller.get());
    return Links.page(revisions.list(id, paging.page(), paging.limit()), uri);
  }

  @GET
  @Path("{number}")
  @Operation(summary = "Get one revision", description = "The article as it stood after that save.")
  @APIResponse(responseCode = "200", description = "The revision")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RevisionView getRevision(
      @PathParam("id") UUID id, @PathParam("number") @Min(1) Integer number) {
    articles.requireVisible(id, caller.get());
    return revisions.get(id, number);
  }

  @POST
  @Path("{number}/restore")
  @Operation(
      summary = "Restore a revision",
      description =
          "Makes that revision's content the article's content again (status and schedule are"
              + " left as they are), recorded as a new revision. Needs If-Match with the current"
              + " ETag, like an edit.")
  @APIResponse(responseCode = "200", description = "The article as stored")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public RestResponse<ManagedArticleView> restoreRevision(
      @PathParam("id") UUID id,
      @PathParam("number") @Min(1) Integer number,
      @HeaderParam("If-Match") @Parameter(description = "The article's current ETag")
          String ifMatch)
      throws JsonProcessingException {
    ManagedArticleView view = articles.restore(id, number, ifMatch, caller.get());
    return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
  }
}
