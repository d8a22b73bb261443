package io.newsdesk.audit;

import io.newsdesk.auth.Role;
import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admins read who changed what. */
@Path("/api/v1/manage/audit")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class AuditResource {

  private final AuditLog log;

  AuditResource(AuditLog log) {
    this.log = log;
  }

  @GET
  @Operation(
      summary = "Read the audit log",
      description =
          "Every successful management write, newest first: who (token name and role), what"
              + " (method and path), which entity, when, and from which address.")
  @APIResponse(responseCode = "200", description = "A page of audit entries")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<AuditEntryView>> listAudit(
      @QueryParam("actor") @Size(max = 200) @Parameter(description = "A token's name") String actor,
      @QueryParam("entityType")
          @Pattern(
              regexp = "article|category|token|webhook|import|asset",
              message = "must be one of article, category, token, webhook, import, asset")
          @Parameter(description = "article, category, token, webhook or import")
          String entityType,
      @QueryParam("entityId") @Size(max = 200) @Parameter(description = "Id or slug")
          String entityId,
      @Valid @BeanParam PageParams paging,
      UriInfo uri) {
    return Links.page(log.list(actor, entityType, entityId, paging.page(), paging.limit()), uri);
  }
}
