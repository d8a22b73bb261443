package io.newsdesk.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The words editors gave a tag. */
@Entity
@Table(name = "tag")
class Tag {

  @Id String slug;

  @Column(nullable = false)
  String name;

  String description;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected Tag() {}

  Tag(String slug) {
    this.slug = slug;
  }
}
