package io.newsdesk.collection;

import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.media.Pictures;
import io.newsdesk.teaser.TeaserRow;
import io.newsdesk.teaser.TeaserView;
import io.newsdesk.web.FieldError;
import io.newsdesk.web.ProblemException;
import io.newsdesk.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Curated pages. Editors replace a collection whole, versioned like articles; readers get what is
 * visible at read time, so an item that is unpublished, archived, scheduled for later or past its
 * {@code until} is skipped without editing the collection, and comes back when it is visible again.
 */
@ApplicationScoped
public class CollectionService {

  /** What a reader gets, what it was built from, and when it goes stale by time alone. */
  record Read(CollectionView view, Set<String> keys, Instant validUntil) {}

  /** A write's result, and whether it created the collection. */
  public record Saved(ManagedCollectionView view, boolean created) {}

  private final CollectionRepository collections;
  private final Pictures pictures;
  private final Event<ContentEvent> events;
  private final Clock clock;

  CollectionService(
      CollectionRepository collections,
      Pictures pictures,
      Event<ContentEvent> events,
      Clock clock) {
    this.collections = collections;
    this.pictures = pictures;
    this.events = events;
    this.clock = clock;
  }

  Read read(String slug) {
    Collection collection = collections.findByIdOptional(slug).orElseThrow(() -> notFound(slug));
    Instant now = clock.instant();
    CollectionRepository.Shown shown = collections.shown(collection, now);
    List<TeaserView> teasers = TeaserRow.views(shown.rows(), pictures);
    Set<String> keys = new LinkedHashSet<>();
    keys.add(SurrogateKeys.collection(slug));
    keys.add(SurrogateKeys.FEED); // a publish, unpublish or schedule coming due may change it
    teasers.forEach(teaser -> keys.add(SurrogateKeys.article(teaser.id())));
    return new Read(new CollectionView(slug, collection.name, teasers), keys, shown.nextEnd());
  }

  ManagedCollectionView get(String slug) {
    return managed(collections.findByIdOptional(slug).orElseThrow(() -> notFound(slug)));
  }

  /**
   * Creates the collection (no If-Match needed) or replaces it (If-Match needed, 412 when stale).
   * Creates of one slug wait for each other, so the second one is a replace.
   */
  @Transactional
  public Saved put(String slug, String ifMatch, CollectionInput input) {
    check(input);
    collections.lockSlug(slug);
    Collection found = collections.findByIdOptional(slug).orElse(null);
    if (found != null) {
      Versions.check(ifMatch, found.version);
    } else if (ifMatch != null && !ifMatch.isBlank()) {
      throw ProblemException.preconditionFailed(null);
    }
    Instant now = clock.instant();
    Collection collection = found != null ? found : new Collection(slug, now);
    collection.write(input, now);
    if (found == null) {
      collections.persist(collection);
    }
    collections.flush();
    collections.replaceItems(slug, input.itemsOrEmpty());
    events.fire(new ContentEvent.CollectionChanged(slug, clock.instant()));
    return new Saved(managed(collection), found == null);
  }

  @Transactional
  void delete(String slug) {
    collections.lockSlug(slug);
    Collection collection = collections.findByIdOptional(slug).orElseThrow(() -> notFound(slug));
    collections.delete(collection);
    collections.flush();
    events.fire(new ContentEvent.CollectionChanged(slug, clock.instant()));
  }

  /** Items name existing articles, each once; a fill names one source. */
  private void check(CollectionInput input) {
    List<FieldError> errors = new ArrayList<>();
    if (input.fill() != null && (input.fill().category() == null) == (input.fill().tag() == null)) {
      errors.add(new FieldError("fill", "needs exactly one of category and tag"));
    }
    List<CollectionInput.Item> items = input.itemsOrEmpty();
    List<UUID> ids = items.stream().map(CollectionInput.Item::article).toList();
    Set<UUID> existing = new HashSet<>(collections.existing(ids.stream().distinct().toList()));
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!existing.contains(ids.get(i))) {
        errors.add(new FieldError("items[" + i + "].article", "there is no article " + ids.get(i)));
      } else if (!seen.add(ids.get(i))) {
        errors.add(new FieldError("items[" + i + "].article", "is already in the collection"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private ManagedCollectionView managed(Collection collection) {
    return new ManagedCollectionView(
        collection.slug,
        collection.name,
        collections.items(collection.slug, clock.instant()),
        collection.size,
        collection.fill(),
        collection.version,
        collection.createdAt,
        collection.updatedAt);
  }

  private static ProblemException notFound(String slug) {
    return ProblemException.notFound("There is no collection '" + slug + "'");
  }
}
