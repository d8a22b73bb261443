package io.newsdesk.media;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The picture an editor puts on an article or teaser: a photo of the media library ({@code asset})
 * or, for wire copy, an external picture ({@code url}), one of the two. Alt text and caption left
 * out come from the asset, and follow it when it is described again.
 */
@Schema(
    name = "ImageInput",
    description =
        "A photo of the media library (asset) or an external picture (url): exactly one of the two")
public record ImageInput(
    @Schema(description = "Id of an asset of the media library") UUID asset,
    @Size(max = 2000)
        @Pattern(regexp = URL, message = URL_MESSAGE)
        @Schema(
            description = "An http(s) URL or a path on the site, for pictures not in the library",
            example = "https://images.example.com/storm.jpg",
            maxLength = 2000)
        String url,
    @Size(max = 500)
        @Schema(
            description = "Absent: the asset's",
            example = "Waves breaking over the harbour wall",
            maxLength = 500)
        String alt,
    @Size(max = 1000)
        @Schema(
            description = "Absent: the asset's",
            example = "The harbour at dawn on Tuesday.",
            maxLength = 1000)
        String caption) {

  /** Absolute http(s) URLs or paths on the site; never javascript:, data: or other schemes. */
  public static final String URL = "^(https?://[^\\s]+|/[^/\\s][^\\s]*)$";

  public static final String URL_MESSAGE = "must be an http(s) URL or a path starting with /";

  /** The picture stored in these columns, or null when there is none. */
  public static ImageInput of(UUID asset, String url, String alt, String caption) {
    return asset == null && url == null ? null : new ImageInput(asset, url, alt, caption);
  }
}
