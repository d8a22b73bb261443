package io.newsdesk.cache;

import java.util.UUID;

/**
 * The names of what a delivery response was built from, sent as {@code Surrogate-Key} and used to
 * drop in-process cache entries. A write names the same keys, so a CDN and this server purge
 * exactly what it touched.
 */
public final class SurrogateKeys {

  /** Every list of articles: the feed, search, syndication feeds and the change feed. */
  public static final String FEED = "feed";

  /** The list of categories. */
  public static final String CATEGORIES = "categories";

  /** The list of tags. */
  public static final String TAGS = "tags";

  /** The list of authors. */
  public static final String AUTHORS = "authors";

  /** Everything, for when a notification may have been missed. */
  public static final String ALL = "*";

  private SurrogateKeys() {}

  public static String article(UUID id) {
    return "article:" + id;
  }

  /** An asset of the media library: its renditions kept in memory go when it is deleted. */
  public static String asset(UUID id) {
    return ASSET + id;
  }

  /** The asset a key names, if it names one. */
  public static java.util.Optional<String> assetOf(String key) {
    return key.startsWith(ASSET)
        ? java.util.Optional.of(key.substring(ASSET.length()))
        : java.util.Optional.empty();
  }

  private static final String ASSET = "asset:";

  public static String author(String slug) {
    return "author:" + slug;
  }

  public static String collection(String slug) {
    return "collection:" + slug;
  }

  public static String tag(String slug) {
    return "tag:" + slug;
  }

  public static String category(String slug) {
    return "category:" + slug;
  }
}
