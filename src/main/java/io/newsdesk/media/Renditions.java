package io.newsdesk.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renditions an asset has: the whole photo at a fixed ladder of widths, and crops at 16:9, 4:3
 * and 1:1 around its focal point at the same widths, never wider than what they are cut from, each
 * in WebP and JPEG. Only these exist, so no request can make the server render an arbitrary size. A
 * crop's name carries the focal point it is centred on: moving the point gives new URLs, and only
 * the current point's crops exist.
 */
final class Renditions {

  /** The widths frontends build {@code srcset} from; 320 to 1920 cover phones to large screens. */
  static final int[] LADDER = {320, 640, 960, 1280, 1920};

  /** Rendition formats, the smaller first. */
  static final List<ImageFormat> FORMATS = List.of(ImageFormat.WEBP, ImageFormat.JPEG);

  /** The crops Google's article structured data asks for. */
  enum Shape {
    WIDE("16x9", 16, 9),
    STANDARD("4x3", 4, 3),
    SQUARE("1x1", 1, 1);

    final String token;
    final int across;
    final int down;

    Shape(String token, int across, int down) {
      this.token = token;
      this.across = across;
      this.down = down;
    }

    /** "16:9", as clients read it. */
    String aspect() {
      return across + ":" + down;
    }

    static Optional<Shape> of(String token) {
      for (Shape shape : values()) {
        if (shape.token.equals(token)) {
          return Optional.of(shape);
        }
      }
      return Optional.empty();
    }
  }

  private static final Pattern NAME =
      Pattern.compile(
          "(?:(16x9|4x3|1x1)-f(0|[1-9][0-9]{0,2}|1000)x(0|[1-9][0-9]{0,2}|1000)-)?"
              + "w([1-9][0-9]{0,4})\\.(webp|jpg)");

  /**
   * One rendition: a width and a format, and for a crop its shape and the focal point it is centred
   * on, in thousandths of the width and height.
   */
  record Rendition(int width, ImageFormat format, Shape shape, int focalX, int focalY) {

    static Rendition whole(int width, ImageFormat format) {
      return new Rendition(width, format, null, 0, 0);
    }

    String name() {
      String crop = shape == null ? "" : shape.token + "-f" + focalX + "x" + focalY + "-";
      return crop + "w" + width + "." + format.extension;
    }
  }

  /** A region of a photo, in its displayed pixels. */
  record Region(int x, int y, int width, int height) {}

  private Renditions() {}

  /** The ladder's widths below {@code available}, and {@code available} itself at the top. */
  static List<Integer> widths(int available) {
    int top = Math.min(available, LADDER[LADDER.length - 1]);
    List<Integer> widths = new ArrayList<>();
    for (int width : LADDER) {
      if (width < top) {
        widths.add(width);
      }
    }
    widths.add(top);
    return widths;
  }

  /** The part of a photo {@code rendition} shows: all of it, or its crop. */
  static Region region(Rendition rendition, int photoWidth, int photoHeight) {
    return rendition.shape() == null
        ? new Region(0, 0, photoWidth, photoHeight)
        : crop(
            photoWidth,
            photoHeight,
            rendition.shape(),
            rendition.focalX() / 1000.0,
            rendition.focalY() / 1000.0);
  }

  /**
   * The height of a rendition {@code width} wide of a picture {@code from} × {@code fromHeight}.
   */
  static int height(int width, int from, int fromHeight) {
    return Math.max(1, Math.round((float) fromHeight * width / from));
  }

  /**
   * The largest region of {@code shape} a photo holds, centred as near the focal point as the
   * photo's edges allow.
   */
  static Region crop(int photoWidth, int photoHeight, Shape shape, double focalX, double focalY) {
    int width = photoWidth;
    int height = (int) ((long) width * shape.down / shape.across);
    if (height > photoHeight) {
      height = photoHeight;
      width = (int) ((long) height * shape.across / shape.down);
    }
    int x = clamp((int) Math.round(focalX * photoWidth - width / 2.0), photoWidth - width);
    int y = clamp((int) Math.round(focalY * photoHeight - height / 2.0), photoHeight - height);
    return new Region(x, y, Math.max(1, width), Math.max(1, height));
  }

  private static int clamp(int value, int max) {
    return Math.max(0, Math.min(value, max));
  }

  /** The rendition a file name names, if it is shaped like one ("w640.webp"). */
  static Optional<Rendition> parse(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    ImageFormat format = m.group(5).equals("webp") ? ImageFormat.WEBP : ImageFormat.JPEG;
    int width = Integer.parseInt(m.group(4));
    if (m.group(1) == null) {
      return Optional.of(Rendition.whole(width, format));
    }
    return Optional.of(
        new Rendition(
            width,
            format,
            Shape.of(m.group(1)).orElseThrow(),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
  }

  /** Whether the photo has the rendition: a width of its ladder, a crop at its focal point. */
  static boolean has(Asset asset, Rendition rendition) {
    if (rendition.shape() == null) {
      return widths(asset.width).contains(rendition.width());
    }
    if (rendition.focalX() != thousandths(asset.focalX)
        || rendition.focalY() != thousandths(asset.focalY)) {
      return false;
    }
    Region region = crop(asset.width, asset.height, rendition.shape(), asset.focalX, asset.focalY);
    return widths(region.width()).contains(rendition.width());
  }

  static int thousandths(double fraction) {
    return (int) Math.round(fraction * 1000);
  }
}
