package io.newsdesk.collection;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Fields;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Readers get a curated page: the front page, a breaking-news strip, a section's top stories. */
@Path("/api/v1/collections")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class CollectionResource {

  private final CollectionService collections;
  private final Delivery delivery;

  CollectionResource(CollectionService collections, Delivery delivery) {
    this.collections = collections;
    this.delivery = delivery;
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary = "Get a curated collection",
      description =
          "Teasers in the editors' order: the curated articles readers may see now (published,"
              + " and before their until), then the newest published articles of the collection's"
              + " category or tag that are not already shown, up to its size. Cacheable like the"
              + " feed: ETag, If-None-Match (304), Surrogate-Key.")
  @APIResponse(responseCode = "200", description = "The collection")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<CollectionView> getCollection(
      @PathParam("slug") @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String slug,
      @QueryParam("fields")
          @Size(max = 500)
          @Parameter(
              description =
                  "Only these fields of each teaser, comma-separated (body.html, body.text or body.blocks for part of a"
                      + " body); unknown names are a 400; members not named are left out, required ones too",
              example = "slug,title,image")
          String fields,
      @Context HttpServerRequest request) {
    Fields selection = Fields.parse(fields, io.newsdesk.teaser.TeaserView.class);
    return delivery.respond(
        request,
        () -> {
          CollectionService.Read read = collections.read(slug);
          return Reply.json(read.view(), read.keys())
              .fields(selection, true)
              .validUntil(read.validUntil());
        });
  }
}
