package io.newsdesk.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decoding, turning, scaling and encoding photos with ImageIO (TwelveMonkeys' readers, libwebp's
 * writer). Nothing read from an upload but its pixels reaches an encoder: every image written is
 * built from a fresh raster, so no EXIF, XMP or IPTC (GPS above all) survives into any variant.
 */
final class Images {

  /** What an upload is, read from its header alone: no pixel is decoded for this. */
  record Probe(ImageFormat format, int storedWidth, int storedHeight, int orientation) {

    /** Width as displayed: EXIF orientations 5 to 8 turn the picture a quarter. */
    int width() {
      return orientation >= 5 ? storedHeight : storedWidth;
    }

    int height() {
      return orientation >= 5 ? storedWidth : storedHeight;
    }
  }

  /** An upload that is not an image of a type we take, or that cannot be read. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  static {
    ImageIO.setUseCache(false); // no temporary files: uploads are in memory already
    ImageIO.scanForPlugins();
  }

  private Images() {}

  static Probe probe(byte[] bytes) throws Unreadable {
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .orElseThrow(() -> new Unreadable("not a JPEG, PNG, WebP or GIF image"));
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(format);
      try {
        reader.setInput(in, true, true);
        return new Probe(format, reader.getWidth(0), reader.getHeight(0), orientation(bytes));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Unreadable("the image is truncated or corrupt");
    }
  }

  /**
   * The picture upright, decoded at the coarsest scale that still gives at least {@code minWidth}
   * pixels across (so a 12 MP photo for a 320-wide rendition never lives in memory whole), on an
   * opaque RGB raster (transparency on white, since JPEG has none).
   */
  static BufferedImage decode(byte[] bytes, Probe probe, int minWidth) throws Unreadable {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(probe.format());
      try {
        reader.setInput(in, true, true);
        // a JPEG cut short decodes "successfully" in grey, with only a warning to say so
        boolean[] cutShort = {false};
        reader.addIIOReadWarningListener(
            (source, warning) -> cutShort[0] |= warning.toLowerCase().contains("premature end"));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, probe.width() / Math.max(1, minWidth));
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage read = reader.read(0, param);
        if (cutShort[0]) {
          throw new Unreadable("the image is truncated");
        }
        return upright(opaque(read), probe.orientation());
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Unreadable("the image is truncated or corrupt");
    }
  }

  /** {@code image} scaled to {@code width} (never up), keeping its shape. */
  static BufferedImage scale(BufferedImage image, int width) {
    return scale(image, width, Renditions.height(width, image.getWidth(), image.getHeight()));
  }

  /**
   * {@code image} scaled to exactly {@code width} × {@code height}, halving first for a sharp, even
   * result.
   */
  static BufferedImage scale(BufferedImage image, int width, int height) {
    BufferedImage current = image;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    if (current.getWidth() == width && current.getHeight() == height) {
      return current;
    }
    return resize(current, width, height);
  }

  static byte[] encode(BufferedImage image, ImageFormat format) {
    ImageWriter writer = ImageIO.getImageWritersByMIMEType(format.mimeType).next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format != ImageFormat.PNG && param.canWriteCompressed()) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        if (format == ImageFormat.WEBP) {
          param.setCompressionType("Lossy");
        }
        param.setCompressionQuality(format == ImageFormat.WEBP ? 0.8f : 0.85f);
      }
      writer.write(null, new IIOImage(image, null, null), param);
      stream.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /**
   * A preview a client shows at once while the photo loads: the photo shrunk to 8 pixels on its
   * longer side, as a PNG data URI of a few hundred bytes (a browser's smooth scaling makes it a
   * blur of the photo's colours).
   */
  static String placeholder(BufferedImage image) {
    int longer = Math.max(image.getWidth(), image.getHeight());
    int width = Math.max(1, Math.round(image.getWidth() * 8f / longer));
    int height = Math.max(1, Math.round(image.getHeight() * 8f / longer));
    BufferedImage tiny =
        scale(image, Math.min(width, image.getWidth()), Math.min(height, image.getHeight()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(tiny, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  private static ImageReader reader(ImageFormat format) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mimeType);
    if (!readers.hasNext()) {
      throw new IOException("no reader for " + format);
    }
    return readers.next();
  }

  /** EXIF orientation 1 to 8; 1 (as stored) when there is none or it cannot be read. */
  private static int orientation(byte[] bytes) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return value >= 1 && value <= 8 ? value : 1;
      }
    } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
      // no readable orientation: the picture is shown as stored
    }
    return 1;
  }

  private static BufferedImage opaque(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return rgb;
  }

  /** Applies an EXIF orientation, so the pixels stand as the camera meant them to. */
  private static BufferedImage upright(BufferedImage image, int orientation) {
    if (orientation <= 1) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean quarter = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.scale(-1, 1);
      case 3 -> t.rotate(Math.PI);
      case 4 -> t.scale(1, -1);
      case 5 -> {
        t.rotate(Math.PI / 2);
        t.scale(1, -1);
      }
      case 6 -> t.rotate(Math.PI / 2);
      case 7 -> {
        t.rotate(-Math.PI / 2);
        t.scale(1, -1);
      }
      default -> t.rotate(-Math.PI / 2);
    }
    // move the turned picture back into the first quadrant
    java.awt.geom.Rectangle2D bounds =
        t.createTransformedShape(new java.awt.Rectangle(0, 0, w, h)).getBounds2D();
    AffineTransform shift = AffineTransform.getTranslateInstance(-bounds.getX(), -bounds.getY());
    shift.concatenate(t);
    BufferedImage turned =
        new BufferedImage(quarter ? h : w, quarter ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = turned.createGraphics();
    g.drawImage(image, shift, null);
    g.dispose();
    return turned;
  }

  private static BufferedImage resize(BufferedImage image, int width, int height) {
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return scaled;
  }
}
