package io.newsdesk.webhook;

/** The events a webhook can subscribe to. */
public final class Events {

  public static final String PUBLISHED = "article.published";
  public static final String UPDATED = "article.updated";
  public static final String UNPUBLISHED = "article.unpublished";
  public static final String DELETED = "article.deleted";
  public static final String CATEGORY_CHANGED = "category.changed";
  public static final String ASSET_CREATED = "asset.created";
  public static final String ASSET_UPDATED = "asset.updated";
  public static final String ASSET_DELETED = "asset.deleted";
  public static final String AUTHOR_CHANGED = "author.changed";
  public static final String COLLECTION_CHANGED = "collection.changed";

  /** Every event, in the order the documentation lists them. */
  public static final java.util.List<String> ALL =
      java.util.List.of(
          PUBLISHED,
          UPDATED,
          UNPUBLISHED,
          DELETED,
          CATEGORY_CHANGED,
          ASSET_CREATED,
          ASSET_UPDATED,
          ASSET_DELETED,
          AUTHOR_CHANGED,
          COLLECTION_CHANGED);

  static final String PATTERN =
      "article\\.published|article\\.updated|article\\.unpublished|article\\.deleted"
          + "|category\\.changed|asset\\.created|asset\\.updated|asset\\.deleted"
          + "|author\\.changed|collection\\.changed";
  static final String LIST =
      "article.published, article.updated, article.unpublished, article.deleted,"
          + " category.changed, asset.created, asset.updated, asset.deleted, author.changed,"
          + " collection.changed";

  private Events() {}

  /** The event for a change-feed entry of this type. */
  public static String ofChange(String type) {
    return "article." + type;
  }
}
