package io.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/** Colour: whatever space an upload is in (CMYK, an embedded ICC profile), renditions are sRGB. */
class ImagesTest {

  /**
   * A CMYK JPEG of one ink mix all over, as Photoshop writes them (and print desks and agencies
   * send): inverted inks, and Adobe's APP14 marker saying the four channels are CMYK.
   */
  private static byte[] cmykJpeg(int c, int m, int y, int k) throws Exception {
    WritableRaster raster = Raster.createInterleavedRaster(0, 64, 48, 4, null);
    for (int py = 0; py < 48; py++) {
      for (int px = 0; px < 64; px++) {
        raster.setPixel(px, py, new int[] {255 - c, 255 - m, 255 - y, 255 - k});
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
    }
    writer.dispose();
    byte[] plain = out.toByteArray();
    byte[] adobe = {
      (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0 // transform 0
    };
    ByteArrayOutputStream marked = new ByteArrayOutputStream();
    marked.write(plain, 0, 2); // SOI
    marked.write(adobe);
    marked.write(plain, 2, plain.length - 2);
    return marked.toByteArray();
  }

  @Test
  void aCmykJpegDecodesToRgbWithItsColours() throws Exception {
    int[] cyan = centre(cmykJpeg(255, 0, 0, 0));
    assertTrue(cyan[0] < 80 && cyan[1] > 120 && cyan[2] > 180, "cyan: " + Arrays.toString(cyan));
    int[] magenta = centre(cmykJpeg(0, 255, 0, 0));
    assertTrue(
        magenta[0] > 180 && magenta[1] < 80 && magenta[2] > 80,
        "magenta: " + Arrays.toString(magenta));
    int[] black = centre(cmykJpeg(0, 0, 0, 255));
    assertTrue(black[0] < 80 && black[1] < 80 && black[2] < 80, "black: " + Arrays.toString(black));
  }

  /**
   * A JPEG whose pixels are mid grey in a linear-light RGB space, saying so with an embedded ICC
   * profile (APP2), as cameras and editors embed Adobe RGB or Display P3.
   */
  private static byte[] linearRgbJpeg() throws Exception {
    BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        grey.setRGB(x, y, 0x808080);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(grey, "jpeg", out);
    byte[] plain = out.toByteArray();
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    byte[] tag = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int length = 2 + tag.length + 2 + profile.length;
    ByteArrayOutputStream marked = new ByteArrayOutputStream();
    marked.write(plain, 0, 2); // SOI
    marked.write(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
    marked.write(tag);
    marked.write(new byte[] {1, 1}); // chunk 1 of 1
    marked.write(profile);
    marked.write(plain, 2, plain.length - 2);
    return marked.toByteArray();
  }

  @Test
  void anEmbeddedColourProfileIsAppliedSoRenditionsAreSrgb() throws Exception {
    // linear-light 0.5 is sRGB 188: unconverted, the grey would stay 128
    int[] grey = centre(linearRgbJpeg());
    for (int channel : grey) {
      assertTrue(channel > 170 && channel < 205, "grey in sRGB: " + Arrays.toString(grey));
    }
  }

  /** The red, green and blue of the middle of the picture as a rendition would be made from. */
  private static int[] centre(byte[] jpeg) throws Exception {
    BufferedImage decoded = Images.decode(jpeg, Images.probe(jpeg), 64);
    int rgb = decoded.getRGB(decoded.getWidth() / 2, decoded.getHeight() / 2);
    return new int[] {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
  }
}
