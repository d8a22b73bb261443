package io.newsdesk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Bodies as data: each modelled shape comes out as its block, and for any body, rendering the
 * blocks back gives body.html's document (whitespace between blocks aside), so the two never drift.
 */
class BlocksTest {

  private static List<Block> blocksOf(String markdown) {
    return Blocks.of(BodyRenderer.render(markdown, BodyFormat.markdown).html());
  }

  private static void roundTrips(String source, BodyFormat format) {
    String html = BodyRenderer.render(source, format).html();
    assertEquals(
        Blocks.normalizedHtml(html), Blocks.html(Blocks.of(html)), () -> "for the body: " + source);
  }

  @Test
  void eachShapeOfMarkdownIsItsBlock() {
    List<Block> blocks =
        blocksOf(
            """
            ## The harbour

            Ferries **stay in port** as *gusts* reach ~~100~~ 120 km/h, says [the coastguard](https://coast.example "Coastguard").

            > Keep away from the wall.

            1. one
            2. two
               - nested

            ```java
            var x = 1;
            ```

            ---

            | Port | Ferries |
            |:-----|--------:|
            | North | 3 |
            """);
    assertInstanceOf(Block.Heading.class, blocks.get(0));
    assertEquals(2, ((Block.Heading) blocks.get(0)).level());
    Block.Paragraph paragraph = (Block.Paragraph) blocks.get(1);
    assertEquals(
        new Block.Inline.Span("stay in port", List.of(Block.Inline.Mark.bold)),
        paragraph.content().get(1));
    assertEquals(
        new Block.Inline.Span("100", List.of(Block.Inline.Mark.strike)),
        paragraph.content().get(5));
    Block.Inline.Link link = (Block.Inline.Link) paragraph.content().get(7);
    assertEquals("https://coast.example", link.href());
    assertEquals("Coastguard", link.title());
    assertInstanceOf(Block.Quote.class, blocks.get(2));
    Block.ListBlock list = (Block.ListBlock) blocks.get(3);
    assertEquals(true, list.ordered());
    assertInstanceOf(Block.ListBlock.class, list.items().get(1).get(1));
    assertEquals(new Block.Code("java", "var x = 1;\n"), blocks.get(4));
    assertEquals(new Block.Rule(), blocks.get(5));
    Block.Table table = (Block.Table) blocks.get(6);
    assertEquals("left", table.head().get(0).align());
    assertEquals("right", table.rows().get(0).get(1).align());
  }

  @Test
  void htmlTheModelDoesNotDescribeIsAnHtmlBlockOfTheSanitizedElement() {
    List<Block> blocks =
        Blocks.of(
            BodyRenderer.render("<p>H<sub>2</sub>O</p><div>box</div>", BodyFormat.html).html());
    assertEquals(new Block.Html("<p>H<sub>2</sub>O</p>"), blocks.get(0));
    assertEquals(new Block.Html("<div>box</div>"), blocks.get(1));
  }

  /** Markdown and HTML made of the shapes bodies have, nested and mixed at random. */
  private static Gen<String> bodies() {
    Gen<String> words =
        Generate.pick(
            List.of(
                "harbour",
                "**bold words**",
                "*italic*",
                "~~struck~~",
                "`code`",
                "[a link](https://example.com)",
                "<sub>2</sub>",
                "a & b < c",
                "***both***",
                "**bold *and italic* inside**",
                "line  \nbreak",
                "![inline](https://example.com/i.jpg)",
                "<b>old bold</b>"));
    Gen<String> line = lists().of(words).ofSizeBetween(1, 6).map(w -> String.join(" ", w));
    Gen<String> block =
        Generate.oneOf(
            line,
            line.map(l -> "## " + l),
            line.map(l -> "> " + l),
            line.map(l -> "- " + l + "\n- " + l + "\n  - " + l),
            line.map(l -> "1. " + l + "\n\n2. " + l),
            line.map(l -> "```\n" + l + "\n```"),
            Generate.constant("---"),
            line.map(l -> "| a | b |\n|---|:-:|\n| " + l + " | x |"),
            line.map(l -> "<div>" + l + "</div>"),
            line.map(l -> "<blockquote><p>" + l + "</p><ul><li>" + l + "</li></ul></blockquote>"));
    return lists().of(block).ofSizeBetween(1, 8).map(b -> String.join("\n\n", b));
  }

  @Test
  void blocksRenderBackToTheBodysDocumentForAnyBody() {
    qt().withExamples(500).forAll(bodies()).checkAssert(b -> roundTrips(b, BodyFormat.markdown));
    qt().withExamples(200).forAll(bodies()).checkAssert(b -> roundTrips(b, BodyFormat.html));
  }
}
