package io.newsdesk.preview;

import io.newsdesk.article.ManageArticleService;
import io.newsdesk.auth.Caller;
import io.newsdesk.auth.CurrentCaller;
import io.newsdesk.auth.Role;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.web.Links;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors share a draft before it is published, through a link that works for one article. */
@Path("/api/v1/manage/articles/{id}/preview-token")
@Produces(MediaType.APPLICATION_JSON)
class PreviewLinkResource {

  private final PreviewTokens tokens;
  private final ManageArticleService articles;
  private final CurrentCaller caller;
  private final NewsdeskConfig.Site site;

  PreviewLinkResource(
      PreviewTokens tokens,
      ManageArticleService articles,
      CurrentCaller caller,
      NewsdeskConfig config) {
    this.tokens = tokens;
    this.articles = articles;
    this.caller = caller;
    this.site = config.site();
  }

  @POST
  @RolesAllowed(Role.CONTRIBUTOR)
  @Tag(name = "Articles (management)")
  @Operation(
      summary = "Make a preview link",
      description =
          "A signed, read-only token for this one article, valid for newsdesk.preview.lifetime"
              + " (1 hour by default) and while the token that made it is not revoked. Anyone"
              + " with the link sees the article's current content in the delivery shape,"
              + " whatever its status. Contributors make links to their own articles only.")
  @APIResponse(
      responseCode = "201",
      description = "The preview link",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PreviewView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<PreviewView> createPreviewToken(@PathParam("id") UUID id) {
    Caller who = caller.get();
    articles.requireVisible(id, who); // 404 for an unknown article or another contributor's
    PreviewTokens.Issued issued = tokens.issue(id, who);
    String path = "/api/v1/preview/" + issued.token();
    return Links.<PreviewView>created(path)
        .entity(
            new PreviewView(
                issued.token(),
                site.previewUrl(issued.token()),
                site.baseUrl() + path,
                issued.expiresAt()))
        .build();
  }
}
