package io.newsdesk.collection;

import io.newsdesk.web.Versions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A curated page as editors see it: every item, shown or not, and the version for If-Match. */
@Schema(name = "ManagedCollection")
public record ManagedCollectionView(
    @Schema(example = "front-page") String slug,
    @Schema(example = "Front page") String name,
    List<Item> items,
    @Schema(example = "12") int size,
    CollectionInput.Fill fill,
    @Schema(description = "The ETag is this number in quotes", example = "3") long version,
    Instant createdAt,
    Instant updatedAt) {

  /** A curated place, with what readers see of it now. */
  @Schema(name = "ManagedCollectionItem")
  public record Item(
      UUID article,
      Instant until,
      @Schema(example = "storm-closes-harbour") String slug,
      @Schema(example = "Storm closes the harbour for a second day") String title,
      @Schema(
              description =
                  "Whether readers see it now: published, and its until (if any) still ahead")
          boolean visible) {}

  public String etag() {
    return Versions.etag(version);
  }
}
