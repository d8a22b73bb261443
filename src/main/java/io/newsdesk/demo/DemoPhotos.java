package io.newsdesk.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Pictures for the demo articles, drawn here rather than downloaded: a landscape of ridges under a
 * sky with a sun, in the article's own colours, with grain, so renditions, crops and placeholders
 * have something real to work on. The same number always gives the same picture.
 */
final class DemoPhotos {

  static final int WIDTH = 1600;
  static final int HEIGHT = 1000;

  /** A drawn photo and where its sun is (the focal point crops centre on), from 0 to 1. */
  record Photo(byte[] jpeg, double sunX, double sunY, String alt) {}

  private DemoPhotos() {}

  static Photo draw(int number) {
    Random random = new Random(0x6e657773L + number);
    float hue = random.nextFloat();
    boolean evening = random.nextBoolean();
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);

    Color top = Color.getHSBColor(hue, 0.55f, evening ? 0.35f : 0.85f);
    Color horizon = Color.getHSBColor(hue + (evening ? 0.08f : -0.05f), 0.35f, 0.98f);
    g.setPaint(new GradientPaint(0, 0, top, 0, HEIGHT * 0.65f, horizon));
    g.fillRect(0, 0, WIDTH, HEIGHT);

    double sunX = 0.15 + random.nextDouble() * 0.7;
    double sunY = 0.2 + random.nextDouble() * 0.25;
    float cx = (float) (sunX * WIDTH);
    float cy = (float) (sunY * HEIGHT);
    g.setPaint(
        new RadialGradientPaint(
            new Point2D.Float(cx, cy),
            260,
            new float[] {0f, 0.25f, 1f},
            new Color[] {
              new Color(255, 250, 225, 255),
              new Color(255, 235, 190, 140),
              new Color(255, 220, 170, 0)
            }));
    g.fillOval((int) cx - 260, (int) cy - 260, 520, 520);
    g.setColor(new Color(255, 248, 230));
    g.fillOval((int) cx - 55, (int) cy - 55, 110, 110);

    int ridges = 4;
    for (int layer = 0; layer < ridges; layer++) {
      float depth = (float) layer / (ridges - 1);
      Color colour =
          Color.getHSBColor(
              hue + 0.45f + depth * 0.05f, 0.25f + depth * 0.35f, 0.7f - depth * 0.5f);
      g.setColor(colour);
      g.fill(ridge(random, (int) (HEIGHT * (0.5 + layer * 0.11)), 160 - layer * 25));
    }
    g.setColor(new Color(255, 255, 255, 40));
    g.setStroke(new BasicStroke(2));
    for (int bird = 0; bird < 5; bird++) {
      int x = (int) (cx + random.nextInt(400) - 200);
      int y = (int) (cy + 80 + random.nextInt(120));
      g.drawArc(x, y, 18, 10, 0, 180);
      g.drawArc(x + 18, y, 18, 10, 0, 180);
    }
    g.dispose();
    grain(image, random);
    String alt =
        "Drawn landscape for the demo: ridges under "
            + (evening ? "an evening" : "a bright")
            + " sky with a low sun";
    return new Photo(jpeg(image), sunX, sunY, alt);
  }

  /** A ridge line by midpoint displacement, filled down to the bottom edge. */
  private static Polygon ridge(Random random, int base, int roughness) {
    int segments = 64;
    double[] heights = new double[segments + 1];
    heights[0] = base + random.nextGaussian() * roughness / 2;
    heights[segments] = base + random.nextGaussian() * roughness / 2;
    displace(heights, 0, segments, roughness, random);
    Polygon polygon = new Polygon();
    for (int i = 0; i <= segments; i++) {
      polygon.addPoint(i * WIDTH / segments, (int) heights[i]);
    }
    polygon.addPoint(WIDTH, HEIGHT);
    polygon.addPoint(0, HEIGHT);
    return polygon;
  }

  private static void displace(double[] h, int from, int to, double spread, Random random) {
    for (int step = to - from; step > 1; step /= 2, spread /= 1.8) {
      for (int i = from; i + step <= to; i += step) {
        h[i + step / 2] = (h[i] + h[i + step]) / 2 + random.nextGaussian() * spread / 2;
      }
    }
  }

  /** Film-like grain: a photo's fine detail, which flat colour would not have. */
  private static void grain(BufferedImage image, Random random) {
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int rgb = image.getRGB(x, y);
        int n = (int) (random.nextGaussian() * 5);
        int r = clamp(((rgb >> 16) & 0xff) + n);
        int gr = clamp(((rgb >> 8) & 0xff) + n);
        int b = clamp((rgb & 0xff) + n);
        image.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }

  private static byte[] jpeg(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpeg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
