package io.newsdesk.collection;

import io.newsdesk.text.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A curated page as editors write it: articles in their order, and what fills the rest. */
@Schema(name = "CollectionInput")
public record CollectionInput(
    @NotBlank @Size(max = 200) @Schema(example = "Front page", maxLength = 200) String name,
    @Size(max = 100) @Schema(description = "Articles in the editors' order, at most 100")
        List<@NotNull @Valid Item> items,
    @Min(value = 1, message = "must be between 1 and 100")
        @Max(value = 100, message = "must be between 1 and 100")
        @Schema(
            description = "Places readers get, 1..100; default 20",
            minimum = "1",
            maximum = "100",
            example = "12")
        Integer size,
    @Valid
        @Schema(
            description =
                "Fills the places the visible items leave, with the newest published articles of a"
                    + " category or a tag; absent: no filling")
        Fill fill) {

  static final int DEFAULT_SIZE = 20;

  /** {@code size} places: these articles in order, then the newest of {@code category}. */
  public static CollectionInput curated(
      String name, int size, String category, List<UUID> articles, Instant until) {
    return new CollectionInput(
        name,
        articles.stream().map(id -> new Item(id, until)).toList(),
        size,
        category == null ? null : new Fill(category, null));
  }

  /** One curated place. */
  @Schema(name = "CollectionItemInput")
  public record Item(
      @NotNull @Schema(description = "The article's id (any status)") UUID article,
      @Schema(
              description =
                  "Shown until then, and skipped from then on without editing the collection",
              example = "2026-11-30T18:00:00Z")
          Instant until) {}

  /** Where the rest of the places come from: one category or one tag. */
  @Schema(name = "CollectionFill", description = "Exactly one of category and tag")
  public record Fill(
      @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Schema(example = "world")
          String category,
      @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Schema(example = "harbour")
          String tag) {}

  List<Item> itemsOrEmpty() {
    return items == null ? List.of() : items;
  }

  int sizeOrDefault() {
    return size == null ? DEFAULT_SIZE : size;
  }
}
