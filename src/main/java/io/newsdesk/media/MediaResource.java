package io.newsdesk.media;

import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Renditions of uploaded photos, for readers, frontends and CDNs: only the ladder's widths exist,
 * each URL's bytes never change, so they are cached for a year.
 */
@Path("/media")
@PermitAll
@Tag(name = "Delivery")
class MediaResource {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** Names the asset, so a CDN can purge a deleted photo's renditions by key. */
  static final String SURROGATE_KEY = "Surrogate-Key";

  private final RenditionService renditions;

  MediaResource(RenditionService renditions) {
    this.renditions = renditions;
  }

  @GET
  @Path("{id}/{file}")
  // no @Produces: with image types there, the REST layer picked a writer that sent toString();
  // a plain Response, so the document gets no schema for the entity type
  @Operation(
      summary = "Get a rendition of a photo",
      description =
          "w{width}.webp or w{width}.jpg for the widths an asset lists in its sources, and the crops"
              + " it lists ({16x9,4x3,1x1}-f{x}x{y}-w{width}.webp or .jpg). Rendered on the first"
              + " request, then served as stored. No metadata of the upload is in it.")
  @APIResponse(responseCode = "200", ref = "Rendition")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response getRendition(
      @PathParam("id") UUID id,
      @PathParam("file") @Size(max = 40) @Parameter(example = "w640.webp") String file,
      @HeaderParam("If-None-Match") @Parameter(hidden = true) String ifNoneMatch) {
    RenditionService.Rendered rendered =
        renditions
            .rendition(id, file)
            .orElseThrow(() -> ProblemException.notFound("There is no such rendition"));
    String etag = rendered.etag();
    if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
      return Response.notModified()
          .header("ETag", etag)
          .header("Cache-Control", IMMUTABLE)
          .header(SURROGATE_KEY, SurrogateKeys.asset(id))
          .build();
    }
    StreamingOutput body = out -> out.write(rendered.bytes());
    return Response.ok(body, rendered.contentType())
        .header("ETag", etag)
        .header("Cache-Control", IMMUTABLE)
        .header(SURROGATE_KEY, SurrogateKeys.asset(id))
        .build();
  }
}
