package io.newsdesk.article;

import io.newsdesk.author.AuthorRef;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.ImageView;
import io.newsdesk.tag.TagRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article as schema.org {@code NewsArticle} JSON-LD, with what Google's article structured data
 * documentation requires and recommends: headline, images at 16:9, 4:3 and 1:1, datePublished,
 * dateModified, authors as Person with their profile page, the publisher with its logo, and the
 * page the article is the main entity of. A frontend puts it in a {@code <script
 * type="application/ld+json">} as it is.
 */
final class StructuredData {

  private static final List<String> ASPECTS = List.of("16:9", "4:3", "1:1");

  private StructuredData() {}

  static Map<String, Object> of(ArticleView article, NewsdeskConfig.Site site) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "NewsArticle");
    ld.put("headline", article.title());
    if (article.subtitle() != null) {
      ld.put("description", article.subtitle());
    }
    List<String> images = images(article.image());
    if (!images.isEmpty()) {
      ld.put("image", images);
    }
    if (article.firstPublishedAt() != null) { // a preview of a draft has none yet
      ld.put("datePublished", article.firstPublishedAt());
    }
    ld.put("dateModified", article.updatedAt());
    List<Map<String, Object>> authors = new ArrayList<>();
    for (AuthorRef author : article.authors()) {
      authors.add(person(author.name(), site.authorUrl(author.slug())));
    }
    if (authors.isEmpty()) {
      article.byline().forEach(name -> authors.add(person(name, null)));
    }
    if (!authors.isEmpty()) {
      ld.put("author", authors);
    }
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("@type", "NewsMediaOrganization");
    publisher.put("name", site.name());
    publisher.put("url", site.baseUrl() + "/");
    site.logoUrl().ifPresent(logo -> publisher.put("logo", typed("ImageObject", "url", logo)));
    ld.put("publisher", publisher);
    ld.put("mainEntityOfPage", typed("WebPage", "@id", article.url()));
    ld.put("url", article.url());
    ld.put("articleSection", article.category().name());
    if (!article.tags().isEmpty()) {
      ld.put("keywords", article.tags().stream().map(TagRef::name).toList());
    }
    ld.put("wordCount", article.wordCount());
    return ld;
  }

  /** The largest JPEG crop at each aspect Google asks for; an external picture as it is. */
  private static List<String> images(ImageView image) {
    if (image == null) {
      return List.of();
    }
    if (image.crops() == null || image.crops().isEmpty()) {
      return List.of(image.url());
    }
    List<String> urls = new ArrayList<>();
    for (String aspect : ASPECTS) {
      image.crops().stream()
          .filter(crop -> crop.aspect().equals(aspect) && crop.type().equals("image/jpeg"))
          .max(Comparator.comparingInt(ImageView.Crop::width))
          .ifPresent(crop -> urls.add(crop.url()));
    }
    return urls;
  }

  private static Map<String, Object> person(String name, String url) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("@type", "Person");
    person.put("name", name);
    if (url != null) {
      person.put("url", url);
    }
    return person;
  }

  /**
   * A two-member object in a fixed order: Map.of orders its entries differently in every JVM, which
   * would give two instances different bytes (and ETags) for one article.
   */
  private static Map<String, Object> typed(String type, String key, String value) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("@type", type);
    object.put(key, value);
    return object;
  }
}
