package io.newsdesk.teaser;

import io.newsdesk.category.CategoryRef;
import java.time.Instant;
import java.util.UUID;

/** A feed row: the teaser and its article id, which keyset cursors need as the tie-breaker. */
public record TeaserRow(UUID articleId, TeaserView teaser) {

  /** Constructor for HQL {@code select new}, one argument per selected column. */
  public TeaserRow(
      UUID articleId,
      String slug,
      String title,
      String excerpt,
      String imageUrl,
      String imageAlt,
      String imageCaption,
      String categorySlug,
      String categoryName,
      Instant publishedAt) {
    this(
        articleId,
        new TeaserView(
            articleId,
            slug,
            title,
            excerpt,
            new CategoryRef(categorySlug, categoryName),
            Image.of(imageUrl, imageAlt, imageCaption),
            publishedAt));
  }
}
