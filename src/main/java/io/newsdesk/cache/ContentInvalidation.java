package io.newsdesk.cache;

import io.newsdesk.event.ContentEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The caches' side of every {@link ContentEvent}: the surrogate keys it touched (named by {@link
 * SurrogateKeys#touchedBy}, beside the keys responses carry) are dropped here and on every other
 * instance when the write commits; a newly scheduled publication also brings the next expiry
 * forward.
 */
@ApplicationScoped
class ContentInvalidation {

  private final Invalidations invalidations;

  ContentInvalidation(Invalidations invalidations) {
    this.invalidations = invalidations;
  }

  void drop(@Observes @Priority(300) ContentEvent event) {
    invalidations.touch(
        SurrogateKeys.touchedBy(event),
        event instanceof ContentEvent.ArticleWritten w && w.scheduled() ? w.after() : null,
        hidesNothing(event),
        event instanceof ContentEvent.ArticlesReleased); // no writer waits to read it here
  }

  /**
   * Whether every response the change drops showed nothing that it hides: a live article edited in
   * place, one published, scheduled ones coming due. An unpublish, archive or purge, a publication
   * moved to the future, a move to other lists, and every change to categories, authors, tags,
   * pictures and collections are taken as hiding something.
   */
  static boolean hidesNothing(ContentEvent event) {
    if (event instanceof ContentEvent.ArticleWritten w) {
      return w.live() && !w.deleted() && (!w.wasLive() || !w.listingChanged());
    }
    return event instanceof ContentEvent.ArticlesReleased;
  }
}
