package io.newsdesk.webhook;

import io.newsdesk.event.ContentEvent;
import io.newsdesk.event.ContentEvent.ArticleWritten;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook outbox's side of every {@link ContentEvent}: the deliveries it makes, written in the
 * write's transaction. It observes after the change feed, so a due publication that a write
 * released is announced before the write itself.
 */
@ApplicationScoped
class ContentWebhooks {

  private final Webhooks webhooks;

  ContentWebhooks(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  void enqueue(@Observes @Priority(200) ContentEvent event) {
    if (event instanceof ArticleWritten w) {
      if (w.type() != null) {
        Map<String, Object> current =
            state(
                w.id(),
                w.slug(),
                w.url(),
                w.title(),
                w.deleted() ? "deleted" : visibility(w.after(), w.at()),
                w.after());
        webhooks.enqueue(
            Events.ofChange(w.type()),
            Map.of(
                "article", current, "previous", state(visibility(w.before(), w.at()), w.before())));
      }
    } else if (event instanceof ContentEvent.ArticlesReleased released) {
      for (var release : released.releases()) {
        webhooks.enqueue(
            Events.PUBLISHED,
            Map.of(
                "article",
                state(
                    release.id(),
                    release.slug(),
                    release.url(),
                    release.title(),
                    "published",
                    release.at()),
                "previous",
                state("scheduled", release.at())));
      }
    } else if (event instanceof ContentEvent.CategoryChanged changed) {
      webhooks.enqueue(
          Events.CATEGORY_CHANGED,
          changed.previousSlug() == null
              ? Map.of("category", Map.of("slug", changed.slug()))
              : Map.of(
                  "category",
                  Map.of("slug", changed.slug()),
                  "previous",
                  Map.of("slug", changed.previousSlug())));
    } else if (event instanceof ContentEvent.AuthorChanged changed) {
      webhooks.enqueue(Events.AUTHOR_CHANGED, Map.of("author", Map.of("slug", changed.slug())));
    } else if (event instanceof ContentEvent.AssetChanged changed) {
      String type =
          switch (changed.action()) {
            case created -> Events.ASSET_CREATED;
            case updated -> Events.ASSET_UPDATED;
            case deleted -> Events.ASSET_DELETED;
          };
      webhooks.enqueue(type, Map.of("asset", Map.of("id", changed.id())));
    } else if (event instanceof ContentEvent.CollectionChanged changed) {
      webhooks.enqueue(
          Events.COLLECTION_CHANGED, Map.of("collection", Map.of("slug", changed.slug())));
    }
  }

  /** What readers could see of an article: published, scheduled or hidden (draft, archived). */
  private static String visibility(Instant publication, Instant now) {
    return publication == null ? "hidden" : publication.isAfter(now) ? "scheduled" : "published";
  }

  private static Map<String, Object> state(String visibility, Instant publishedAt) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("visibility", visibility);
    if (publishedAt != null) {
      state.put("publishedAt", publishedAt);
    }
    return state;
  }

  private static Map<String, Object> state(
      UUID id, String slug, String url, String title, String visibility, Instant publishedAt) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("id", id);
    state.put("slug", slug);
    state.put("url", url);
    if (title != null) {
      state.put("title", title);
    }
    state.putAll(state(visibility, publishedAt));
    return state;
  }
}
