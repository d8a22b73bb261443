package io.newsdesk.article;

import io.newsdesk.auth.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors share a draft before it is published, through a link that works for one article. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
class PreviewResource {

  private final PreviewTokens tokens;
  private final ManageArticleService articles;

  PreviewResource(PreviewTokens tokens, ManageArticleService articles) {
    this.tokens = tokens;
    this.articles = articles;
  }

  @POST
  @Path("manage/articles/{id}/preview-token")
  @RolesAllowed(Role.CONTRIBUTOR)
  @Tag(name = "Articles (management)")
  @Operation(
      summary = "Make a preview link",
      description =
          "A signed, read-only token for this one article, valid for newsdesk.preview.lifetime"
              + " (1 hour by default). Anyone with the link sees the article's current content"
              + " in the delivery shape, whatever its status.")
  @APIResponse(responseCode = "201", description = "The preview link")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<PreviewView> createPreviewToken(@PathParam("id") UUID id, UriInfo uri) {
    articles.get(id); // 404 for an unknown article
    PreviewTokens.Issued issued = tokens.issue(id);
    URI url = uri.getBaseUriBuilder().path("api/v1/preview").path(issued.token()).build();
    return RestResponse.ResponseBuilder.<PreviewView>created(url)
        .entity(new PreviewView(issued.token(), url.toString(), issued.expiresAt()))
        .build();
  }

  @GET
  @Path("preview/{token}")
  @PermitAll
  @Tag(name = "Delivery")
  @Operation(
      summary = "Preview an article",
      description =
          "The article a preview token names, as it stands now (drafts included), in the"
              + " delivery shape. Never cached. A tampered or expired token is a 401.")
  @APIResponse(responseCode = "200", description = "The article's current content")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "InvalidPreviewToken")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<ArticleView> previewArticle(
      @PathParam("token") @Size(max = 200) String token) {
    ArticleView view = articles.preview(tokens.verify(token));
    return RestResponse.ResponseBuilder.ok(view)
        .header("Cache-Control", "no-store")
        .header("X-Robots-Tag", "noindex")
        .build();
  }
}
