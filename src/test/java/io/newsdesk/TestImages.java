package io.newsdesk;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Photos the tests make themselves: detail to scale, and the metadata a camera leaves. */
public final class TestImages {

  private static final Random RANDOM = new Random();

  private TestImages() {}

  /** A JPEG with a gradient and noise, different on every call (so uploads never deduplicate). */
  public static byte[] jpeg(int width, int height) {
    return encode(picture(width, height), "jpg");
  }

  public static byte[] png(int width, int height) {
    return encode(picture(width, height), "png");
  }

  public static byte[] gif(int width, int height) {
    return encode(picture(width, height), "gif");
  }

  /**
   * A JPEG whose EXIF says it was taken at latitude 52°30'N, and is to be shown turned by {@code
   * orientation} (6: a quarter clockwise): what a phone writes.
   */
  public static byte[] jpegWithGps(int width, int height, int orientation) {
    byte[] jpeg = jpeg(width, height);
    byte[] exif = exif(orientation);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1); // APP1
    int length = 2 + exif.length;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(exif, 0, exif.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Only a PNG's signature and header, claiming {@code width} × {@code height} pixels. */
  public static byte[] pngHeaderClaiming(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }

  private static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(
        new GradientPaint(
            0, 0, new Color(RANDOM.nextInt()), width, height, new Color(RANDOM.nextInt())));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 200; i++) {
      g.setColor(new Color(RANDOM.nextInt()));
      g.fillOval(RANDOM.nextInt(width), RANDOM.nextInt(height), 1 + width / 20, 1 + height / 20);
    }
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** "Exif\0\0" and a big-endian TIFF block: IFD0 (orientation, GPS pointer) and a GPS IFD. */
  private static byte[] exif(int orientation) {
    ByteBuffer b = ByteBuffer.allocate(6 + 92);
    b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    // IFD0 at 8: two entries
    b.putShort((short) 2);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    b.putShort((short) 0);
    b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    b.putInt(0);
    // GPS IFD at 38: latitude reference and latitude
    b.putShort((short) 2);
    b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0);
    b.putShort((short) 0);
    b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
    b.putInt(0);
    // at 68: 52/1, 30/1, 0/1
    b.putInt(52).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
    return b.array();
  }
}
