package io.newsdesk.webhook;

import io.newsdesk.auth.Role;
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
import jakarta.ws.rs.PUT;
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

/** Admins subscribe other systems to content events and watch their deliveries. */
@Path("/api/v1/manage/webhooks")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class WebhookResource {

  private final Webhooks webhooks;

  WebhookResource(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Subscribe a webhook",
      description =
          "Events are POSTed as JSON with X-Newsdesk-Signature: t=<unix seconds>,v1=<hex"
              + " HMAC-SHA256 of \"<t>.<body>\" with the secret>, and X-Newsdesk-Event-Id to"
              + " deduplicate retries. URLs on internal addresses are refused.")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public RestResponse<WebhookView> createWebhook(@NotNull @Valid WebhookInput body) {
    WebhookView created = webhooks.create(body);
    return Links.<WebhookView>created("/api/v1/manage/webhooks/" + created.id())
        .entity(created)
        .build();
  }

  @GET
  @Operation(summary = "List webhooks", description = "Every subscription, oldest first.")
  @APIResponse(responseCode = "200", description = "A page of webhooks")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<WebhookView>> listWebhooks(
      @Valid @BeanParam PageParams paging, UriInfo uri) {
    return Links.page(webhooks.list(paging.page(), paging.limit()), uri);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Get a webhook", description = "One subscription (never its secret).")
  @APIResponse(responseCode = "200", description = "The webhook")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public WebhookView getWebhook(@PathParam("id") UUID id) {
    return webhooks.get(id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a webhook", description = "Replaces URL, events and secret.")
  @APIResponse(responseCode = "200", description = "The webhook")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WebhookView replaceWebhook(@PathParam("id") UUID id, @NotNull @Valid WebhookInput body) {
    return webhooks.replace(id, body);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Delete a webhook",
      description = "Stops deliveries at once, pending ones included.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public void deleteWebhook(@PathParam("id") UUID id) {
    webhooks.delete(id);
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      summary = "A webhook's delivery log",
      description =
          "Newest first: each event sent to this webhook, its status (pending, delivered,"
              + " failed), attempts, last HTTP status and error, and the next attempt.")
  @APIResponse(responseCode = "200", description = "A page of deliveries")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<Page<DeliveryView>> listDeliveries(
      @PathParam("id") UUID id, @Valid @BeanParam PageParams paging, UriInfo uri) {
    return Links.page(webhooks.deliveries(id, paging.page(), paging.limit()), uri);
  }

  @POST
  @Path("{id}/deliveries/{delivery}/redeliver")
  @Operation(
      summary = "Send a delivery again",
      description = "Puts it back in the queue, due now, whatever its status was.")
  @APIResponse(responseCode = "202", description = "Queued")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<Void> redeliver(
      @PathParam("id") UUID id, @PathParam("delivery") UUID delivery) {
    webhooks.redeliver(id, delivery);
    return RestResponse.accepted();
  }
}
