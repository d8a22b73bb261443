package io.newsdesk.changes;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.cache.Invalidations;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.webhook.Events;
import io.newsdesk.webhook.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes report here, inside their transaction, what they did to what readers can see. It records
 * the change for the change feed and names the touched surrogate keys, so caches everywhere drop
 * exactly what changed. Draft-only edits record nothing and invalidate nothing.
 */
@ApplicationScoped
public class ChangeLog {

  /** Serializes position hand-out (see V2__delivery.sql): positions become visible in order. */
  private static final long POSITION_LOCK = 0x6e657773_6465736bL;

  private final EntityManager entityManager;
  private final Invalidations invalidations;
  private final Webhooks webhooks;

  private final MeterRegistry metrics;

  ChangeLog(
      EntityManager entityManager,
      Invalidations invalidations,
      Webhooks webhooks,
      MeterRegistry metrics) {
    this.entityManager = entityManager;
    this.invalidations = invalidations;
    this.webhooks = webhooks;
    this.metrics = metrics;
  }

  /** Counts what happens to published content (publishes, edits, withdrawals) for /q/metrics. */
  private void count(String type) {
    metrics.counter("newsdesk.content.changes", "type", type).increment();
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
      UUID id, String slug, String title, String visibility, Instant publishedAt) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("id", id);
    state.put("slug", slug);
    if (title != null) {
      state.put("title", title);
    }
    state.putAll(state(visibility, publishedAt));
    return state;
  }

  /**
   * An article was written. {@code before} and {@code after}: its publication time before and after
   * the write (null unless published or scheduled); {@code deleted}: archived or purged rather than
   * unpublished.
   */
  @Transactional(TxType.MANDATORY)
  public void article(
      UUID id,
      String slug,
      String title,
      Instant before,
      Instant after,
      boolean deleted,
      Instant now) {
    if (before == null && after == null) {
      return; // a draft stayed a draft: readers saw nothing and will see nothing
    }
    boolean wasLive = before != null && !before.isAfter(now);
    boolean live = after != null && !after.isAfter(now);
    boolean scheduled = after != null && after.isAfter(now);
    lockPositions();
    releaseDue(id, now);
    entityManager
        .createNativeQuery("delete from content_change where article_id = :id and seq is null")
        .setParameter("id", id)
        .executeUpdate();
    if (wasLive || live) {
      String type = !wasLive ? "published" : live ? "updated" : deleted ? "deleted" : "unpublished";
      insert(type, id, slug, now, true);
      count(type);
      Map<String, Object> current =
          state(id, slug, title, deleted ? "deleted" : visibility(after, now), after);
      webhooks.enqueue(
          Events.ofChange(type),
          Map.of("article", current, "previous", state(visibility(before, now), before)));
    }
    if (scheduled) {
      insert("published", id, slug, after, false);
    }
    invalidations.touch(
        Set.of(SurrogateKeys.article(id), SurrogateKeys.FEED), scheduled ? after : null);
  }

  /**
   * A category was renamed or moved to another slug: every live article in it reads differently
   * now.
   */
  @Transactional(TxType.MANDATORY)
  public void categoryChanged(long categoryId, String oldSlug, String newSlug, Instant now) {
    lockPositions();
    entityManager
        .createNativeQuery(
            "insert into content_change (seq, type, article_id, slug, at)"
                + " select nextval('content_change_seq'), 'updated', t.article_id, t.slug, :now"
                + " from teaser t where t.category_id = :category and t.published_at <= :now")
        .setParameter("category", categoryId)
        .setParameter("now", now)
        .executeUpdate();
    webhooks.enqueue(
        Events.CATEGORY_CHANGED,
        Map.of("category", Map.of("slug", newSlug), "previous", Map.of("slug", oldSlug)));
    invalidations.touch(
        List.of(
            SurrogateKeys.CATEGORIES,
            SurrogateKeys.category(oldSlug),
            SurrogateKeys.category(newSlug),
            SurrogateKeys.FEED));
  }

  /**
   * A photo of the library was described again (alt text, caption, credit, focal point): every live
   * article that shows it as its picture, or on its teaser, reads differently now. Bodies keep the
   * words they were written with.
   */
  @Transactional(TxType.MANDATORY)
  public void assetChanged(UUID asset, Instant now) {
    lockPositions();
    @SuppressWarnings("unchecked")
    List<UUID> live =
        entityManager
            .createNativeQuery(
                "insert into content_change (seq, type, article_id, slug, at)"
                    + " select nextval('content_change_seq'), 'updated', t.article_id, t.slug, :now"
                    + " from teaser t join article a on a.id = t.article_id"
                    + " where t.published_at <= :now"
                    + " and (t.image_asset_id = :asset or a.image_asset_id = :asset)"
                    + " returning article_id",
                UUID.class)
            .setParameter("asset", asset)
            .setParameter("now", now)
            .getResultList();
    live.forEach(id -> count("updated"));
    webhooks.enqueue(Events.ASSET_UPDATED, Map.of("asset", Map.of("id", asset)));
    touchArticles(live);
  }

  /**
   * An asset was uploaded or deleted: no reader sees it (a used one cannot be deleted), but every
   * instance forgets the renditions of a deleted one that it keeps in memory.
   */
  @Transactional(TxType.MANDATORY)
  public void assetTouched(String event, UUID asset) {
    webhooks.enqueue(event, Map.of("asset", Map.of("id", asset)));
    if (event.equals(Events.ASSET_DELETED)) {
      invalidations.touch(Set.of(SurrogateKeys.asset(asset)));
    }
  }

  private void touchArticles(List<UUID> live) {
    if (live.isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>();
    keys.add(SurrogateKeys.FEED);
    live.forEach(id -> keys.add(SurrogateKeys.article(id)));
    invalidations.touch(keys);
  }

  /**
   * An author was created, replaced or deleted. When the cards crediting them were rewritten
   * ({@code cards}: their name or avatar may read differently), every live article crediting them
   * is updated in the change feed and every list drops; otherwise only the author's pages do.
   */
  @Transactional(TxType.MANDATORY)
  public void authorChanged(String slug, boolean cards, Instant now) {
    webhooks.enqueue(Events.AUTHOR_CHANGED, Map.of("author", Map.of("slug", slug)));
    List<String> keys = new ArrayList<>(List.of(SurrogateKeys.AUTHORS, SurrogateKeys.author(slug)));
    if (cards) {
      lockPositions();
      @SuppressWarnings("unchecked")
      List<UUID> live =
          entityManager
              .createNativeQuery(
                  "insert into content_change (seq, type, article_id, slug, at)"
                      + " select nextval('content_change_seq'), 'updated', t.article_id, t.slug,"
                      + " :now from teaser t"
                      + " where t.authors @> array[cast(:slug as text)] and t.published_at <= :now"
                      + " returning article_id",
                  UUID.class)
              .setParameter("slug", slug)
              .setParameter("now", now)
              .getResultList();
      live.forEach(id -> count("updated"));
      keys.add(SurrogateKeys.FEED);
    }
    invalidations.touch(keys);
  }

  /**
   * A collection was created, replaced or deleted: only the collection itself reads differently.
   */
  @Transactional(TxType.MANDATORY)
  public void collectionChanged(String slug) {
    webhooks.enqueue(Events.COLLECTION_CHANGED, Map.of("collection", Map.of("slug", slug)));
    invalidations.touch(Set.of(SurrogateKeys.collection(slug)));
  }

  /**
   * A category was created, deleted, or changed in a way articles do not show (description,
   * position, parent): only category lists and the category itself change.
   */
  @Transactional(TxType.MANDATORY)
  public void categoryTouched(String slug) {
    webhooks.enqueue(Events.CATEGORY_CHANGED, Map.of("category", Map.of("slug", slug)));
    invalidations.touch(Set.of(SurrogateKeys.CATEGORIES, SurrogateKeys.category(slug)));
  }

  /**
   * Gives every scheduled publication whose time has come its position, oldest first, and returns
   * the ids of the articles concerned. Safe with several instances: the lock lets one at a time.
   */
  @Transactional(TxType.MANDATORY)
  List<UUID> releaseDue(Instant now) {
    lockPositions();
    return release(due(null, now));
  }

  /** Up to {@code limit} visible changes after position {@code after}, oldest first. */
  List<Change> after(long after, int limit) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select seq, type, article_id, slug, at from content_change"
                    + " where seq > :after order by seq limit :limit",
                Object[].class)
            .setParameter("after", after)
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Change(
                    ((Number) r[0]).longValue(),
                    new ChangeView((String) r[1], (UUID) r[2], (String) r[3], (Instant) r[4])))
        .toList();
  }

  /** A visible change and its position. */
  record Change(long seq, ChangeView view) {}

  /** The earliest scheduled publication still to come, or null. */
  Instant nextDue() {
    return (Instant)
        entityManager
            .createNativeQuery(
                "select min(at) from content_change where seq is null", Instant.class)
            .getSingleResult();
  }

  private void releaseDue(UUID article, Instant now) {
    release(due(article, now));
  }

  /** Pending publications whose time has come, oldest first; of one article, or of all. */
  private List<Object[]> due(UUID article, Instant now) {
    Query query =
        entityManager
            .createNativeQuery(
                "select c.id, c.article_id, c.slug, c.at, a.title from content_change c"
                    + " left join article a on a.id = c.article_id"
                    + " where c.seq is null and c.at <= :now"
                    + (article == null ? "" : " and c.article_id = :article")
                    + " order by c.at, c.id",
                Object[].class)
            .setParameter("now", now);
    if (article != null) {
      query.setParameter("article", article);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows;
  }

  /**
   * Gives scheduled publications their positions and announces them, exactly once: the rows are
   * locked by the position lock, and a released row is no longer pending.
   */
  private List<UUID> release(List<Object[]> due) {
    List<UUID> articles = new ArrayList<>();
    for (Object[] row : due) {
      entityManager
          .createNativeQuery(
              "update content_change set seq = nextval('content_change_seq') where id = :id")
          .setParameter("id", row[0])
          .executeUpdate();
      UUID article = (UUID) row[1];
      Instant at = (Instant) row[3];
      count("published");
      webhooks.enqueue(
          Events.PUBLISHED,
          Map.of(
              "article",
              state(article, (String) row[2], (String) row[4], "published", at),
              "previous",
              state("scheduled", at)));
      articles.add(article);
    }
    return articles;
  }

  private void insert(String type, UUID id, String slug, Instant at, boolean visible) {
    entityManager
        .createNativeQuery(
            "insert into content_change (seq, type, article_id, slug, at) values ("
                + (visible ? "nextval('content_change_seq')" : "null")
                + ", :type, :id, :slug, :at)")
        .setParameter("type", type)
        .setParameter("id", id)
        .setParameter("slug", slug)
        .setParameter("at", at)
        .executeUpdate();
  }

  private void lockPositions() {
    entityManager
        .createNativeQuery("select 1 from pg_advisory_xact_lock(:key)")
        .setParameter("key", POSITION_LOCK)
        .getSingleResult();
  }
}
