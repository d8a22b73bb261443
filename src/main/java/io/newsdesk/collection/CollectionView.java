package io.newsdesk.collection;

import io.newsdesk.teaser.TeaserView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A curated page as readers get it: at most {@code size} teasers, curated first, then filled. */
@Schema(name = "Collection")
public record CollectionView(
    @Schema(example = "front-page") String slug,
    @Schema(example = "Front page") String name,
    @Schema(description = "The visible curated articles in order, then the newest of the fill")
        List<TeaserView> items) {}
