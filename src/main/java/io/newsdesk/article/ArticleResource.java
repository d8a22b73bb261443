package io.newsdesk.article;

import io.newsdesk.text.Slugs;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Readers fetch one published article by its slug. */
@Path("/api/v1/articles")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class ArticleResource {

  private final ArticleService articles;

  ArticleResource(ArticleService articles) {
    this.articles = articles;
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary = "Get a published article",
      description =
          "The full article with its sanitized HTML and plain-text body. Drafts, scheduled and"
              + " archived articles answer 404 exactly like slugs that never existed.")
  @APIResponse(responseCode = "200", description = "The article")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public ArticleView getArticle(
      @PathParam("slug") @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug) {
    return articles.published(slug);
  }
}
