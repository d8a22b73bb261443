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
  void onlyLadderNamesParseAndOnlyThePhotosRenditionsExist() {
    Asset wide = asset(1500, 1000, 0.5, 0.4);
    var w640 = Renditions.parse("w640.webp").orElseThrow();
    assertEquals(ImageFormat.WEBP, w640.format());
    assertTrue(Renditions.has(wide, w640));
    assertFalse(Renditions.has(asset(500, 400, 0.5, 0.5), w640));
    var crop = Renditions.parse("16x9-f500x400-w1280.jpg").orElseThrow();
    assertEquals(Renditions.Shape.WIDE, crop.shape());
    assertEquals("16x9-f500x400-w1280.jpg", crop.name());
    assertTrue(Renditions.has(wide, crop));
    // another focal point's crops do not exist: only the current point's can be rendered
    assertFalse(Renditions.has(wide, Renditions.parse("16x9-f500x500-w1280.jpg").orElseThrow()));
    // a 1:1 crop of a 1500x1000 photo is 1000 wide: no 1280
    assertFalse(Renditions.has(wide, Renditions.parse("1x1-f500x400-w1280.jpg").orElseThrow()));
    assertTrue(Renditions.has(wide, Renditions.parse("1x1-f500x400-w1000.webp").orElseThrow()));
    for (String name :
        List.of(
            "w0.jpg",
            "w640.png",
            "w640.webp.jpg",
            "../w640.jpg",
            "upload",
            "w0640.jpg",
            "2x1-f500x500-w640.jpg",
            "16x9-f1001x500-w640.jpg",
            "16x9-w640.jpg")) {
      assertTrue(Renditions.parse(name).isEmpty(), name);
    }
  }

  @Test
  void cropsAreTheLargestRegionOfTheirShapeAroundTheFocalPointInsideThePhoto() {
    assertEquals(
        new Renditions.Region(0, 79, 1500, 843),
        Renditions.crop(1500, 1000, Renditions.Shape.WIDE, 0.5, 0.5));
    // a focal point near an edge moves the crop only as far as the photo allows
    assertEquals(
        new Renditions.Region(500, 0, 1000, 1000),
        Renditions.crop(1500, 1000, Renditions.Shape.SQUARE, 0.95, 0.5));
    assertEquals(
        new Renditions.Region(0, 0, 1000, 1000),
        Renditions.crop(1500, 1000, Renditions.Shape.SQUARE, 0.0, 0.0));
    // portrait: a 4:3 crop spans the width
    assertEquals(
        new Renditions.Region(0, 255, 600, 450),
        Renditions.crop(600, 800, Renditions.Shape.STANDARD, 0.5, 0.6));
  }

  private static Asset asset(int width, int height, double focalX, double focalY) {
    Asset asset = new Asset(null, java.time.Instant.EPOCH);
    asset.width = width;
    asset.height = height;
    asset.focalX = focalX;
    asset.focalY = focalY;
    return asset;
  }
}
