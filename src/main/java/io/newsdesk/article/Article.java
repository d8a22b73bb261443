package io.newsdesk.article;

import io.newsdesk.category.Category;
import io.newsdesk.media.ImageInput;
import io.newsdesk.teaser.TeaserSource;
import io.newsdesk.text.BodyFormat;
import io.newsdesk.text.BodyRenderer;
import io.newsdesk.text.RenderedBody;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** An article and its lifecycle: draft, published (possibly in the future: scheduled), archived. */
@Entity
@Table(name = "article")
class Article {

  /** What the database stores; {@link Status#scheduled} is derived from published_at. */
  enum State {
    draft,
    published,
    archived
  }

  @Id UUID id;

  @Column(nullable = false)
  String slug;

  @Column(nullable = false)
  String title;

  String subtitle;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "category_id", nullable = false)
  Category category;

  @Column(nullable = false, columnDefinition = "text[]")
  String[] tags;

  @Column(nullable = false, columnDefinition = "text[]")
  String[] byline;

  /** Slugs of the credited authors, in order. */
  @Column(nullable = false, columnDefinition = "text[]")
  String[] authors;

  @Enumerated(EnumType.STRING)
  @Column(name = "body_format", nullable = false)
  BodyFormat bodyFormat;

  @Column(name = "body_source", nullable = false)
  String bodySource;

  @Column(name = "body_html", nullable = false)
  String bodyHtml;

  @Column(name = "body_text", nullable = false)
  String bodyText;

  /** body.blocks as JSON, made from bodyHtml when it is written (null: written before V11). */
  @Column(name = "body_blocks")
  String bodyBlocks;

  @Column(name = "word_count", nullable = false)
  int wordCount;

  @Column(name = "reading_time_minutes", nullable = false)
  int readingTimeMinutes;

  @Column(name = "image_asset_id")
  UUID imageAssetId;

  @Column(name = "image_url")
  String imageUrl;

  @Column(name = "image_alt")
  String imageAlt;

  @Column(name = "image_caption")
  String imageCaption;

  @Column(name = "seo_title")
  String seoTitle;

  @Column(name = "seo_description")
  String seoDescription;

  @Column(name = "seo_canonical_url")
  String seoCanonicalUrl;

  @Column(name = "external_id")
  String externalId;

  /**
   * The text search configuration of the row's search vector, which the database computes from
   * title, subtitle and body text whenever they or this change (migration V16).
   */
  @Column(name = "search_config", columnDefinition = "regconfig")
  @ColumnTransformer(write = "cast(? as regconfig)")
  String searchConfig;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  State status;

  @Column(name = "published_at")
  Instant publishedAt;

  @Column(name = "first_published_at")
  Instant firstPublishedAt;

  @Column(name = "created_by")
  UUID createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version long version;

  /** The body's lead as rendered by {@link #write}, so the teaser need not parse the HTML again. */
  @Transient String lead;

  protected Article() {}

  Article(UUID createdBy, Instant now, String searchConfig) {
    this.id = UUID.randomUUID();
    this.searchConfig = searchConfig;
    this.status = State.draft;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /** Replaces the editable content; the lifecycle is untouched. */
  void write(
      ArticleInput input,
      String slug,
      Category category,
      RenderedBody body,
      int readingMinutes,
      Instant now) {
    this.slug = slug;
    this.title = input.title().strip();
    this.subtitle = blankToNull(input.subtitle());
    this.category = category;
    this.tags = input.tagsOrEmpty().stream().distinct().toArray(String[]::new);
    this.byline = input.bylineOrEmpty().toArray(String[]::new);
    this.authors = input.authorsOrEmpty().toArray(String[]::new);
    this.bodyFormat = input.formatOrDefault();
    this.bodySource = input.bodyOrEmpty();
    this.bodyHtml = body.html();
    this.bodyText = body.text();
    this.bodyBlocks = body.blocks();
    this.lead = body.lead();
    this.wordCount = body.wordCount();
    this.readingTimeMinutes = readingMinutes;
    ImageInput image = input.image();
    this.imageAssetId = image == null ? null : image.asset();
    this.imageUrl = image == null ? null : image.url();
    this.imageAlt = image == null ? null : image.alt();
    this.imageCaption = image == null ? null : image.caption();
    Seo seo = input.seo();
    this.seoTitle = seo == null ? null : seo.title();
    this.seoDescription = seo == null ? null : seo.description();
    this.seoCanonicalUrl = seo == null ? null : seo.canonicalUrl();
    this.externalId = input.externalId();
    this.updatedAt = now;
  }

  /** Publishes at {@code at}: now, later (scheduled) or earlier (back-dated). */
  void publish(Instant at, Instant now) {
    boolean first = firstPublishedAt == null;
    status = State.published;
    publishedAt = at;
    if (first || at.isBefore(firstPublishedAt)) {
      firstPublishedAt = at;
    }
    // A first publication back-dated (an import, the demo) is the content as it stood then: it was
    // not updated after it, and a frontend must not label every imported story "updated".
    updatedAt = first && at.isBefore(now) ? at : now;
  }

  void unpublish(Instant now) {
    withdraw(State.draft, now);
  }

  void archive(Instant now) {
    withdraw(State.archived, now);
  }

  private void withdraw(State to, Instant now) {
    status = to;
    publishedAt = null;
    if (firstPublishedAt != null && firstPublishedAt.isAfter(now)) {
      firstPublishedAt = null; // it was only ever scheduled
    }
    updatedAt = now;
  }

  Status status(Instant now) {
    return switch (status) {
      case draft -> Status.draft;
      case archived -> Status.archived;
      case published -> publishedAt.isAfter(now) ? Status.scheduled : Status.published;
    };
  }

  boolean isLive(Instant now) {
    return status(now) == Status.published;
  }

  ImageInput image() {
    return ImageInput.of(imageAssetId, imageUrl, imageAlt, imageCaption);
  }

  TeaserSource teaserSource() {
    return new TeaserSource(
        id,
        slug,
        title,
        subtitle,
        lead != null ? lead : BodyRenderer.lead(bodyHtml),
        image(),
        category.id(),
        category.slug(),
        category.name(),
        List.of(tags),
        List.of(authors),
        readingTimeMinutes,
        publication());
  }

  /** The content as an editor would send it to write exactly this article again. */
  ArticleInput toInput() {
    return new ArticleInput(
        title,
        subtitle,
        slug,
        category.slug(),
        List.of(tags),
        List.of(byline),
        List.of(authors),
        bodySource,
        bodyFormat,
        image(),
        Seo.of(seoTitle, seoDescription, seoCanonicalUrl),
        externalId);
  }

  /** When readers see (or will see) it: null unless published or scheduled. */
  Instant publication() {
    return status == State.published ? publishedAt : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
