package io.newsdesk.teaser;

import io.newsdesk.author.AuthorCard;
import io.newsdesk.author.AuthorRef;
import io.newsdesk.category.CategoryRef;
import io.newsdesk.media.ImageInput;
import io.newsdesk.media.ImageView;
import io.newsdesk.media.Pictures;
import io.newsdesk.tag.TagRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * A teaser as stored, with its pictures (the photo, the authors' avatars) still references: a page
 * of rows becomes teasers with {@link #views}, which reads the page's pictures in one query.
 */
public record TeaserRow(
    UUID articleId,
    String slug,
    String title,
    String excerpt,
    ImageInput image,
    String categorySlug,
    String categoryName,
    List<AuthorCard> authors,
    List<TagRef> tags,
    int readingTimeMinutes,
    Instant publishedAt) {

  /** Constructor for HQL {@code select new}, one argument per selected column. */
  public TeaserRow(
      UUID articleId,
      String slug,
      String title,
      String excerpt,
      UUID imageAsset,
      String imageUrl,
      String imageAlt,
      String imageCaption,
      String categorySlug,
      String categoryName,
      String authorCards,
      String tagCards,
      int readingTimeMinutes,
      Instant publishedAt) {
    this(
        articleId,
        slug,
        title,
        excerpt,
        ImageInput.of(imageAsset, imageUrl, imageAlt, imageCaption),
        categorySlug,
        categoryName,
        AuthorCard.parse(authorCards),
        TagRef.parse(tagCards),
        readingTimeMinutes,
        publishedAt);
  }

  /**
   * The teaser columns of {@code alias} in native SQL, in the order {@link #of} reads them, for
   * queries that rank or order teasers in ways the feed does not (search, related, collections).
   */
  public static String columns(String alias) {
    return String.join(
        ", ",
        java.util.stream.Stream.of(
                "article_id",
                "slug",
                "title",
                "excerpt",
                "image_asset_id",
                "image_url",
                "image_alt",
                "image_caption",
                "category_slug",
                "category_name",
                "cast(%s.author_cards as text)",
                "cast(%s.tag_cards as text)",
                "reading_time_minutes",
                "published_at")
            .map(c -> c.contains("%s") ? c.formatted(alias) : alias + "." + c)
            .toList());
  }

  /** The number of columns {@link #columns} selects. */
  public static final int COLUMNS = 14;

  /** The row whose {@link #columns} start at {@code from} in a native query's result row. */
  public static TeaserRow of(Object[] r, int from) {
    return new TeaserRow(
        (UUID) r[from],
        (String) r[from + 1],
        (String) r[from + 2],
        (String) r[from + 3],
        (UUID) r[from + 4],
        (String) r[from + 5],
        (String) r[from + 6],
        (String) r[from + 7],
        (String) r[from + 8],
        (String) r[from + 9],
        (String) r[from + 10],
        (String) r[from + 11],
        ((Number) r[from + 12]).intValue(),
        (Instant) r[from + 13]);
  }

  /** The teasers readers get for these rows, in order. */
  public static List<TeaserView> views(List<TeaserRow> rows, Pictures pictures) {
    List<ImageInput> wanted = new ArrayList<>();
    for (TeaserRow row : rows) {
      wanted.add(row.image());
      row.authors().forEach(author -> wanted.add(author.avatar()));
    }
    Iterator<ImageView> found = pictures.views(wanted).iterator();
    List<TeaserView> views = new ArrayList<>(rows.size());
    for (TeaserRow row : rows) {
      ImageView picture = found.next();
      List<AuthorRef> authors = row.authors().stream().map(a -> a.view(found.next())).toList();
      views.add(row.view(picture, authors));
    }
    return views;
  }

  private TeaserView view(ImageView picture, List<AuthorRef> credits) {
    return new TeaserView(
        articleId,
        slug,
        title,
        excerpt,
        new CategoryRef(categorySlug, categoryName),
        credits,
        tags,
        picture,
        readingTimeMinutes,
        publishedAt);
  }
}
