package io.newsdesk.teaser;

import io.newsdesk.category.CategoryRef;
import io.newsdesk.media.ImageInput;
import io.newsdesk.media.ImageView;
import io.newsdesk.media.Pictures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A teaser as stored, with its picture still a reference: a page of rows becomes teasers with
 * {@link #views}, which reads the page's photos in one query.
 */
public record TeaserRow(
    UUID articleId,
    String slug,
    String title,
    String excerpt,
    ImageInput image,
    String categorySlug,
    String categoryName,
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
        readingTimeMinutes,
        publishedAt);
  }

  /** The teasers readers get for these rows, in order. */
  public static List<TeaserView> views(List<TeaserRow> rows, Pictures pictures) {
    List<ImageView> images = pictures.views(rows.stream().map(TeaserRow::image).toList());
    return java.util.stream.IntStream.range(0, rows.size())
        .mapToObj(i -> rows.get(i).view(images.get(i)))
        .toList();
  }

  TeaserView view(ImageView picture) {
    return new TeaserView(
        articleId,
        slug,
        title,
        excerpt,
        new CategoryRef(categorySlug, categoryName),
        picture,
        readingTimeMinutes,
        publishedAt);
  }
}
