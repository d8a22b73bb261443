package io.newsdesk.cache;

import io.newsdesk.event.ContentEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The names of what a delivery response was built from, sent as {@code Surrogate-Key} and used to
 * drop in-process cache entries. A write names the same keys, so a CDN and this server purge
 * exactly what it touched.
 */
public final class SurrogateKeys {

  /**
   * Every list of articles: which articles it shows, and in what order, may change with any
   * publication. A list names each article it shows by its own key too, so a change that leaves
   * every list's membership and order as they were (an edit of a live article's words) drops only
   * the lists showing that article.
   */
  public static final String FEED = "feed";

  /**
   * What depends on the words of published articles it does not show by key: search (an edit may
   * make an article match), related articles (shared words), the change feed (an edit adds an
   * entry) and sitemaps (their lastmod). Every write that readers notice drops it.
   */
  public static final String CONTENT = "content";

  /** The list of categories. */
  public static final String CATEGORIES = "categories";

  /** The list of tags. */
  public static final String TAGS = "tags";

  /** The list of authors. */
  public static final String AUTHORS = "authors";

  /** Everything, for when a notification may have been missed. */
  public static final String ALL = "*";

  private SurrogateKeys() {}

  /**
   * The keys a change touched: every cached response that names one of them reads differently now.
   * The one place where writes name keys, beside the responses that carry them.
   */
  public static Set<String> touchedBy(ContentEvent event) {
    Set<String> keys = new LinkedHashSet<>();
    if (event instanceof ContentEvent.ArticleWritten w) {
      if (w.seen()) {
        keys.add(article(w.id()));
        keys.add(CONTENT);
        if (w.listingChanged() || !java.util.Objects.equals(w.before(), w.after()) || w.deleted()) {
          keys.add(FEED);
        }
      }
    } else if (event instanceof ContentEvent.ArticlesReleased released) {
      released.releases().forEach(release -> keys.add(article(release.id())));
      if (!keys.isEmpty()) {
        keys.add(FEED);
      }
    } else if (event instanceof ContentEvent.CategoryChanged changed) {
      keys.add(CATEGORIES);
      keys.add(category(changed.slug()));
      if (changed.previousSlug() != null) { // renamed or moved: its articles show it
        keys.add(category(changed.previousSlug()));
        keys.add(FEED);
      }
    } else if (event instanceof ContentEvent.AuthorChanged changed) {
      keys.add(AUTHORS);
      keys.add(author(changed.slug())); // their profile, and every article crediting them
      live(keys, changed.live());
    } else if (event instanceof ContentEvent.TagChanged changed) {
      keys.add(TAGS);
      keys.add(tag(changed.slug())); // the tag, and every article showing its name
      live(keys, changed.live());
    } else if (event instanceof ContentEvent.AssetChanged changed) {
      if (changed.action() == ContentEvent.AssetAction.deleted) {
        keys.add(asset(changed.id())); // its renditions kept in memory
      }
      changed.live().forEach(a -> keys.add(article(a.id())));
      live(keys, changed.live());
    } else if (event instanceof ContentEvent.CollectionChanged changed) {
      keys.add(collection(changed.slug()));
    }
    if (keys.contains(FEED)) {
      keys.add(CONTENT); // what changes lists changes what is read of them
    }
    return keys;
  }

  /** Live articles read differently: so do the lists that show their cards. */
  private static void live(Set<String> keys, List<ContentEvent.LiveArticle> live) {
    if (!live.isEmpty()) {
      keys.add(FEED);
    }
  }

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
