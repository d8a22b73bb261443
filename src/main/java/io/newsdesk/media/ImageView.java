package io.newsdesk.media;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A picture as readers get it. A photo of the library comes with its size, credit, placeholder and
 * every rendition, so a frontend writes {@code <picture>} and {@code srcset} from it and an app
 * picks the width it needs; an external picture has its URL and words only.
 */
@Schema(name = "Image")
public record ImageView(
    @Schema(
            description =
                "The largest JPEG rendition (or the external URL), for clients that take one URL",
            example = "https://media.example/media/6c5e.../w1920.jpg")
        String url,
    @Schema(description = "Intrinsic width as displayed; absent for external pictures")
        Integer width,
    @Schema(description = "Intrinsic height as displayed; absent for external pictures")
        Integer height,
    @Schema(example = "Waves breaking over the harbour wall") String alt,
    @Schema(example = "The harbour at dawn on Tuesday.") String caption,
    @Schema(example = "Photo: Ana Lima") String credit,
    @Schema(
            description =
                "The photo 8 pixels across as a PNG data URI (a few hundred bytes), to show blurred while the photo loads")
        String placeholder,
    @Schema(
            description =
                "The whole photo at a ladder of widths (never wider than the upload) in WebP and"
                    + " JPEG; empty for external pictures")
        List<Source> sources,
    @Schema(
            description =
                "Crops at 16:9, 4:3 and 1:1 around the focal point, at the same ladder, in WebP and"
                    + " JPEG; empty for external pictures")
        List<Crop> crops) {

  /** A picture that is not in the library: its URL and the editor's words. */
  static ImageView external(String url, String alt, String caption) {
    return new ImageView(url, null, null, alt, caption, null, null, List.of(), List.of());
  }

  /** One rendition of the whole photo. */
  public record Source(
      @Schema(example = "640") int width,
      @Schema(example = "480") int height,
      @Schema(example = "image/webp") String type,
      @Schema(example = "https://media.example/media/6c5e.../w640.webp") String url) {}

  /** One crop rendition. */
  public record Crop(
      @Schema(example = "16:9") String aspect,
      @Schema(example = "1280") int width,
      @Schema(example = "720") int height,
      @Schema(example = "image/jpeg") String type,
      @Schema(example = "https://media.example/media/6c5e.../16x9-f500x400-w1280.jpg")
          String url) {}
}
