package io.newsdesk.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders Markdown images: {@code ![alt](asset:<id> "caption")} becomes a {@code <figure>} with an
 * {@code <img>} that carries {@code srcset}, {@code sizes}, {@code width}, {@code height} and
 * {@code loading="lazy"}, and a {@code <figcaption>}; any other image stays a plain {@code <img>}.
 */
final class AssetImages implements NodeRenderer {

  static final String SCHEME = "asset:";

  /** A body refers to an asset the library does not have. */
  static final class UnknownAsset extends BodyRenderer.InvalidBody {
    UnknownAsset(String reference) {
      super("refers to " + reference + ", which is not in the media library");
    }
  }

  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;
  private final Function<UUID, Optional<Figure>> assets;

  AssetImages(HtmlNodeRendererContext context, Function<UUID, Optional<Figure>> assets) {
    this.context = context;
    this.html = context.getWriter();
    this.assets = assets;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Image.class);
  }

  @Override
  public void render(Node node) {
    Image image = (Image) node;
    String alt = altText(image);
    String destination = image.getDestination();
    if (!destination.startsWith(SCHEME)) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("src", context.encodeUrl(destination));
      attributes.put("alt", alt);
      if (image.getTitle() != null) {
        attributes.put("title", image.getTitle());
      }
      html.tag("img", context.extendAttributes(image, "img", attributes), true);
      return;
    }
    Figure figure = assets.apply(id(destination)).orElseThrow(() -> new UnknownAsset(destination));
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("src", figure.src());
    attributes.put("srcset", figure.srcset());
    attributes.put("sizes", "(min-width: 1280px) 1280px, 100vw");
    attributes.put("width", String.valueOf(figure.width()));
    attributes.put("height", String.valueOf(figure.height()));
    attributes.put("alt", alt.isEmpty() && figure.alt() != null ? figure.alt() : alt);
    attributes.put("loading", "lazy");
    attributes.put("decoding", "async");
    String caption = image.getTitle() != null ? image.getTitle() : figure.caption();
    html.tag("figure");
    html.tag("img", attributes, true);
    if (caption != null && !caption.isBlank()) {
      html.tag("figcaption");
      html.text(caption);
      html.tag("/figcaption");
    }
    html.tag("/figure");
  }

  private static UUID id(String destination) {
    try {
      String id = destination.substring(SCHEME.length());
      if (id.length() != 36) {
        throw new IllegalArgumentException(id);
      }
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new UnknownAsset(destination);
    }
  }

  /** The image's text as plain words, walked without recursion. */
  private static String altText(Image image) {
    StringBuilder alt = new StringBuilder();
    Node node = image.getFirstChild();
    while (node != null) {
      if (node instanceof Text text) {
        alt.append(text.getLiteral());
      } else if (node instanceof Code code) {
        alt.append(code.getLiteral());
      }
      if (node.getFirstChild() != null) {
        node = node.getFirstChild();
        continue;
      }
      while (node != null && node != image && node.getNext() == null) {
        node = node.getParent();
      }
      node = node == null || node == image ? null : node.getNext();
    }
    return alt.toString();
  }
}
