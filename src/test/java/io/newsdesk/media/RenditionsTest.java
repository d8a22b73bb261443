package io.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenditionsTest {

  @Test
  void theLadderStopsAtThePhotosWidthAndAt1920() {
    assertEquals(List.of(200), Renditions.widths(200));
    assertEquals(List.of(320), Renditions.widths(320));
    assertEquals(List.of(320, 640, 960, 1280, 1500), Renditions.widths(1500));
    assertEquals(List.of(320, 640, 960, 1280, 1920), Renditions.widths(1920));
    assertEquals(List.of(320, 640, 960, 1280, 1920), Renditions.widths(6000));
  }

  @Test
  void onlyLadderNamesParseAndOnlyThePhotosWidthsExist() {
    var w640 = Renditions.parse("w640.webp").orElseThrow();
    assertEquals(ImageFormat.WEBP, w640.format());
    assertTrue(Renditions.has(1500, w640));
    assertFalse(Renditions.has(500, w640));
    for (String name :
        List.of("w0.jpg", "w640.png", "w640.webp.jpg", "../w640.jpg", "upload", "w0640.jpg")) {
      assertTrue(Renditions.parse(name).isEmpty(), name);
    }
  }
}
