package io.newsdesk.author;

import io.newsdesk.media.ImageInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A person the newsroom credits: a profile readers see, and an email they never do. */
@Entity
@Table(name = "author")
class Author {

  @Id String slug;

  @Column(nullable = false)
  String name;

  @Column(name = "job_title")
  String jobTitle;

  @Column(name = "bio_markdown")
  String bioMarkdown;

  @Column(name = "bio_html")
  String bioHtml;

  @Column(name = "avatar_asset_id")
  UUID avatarAssetId;

  @Column(name = "avatar_url")
  String avatarUrl;

  @Column(name = "avatar_alt")
  String avatarAlt;

  /** The links as JSON ({@link AuthorLink} objects), read and written whole. */
  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "cast(? as jsonb)")
  String links;

  String email;

  @Version long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected Author() {}

  Author(String slug, Instant now) {
    this.slug = slug;
    this.createdAt = now;
  }

  /** Replaces the profile; {@code bioHtml} is the sanitized rendering of the input's bio. */
  void write(AuthorInput input, String bioHtml, String linksJson, Instant now) {
    this.name = input.name().strip();
    this.jobTitle = blankToNull(input.jobTitle());
    this.bioMarkdown = blankToNull(input.bio());
    this.bioHtml = this.bioMarkdown == null ? null : bioHtml;
    ImageInput avatar = input.avatar();
    this.avatarAssetId = avatar == null ? null : avatar.asset();
    this.avatarUrl = avatar == null ? null : avatar.url();
    this.avatarAlt = avatar == null ? null : avatar.alt();
    this.links = linksJson;
    this.email = blankToNull(input.email());
    this.updatedAt = now;
  }

  ImageInput avatar() {
    return ImageInput.of(avatarAssetId, avatarUrl, avatarAlt, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
