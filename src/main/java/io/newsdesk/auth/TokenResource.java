package io.newsdesk.auth;

import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admins create, list and revoke API tokens. */
@Path("/api/v1/manage/tokens")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class TokenResource {

  private final TokenService tokens;

  TokenResource(TokenService tokens) {
    this.tokens = tokens;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a token",
      description = "Returns the secret once, in the `token` field; only its hash is stored.")
  @APIResponse(
      responseCode = "201",
      description = "Created; the body carries the secret",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TokenView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public RestResponse<TokenView> createToken(@NotNull @Valid TokenInput body) {
    TokenView created = tokens.create(body);
    return Links.<TokenView>created("/api/v1/manage/tokens/" + created.id())
        .entity(created)
        .build();
  }

  @GET
  @Operation(
      summary = "List tokens",
      description = "Newest first, revoked ones included; never the secrets.")
  @APIResponse(responseCode = "200", description = "A page of tokens")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<TokenView>> listTokens(
      @Valid @BeanParam PageParams paging, UriInfo uri) {
    return Links.page(tokens.list(paging.page(), paging.limit()), uri);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Revoke a token",
      description = "The token is refused from the next request on.")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public void revokeToken(@PathParam("id") UUID id) {
    tokens.revoke(id);
  }
}
