package io.newsdesk.teaser;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Teaser rows and the feed queries. Every feed query reads this table only, on the partial indexes
 * over published teasers, in keyset order {@code (published_at desc, article_id desc)}.
 */
@ApplicationScoped
public class TeaserRepository implements PanacheRepositoryBase<Teaser, UUID> {

  private static final String SELECT_ROW =
      "select new io.newsdesk.teaser.TeaserRow(t.articleId, t.slug, t.title,"
          + " t.excerpt, t.imageUrl, t.imageAlt, t.imageCaption, t.categorySlug, t.categoryName, t.publishedAt)"
          + " from Teaser t";
  private static final String NEWEST_FIRST = " order by t.publishedAt desc, t.articleId desc";

  /**
   * The {@code limit} newest teasers strictly older than {@code (before, beforeId)}, or the newest
   * if null.
   */
  public List<TeaserRow> olderThan(
      Instant now, String category, Instant before, UUID beforeId, int limit) {
    String keyset = before == null ? "" : " and (t.publishedAt, t.articleId) < (:ts, :id)";
    TypedQuery<TeaserRow> query = rows(now, category, keyset + NEWEST_FIRST).setMaxResults(limit);
    if (before != null) {
      query.setParameter("ts", before).setParameter("id", beforeId);
    }
    return query.getResultList();
  }

  /**
   * The {@code limit} oldest teasers strictly newer than {@code (after, afterId)}, oldest first.
   */
  public List<TeaserRow> newerThan(
      Instant now, String category, Instant after, UUID afterId, int limit) {
    String keyset =
        " and (t.publishedAt, t.articleId) > (:ts, :id) order by t.publishedAt, t.articleId";
    return rows(now, category, keyset)
        .setParameter("ts", after)
        .setParameter("id", afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Page {@code number} (1-based) of {@code limit} teasers, for page-number mode. */
  public List<TeaserRow> pageOf(Instant now, String category, int number, int limit) {
    return rows(now, category, NEWEST_FIRST)
        .setFirstResult((number - 1) * limit)
        .setMaxResults(limit)
        .getResultList();
  }

  public long countPublished(Instant now, String category) {
    return filtered("select count(t) from Teaser t", now, category, "", Long.class)
        .getSingleResult();
  }

  private TypedQuery<TeaserRow> rows(Instant now, String category, String rest) {
    return filtered(SELECT_ROW, now, category, rest, TeaserRow.class);
  }

  /**
   * Published teasers, optionally of one category; the category test is left out, not made
   * optional, so each shape gets its own plan.
   */
  private <T> TypedQuery<T> filtered(
      String select, Instant now, String category, String rest, Class<T> type) {
    String where =
        " where t.publishedAt <= :now"
            + (category == null ? "" : " and t.categorySlug = :category");
    TypedQuery<T> query =
        getEntityManager().createQuery(select + where + rest, type).setParameter("now", now);
    return category == null ? query : query.setParameter("category", category);
  }

  long countInCategory(long categoryId) {
    return count("categoryId", categoryId);
  }

  void renameCategory(long categoryId, String slug, String name) {
    update("categorySlug = ?1, categoryName = ?2 where categoryId = ?3", slug, name, categoryId);
  }
}
