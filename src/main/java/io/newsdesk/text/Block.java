package io.newsdesk.text;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A body as data, for native rendering: the blocks of {@code body.html}, made from the same
 * sanitized HTML, so the two never disagree. What the model does not describe (an editor's raw HTML
 * that is not one of these shapes) is an {@code html} block carrying that sanitized HTML.
 */
@Schema(
    name = "Block",
    oneOf = {
      Block.Paragraph.class,
      Block.Heading.class,
      Block.Quote.class,
      Block.ListBlock.class,
      Block.Image.class,
      Block.Table.class,
      Block.Code.class,
      Block.Rule.class,
      Block.Text.class,
      Block.Html.class
    },
    discriminatorProperty = "type",
    discriminatorMapping = {
      @DiscriminatorMapping(value = "paragraph", schema = Block.Paragraph.class),
      @DiscriminatorMapping(value = "heading", schema = Block.Heading.class),
      @DiscriminatorMapping(value = "quote", schema = Block.Quote.class),
      @DiscriminatorMapping(value = "list", schema = Block.ListBlock.class),
      @DiscriminatorMapping(value = "image", schema = Block.Image.class),
      @DiscriminatorMapping(value = "table", schema = Block.Table.class),
      @DiscriminatorMapping(value = "code", schema = Block.Code.class),
      @DiscriminatorMapping(value = "rule", schema = Block.Rule.class),
      @DiscriminatorMapping(value = "text", schema = Block.Text.class),
      @DiscriminatorMapping(value = "html", schema = Block.Html.class)
    })
public sealed interface Block {

  @Schema(name = "ParagraphBlock")
  record Paragraph(
      @Schema(enumeration = "paragraph", required = true) String type, List<Inline> content)
      implements Block {
    Paragraph(List<Inline> content) {
      this("paragraph", content);
    }
  }

  @Schema(name = "HeadingBlock")
  record Heading(
      @Schema(enumeration = "heading", required = true) String type,
      int level,
      List<Inline> content)
      implements Block {
    Heading(int level, List<Inline> content) {
      this("heading", level, content);
    }
  }

  @Schema(name = "QuoteBlock")
  record Quote(@Schema(enumeration = "quote", required = true) String type, List<Block> blocks)
      implements Block {
    Quote(List<Block> blocks) {
      this("quote", blocks);
    }
  }

  /** Each item is a list of blocks; a tight item's words are a {@code text} block. */
  @Schema(name = "ListBlock")
  record ListBlock(
      @Schema(enumeration = "list", required = true) String type,
      boolean ordered,
      @Schema(description = "The first number of an ordered list, when not 1") Integer start,
      List<List<Block>> items)
      implements Block {
    ListBlock(boolean ordered, Integer start, List<List<Block>> items) {
      this("list", ordered, start, items);
    }
  }

  /** A photo of the media library as the body shows it (a figure), with its responsive sources. */
  @Schema(name = "ImageBlock")
  record Image(
      @Schema(enumeration = "image", required = true) String type,
      String url,
      @Schema(description = "Widths of the same photo, as an HTML srcset") String srcset,
      String sizes,
      Integer width,
      Integer height,
      String alt,
      String caption)
      implements Block {
    Image(
        String url,
        String srcset,
        String sizes,
        Integer width,
        Integer height,
        String alt,
        String caption) {
      this("image", url, srcset, sizes, width, height, alt, caption);
    }
  }

  /** A table: a header row, then body rows; each cell has its words and its alignment. */
  @Schema(name = "TableBlock")
  record Table(
      @Schema(enumeration = "table", required = true) String type,
      List<Cell> head,
      List<List<Cell>> rows)
      implements Block {
    Table(List<Cell> head, List<List<Cell>> rows) {
      this("table", head, rows);
    }
  }

  @Schema(name = "TableCell")
  record Cell(
      @Schema(enumeration = {"left", "center", "right"}) String align, List<Inline> content) {}

  @Schema(name = "CodeBlock")
  record Code(
      @Schema(enumeration = "code", required = true) String type, String language, String text)
      implements Block {
    Code(String language, String text) {
      this("code", language, text);
    }
  }

  @Schema(name = "RuleBlock")
  record Rule(@Schema(enumeration = "rule", required = true) String type) implements Block {
    Rule() {
      this("rule");
    }
  }

  /** Words outside a paragraph: a tight list item's, or loose words between blocks. */
  @Schema(name = "TextBlock")
  record Text(@Schema(enumeration = "text", required = true) String type, List<Inline> content)
      implements Block {
    Text(List<Inline> content) {
      this("text", content);
    }
  }

  /** Sanitized HTML the model does not describe, to show as it is. */
  @Schema(name = "HtmlBlock")
  record Html(@Schema(enumeration = "html", required = true) String type, String html)
      implements Block {
    Html(String html) {
      this("html", html);
    }
  }

  /** Inline content: words with their marks, links, and line breaks. */
  @Schema(
      name = "Inline",
      oneOf = {Inline.Span.class, Inline.Link.class, Inline.Break.class},
      discriminatorProperty = "type",
      discriminatorMapping = {
        @DiscriminatorMapping(value = "text", schema = Inline.Span.class),
        @DiscriminatorMapping(value = "link", schema = Inline.Link.class),
        @DiscriminatorMapping(value = "break", schema = Inline.Break.class)
      })
  sealed interface Inline {

    /** Words, with the marks around them from the outermost in. */
    @Schema(name = "TextSpan")
    record Span(
        @Schema(enumeration = "text", required = true) String type, String text, List<Mark> marks)
        implements Inline {
      Span(String text, List<Mark> marks) {
        this("text", text, marks.isEmpty() ? null : List.copyOf(marks));
      }
    }

    /** How words are set. */
    @Schema(name = "Mark")
    enum Mark {
      bold,
      italic,
      strike,
      code
    }

    @Schema(name = "LinkSpan")
    record Link(
        @Schema(enumeration = "link", required = true) String type,
        String href,
        String title,
        List<Inline> content)
        implements Inline {
      Link(String href, String title, List<Inline> content) {
        this("link", href, title, content);
      }
    }

    @Schema(name = "LineBreak")
    record Break(@Schema(enumeration = "break", required = true) String type) implements Inline {
      Break() {
        this("break");
      }
    }
  }
}
