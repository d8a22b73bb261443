package io.newsdesk.category;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as everyone sees it. */
@Schema(name = "Category")
public record CategoryView(
    @Schema(example = "world") String slug,
    @Schema(example = "World") String name,
    @Schema(example = "News from every continent") String description,
    @Schema(example = "1") int position,
    @Schema(description = "Slug of the parent category, if any", example = "news") String parent) {

  static CategoryView from(Category category) {
    return new CategoryView(
        category.slug,
        category.name,
        category.description,
        category.position,
        category.parent == null ? null : category.parent.slug);
  }
}
