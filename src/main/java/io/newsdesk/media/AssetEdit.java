package io.newsdesk.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What editors may change on an asset: sent as a JSON Merge Patch ({@code null} clears). */
@Schema(name = "AssetInput")
record AssetEdit(
    @Size(max = 1000) @Schema(description = "Text for readers who cannot see the photo") String alt,
    @Size(max = 2000) @Schema(description = "Shown under the photo") String caption,
    @Size(max = 500) @Schema(description = "Who took it, or where it is from") String credit,
    @Valid @Schema(description = "Where crops centre; null: the middle") FocalPoint focalPoint) {

  static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

  /** A point of the photo, from its top left (0, 0) to its bottom right (1, 1). */
  record FocalPoint(
      @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(example = "0.5") Double x,
      @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(example = "0.4") Double y) {}
}
