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
