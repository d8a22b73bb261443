package io.newsdesk.teaser;

import io.newsdesk.author.AuthorCard;
import io.newsdesk.media.ImageInput;
import io.newsdesk.tag.TagRef;
import io.newsdesk.text.Excerpts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One article's card. The plain columns hold what readers get (the override where there is one,
 * else what the article gives); the override columns keep the editor's choice across later edits.
 */
@Entity
@Table(name = "teaser")
class Teaser {

  @Id
  @Column(name = "article_id")
  UUID articleId;

  @Column(nullable = false)
  String slug;

  @Column(nullable = false)
  String title;

  @Column(nullable = false)
  String excerpt;

  @Column(name = "image_asset_id")
  UUID imageAssetId;

  @Column(name = "image_url")
  String imageUrl;

  @Column(name = "image_alt")
  String imageAlt;

  @Column(name = "image_caption")
  String imageCaption;

  @Column(name = "category_id", nullable = false)
  long categoryId;

  @Column(name = "category_slug", nullable = false)
  String categorySlug;

  @Column(name = "category_name", nullable = false)
  String categoryName;

  @Column(name = "published_at")
  Instant publishedAt;

  @Column(nullable = false, columnDefinition = "text[]")
  String[] tags;

  @Column(name = "reading_time_minutes", nullable = false)
  int readingTimeMinutes;

  /** The slugs of the credited authors, in order, for the author filter. */
  @Column(nullable = false, columnDefinition = "text[]")
  String[] authors;

  /** JSON written by SQL from the author and tag tables: see {@link TeaserRepository#cards}. */
  @Column(
      name = "author_cards",
      nullable = false,
      columnDefinition = "jsonb",
      insertable = false,
      updatable = false)
  String authorCards;

  @Column(
      name = "tag_cards",
      nullable = false,
      columnDefinition = "jsonb",
      insertable = false,
      updatable = false)
  String tagCards;

  /** When an author's or tag's rename last rewrote the cards. */
  @Column(name = "cards_updated_at", insertable = false, updatable = false)
  Instant cardsUpdatedAt;

  @Column(name = "override_title")
  String overrideTitle;

  @Column(name = "override_excerpt")
  String overrideExcerpt;

  @Column(name = "override_image_asset_id")
  UUID overrideImageAssetId;

  @Column(name = "override_image_url")
  String overrideImageUrl;

  @Column(name = "override_image_alt")
  String overrideImageAlt;

  @Column(name = "override_image_caption")
  String overrideImageCaption;

  protected Teaser() {}

  Teaser(UUID articleId) {
    this.articleId = articleId;
  }

  /** Rewrites the card from the article, keeping the editor's override on top. */
  /** What decides which lists show this card, and where. */
  record Listing(long categoryId, Instant publishedAt, List<String> tags, List<String> authors) {}

  Listing listing() {
    return new Listing(
        categoryId,
        publishedAt,
        tags == null ? List.of() : List.of(tags),
        authors == null ? List.of() : List.of(authors));
  }

  void refresh(TeaserSource source, int excerptChars) {
    String text =
        source.subtitle() != null && !source.subtitle().isBlank()
            ? source.subtitle()
            : source.bodyLead();
    ImageInput override = overrideImage();
    ImageInput image = override != null ? override : source.image();
    slug = source.slug();
    title = overrideTitle != null ? overrideTitle : source.title();
    excerpt = overrideExcerpt != null ? overrideExcerpt : Excerpts.excerpt(text, excerptChars);
    imageAssetId = image == null ? null : image.asset();
    imageUrl = image == null ? null : image.url();
    imageAlt = image == null ? null : image.alt();
    imageCaption = image == null ? null : image.caption();
    categoryId = source.categoryId();
    categorySlug = source.categorySlug();
    categoryName = source.categoryName();
    publishedAt = source.publishedAt();
    tags = source.tags().toArray(String[]::new);
    authors = source.authors().toArray(String[]::new);
    readingTimeMinutes = source.readingTimeMinutes();
  }

  void override(TeaserInput input) {
    overrideTitle = input.title() == null ? null : input.title().strip();
    overrideExcerpt = input.excerpt() == null ? null : input.excerpt().strip();
    overrideImageAssetId = input.image() == null ? null : input.image().asset();
    overrideImageUrl = input.image() == null ? null : input.image().url();
    overrideImageAlt = input.image() == null ? null : input.image().alt();
    overrideImageCaption = input.image() == null ? null : input.image().caption();
  }

  /** The card as readers get it, with the picture still to be looked up. */
  TeaserRow row() {
    return new TeaserRow(
        articleId,
        slug,
        title,
        excerpt,
        ImageInput.of(imageAssetId, imageUrl, imageAlt, imageCaption),
        categorySlug,
        categoryName,
        AuthorCard.parse(authorCards),
        TagRef.parse(tagCards),
        readingTimeMinutes,
        publishedAt);
  }

  TeaserInput override() {
    return new TeaserInput(overrideTitle, overrideExcerpt, overrideImage());
  }

  private ImageInput overrideImage() {
    return ImageInput.of(
        overrideImageAssetId, overrideImageUrl, overrideImageAlt, overrideImageCaption);
  }
}
