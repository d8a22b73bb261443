package io.newsdesk.article;

import io.newsdesk.web.LikePatterns;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Article rows. Every query that maps to a view fetches the category in the same statement. */
@ApplicationScoped
class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

  /** Readers' article: published and due, by slug, in one statement. */
  Optional<ReaderRow> findPublishedBySlug(String slug, Instant now) {
    return readerRow(
        " where a.slug = ?1 and a.status = ?2 and a.publishedAt <= ?3",
        slug,
        Article.State.published,
        now);
  }

  /** Any article in the readers' shape, whatever its status (previews), in one statement. */
  Optional<ReaderRow> findReaderRow(UUID id) {
    return readerRow(" where a.id = ?1", id);
  }

  private Optional<ReaderRow> readerRow(String where, Object... params) {
    TypedQuery<ReaderRow> query =
        getEntityManager().createQuery(ReaderRow.SELECT + where, ReaderRow.class);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    return query.getResultStream().findFirst();
  }

  Optional<Article> findWithCategory(UUID id) {
    return find("from Article a join fetch a.category where a.id = ?1", id).firstResultOptional();
  }

  /**
   * The article row locked until the transaction ends, so concurrent writes to one article run one
   * after the other and each sees the version the previous one saved.
   */
  Optional<Article> findForUpdate(UUID id) {
    return find("from Article a join fetch a.category where a.id = ?1", id)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  /**
   * The live article that once had {@code oldSlug}, as (id, current slug): one hop, however many
   * times it was renamed.
   */
  Optional<ArticleService.Moved> findMoved(String oldSlug, Instant now) {
    return getEntityManager()
        .createQuery(
            "select a.id, a.slug from Article a, OldSlug o where o.articleId = a.id and o.slug = :slug"
                + " and a.status = :published and a.publishedAt <= :now",
            ArticleService.Moved.class)
        .setParameter("slug", oldSlug)
        .setParameter("published", Article.State.published)
        .setParameter("now", now)
        .getResultStream()
        .findFirst();
  }

  /** Whether {@code slug} is, or once was, the slug of an article other than {@code self}. */
  boolean slugTaken(String slug, UUID self) {
    return !slugsTaken(List.of(slug), self).isEmpty();
  }

  /** Which of {@code slugs} are, or once were, slugs of articles other than {@code self}. */
  java.util.Set<String> slugsTaken(List<String> slugs, UUID self) {
    @SuppressWarnings("unchecked")
    List<String> taken =
        getEntityManager()
            .createNativeQuery(
                "select slug from article where slug in (:slugs) and id <> :self"
                    + " union select slug from article_old_slug"
                    + " where slug in (:slugs) and article_id <> :self",
                String.class)
            .setParameter("slugs", slugs)
            .setParameter("self", self)
            .getResultList();
    return new java.util.HashSet<>(taken);
  }

  /**
   * Keeps {@code old} as a slug of the article that gave it up, and frees {@code current} from its
   * list in case it returns to a slug it had before.
   */
  void retireSlug(UUID article, String old, String current, boolean wasPublic, Instant now) {
    getEntityManager()
        .createQuery("delete from OldSlug o where o.slug = :current and o.articleId = :article")
        .setParameter("current", current)
        .setParameter("article", article)
        .executeUpdate();
    if (wasPublic && getEntityManager().find(OldSlug.class, old) == null) {
      getEntityManager().persist(new OldSlug(old, article, now));
    }
  }

  /** Makes other transactions that generate a slug from the same base wait until this one ends. */
  void lockSlug(String base) {
    getEntityManager()
        .createNativeQuery("select 1 from pg_advisory_xact_lock(4, hashtext(:base))")
        .setParameter("base", base)
        .getSingleResult();
  }

  /**
   * Whether readers ever saw the article under {@code slug}: the change feed has every publication
   * and update under the slug it had then, scheduled ones from their time on.
   */
  boolean wasPublishedAs(UUID article, String slug, Instant now) {
    return (Boolean)
        getEntityManager()
            .createNativeQuery(
                "select exists (select 1 from content_change where article_id = :article"
                    + " and slug = :slug and type in ('published', 'updated') and at <= :now)")
            .setParameter("article", article)
            .setParameter("slug", slug)
            .setParameter("now", now)
            .getSingleResult();
  }

  /**
   * Makes other transactions that write the same external id wait until this one ends, so two
   * concurrent upserts of a new id create it once and replace it once, instead of one failing on
   * the unique constraint. (Two-key advisory locks are a space of their own.)
   */
  void lockExternalId(String externalId) {
    getEntityManager()
        .createNativeQuery("select 1 from pg_advisory_xact_lock(2, hashtext(:key))")
        .setParameter("key", externalId)
        .getSingleResult();
  }

  /**
   * The id alone: an import then locks and reads the row once ({@link #findForUpdate}) instead of
   * loading every body twice.
   */
  Optional<UUID> idByExternalId(String externalId) {
    return getEntityManager()
        .createQuery("select a.id from Article a where a.externalId = :id", UUID.class)
        .setParameter("id", externalId)
        .getResultStream()
        .findFirst();
  }

  /**
   * Native SQL, as the other existence checks: Panache's {@code count} made Hibernate translate a
   * new count query on every call (a millisecond of CPU per import line, measured with JFR).
   */
  boolean externalIdTaken(String externalId) {
    return (Boolean)
        getEntityManager()
            .createNativeQuery("select exists (select 1 from article where external_id = :id)")
            .setParameter("id", externalId)
            .getSingleResult();
  }

  /** Editors' list: any status, most recently changed first, with optional filters. */
  List<Article> search(Filter filter, int number, int limit) {
    return find(
            "from Article a join fetch a.category where "
                + filter.where
                + " order by a.updatedAt desc, a.id desc",
            filter.params)
        .page(number - 1, limit)
        .list();
  }

  long countSearch(Filter filter) {
    return count("from Article a where " + filter.where, filter.params);
  }

  /** The conditions of the editors' list, as HQL on {@code Article a}. */
  record Filter(String where, Map<String, Object> params) {}

  static Filter filter(
      Status status, String category, String q, Optional<UUID> owner, Instant now) {
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    owner.ifPresent(
        id -> {
          where.append(" and a.createdBy = :owner");
          params.put("owner", id);
        });
    if (status != null) {
      where.append(
          switch (status) {
            case draft, archived -> " and a.status = :state";
            case published -> " and a.status = :state and a.publishedAt <= :now";
            case scheduled -> " and a.status = :state and a.publishedAt > :now";
          });
      params.put(
          "state",
          switch (status) {
            case draft -> Article.State.draft;
            case archived -> Article.State.archived;
            case published, scheduled -> Article.State.published;
          });
      if (status == Status.published || status == Status.scheduled) {
        params.put("now", now);
      }
    }
    if (category != null) {
      where.append(" and a.category.slug = :category");
      params.put("category", category);
    }
    if (q != null) {
      where.append(" and lower(a.title) like :q");
      params.put("q", LikePatterns.containing(q));
    }
    return new Filter(where.toString(), params);
  }
}
