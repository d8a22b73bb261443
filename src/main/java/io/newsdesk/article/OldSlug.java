package io.newsdesk.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A slug an article gave up: reserved for it, and redirected to its current slug. */
@Entity
@Table(name = "article_old_slug")
class OldSlug {

  @Id String slug;

  @Column(name = "article_id", nullable = false)
  UUID articleId;

  @Column(name = "retired_at", nullable = false)
  Instant retiredAt;

  protected OldSlug() {}

  OldSlug(String slug, UUID articleId, Instant retiredAt) {
    this.slug = slug;
    this.articleId = articleId;
    this.retiredAt = retiredAt;
  }
}
