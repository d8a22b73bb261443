package io.newsdesk.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The demo's drawn photos: real JPEGs with detail, the same for the same number. */
class DemoPhotosTest {

  @Test
  void eachNumberDrawsItsOwnDetailedLandscapeAndAlwaysTheSameOne() throws Exception {
    DemoPhotos.Photo first = DemoPhotos.draw(1);
    Files.write(Path.of("target", "demo-photo-1.jpg"), first.jpeg()); // to look at
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.jpeg()));
    assertEquals(DemoPhotos.WIDTH, image.getWidth());
    assertEquals(DemoPhotos.HEIGHT, image.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 1000, colours.size() + " colours: not flat");
    assertTrue(first.sunX() > 0 && first.sunX() < 1 && first.sunY() > 0 && first.sunY() < 1);
    assertFalse(first.alt().isBlank());
    assertArrayEquals(first.jpeg(), DemoPhotos.draw(1).jpeg());
    assertFalse(java.util.Arrays.equals(first.jpeg(), DemoPhotos.draw(2).jpeg()));
  }
}
