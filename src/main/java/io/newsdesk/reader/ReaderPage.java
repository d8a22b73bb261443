package io.newsdesk.reader;

import io.newsdesk.article.ArticleView;
import java.util.List;

/**
 * One reader page as its template shows it: what search engines and link previews read ({@code
 * head}), the article (the lead one on the front page; none on a 404), and the recent posts.
 */
record ReaderPage(
    Head head,
    ArticleView article,
    String byline,
    Picture lead,
    String heading,
    String standfirst,
    List<Teaser> recent,
    String olderHref,
    String category) {

  /** The document's head: title, description, canonical URL, link preview and JSON-LD. */
  record Head(
      String title,
      String description,
      String canonical,
      String type,
      Picture preview,
      String jsonLd,
      String feedQuery) {}

  /** One recent post, as the JavaScript of the page also renders them. */
  record Teaser(
      String slug, String title, String excerpt, Picture thumbnail, String datetime, String date) {}

  /** The site around every page: its name, language and the hashed asset paths. */
  record Site(String name, String language, StaticAssets.Names assets) {}
}
