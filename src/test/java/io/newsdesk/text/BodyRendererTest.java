package io.newsdesk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BodyRendererTest {

  private static void assertClean(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), html);
    assertFalse(lower.contains("javascript:"), html);
    assertFalse(lower.matches("(?s).*\\son[a-z]+\\s*=.*"), html);
    assertFalse(lower.contains("<iframe"), html);
    assertFalse(lower.contains("<style"), html);
  }

  @Test
  void rendersMarkdownStructure() {
    RenderedBody body =
        BodyRenderer.render(
            "## Heading\n\nA *quote* follows:\n\n> Words matter.\n\n- first\n- second\n\n| a | b |\n|---|---|\n| 1 | 2 |",
            BodyFormat.markdown);
    assertTrue(body.html().contains("<h2>Heading</h2>"), body.html());
    assertTrue(body.html().contains("<blockquote>"), body.html());
    assertTrue(body.html().contains("<li>first</li>"), body.html());
    assertTrue(body.html().contains("<table>"), body.html());
    assertEquals("Heading\nA quote follows:\nWords matter.\nfirst\nsecond\na b\n1 2", body.text());
  }

  @Test
  void scriptsHandlersAndJavascriptUrlsAreRemovedFromMarkdown() {
    String markdown =
        "Hello <script>alert('x')</script>\n\n"
            + "<img src=\"https://img.example/a.png\" onerror=\"alert(1)\">\n\n"
            + "[click](javascript:alert(1)) and <a href=\"JaVaScRiPt:alert(2)\" onclick=\"steal()\">this</a>\n\n"
            + "<div onmouseover=\"x()\">hover</div><iframe src=\"https://evil.example\"></iframe>"
            + "<style>body{display:none}</style>";
    RenderedBody body = BodyRenderer.render(markdown, BodyFormat.markdown);
    assertClean(body.html());
    assertTrue(body.html().contains("https://img.example/a.png"), body.html());
    assertTrue(body.text().contains("click"), body.text());
    assertFalse(body.text().contains("alert('x')"), body.text());
  }

  @Test
  void htmlBodiesAreSanitizedWithTheSamePolicy() {
    String html =
        "<p onclick=\"x()\">Safe <b>bold</b></p><script>evil()</script>"
            + "<a href=\"javascript:void(0)\">link</a><a href=\"https://example.com/story\">ok</a>"
            + "<svg onload=\"x()\"><circle/></svg><img src=\"data:image/png;base64,AAAA\">";
    RenderedBody body = BodyRenderer.render(html, BodyFormat.html);
    assertClean(body.html());
    assertTrue(body.html().contains("<b>bold</b>"), body.html());
    assertTrue(body.html().contains("href=\"https://example.com/story\""), body.html());
    assertFalse(body.html().contains("data:"), body.html());
  }

  @Test
  void relativeLinksAndAnchorsSurvive() {
    RenderedBody body =
        BodyRenderer.render("[related](/world/other-story) and [top](#top)", BodyFormat.markdown);
    assertTrue(body.html().contains("href=\"/world/other-story\""), body.html());
    assertTrue(body.html().contains("href=\"#top\""), body.html());
  }

  @Test
  void countsWords() {
    assertEquals(0, BodyRenderer.countWords(""));
    assertEquals(5, BodyRenderer.countWords("It's a well-known fact — truly."));
    assertEquals(3, BodyRenderer.countWords("Café à Paris"));
  }

  @Test
  void characterReferencesXmlCannotCarryAreDropped() {
    for (BodyFormat format : BodyFormat.values()) {
      RenderedBody body =
          BodyRenderer.render("A &#65535; and a &#xFFFE; and a &#1; in 😀 copy.", format);
      for (String out : new String[] {body.html(), body.text()}) {
        assertFalse(
            out.contains("\uFFFF") || out.contains("\uFFFE") || out.contains("\u0001"), out);
        assertTrue(out.contains("😀"), out); // characters beyond the BMP stay
      }
    }
  }

  @Test
  void bodiesNestedDeeperThanTheLimitAreRefusedInsteadOfOverflowingTheStack() {
    String[] deep = {
      ">".repeat(3000) + " x",
      "- ".repeat(3000) + "x",
      "1. ".repeat(3000) + "x",
      "*".repeat(3000) + "x" + "*".repeat(3000),
      "_a ".repeat(3000) + "x" + " a_".repeat(3000),
      "<div>".repeat(3000) + "x",
      "> - ".repeat(1500) + "x",
    };
    for (String body : deep) {
      assertThrows(
          BodyRenderer.TooDeeplyNested.class,
          () -> BodyRenderer.render(body, BodyFormat.markdown),
          body.substring(0, 20));
    }
    for (String html : new String[] {"<div>".repeat(3000) + "x", "<em>".repeat(3000) + "x"}) {
      assertThrows(
          BodyRenderer.TooDeeplyNested.class,
          () -> BodyRenderer.render(html, BodyFormat.html),
          html.substring(0, 20));
    }
  }

  @Test
  void nestingUpToTheLimitRenders() {
    RenderedBody quotes = BodyRenderer.render(">".repeat(60) + " deep", BodyFormat.markdown);
    assertEquals(60, quotes.html().split("<blockquote>", -1).length - 1, quotes.html());
    assertEquals("deep", quotes.text());
    RenderedBody divs = BodyRenderer.render("<div>".repeat(60) + "deep", BodyFormat.html);
    assertEquals("deep", divs.text());
    // links cannot nest in CommonMark: brackets by the thousand are text, not depth
    String brackets = "[".repeat(3000) + "x" + "](y)".repeat(3000);
    assertTrue(BodyRenderer.render(brackets, BodyFormat.markdown).text().startsWith("[[["));
  }

  @Test
  void anAssetImageIsAFigureWithSrcsetSizeLazyLoadingAndCaption() {
    java.util.UUID id = java.util.UUID.fromString("6c5e0f3a-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    Figure figure =
        new Figure(
            "https://media.example/media/" + id + "/w1280.jpg",
            "https://media.example/media/"
                + id
                + "/w640.jpg 640w, https://media.example/media/"
                + id
                + "/w1280.jpg 1280w",
            1280,
            853,
            "Boats at the quay",
            "The harbour at dawn");
    RenderedBody body =
        BodyRenderer.render(
            "Before.\n\n![](asset:" + id + ")\n\n![Nets drying](asset:" + id + " \"Nets\")",
            BodyFormat.markdown,
            asset -> asset.equals(id) ? java.util.Optional.of(figure) : java.util.Optional.empty());
    String html = body.html();
    assertTrue(
        html.contains("<figure><img src=\"https://media.example/media/" + id + "/w1280.jpg\""),
        html);
    assertTrue(
        html.contains("srcset=\"https://media.example/media/" + id + "/w640.jpg 640w,"), html);
    assertTrue(html.contains("width=\"1280\" height=\"853\""), html);
    assertTrue(html.contains("loading=\"lazy\""), html);
    assertTrue(html.contains("alt=\"Boats at the quay\""), html); // the library's words by default
    assertTrue(html.contains("<figcaption>The harbour at dawn</figcaption>"), html);
    assertTrue(html.contains("alt=\"Nets drying\""), html); // the body's own words first
    assertTrue(html.contains("<figcaption>Nets</figcaption>"), html);
    assertClean(html);
    assertThrows(
        BodyRenderer.InvalidBody.class,
        () ->
            BodyRenderer.render(
                "![x](asset:" + java.util.UUID.randomUUID() + ")",
                BodyFormat.markdown,
                asset -> java.util.Optional.empty()));
    assertThrows(
        BodyRenderer.InvalidBody.class,
        () ->
            BodyRenderer.render(
                "![x](asset:not-an-id)",
                BodyFormat.markdown,
                asset -> java.util.Optional.of(figure)));
  }

  /** The word count's scanner against the pattern it stands for, on texts made to trip it. */
  @Test
  void wordsAreCountedAsThePatternOfWordsFindsThem() {
    java.util.regex.Pattern word =
        java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-.][\\p{L}\\p{N}]+)*");
    String[] pieces = {
      "a", "Zoë", "7", "²", "Ⅻ", "漢", "😀", "𝐀", "'", "’", "-", ".", "..", " ", "\n", ",",
      "\u00a0", "é"
    };
    java.util.Random random = new java.util.Random(20261206);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      java.util.regex.Matcher matcher = word.matcher(text);
      int expected = 0;
      while (matcher.find()) {
        expected++;
      }
      assertEquals(expected, BodyRenderer.countWords(text.toString()), () -> "for: " + text);
    }
    assertEquals(5, BodyRenderer.countWords("Don't stop: co-op's 3.5% rise."));
  }

  /** The lead and blocks made with the body are those made again from its stored HTML. */
  @Test
  void theLeadAndBlocksMadeWithABodyAreThoseOfItsHtml() {
    RenderedBody body =
        BodyRenderer.render(
            "## Tides\n\nFirst   words.\n\n- a list\n- of two\n\n> quoted\n\nLast words.",
            BodyFormat.markdown);
    assertEquals(BodyRenderer.lead(body.html()), body.lead());
    assertEquals("First words. quoted Last words.", body.lead());
    assertEquals(Blocks.json(body.html()), body.blocks());
  }
}
