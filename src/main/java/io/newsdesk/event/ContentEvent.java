package io.newsdesk.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a write did to what readers can see, published once by the write, inside its transaction
 * (CDI {@code Event<ContentEvent>}, observed synchronously). The change feed, the webhook outbox,
 * the caches (through the surrogate keys {@code SurrogateKeys.touchedBy} names) and the metrics
 * each consume it; none of them decides for another. The articles an event names as {@code live}
 * are the published ones that read differently now, found by the write that knows what shows what.
 */
public sealed interface ContentEvent {

  /** A published article, by id and current slug. */
  record LiveArticle(UUID id, String slug) {

    /** Rows of a native query that selects an article's id and slug, in that order. */
    public static List<LiveArticle> of(List<Object[]> rows) {
      return rows.stream().map(r -> new LiveArticle((UUID) r[0], (String) r[1])).toList();
    }
  }

  /**
   * An article was written; {@code url} is its public page. {@code before} and {@code after}: its
   * publication time before and after the write (null unless published or scheduled); {@code
   * deleted}: archived or purged rather than unpublished; {@code listingChanged}: what decides
   * which lists show it and where (category, tags, authors, publication time) changed, so lists
   * that did not show it may now, and the other way round.
   */
  record ArticleWritten(
      UUID id,
      String slug,
      String url,
      String title,
      Instant before,
      Instant after,
      boolean deleted,
      boolean listingChanged,
      Instant at)
      implements ContentEvent {

    /** Whether readers saw it, see it or will see it; a draft that stayed a draft is unseen. */
    public boolean seen() {
      return before != null || after != null;
    }

    public boolean wasLive() {
      return before != null && !before.isAfter(at);
    }

    public boolean live() {
      return after != null && !after.isAfter(at);
    }

    public boolean scheduled() {
      return after != null && after.isAfter(at);
    }

    /** The change-feed type of a write readers notice, or null for one they do not. */
    public String type() {
      if (!wasLive() && !live()) {
        return null;
      }
      return !wasLive() ? "published" : live() ? "updated" : deleted ? "deleted" : "unpublished";
    }
  }

  /** Scheduled articles came due: each is published now, at its time. */
  record ArticlesReleased(List<Release> releases) implements ContentEvent {

    /** One article that came due. */
    public record Release(UUID id, String slug, String url, String title, Instant at) {}
  }

  /**
   * A category was created, changed or deleted; {@code previousSlug} differs from {@code slug} when
   * it moved. {@code live}: its published articles, when its name or slug (which they show)
   * changed.
   */
  record CategoryChanged(String slug, String previousSlug, List<LiveArticle> live, Instant at)
      implements ContentEvent {}

  /** An author was created, replaced or deleted; {@code live} credit them and show their card. */
  record AuthorChanged(String slug, List<LiveArticle> live, Instant at) implements ContentEvent {}

  /** Editors named or described a tag; {@code live} have it and show its name. */
  record TagChanged(String slug, List<LiveArticle> live, Instant at) implements ContentEvent {}

  /** What happened to an asset of the media library. */
  enum AssetAction {
    created,
    updated,
    deleted
  }

  /** An asset was uploaded, described again or deleted; {@code live} show it. */
  record AssetChanged(UUID id, AssetAction action, List<LiveArticle> live, Instant at)
      implements ContentEvent {}

  /** A curated collection was created, replaced or deleted. */
  record CollectionChanged(String slug, Instant at) implements ContentEvent {}
}
