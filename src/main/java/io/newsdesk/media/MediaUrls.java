package io.newsdesk.media;

import io.newsdesk.config.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Absolute rendition URLs from {@code newsdesk.media.base-url} (a CDN host, say), else the site's
 * base URL; never from a request. Paths have no query string and name exactly what the bytes are,
 * so each URL's content never changes.
 */
@ApplicationScoped
class MediaUrls {

  private final String base;

  MediaUrls(NewsdeskConfig config) {
    this.base = config.media().baseUrl().orElse(config.site().baseUrl()) + "/media/";
  }

  String url(UUID id, Renditions.Rendition rendition) {
    return base + id + "/" + rendition.name();
  }

  String largest(UUID id, int photoWidth) {
    List<Integer> widths = Renditions.widths(photoWidth);
    return url(id, Renditions.Rendition.whole(widths.get(widths.size() - 1), ImageFormat.JPEG));
  }

  /** Every crop the asset has at its current focal point. */
  List<ImageView.Crop> crops(Asset asset) {
    List<ImageView.Crop> crops = new ArrayList<>();
    for (Renditions.Shape shape : Renditions.Shape.values()) {
      Renditions.Region region =
          Renditions.crop(asset.width, asset.height, shape, asset.focalX, asset.focalY);
      for (ImageFormat format : Renditions.FORMATS) {
        for (int width : Renditions.widths(region.width())) {
          Renditions.Rendition crop =
              new Renditions.Rendition(
                  width,
                  format,
                  shape,
                  Renditions.thousandths(asset.focalX),
                  Renditions.thousandths(asset.focalY));
          crops.add(
              new ImageView.Crop(
                  shape.aspect(),
                  width,
                  Renditions.height(width, region.width(), region.height()),
                  format.mimeType,
                  url(asset.id, crop)));
        }
      }
    }
    return crops;
  }

  List<ImageView.Source> sources(Asset asset) {
    List<ImageView.Source> sources = new ArrayList<>();
    for (ImageFormat format : Renditions.FORMATS) {
      for (int width : Renditions.widths(asset.width)) {
        sources.add(
            new ImageView.Source(
                width,
                Renditions.height(width, asset.width, asset.height),
                format.mimeType,
                url(asset.id, Renditions.Rendition.whole(width, format))));
      }
    }
    return sources;
  }
}
