package io.newsdesk.article.imports;

import io.newsdesk.article.ArticleInput;
import io.newsdesk.article.ManagedArticleView;
import io.newsdesk.auth.Role;
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
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The upsert by external id at its first address, for clients written before it moved to {@link
 * ExternalIdResource#PATH}: it works as before and says where it lives now. Not in the API
 * document, where it made paths ambiguous beside {@code /articles/{id}/publish} and its kin.
 */
@Path("/api/v1/manage/articles/by-external-id")
@RolesAllowed(Role.EDITOR)
class ExternalIdFirstAddress {

  private final ExternalIdResource current;

  ExternalIdFirstAddress(ExternalIdResource current) {
    this.current = current;
  }

  @PUT
  @Path("{externalId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public RestResponse<ManagedArticleView> upsertByExternalIdAtFirstAddress(
      @PathParam("externalId")
          @Size(max = 200)
          @Pattern(regexp = ArticleInput.EXTERNAL_ID, message = ArticleInput.EXTERNAL_ID_MESSAGE)
          String externalId,
      @NotNull @Valid ArticleInput body) {
    return current
        .upsert(externalId, body)
        .header("Deprecation", "true")
        .header(
            "Link",
            "<"
                + ExternalIdResource.PATH
                + "/"
                + URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20")
                + ">; rel=\"successor-version\"")
        .build();
  }
}
