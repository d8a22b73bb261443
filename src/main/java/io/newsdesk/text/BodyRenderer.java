package io.newsdesk.text;

import java.util.List;
import java.util.regex.Matcher;
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
          .addProtocols("a", "href", "http", "https", "mailto", "#")
          .preserveRelativeLinks(true);

  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings()
          .prettyPrint(false)
          .charset("UTF-8")
          .escapeMode(Entities.EscapeMode.base);

  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-.][\\p{L}\\p{N}]+)*");

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

  private BodyRenderer() {}

  public static RenderedBody render(String source, BodyFormat format) {
    String raw = format == BodyFormat.markdown ? RENDERER.render(PARSER.parse(source)) : source;
    String html = xmlCharacters(Jsoup.clean(raw, BASE_URI, SAFELIST, OUTPUT).strip());
    // the sanitizer writes a control character back as a reference (&#x1;): decoded, drop it again
    String text = xmlCharacters(plainText(Jsoup.parseBodyFragment(html).body()));
    return new RenderedBody(html, text, countWords(text));
  }

  /**
   * {@code content} without the characters XML 1.0 cannot carry. Clients' JSON text cannot hold
   * them (CleanText), but a body can spell one as a character reference ({@code &#65535;}, {@code
   * &#1;}) that the sanitizer decodes; stored, one broke every RSS and Atom feed showing it.
   */
  private static String xmlCharacters(String content) {
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

  public static int countWords(String text) {
    Matcher matcher = WORD.matcher(text);
    int words = 0;
    while (matcher.find()) {
      words++;
    }
    return words;
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
      String clean = line.strip().replaceAll("\\s+", " ");
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
