package io.newsdesk.changes;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.event.ContentEvent.ArticleWritten;
import io.newsdesk.event.ContentEvent.ArticlesReleased;
import io.newsdesk.event.ContentEvent.LiveArticle;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The change feed's side of every {@link ContentEvent}: each change readers notice gets its
 * position, in commit order, inside the write's transaction; a scheduled publication waits,
 * positionless, until its time comes. It observes first (priority), since releasing a due
 * publication announces that release before the write's own change.
 */
@ApplicationScoped
public class ChangeFeed {

  /** Observers of the change feed run before the other consumers of the same event. */
  public static final int FIRST = 100;

  /** Serializes position hand-out (see V2__delivery.sql): positions become visible in order. */
  private static final long POSITION_LOCK = 0x6e657773_6465736bL;

  /** Live articles per insert of 'updated' entries: bind parameters stay far below the limit. */
  private static final int CHUNK = 1000;

  private final EntityManager entityManager;
  private final Event<ContentEvent> events;
  private final NewsdeskConfig.Site site;

  ChangeFeed(EntityManager entityManager, Event<ContentEvent> events, NewsdeskConfig config) {
    this.entityManager = entityManager;
    this.events = events;
    this.site = config.site();
  }

  void record(@Observes @Priority(FIRST) ContentEvent event) {
    if (event instanceof ArticleWritten written) {
      article(written);
    } else if (event instanceof ContentEvent.CategoryChanged changed) {
      updated(changed.live(), changed.at());
    } else if (event instanceof ContentEvent.AuthorChanged changed) {
      updated(changed.live(), changed.at());
    } else if (event instanceof ContentEvent.TagChanged changed) {
      updated(changed.live(), changed.at());
    } else if (event instanceof ContentEvent.AssetChanged changed) {
      updated(changed.live(), changed.at());
    }
  }

  /** The article writes whose entries wait for the end of {@link #deferring}, on this thread. */
  private static final ThreadLocal<List<ArticleWritten>> DEFERRED = new ThreadLocal<>();

  /**
   * Runs {@code work}, inside the caller's transaction, and then gives the articles it wrote their
   * entries, in the order written. The position lock is then held from the end of the work to the
   * commit, not from the first article it wrote: a transaction that writes many articles (an
   * import's batch) no longer makes every other writer wait while it renders the rest. Due
   * publications it releases are announced after its own writes.
   */
  public <T> T deferring(Supplier<T> work) {
    if (DEFERRED.get() != null) {
      return work.get();
    }
    List<ArticleWritten> written = new ArrayList<>();
    DEFERRED.set(written);
    T result;
    try {
      result = work.get();
    } finally {
      DEFERRED.remove();
    }
    written.forEach(this::article);
    return result;
  }

  private void article(ArticleWritten w) {
    if (!w.seen()) {
      return; // a draft stayed a draft: readers saw nothing and will see nothing
    }
    List<ArticleWritten> deferred = DEFERRED.get();
    if (deferred != null) {
      deferred.add(w);
      return;
    }
    lockPositions();
    List<ArticlesReleased.Release> released = release(due(w.id(), w.at()));
    if (!released.isEmpty()) {
      events.fire(new ArticlesReleased(released));
    }
    entityManager
        .createNativeQuery("delete from content_change where article_id = :id and seq is null")
        .setParameter("id", w.id())
        .executeUpdate();
    if (w.type() != null) {
      insert(w.type(), w.id(), w.slug(), w.at(), true);
    }
    if (w.scheduled()) {
      insert("published", w.id(), w.slug(), w.after(), false);
    }
  }

  /** Live articles that read differently now (something they show changed): one entry each. */
  private void updated(List<LiveArticle> live, Instant at) {
    if (live.isEmpty()) {
      return;
    }
    lockPositions();
    for (int from = 0; from < live.size(); from += CHUNK) {
      List<UUID> ids =
          live.subList(from, Math.min(live.size(), from + CHUNK)).stream()
              .map(LiveArticle::id)
              .toList();
      entityManager
          .createNativeQuery(
              "insert into content_change (seq, type, article_id, slug, at)"
                  + " select nextval('content_change_seq'), 'updated', t.article_id, t.slug, :at"
                  + " from teaser t where t.article_id in (:ids) order by t.article_id")
          .setParameter("at", at)
          .setParameter("ids", ids)
          .executeUpdate();
    }
  }

  /**
   * Gives every scheduled publication whose time has come its position, oldest first. Safe with
   * several instances: the lock lets one at a time. The caller announces them.
   */
  List<ArticlesReleased.Release> releaseDue(Instant now) {
    lockPositions();
    return release(due(null, now));
  }

  /** Up to {@code limit} visible changes after position {@code after}, oldest first. */
  List<Change> after(long after, int limit) {
    @SuppressWarnings("unchecked")
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

  /**
   * When readers last saw anything change (a publication, an edit, a removal, a rename that shows
   * in articles), at {@code now}; null before the first change. What feeds send as Last-Modified:
   * unlike the newest article's time, it also moves when an article leaves.
   */
  public Instant lastVisibleChange(Instant now) {
    return (Instant)
        entityManager
            .createNativeQuery("select max(at) from content_change where at <= :now", Instant.class)
            .setParameter("now", now)
            .getSingleResult();
  }

  /** The earliest scheduled publication still to come, or null. */
  Instant nextDue() {
    return (Instant)
        entityManager
            .createNativeQuery(
                "select min(at) from content_change where seq is null", Instant.class)
            .getSingleResult();
  }

  /** Pending publications whose time has come, oldest first; of one article, or of all. */
  private List<Object[]> due(UUID article, Instant now) {
    Query query =
        entityManager
            .createNativeQuery(
                "select c.id, c.article_id, c.slug, c.at, a.title, g.slug from content_change c"
                    + " left join article a on a.id = c.article_id"
                    + " left join category g on g.id = a.category_id"
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
   * Gives scheduled publications their positions, exactly once: the rows are locked by the position
   * lock, and a released row is no longer pending.
   */
  private List<ArticlesReleased.Release> release(List<Object[]> due) {
    List<ArticlesReleased.Release> released = new ArrayList<>();
    for (Object[] row : due) {
      entityManager
          .createNativeQuery(
              "update content_change set seq = nextval('content_change_seq') where id = :id")
          .setParameter("id", row[0])
          .executeUpdate();
      released.add(
          new ArticlesReleased.Release(
              (UUID) row[1],
              (String) row[2],
              row[5] == null ? null : site.articleUrl((String) row[5], (String) row[2]),
              (String) row[4],
              (Instant) row[3]));
    }
    return released;
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
