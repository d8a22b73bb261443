package io.newsdesk.reader;

import io.newsdesk.media.ImageView;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a {@code <picture>} element needs from a delivered image: WebP and JPEG srcsets of the whole
 * photo or of one crop, the largest JPEG as the fallback source, the intrinsic size (so the page
 * keeps its place while the photo loads) and the placeholder. An external picture has its URL only.
 */
record Picture(
    String src,
    Integer width,
    Integer height,
    String alt,
    String webp,
    String jpeg,
    String placeholder,
    String caption) {

  /** One rendition, whether of the whole photo or of a crop. */
  private record Rendition(int width, int height, String type, String url) {}

  /** The whole photo; null for no image. */
  static Picture whole(ImageView image) {
    if (image == null) {
      return null;
    }
    List<Rendition> renditions =
        image.sources().stream()
            .map(s -> new Rendition(s.width(), s.height(), s.type(), s.url()))
            .toList();
    return of(image, renditions, image.width(), image.height());
  }

  /** One crop ({@code "4:3"}) of the photo; the whole photo when it has no such crops. */
  static Picture crop(ImageView image, String aspect) {
    if (image == null) {
      return null;
    }
    List<Rendition> renditions =
        image.crops().stream()
            .filter(c -> c.aspect().equals(aspect))
            .map(c -> new Rendition(c.width(), c.height(), c.type(), c.url()))
            .toList();
    return renditions.isEmpty() ? whole(image) : of(image, renditions, null, null);
  }

  /** Whether there are renditions to choose from (else {@link #src} is all there is). */
  public boolean responsive() {
    return jpeg != null;
  }

  /**
   * The picture link previews show (Open Graph, Twitter cards): the 16:9 crop at the first width of
   * at least 1,200 pixels, as they recommend, else the largest; external pictures by their URL.
   */
  static Picture preview(ImageView image) {
    if (image == null) {
      return null;
    }
    List<ImageView.Crop> wide =
        image.crops().stream()
            .filter(c -> c.aspect().equals("16:9") && c.type().equals("image/jpeg"))
            .sorted(Comparator.comparingInt(ImageView.Crop::width))
            .toList();
    if (wide.isEmpty()) {
      return new Picture(
          image.url(), image.width(), image.height(), image.alt(), null, null, null, null);
    }
    ImageView.Crop chosen =
        wide.stream().filter(c -> c.width() >= 1200).findFirst().orElse(wide.get(wide.size() - 1));
    return new Picture(
        chosen.url(), chosen.width(), chosen.height(), image.alt(), null, null, null, null);
  }

  private static Picture of(
      ImageView image, List<Rendition> renditions, Integer width, Integer height) {
    String caption =
        java.util.stream.Stream.of(image.caption(), image.credit())
            .filter(words -> words != null && !words.isBlank())
            .collect(Collectors.joining(" · "));
    List<Rendition> jpegs =
        renditions.stream()
            .filter(r -> r.type().equals("image/jpeg"))
            .sorted(Comparator.comparingInt(Rendition::width))
            .toList();
    if (jpegs.isEmpty()) {
      return new Picture(
          image.url(),
          width,
          height,
          image.alt(),
          null,
          null,
          null,
          caption.isEmpty() ? null : caption);
    }
    Rendition largest = jpegs.get(jpegs.size() - 1);
    return new Picture(
        largest.url(),
        width != null ? width : largest.width(),
        height != null ? height : largest.height(),
        image.alt(),
        srcset(renditions, "image/webp"),
        srcset(renditions, "image/jpeg"),
        image.placeholder(),
        caption.isEmpty() ? null : caption);
  }

  private static String srcset(List<Rendition> renditions, String type) {
    return renditions.stream()
        .filter(r -> r.type().equals(type))
        .sorted(Comparator.comparingInt(Rendition::width))
        .map(r -> r.url() + " " + r.width() + "w")
        .collect(Collectors.joining(", "));
  }
}
