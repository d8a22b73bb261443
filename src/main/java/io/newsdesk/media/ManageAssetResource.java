package io.newsdesk.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdesk.auth.CurrentCaller;
import io.newsdesk.auth.Role;
import io.newsdesk.web.Links;
import io.newsdesk.web.MergePatch;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageParams;
import io.newsdesk.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Editors and contributors upload and describe photos; admins delete unused ones. */
@Path("/api/v1/manage/assets")
@RolesAllowed(Role.CONTRIBUTOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class ManageAssetResource {

  private final AssetService assets;
  private final CurrentCaller caller;

  ManageAssetResource(AssetService assets, CurrentCaller caller) {
    this.assets = assets;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a photo",
      description =
          "A form with the image in the part 'file' (and optional alt, caption, credit), or the"
              + " image itself as the body (any image/* or application/octet-stream type; the"
              + " filename then comes from ?filename=). The type is read from the bytes: JPEG,"
              + " PNG, WebP and GIF (first frame). The same bytes again answer 200 with the asset"
              + " that has them. Metadata (EXIF, XMP, IPTC, GPS) never reaches a rendition.")
  @APIResponse(
      responseCode = "201",
      description = "Uploaded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AssetView.class)))
  @APIResponse(
      responseCode = "200",
      description = "These bytes were uploaded before: the asset that has them",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AssetView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "UnreadableImage")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public RestResponse<AssetView> uploadAsset(
      @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
      @RestForm("alt") @Size(max = 1000) String alt,
      @RestForm("caption") @Size(max = 2000) String caption,
      @RestForm("credit") @Size(max = 500) String credit) {
    if (file == null) {
      throw ProblemException.invalid("file", "must be the image to upload");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return answer(
        assets.upload(
            bytes, file.fileName(), new AssetEdit(alt, caption, credit, null), caller.get()));
  }

  @POST
  @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(hidden = true) // the same operation as uploadAsset, with the image as the body
  public RestResponse<AssetView> uploadRawAsset(
      @QueryParam("filename") @Size(max = 255) String filename, byte[] body) {
    return answer(
        assets.upload(body, filename, new AssetEdit(null, null, null, null), caller.get()));
  }

  private static RestResponse<AssetView> answer(AssetService.Uploaded uploaded) {
    AssetView asset = uploaded.asset();
    return uploaded.existing()
        ? RestResponse.ok(asset)
        : Links.<AssetView>created("/api/v1/manage/assets/" + asset.id()).entity(asset).build();
  }

  @GET
  @Operation(
      summary = "List assets",
      description = "Newest first; q matches the filename, alt text, caption and credit.")
  @APIResponse(responseCode = "200", description = "A page of assets")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<AssetView>> listAssets(
      @QueryParam("q") @Size(max = 200) @Parameter(description = "Text to look for") String q,
      @Valid @BeanParam PageParams paging,
      @Context UriInfo uri) {
    return Links.page(assets.list(q, paging.page(), paging.limit()), uri);
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "Get an asset",
      description = "What it is, what editors said about it, and the URLs of its renditions.")
  @APIResponse(responseCode = "200", description = "The asset")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public AssetView getAsset(@PathParam("id") UUID id) {
    return assets.get(id);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @Operation(
      summary = "Describe an asset",
      description =
          "A JSON Merge Patch of alt, caption, credit and focalPoint: absent fields stay, null"
              + " clears (the focal point goes back to the middle).")
  @APIResponse(responseCode = "200", description = "The asset as stored")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public AssetView patchAsset(
      @PathParam("id") UUID id,
      @NotNull
          @RequestBody(
              content =
                  @Content(
                      mediaType = MergePatch.MEDIA_TYPE,
                      schema = @Schema(implementation = AssetEdit.class)))
          JsonNode patch) {
    if (!patch.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object");
    }
    return assets.patch(id, patch);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Role.ADMIN)
  @Operation(
      summary = "Delete an asset",
      description = "With its renditions. 409 while an article or teaser shows it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public void deleteAsset(@PathParam("id") UUID id) {
    assets.delete(id);
  }
}
