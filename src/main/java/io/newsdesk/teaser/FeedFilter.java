package io.newsdesk.teaser;

import java.time.Instant;

/**
 * Which published teasers a feed shows: optionally one category, one tag, one author, and a window
 * of publication times ({@code before} and {@code after} are exclusive). Null means no restriction.
 */
public record FeedFilter(
    String category, String tag, String author, Instant before, Instant after) {

  public static final FeedFilter NONE = new FeedFilter(null, null, null, null, null);

  public static FeedFilter category(String slug) {
    return new FeedFilter(slug, null, null, null, null);
  }

  public static FeedFilter tag(String slug) {
    return new FeedFilter(null, slug, null, null, null);
  }
}
