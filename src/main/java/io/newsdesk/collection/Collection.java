package io.newsdesk.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A curated page: its name, its places, and where the places left over come from. */
@Entity
@Table(name = "collection")
class Collection {

  @Id String slug;

  @Column(nullable = false)
  String name;

  @Column(nullable = false)
  int size;

  @Column(name = "fill_category")
  String fillCategory;

  @Column(name = "fill_tag")
  String fillTag;

  @Version long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected Collection() {}

  Collection(String slug, Instant now) {
    this.slug = slug;
    this.createdAt = now;
  }

  void write(CollectionInput input, Instant now) {
    name = input.name().strip();
    size = input.sizeOrDefault();
    fillCategory = input.fill() == null ? null : input.fill().category();
    fillTag = input.fill() == null ? null : input.fill().tag();
    updatedAt = now;
  }

  CollectionInput.Fill fill() {
    return fillCategory == null && fillTag == null
        ? null
        : new CollectionInput.Fill(fillCategory, fillTag);
  }
}
