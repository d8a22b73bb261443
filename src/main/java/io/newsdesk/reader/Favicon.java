package io.newsdesk.reader;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/**
 * The site's icon, drawn in code from shapes alone (no fonts, so every machine draws the same
 * bytes): a white N on the reader page's red. As a PNG for {@code <link rel=icon>} and home
 * screens, and wrapped as an ICO for browsers that ask for {@code /favicon.ico} on their own.
 */
final class Favicon {

  private static final Color ACCENT = new Color(0xb3, 0x26, 0x1e);

  private Favicon() {}

  /** A square PNG of {@code size} pixels. */
  static byte[] png(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(ACCENT);
      g.fill(new RoundRectangle2D.Double(0, 0, size, size, size / 4.0, size / 4.0));
      g.setColor(Color.WHITE);
      double u = size / 32.0; // the N on a 32-unit grid
      g.fill(rectangle(8 * u, 7 * u, 4 * u, 18 * u));
      g.fill(rectangle(20 * u, 7 * u, 4 * u, 18 * u));
      Polygon diagonal = new Polygon();
      diagonal.addPoint(round(8 * u), round(7 * u));
      diagonal.addPoint(round(12 * u), round(7 * u));
      diagonal.addPoint(round(24 * u), round(25 * u));
      diagonal.addPoint(round(20 * u), round(25 * u));
      g.fill(diagonal);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An ICO file holding one PNG image (allowed since Windows Vista, read by every browser). */
  static byte[] ico(byte[] png, int size) {
    ByteBuffer ico = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
    ico.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, icon, one image
    ico.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
    ico.put((byte) 0).put((byte) 0); // no palette, reserved
    ico.putShort((short) 1).putShort((short) 32); // planes, bits per pixel
    ico.putInt(png.length).putInt(6 + 16);
    ico.put(png);
    return ico.array();
  }

  private static java.awt.geom.Rectangle2D rectangle(double x, double y, double w, double h) {
    return new java.awt.geom.Rectangle2D.Double(x, y, w, h);
  }

  private static int round(double value) {
    return (int) Math.round(value);
  }
}
