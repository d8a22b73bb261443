package io.newsdesk.text;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders bodies with commonmark-java and sanitizes the HTML with jsoup's {@link Safelist}:
 * whatever the source (Markdown, raw HTML inside Markdown, or HTML), no script, no event handler
 * and no {@code javascript:} URL survives. Parser, renderer and safelist are thread-safe and
 * shared.
 */
public final class BodyRenderer {

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), StrikethroughExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).build();

  /** Relative links are kept; jsoup needs some base to resolve them against while checking. */
  private static final String BASE_URI = "https://newsdesk.invalid/";

  private static final Safelist SAFELIST =
      Safelist.relaxed()
          .addTags("hr", "figure", "figcaption", "del", "s", "ins", "mark")
          .addAttributes("img", "srcset", "sizes", "loading", "decoding")
          // a code block's language (class="language-java"), for highlighters and native apps
          .addAttributes("code", "class")
          // a table column's alignment, as Markdown tables set it
          .addAttributes("th", "align")
          .addAttributes("td", "align")
          .addProtocols("a", "href", "http", "https", "mailto", "#")
          .preserveRelativeLinks(true);

  private static final Cleaner CLEANER = new Cleaner(SAFELIST);

  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings()
          .prettyPrint(false)
          .charset("UTF-8")
          .escapeMode(Entities.EscapeMode.base);

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final java.util.Set<String> BLOCKS =
      java.util.Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "ul",
          "ol",
          "li",
          "div",
          "table",
          "tr",
          "figure",
          "figcaption",
          "hr");

  /**
   * Deepest nesting a body may have: quotes in lists in quotes, emphasis in emphasis, elements in
   * elements. No article needs a tenth of it; the Markdown renderer recurses once per level, and
   * {@code ">" * 3000} overflowed its stack.
   */
  public static final int MAX_DEPTH = 100;

  private BodyRenderer() {}

  /**
   * The sanitized HTML, text and word count of a body; a {@link TooDeeplyNested} if the body nests
   * deeper than {@link #MAX_DEPTH}.
   */
  public static RenderedBody render(String source, BodyFormat format) {
    return render(source, format, id -> Optional.empty());
  }

  /**
   * As {@link #render(String, BodyFormat)}, with {@code ![alt](asset:<id> "caption")} in Markdown
   * shown as a figure of the library's photo that {@code assets} finds; an unknown one is an {@link
   * InvalidBody}.
   */
  public static RenderedBody render(
      String source, BodyFormat format, Function<UUID, Optional<Figure>> assets) {
    String raw;
    if (format == BodyFormat.markdown) {
      org.commonmark.node.Node document = PARSER.parse(source);
      checkDepth(markdownDepth(document));
      HtmlRenderer renderer =
          source.contains(AssetImages.SCHEME)
              ? HtmlRenderer.builder()
                  .extensions(EXTENSIONS)
                  .nodeRendererFactory(context -> new AssetImages(context, assets))
                  .build()
              : RENDERER;
      raw = renderer.render(document);
    } else {
      raw = source;
    }
    Document dirty = Jsoup.parseBodyFragment(raw, BASE_URI);
    checkDepth(htmlDepth(dirty.body()));
    Document clean = CLEANER.clean(dirty);
    clean.outputSettings(OUTPUT);
    String html = xmlCharacters(clean.body().html().strip());
    // Text, lead and blocks are all made from the stored HTML, parsed once here: what a reader of
    // the HTML gets. The sanitizer writes a control character back as a reference (&#x1;):
    // decoded, drop it again. Blocks come last, as making them drops layout whitespace.
    Document stored = Jsoup.parseBodyFragment(html);
    stored.outputSettings(OUTPUT);
    String text = xmlCharacters(plainText(stored.body()));
    String lead = lead(stored.body());
    return new RenderedBody(html, text, countWords(text), lead, Blocks.json(stored));
  }

  /** A body that cannot be stored; the message is written for the client, about {@code body}. */
  public static class InvalidBody extends IllegalArgumentException {
    InvalidBody(String message) {
      super(message);
    }
  }

  /** Thrown for a body that nests deeper than {@link #MAX_DEPTH}. */
  public static final class TooDeeplyNested extends InvalidBody {
    TooDeeplyNested() {
      super(
          "is nested more than " + MAX_DEPTH + " levels deep (quotes, lists, emphasis, elements)");
    }
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new TooDeeplyNested();
    }
  }

  /** Depth of a parsed Markdown document, walked without recursion. */
  private static int markdownDepth(org.commonmark.node.Node document) {
    int depth = 0;
    int deepest = 0;
    org.commonmark.node.Node node = document;
    while (node != null) {
      if (node.getFirstChild() != null) {
        node = node.getFirstChild();
        deepest = Math.max(deepest, ++depth);
        continue;
      }
      while (node != null && node.getNext() == null) {
        node = node.getParent();
        depth--;
      }
      if (node != null) {
        node = node.getNext();
      }
    }
    return deepest;
  }

  /** Depth of parsed HTML below {@code root}; jsoup's traversal keeps no stack of its own. */
  private static int htmlDepth(Element root) {
    int[] deepest = {0};
    NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), (Node) root);
    return deepest[0];
  }

  /**
   * {@code content} without the characters XML 1.0 cannot carry. Clients' JSON text cannot hold
   * them (CleanText), but a body can spell one as a character reference ({@code &#65535;}, {@code
   * &#1;}) that the sanitizer decodes; stored, one broke every RSS and Atom feed showing it.
   */
  private static String xmlCharacters(String content) {
    int i = 0;
    while (i < content.length() && xmlCharacter(content.charAt(i))) {
      i++; // the usual case: every character can be kept, and there is nothing to copy
    }
    if (i == content.length()) {
      return content;
    }
    StringBuilder kept = new StringBuilder(content.length());
    content
        .codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD
                    || c >= 0x10000)
        .forEach(kept::appendCodePoint);
    return kept.length() == content.length() ? content : kept.toString();
  }

  /** A UTF-16 unit of a character XML 1.0 can carry; surrogates are left to the slow path. */
  private static boolean xmlCharacter(char c) {
    return c >= 0x20 && c <= 0xD7FF
        || c == 0x9
        || c == 0xA
        || c == 0xD
        || c >= 0xE000 && c <= 0xFFFD;
  }

  /**
   * The body's prose for an excerpt: its paragraphs' text, without headings, list items, tables or
   * code ("Routes Three night routes come back. N1 N2 N3" read badly on a card). A body without a
   * paragraph falls back to all its text.
   */
  private static final int LEAD_CHARS = 2000;

  public static String lead(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    return lead(Jsoup.parseBodyFragment(html).body());
  }

  private static String lead(Element body) {
    StringBuilder lead = new StringBuilder();
    for (Element paragraph : body.select("p")) {
      if (lead.length() > LEAD_CHARS) {
        break; // far more than any excerpt takes
      }
      if (paragraph.closest("li, table, pre") == null) {
        String text = paragraph.text().strip();
        if (!text.isEmpty()) {
          lead.append(lead.isEmpty() ? "" : " ").append(text);
        }
      }
    }
    // the stored HTML may spell a control character as a reference: decoded, drop it again
    return xmlCharacters(lead.isEmpty() ? plainText(body).replace('\n', ' ') : lead.toString());
  }

  /**
   * The words of {@code text}: runs of letters and digits, joined by single apostrophes, hyphens or
   * dots ("don't", "co-op", "3.5"). Counts the matches of {@code
   * [\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*} in one pass without a regex, which took a tenth of the
   * renderer's time (BodyRendererTest compares the two).
   */
  public static int countWords(String text) {
    int words = 0;
    int i = 0;
    int length = text.length();
    while (i < length) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (!wordCharacter(c)) {
        continue;
      }
      words++;
      while (i < length) {
        int next = text.codePointAt(i);
        if (wordCharacter(next)) {
          i += Character.charCount(next);
        } else if (WORD_JOINERS.indexOf(next) >= 0
            && i + 1 < length
            && wordCharacter(text.codePointAt(i + 1))) {
          i++; // a joiner is one UTF-16 unit
        } else {
          break;
        }
      }
    }
    return words;
  }

  private static final String WORD_JOINERS = "'’-.";

  /** {@code \p{L}} or {@code \p{N}}. */
  private static boolean wordCharacter(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** Text with one line per block (paragraph, heading, list item, quote), whitespace collapsed. */
  private static String plainText(Element body) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
              out.append(textNode.text());
            } else if (node instanceof Element element && isBreak(element)) {
              out.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element element && isBreak(element)) {
              out.append('\n');
            }
          }
        },
        body);
    StringBuilder text = new StringBuilder();
    for (String line : out.toString().split("\n")) {
      String clean = SPACES.matcher(line.strip()).replaceAll(" ");
      if (!clean.isEmpty()) {
        text.append(text.isEmpty() ? "" : "\n").append(clean);
      }
    }
    return text.toString();
  }

  private static boolean isBreak(Element element) {
    return element.normalName().equals("br") || BLOCKS.contains(element.normalName());
  }
}
