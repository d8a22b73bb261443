package io.newsdesk.text;

import io.newsdesk.text.Block.Inline;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a body's sanitized HTML into {@link Block}s, and blocks back into HTML. Each block is kept
 * only if rendering it back gives exactly the element it was made from (whitespace between blocks
 * aside); anything else becomes an {@code html} block of that element. So {@code body.blocks} and
 * {@code body.html} are the same document by construction, and BlocksTest checks the whole.
 */
public final class Blocks {

  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings()
          .prettyPrint(false)
          .charset("UTF-8")
          .escapeMode(Entities.EscapeMode.base);

  /** Elements whose whitespace-only text between children is layout, not content. */
  private static final Set<String> CONTAINERS =
      Set.of("body", "blockquote", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "figure");

  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "ul",
          "ol",
          "li",
          "pre",
          "hr",
          "table",
          "figure",
          "div",
          "dl");

  private Blocks() {}

  /** The blocks of sanitized body HTML. */
  public static List<Block> of(String html) {
    return of(Jsoup.parseBodyFragment(html));
  }

  /** The blocks of sanitized body HTML already parsed; drops the document's layout whitespace. */
  private static List<Block> of(Document parsed) {
    parsed.outputSettings(OUTPUT);
    return blocks(normalized(parsed.body()).childNodes());
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  /** The blocks of sanitized body HTML as JSON, as articles keep them. */
  public static String json(String html) {
    return json(Jsoup.parseBodyFragment(html));
  }

  /** As {@link #json(String)}, of HTML already parsed; drops the document's layout whitespace. */
  static String json(Document parsed) {
    try {
      return JSON.writeValueAsString(of(parsed));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Blocks are records of strings and numbers", e);
    }
  }

  /** The HTML of blocks: one line per block, as {@link #normalizedHtml} writes a body. */
  public static String html(List<Block> blocks) {
    Document document = Document.createShell("");
    document.outputSettings(OUTPUT);
    List<String> lines = new ArrayList<>();
    for (Block block : blocks) {
      if (block instanceof Block.Html raw) {
        lines.add(raw.html());
      } else if (block instanceof Block.Text text) {
        Element holder = document.body().appendElement("div");
        appendInlines(holder, text.content());
        lines.add(holder.html());
        holder.remove();
      } else {
        lines.add(outer(render(block)));
      }
    }
    return String.join("\n", lines);
  }

  /**
   * A body's HTML with layout whitespace gone, one top-level node a line: what blocks give back.
   */
  public static String normalizedHtml(String html) {
    Document document = Jsoup.parseBodyFragment(html);
    document.outputSettings(OUTPUT);
    List<String> lines = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (Node node : normalized(document.body()).childNodes()) {
      if (isInline(node)) {
        run.append(node.outerHtml());
        continue;
      }
      if (!run.isEmpty()) {
        lines.add(run.toString());
        run.setLength(0);
      }
      lines.add(node.outerHtml());
    }
    if (!run.isEmpty()) {
      lines.add(run.toString());
    }
    return String.join("\n", lines);
  }

  private static List<Block> blocks(List<Node> nodes) {
    List<Block> blocks = new ArrayList<>();
    List<Node> run = new ArrayList<>();
    for (Node node : nodes) {
      if (isInline(node)) {
        run.add(node);
        continue;
      }
      flush(run, blocks);
      blocks.add(block((Element) node));
    }
    flush(run, blocks);
    return blocks;
  }

  /** Words outside a block element: a text block, or html if they are not all modelled. */
  private static void flush(List<Node> run, List<Block> blocks) {
    if (run.isEmpty()) {
      return;
    }
    StringBuilder html = new StringBuilder();
    run.forEach(node -> html.append(node.outerHtml()));
    try {
      blocks.add(new Block.Text(inlines(run, List.of())));
    } catch (Unsupported e) {
      blocks.add(new Block.Html(html.toString()));
    }
    run.clear();
  }

  private static Block block(Element element) {
    Block candidate;
    try {
      candidate = candidate(element);
    } catch (Unsupported e) {
      candidate = null;
    }
    if (candidate != null && outer(render(candidate)).equals(element.outerHtml())) {
      return candidate;
    }
    return new Block.Html(element.outerHtml());
  }

  private static Block candidate(Element e) {
    return switch (e.tagName()) {
      case "p" -> new Block.Paragraph(inlines(e.childNodes(), List.of()));
      case "h1", "h2", "h3", "h4", "h5", "h6" ->
          new Block.Heading(e.tagName().charAt(1) - '0', inlines(e.childNodes(), List.of()));
      case "blockquote" -> new Block.Quote(blocks(e.childNodes()));
      case "ul", "ol" -> list(e);
      case "figure" -> figure(e);
      case "table" -> table(e);
      case "pre" -> code(e);
      case "hr" -> e.childNodeSize() == 0 ? new Block.Rule() : null;
      default -> null;
    };
  }

  private static Block list(Element e) {
    List<List<Block>> items = new ArrayList<>();
    for (Element item : e.children()) {
      if (!item.tagName().equals("li")) {
        return null;
      }
      items.add(blocks(item.childNodes()));
    }
    Integer start = null;
    if (e.hasAttr("start")) {
      try {
        start = Integer.valueOf(e.attr("start"));
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return new Block.ListBlock(e.tagName().equals("ol"), start, items);
  }

  private static Block figure(Element e) {
    Element img = e.children().first();
    if (img == null || !img.tagName().equals("img")) {
      return null;
    }
    Element caption = e.children().size() > 1 ? e.child(1) : null;
    if (caption != null && (!caption.tagName().equals("figcaption") || e.children().size() > 2)) {
      return null;
    }
    return new Block.Image(
        img.attr("src"),
        nullIfAbsent(img, "srcset"),
        nullIfAbsent(img, "sizes"),
        number(img, "width"),
        number(img, "height"),
        img.attr("alt"),
        caption == null ? null : caption.wholeText());
  }

  private static Block table(Element e) {
    Element head = e.selectFirst("> thead > tr");
    if (head == null) {
      return null;
    }
    List<List<Block.Cell>> rows = new ArrayList<>();
    for (Element row : e.select("> tbody > tr")) {
      rows.add(cells(row));
    }
    return new Block.Table(cells(head), rows);
  }

  private static List<Block.Cell> cells(Element row) {
    List<Block.Cell> cells = new ArrayList<>();
    for (Element cell : row.children()) {
      cells.add(new Block.Cell(nullIfAbsent(cell, "align"), inlines(cell.childNodes(), List.of())));
    }
    return cells;
  }

  private static Block code(Element pre) {
    if (pre.childNodeSize() != 1 || !(pre.childNode(0) instanceof Element code)) {
      return null;
    }
    if (!code.tagName().equals("code") || code.children().size() > 0) {
      return null;
    }
    String classes = code.attr("class");
    String language = classes.startsWith("language-") ? classes.substring(9) : null;
    return new Block.Code(language, code.wholeText());
  }

  /** Inline nodes as spans with marks, links and breaks; {@link Unsupported} for anything else. */
  private static List<Inline> inlines(List<Node> nodes, List<Inline.Mark> marks) {
    List<Inline> inlines = new ArrayList<>();
    for (Node node : nodes) {
      if (node instanceof TextNode text) {
        inlines.add(new Inline.Span(text.getWholeText(), marks));
        continue;
      }
      if (!(node instanceof Element e) || e.attributesSize() > 0 && !e.tagName().equals("a")) {
        throw new Unsupported();
      }
      switch (e.tagName()) {
        case "strong" -> inlines.addAll(inlines(e.childNodes(), with(marks, Inline.Mark.bold)));
        case "em" -> inlines.addAll(inlines(e.childNodes(), with(marks, Inline.Mark.italic)));
        case "del" -> inlines.addAll(inlines(e.childNodes(), with(marks, Inline.Mark.strike)));
        case "code" -> inlines.addAll(inlines(e.childNodes(), with(marks, Inline.Mark.code)));
        case "br" -> inlines.add(new Inline.Break());
        case "a" -> {
          if (!marks.isEmpty()) {
            throw new Unsupported(); // a link inside marks: kept as HTML
          }
          inlines.add(
              new Inline.Link(
                  e.attr("href"), nullIfAbsent(e, "title"), inlines(e.childNodes(), List.of())));
        }
        default -> throw new Unsupported();
      }
    }
    return inlines;
  }

  private static List<Inline.Mark> with(List<Inline.Mark> marks, Inline.Mark mark) {
    List<Inline.Mark> more = new ArrayList<>(marks);
    more.add(mark);
    return more;
  }

  /** The element a block renders to (not text and html blocks: they are not one element). */
  static Element render(Block block) {
    if (block instanceof Block.Paragraph p) {
      return inlineElement("p", p.content());
    }
    if (block instanceof Block.Heading h) {
      return inlineElement("h" + h.level(), h.content());
    }
    if (block instanceof Block.Quote q) {
      Element quote = new Element("blockquote");
      q.blocks().forEach(child -> appendBlock(quote, child));
      return quote;
    }
    if (block instanceof Block.ListBlock l) {
      Element list = new Element(l.ordered() ? "ol" : "ul");
      if (l.start() != null) {
        list.attr("start", String.valueOf(l.start()));
      }
      for (List<Block> item : l.items()) {
        Element li = list.appendElement("li");
        item.forEach(child -> appendBlock(li, child));
      }
      return list;
    }
    if (block instanceof Block.Image i) {
      Element figure = new Element("figure");
      Element img = figure.appendElement("img").attr("src", i.url());
      attr(img, "srcset", i.srcset());
      attr(img, "sizes", i.sizes());
      attr(img, "width", i.width() == null ? null : String.valueOf(i.width()));
      attr(img, "height", i.height() == null ? null : String.valueOf(i.height()));
      img.attr("alt", i.alt() == null ? "" : i.alt());
      img.attr("loading", "lazy").attr("decoding", "async");
      if (i.caption() != null) {
        figure.appendElement("figcaption").appendText(i.caption());
      }
      return figure;
    }
    if (block instanceof Block.Table t) {
      Element table = new Element("table");
      row(table.appendElement("thead").appendElement("tr"), "th", t.head());
      if (!t.rows().isEmpty()) {
        Element body = table.appendElement("tbody");
        t.rows().forEach(cells -> row(body.appendElement("tr"), "td", cells));
      }
      return table;
    }
    if (block instanceof Block.Code c) {
      Element pre = new Element("pre");
      Element code = pre.appendElement("code");
      if (c.language() != null) {
        code.attr("class", "language-" + c.language());
      }
      code.appendText(c.text());
      return pre;
    }
    if (block instanceof Block.Rule) {
      return new Element("hr");
    }
    // text and html blocks are not one element: their callers write them out (appendBlock, html)
    throw new IllegalArgumentException("Not an element: " + block);
  }

  /** The HTML of an element written as bodies are written. */
  private static String outer(Element element) {
    Document document = Document.createShell("");
    document.outputSettings(OUTPUT);
    document.body().appendChild(element);
    String html = element.outerHtml();
    element.remove();
    return html;
  }

  private static void appendBlock(Element parent, Block block) {
    if (block instanceof Block.Text text) {
      appendInlines(parent, text.content());
    } else if (block instanceof Block.Html raw) {
      parent.append(raw.html());
    } else {
      parent.appendChild(render(block));
    }
  }

  private static void row(Element tr, String tag, List<Block.Cell> cells) {
    for (Block.Cell cell : cells) {
      Element element = tr.appendElement(tag);
      attr(element, "align", cell.align());
      appendInlines(element, cell.content());
    }
  }

  private static Element inlineElement(String tag, List<Inline> content) {
    Element element = new Element(tag);
    appendInlines(element, content);
    return element;
  }

  /** Spans open and close only the marks that change, so nesting comes out as it went in. */
  private static void appendInlines(Element parent, List<Inline> inlines) {
    List<Element> open = new ArrayList<>();
    List<Inline.Mark> openMarks = new ArrayList<>();
    for (Inline inline : inlines) {
      List<Inline.Mark> marks =
          inline instanceof Inline.Span span && span.marks() != null ? span.marks() : List.of();
      int common = 0;
      while (common < openMarks.size()
          && common < marks.size()
          && openMarks.get(common).equals(marks.get(common))) {
        common++;
      }
      while (openMarks.size() > common) {
        openMarks.remove(openMarks.size() - 1);
        open.remove(open.size() - 1);
      }
      Element current = open.isEmpty() ? parent : open.get(open.size() - 1);
      for (Inline.Mark mark : marks.subList(common, marks.size())) {
        current = current.appendElement(tag(mark));
        open.add(current);
        openMarks.add(mark);
      }
      if (inline instanceof Inline.Span span) {
        current.appendChild(new TextNode(span.text()));
      } else if (inline instanceof Inline.Link link) {
        Element a = current.appendElement("a").attr("href", link.href());
        attr(a, "title", link.title());
        appendInlines(a, link.content());
      } else {
        current.appendElement("br");
      }
    }
  }

  private static String tag(Inline.Mark mark) {
    return switch (mark) {
      case bold -> "strong";
      case italic -> "em";
      case strike -> "del";
      case code -> "code";
    };
  }

  /**
   * Drops whitespace-only text that only lays out blocks (between the children of containers, and
   * beside block elements in list items); whitespace between words stays.
   */
  private static Element normalized(Element root) {
    for (TextNode text : root.textNodes()) {
      Node parentNode = text.parent();
      if (!text.isBlank() || !(parentNode instanceof Element parent)) {
        continue;
      }
      boolean layout =
          CONTAINERS.contains(parent.tagName())
              || parent.tagName().equals("li")
                  && (isBlock(text.previousSibling()) || isBlock(text.nextSibling()));
      if (layout) {
        text.remove();
      }
    }
    for (Element child : root.children()) {
      if (!child.tagName().equals("pre")) {
        normalized(child);
      }
    }
    return root;
  }

  private static boolean isBlock(Node node) {
    return node == null || node instanceof Element e && BLOCK_TAGS.contains(e.tagName());
  }

  private static boolean isInline(Node node) {
    return !(node instanceof Element e) || !BLOCK_TAGS.contains(e.tagName());
  }

  private static String nullIfAbsent(Element e, String attribute) {
    return e.hasAttr(attribute) ? e.attr(attribute) : null;
  }

  private static Integer number(Element e, String attribute) {
    try {
      return e.hasAttr(attribute) ? Integer.valueOf(e.attr(attribute)) : null;
    } catch (NumberFormatException notANumber) {
      throw new Unsupported();
    }
  }

  private static void attr(Element e, String name, String value) {
    if (value != null) {
      e.attr(name, value);
    }
  }

  /** Content the block model does not describe. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }
}
