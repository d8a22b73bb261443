package io.newsdesk.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A section of the site ("World"), ordered by position, optionally under a parent. */
@Entity
@Table(name = "category")
public class Category {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false)
  String slug;

  @Column(nullable = false)
  String name;

  String description;

  @Column(nullable = false)
  int position;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  Category parent;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version long version;

  protected Category() {}

  Category(Instant now) {
    this.createdAt = now;
  }

  void apply(String slug, CategoryInput input, Category parent, Instant now) {
    this.slug = slug;
    this.name = input.name().strip();
    this.description = input.description();
    this.position = input.position() == null ? 0 : input.position();
    this.parent = parent;
    this.updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }
}
