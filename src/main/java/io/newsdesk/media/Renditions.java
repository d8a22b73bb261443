package io.newsdesk.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renditions an asset has: a fixed ladder of widths, never wider than the photo, each in WebP
 * and JPEG. Only these exist, so no request can make the server render an arbitrary size.
 */
final class Renditions {

  /** The widths frontends build {@code srcset} from; 320 to 1920 cover phones to large screens. */
  static final int[] LADDER = {320, 640, 960, 1280, 1920};

  /** Rendition formats, the smaller first. */
  static final List<ImageFormat> FORMATS = List.of(ImageFormat.WEBP, ImageFormat.JPEG);

  private static final Pattern NAME = Pattern.compile("w([1-9][0-9]{0,4})\\.(webp|jpg)");

  /** One rendition: a width and a format. */
  record Rendition(int width, ImageFormat format) {
    String name() {
      return "w" + width + "." + format.extension;
    }
  }

  private Renditions() {}

  /** The ladder's widths below the photo's, and the photo's own width at the top. */
  static List<Integer> widths(int photoWidth) {
    int top = Math.min(photoWidth, LADDER[LADDER.length - 1]);
    List<Integer> widths = new ArrayList<>();
    for (int width : LADDER) {
      if (width < top) {
        widths.add(width);
      }
    }
    widths.add(top);
    return widths;
  }

  /** The rendition a file name names, if it is shaped like one ("w640.webp"). */
  static Optional<Rendition> parse(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Rendition(
            Integer.parseInt(m.group(1)),
            m.group(2).equals("webp") ? ImageFormat.WEBP : ImageFormat.JPEG));
  }

  /** Whether a photo this wide has the rendition. */
  static boolean has(int photoWidth, Rendition rendition) {
    return widths(photoWidth).contains(rendition.width());
  }
}
