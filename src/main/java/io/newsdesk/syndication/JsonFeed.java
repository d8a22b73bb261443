package io.newsdesk.syndication;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
@Schema(name = "JsonFeed", description = "JSON Feed 1.1")
record JsonFeed(
    String version,
    String title,
    @JsonProperty("home_page_url") String homePageUrl,
    @JsonProperty("feed_url") String feedUrl,
    List<Item> items) {

  static final String VERSION = "https://jsonfeed.org/version/1.1";

  /** One article; exactly one of content_html and content_text is set. */
  @Schema(name = "JsonFeedItem")
  record Item(
      String id,
      String url,
      String title,
      @JsonProperty("content_html") String contentHtml,
      @JsonProperty("content_text") String contentText,
      String summary,
      @Schema(description = "The article's picture: its largest JPEG rendition") String image,
      @JsonProperty("date_published") Instant datePublished,
      @JsonProperty("date_modified") Instant dateModified,
      List<Author> authors,
      List<String> tags) {}

  /** An author by name. */
  @Schema(name = "JsonFeedAuthor")
  record Author(String name) {}
}
