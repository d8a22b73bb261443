package io.newsdesk.media;

import io.newsdesk.text.Figure;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the pictures editors chose into what readers get: a library photo with its size, credit,
 * placeholder and renditions (the alt text and caption the editor gave, else the asset's), or an
 * external picture as given. The assets of a whole page are read in one query.
 */
@ApplicationScoped
public class Pictures {

  private final AssetRepository assets;
  private final MediaUrls urls;

  Pictures(AssetRepository assets, MediaUrls urls) {
    this.assets = assets;
    this.urls = urls;
  }

  /** The picture readers get for {@code image}; null for none. */
  public ImageView view(ImageInput image) {
    return views(Collections.singletonList(image)).get(0);
  }

  /** The pictures readers get, in the same order (null stays null). */
  public List<ImageView> views(List<ImageInput> images) {
    Map<UUID, Asset> byId = load(images);
    List<ImageView> views = new ArrayList<>(images.size());
    for (ImageInput image : images) {
      views.add(
          image == null
              ? null
              : image.asset() == null
                  ? ImageView.external(image.url(), image.alt(), image.caption())
                  : view(image, byId.get(image.asset())));
    }
    return views;
  }

  /** The URL of the largest JPEG of a library photo {@code width} pixels wide. */
  public String largest(UUID id, int width) {
    return urls.largest(id, width);
  }

  /** How a body shows the asset {@code id}: its JPEG ladder as a srcset; empty if none. */
  public Optional<Figure> figure(UUID id) {
    return assets
        .findByIdOptional(id)
        .map(
            asset -> {
              StringBuilder srcset = new StringBuilder();
              for (int width : Renditions.widths(asset.width)) {
                srcset
                    .append(srcset.isEmpty() ? "" : ", ")
                    .append(urls.url(id, Renditions.Rendition.whole(width, ImageFormat.JPEG)))
                    .append(' ')
                    .append(width)
                    .append('w');
              }
              return new Figure(
                  urls.largest(id, asset.width),
                  srcset.toString(),
                  asset.width,
                  asset.height,
                  asset.alt,
                  asset.caption);
            });
  }

  /**
   * Checks the picture an editor sends: a library photo that exists, or an external URL, not both
   * and not neither.
   */
  public void check(ImageInput image, String field) {
    if (image == null) {
      return;
    }
    if ((image.asset() == null) == (image.url() == null)) {
      throw ProblemException.invalid(
          field, "give exactly one of asset (a photo of the media library) and url");
    }
    if (image.asset() != null && assets.findByIdOptional(image.asset()).isEmpty()) {
      throw ProblemException.invalid(
          field + ".asset", "there is no asset with id " + image.asset());
    }
  }

  private Map<UUID, Asset> load(Collection<ImageInput> images) {
    List<UUID> ids =
        images.stream()
            .filter(Objects::nonNull)
            .map(ImageInput::asset)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    return ids.isEmpty()
        ? Map.of()
        : assets.list("id in ?1", ids).stream()
            .collect(Collectors.toMap(asset -> asset.id, Function.identity()));
  }

  private ImageView view(ImageInput image, Asset asset) {
    if (asset == null) {
      return null; // deleted between the two reads; the row that named it is gone too
    }
    return new ImageView(
        urls.largest(asset.id, asset.width),
        asset.width,
        asset.height,
        image.alt() != null ? image.alt() : asset.alt,
        image.caption() != null ? image.caption() : asset.caption,
        asset.credit,
        asset.placeholder,
        urls.sources(asset),
        urls.crops(asset));
  }
}
