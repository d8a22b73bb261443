package io.newsdesk.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asset as editors see it, with the URLs of its renditions. */
@Schema(name = "Asset")
record AssetView(
    UUID id,
    @Schema(example = "harbour-at-dawn.jpg") String filename,
    @Schema(example = "image/jpeg") String mimeType,
    @Schema(description = "Size of the upload in bytes") long bytes,
    @Schema(description = "Width as displayed, after the EXIF orientation") int width,
    @Schema(description = "Height as displayed") int height,
    String alt,
    String caption,
    String credit,
    AssetEdit.FocalPoint focalPoint,
    @Schema(
            description =
                "The photo 8 pixels across as a PNG data URI (a few hundred bytes), to show blurred while the photo loads")
        String placeholder,
    Instant createdAt,
    @Schema(description = "The largest JPEG rendition, for clients that take one URL") String url,
    @Schema(
            description =
                "The whole photo at a ladder of widths (never wider than the upload) in WebP and"
                    + " JPEG")
        List<ImageView.Source> sources,
    @Schema(
            description =
                "Crops at 16:9, 4:3 and 1:1 around the focal point, at the same ladder, in WebP and"
                    + " JPEG; moving the focal point gives new URLs")
        List<ImageView.Crop> crops) {}
