package io.newsdesk.article;

import io.newsdesk.author.AuthorCard;
import io.newsdesk.author.AuthorRef;
import io.newsdesk.category.CategoryRef;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.ImageInput;
import io.newsdesk.media.ImageView;
import io.newsdesk.tag.TagRef;
import io.newsdesk.text.Blocks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The columns an article in the readers' shape is made of (published, or previewed), read in one
 * projection: no Markdown source, search vector or editorial fields, and no managed entity to
 * hydrate and track. Authors and tag names come from the article's teaser, which keeps them for
 * cards. The one place an {@link ArticleView} is built.
 */
record ReaderRow(
    UUID id,
    String slug,
    String title,
    String subtitle,
    String categorySlug,
    String categoryName,
    String tagCards,
    String authorCards,
    String[] byline,
    String bodyHtml,
    String bodyText,
    String bodyBlocks,
    UUID imageAsset,
    String imageUrl,
    String imageAlt,
    String imageCaption,
    String seoTitle,
    String seoDescription,
    String seoCanonicalUrl,
    Instant firstPublishedAt,
    Instant publishedAt,
    Instant updatedAt,
    Instant categoryUpdatedAt,
    Instant imageUpdatedAt,
    Instant cardsUpdatedAt,
    int wordCount,
    int readingTimeMinutes) {

  static final String SELECT =
      "select new io.newsdesk.article.ReaderRow(a.id, a.slug, a.title, a.subtitle, c.slug,"
          + " c.name, t.tagCards, t.authorCards, a.byline, a.bodyHtml, a.bodyText, a.bodyBlocks,"
          + " a.imageAssetId, a.imageUrl, a.imageAlt, a.imageCaption, a.seoTitle,"
          + " a.seoDescription, a.seoCanonicalUrl, a.firstPublishedAt, a.publishedAt,"
          + " a.updatedAt, c.updatedAt, m.updatedAt, t.cardsUpdatedAt, a.wordCount,"
          + " a.readingTimeMinutes)"
          + " from Article a join a.category c join Teaser t on t.articleId = a.id"
          + " left join Asset m on m.id = a.imageAssetId";

  /**
   * When the article as readers get it last changed: its own last edit, or its category's, whose
   * name it shows (a rename answered If-Modified-Since with a stale 304), or its photo's, or its
   * authors' or tags' names.
   */
  Instant lastModified() {
    return Stream.of(updatedAt, categoryUpdatedAt, imageUpdatedAt, cardsUpdatedAt)
        .filter(java.util.Objects::nonNull)
        .max(Instant::compareTo)
        .orElseThrow();
  }

  /** The picture the editor chose, still to be looked up. */
  ImageInput image() {
    return ImageInput.of(imageAsset, imageUrl, imageAlt, imageCaption);
  }

  List<AuthorCard> authors() {
    return AuthorCard.parse(authorCards);
  }

  List<TagRef> tags() {
    return TagRef.parse(tagCards);
  }

  ArticleView view(ImageView picture, List<AuthorRef> credits, NewsdeskConfig.Site site) {
    return new ArticleView(
        id,
        slug,
        site.articleUrl(categorySlug, slug),
        title,
        subtitle,
        new CategoryRef(categorySlug, categoryName),
        credits,
        tags(),
        List.of(byline),
        new Body(null, bodyHtml, bodyText, bodyBlocks != null ? bodyBlocks : Blocks.json(bodyHtml)),
        picture,
        Seo.of(seoTitle, seoDescription, seoCanonicalUrl),
        firstPublishedAt,
        publishedAt,
        updatedAt,
        wordCount,
        readingTimeMinutes,
        null);
  }
}
