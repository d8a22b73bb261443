package io.newsdesk.article.imports;

import io.newsdesk.article.ArticleInput;
import io.newsdesk.article.ManagedArticleView;
import io.newsdesk.auth.CurrentCaller;
import io.newsdesk.auth.Role;
import io.newsdesk.web.Links;
import io.newsdesk.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Wire agencies and migrations write one article by their own id, as often as they like (the first
 * address of this, {@link ExternalIdFirstAddress}, still works).
 */
@Path(ExternalIdResource.PATH)
@RolesAllowed(Role.EDITOR)
@Tag(name = "Articles (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class ExternalIdResource {

  private final Imports imports;
  private final CurrentCaller caller;

  ExternalIdResource(Imports imports, CurrentCaller caller) {
    this.imports = imports;
    this.caller = caller;
  }

  static final String PATH = "/api/v1/manage/external-articles";

  @PUT
  @Path("{externalId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create or replace an article by your id",
      description =
          "Creates the article with this external id (201), or replaces its content (200); if it"
              + " already says exactly this, nothing changes (no new version or revision), so an"
              + " import can be re-run safely. No If-Match: the importer is the source of truth.")
  @APIResponse(responseCode = "200", description = "Replaced or unchanged")
  @APIResponse(
      responseCode = "201",
      description = "Created as a draft",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ManagedArticleView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public RestResponse<ManagedArticleView> upsertByExternalId(
      @PathParam("externalId")
          @Size(max = 200)
          @Pattern(regexp = ArticleInput.EXTERNAL_ID, message = ArticleInput.EXTERNAL_ID_MESSAGE)
          String externalId,
      @NotNull @Valid ArticleInput body) {
    return upsert(externalId, body).build();
  }

  /** Creates or replaces; the response without its last touches. */
  RestResponse.ResponseBuilder<ManagedArticleView> upsert(String externalId, ArticleInput body) {
    if (body.externalId() != null && !body.externalId().equals(externalId)) {
      throw ProblemException.invalid("externalId", "must be absent or the same as in the path");
    }
    Imports.Result result =
        imports.upsert(new Imports.Line(1, body.withExternalId(externalId), null), caller.get());
    ManagedArticleView view = result.article();
    RestResponse.ResponseBuilder<ManagedArticleView> response =
        result.created()
            ? Links.<ManagedArticleView>created("/api/v1/manage/articles/" + view.id())
            : RestResponse.ResponseBuilder.<ManagedArticleView>ok();
    return response.entity(view).header(HttpHeaders.ETAG, view.etag());
  }
}
