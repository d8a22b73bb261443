package io.newsdesk.preview;

import io.newsdesk.article.ArticleView;
import io.newsdesk.article.ManageArticleService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Whoever has a preview link reads that one article before it is published. */
@Path("/api/v1/preview")
@Produces(MediaType.APPLICATION_JSON)
class PreviewResource {

  private final PreviewTokens tokens;
  private final ManageArticleService articles;

  PreviewResource(PreviewTokens tokens, ManageArticleService articles) {
    this.tokens = tokens;
    this.articles = articles;
  }

  @GET
  @Path("{token}")
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
