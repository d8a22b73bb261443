package io.newsdesk.teaser;

import io.newsdesk.author.AuthorCard;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.tag.TagRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Teaser rows and the feed queries. Every feed query reads this table only, on the partial indexes
 * over published teasers, in keyset order {@code (published_at desc, article_id desc)}.
 */
@ApplicationScoped
public class TeaserRepository implements PanacheRepositoryBase<Teaser, UUID> {

  private static final String SELECT_ROW =
      "select new io.newsdesk.teaser.TeaserRow(t.articleId, t.slug, t.title, t.excerpt,"
          + " t.imageAssetId, t.imageUrl, t.imageAlt, t.imageCaption, t.categorySlug,"
          + " t.categoryName, t.authorCards, t.tagCards, t.readingTimeMinutes, t.publishedAt)"
          + " from Teaser t";
  private static final String NEWEST_FIRST = " order by t.publishedAt desc, t.articleId desc";

  /**
   * The {@code limit} newest teasers strictly older than {@code (before, beforeId)}, or the newest
   * if null.
   */
  public List<TeaserRow> olderThan(
      Instant now, FeedFilter filter, Instant before, UUID beforeId, int limit) {
    String keyset = before == null ? "" : " and (t.publishedAt, t.articleId) < (:ts, :id)";
    TypedQuery<TeaserRow> query = rows(now, filter, keyset + NEWEST_FIRST).setMaxResults(limit);
    if (before != null) {
      query.setParameter("ts", before).setParameter("id", beforeId);
    }
    return query.getResultList();
  }

  /**
   * The {@code limit} oldest teasers strictly newer than {@code (after, afterId)}, oldest first.
   */
  public List<TeaserRow> newerThan(
      Instant now, FeedFilter filter, Instant after, UUID afterId, int limit) {
    String keyset =
        " and (t.publishedAt, t.articleId) > (:ts, :id) order by t.publishedAt, t.articleId";
    return rows(now, filter, keyset)
        .setParameter("ts", after)
        .setParameter("id", afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Page {@code number} (1-based) of {@code limit} teasers, for page-number mode. */
  public List<TeaserRow> pageOf(Instant now, FeedFilter filter, int number, int limit) {
    return rows(now, filter, NEWEST_FIRST)
        .setFirstResult((number - 1) * limit)
        .setMaxResults(limit)
        .getResultList();
  }

  /** When the next scheduled article comes due (far in the future when none is scheduled). */
  public Instant nextPublication(Instant now) {
    Instant next =
        getEntityManager()
            .createQuery(
                "select min(t.publishedAt) from Teaser t where t.publishedAt > :now", Instant.class)
            .setParameter("now", now)
            .getSingleResult();
    return next == null ? Instant.MAX : next;
  }

  public long countPublished(Instant now, FeedFilter filter) {
    return filtered("select count(t) from Teaser t", now, filter, "", Long.class).getSingleResult();
  }

  private TypedQuery<TeaserRow> rows(Instant now, FeedFilter filter, String rest) {
    return filtered(SELECT_ROW, now, filter, rest, TeaserRow.class);
  }

  /**
   * Published teasers that pass the filter. Absent filters are left out of the query, not made
   * optional, so each shape gets its own plan on the index that serves it.
   */
  private <T> TypedQuery<T> filtered(
      String select, Instant now, FeedFilter filter, String rest, Class<T> type) {
    StringBuilder where = new StringBuilder(" where t.publishedAt <= :now");
    Map<String, Object> params = new HashMap<>();
    params.put("now", now);
    if (filter.category() != null) {
      where.append(" and t.categorySlug = :category");
      params.put("category", filter.category());
    }
    if (filter.tag() != null) {
      where.append(" and array_contains(t.tags, :tag)");
      params.put("tag", filter.tag());
    }
    if (filter.author() != null) {
      where.append(" and array_contains(t.authors, :author)");
      params.put("author", filter.author());
    }
    if (filter.before() != null) {
      where.append(" and t.publishedAt < :before");
      params.put("before", filter.before());
    }
    if (filter.after() != null) {
      where.append(" and t.publishedAt > :after");
      params.put("after", filter.after());
    }
    TypedQuery<T> query = getEntityManager().createQuery(select + where + rest, type);
    params.forEach(query::setParameter);
    return query;
  }

  /**
   * Rewrites the author and tag cards of one article's teaser from the author and tag tables, in
   * the caller's transaction (after the teaser row itself is flushed).
   */
  void cards(UUID articleId) {
    getEntityManager()
        .createNativeQuery(
            "update teaser t set author_cards = "
                + AuthorCard.cardsOf("t")
                + ", tag_cards = "
                + TagRef.refsOf("t")
                + " where t.article_id = :id")
        .setParameter("id", articleId)
        .executeUpdate();
  }

  long countInCategory(long categoryId) {
    return count("categoryId", categoryId);
  }

  /** Renames the category on its cards; the published articles among them, which now read so. */
  @SuppressWarnings("unchecked")
  List<ContentEvent.LiveArticle> renameCategory(
      long categoryId, String slug, String name, Instant now) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "with renamed as (update teaser set category_slug = :slug, category_name = :name"
                    + " where category_id = :category returning article_id, slug, published_at)"
                    + " select article_id, slug from renamed where published_at <= :now",
                Object[].class)
            .setParameter("slug", slug)
            .setParameter("name", name)
            .setParameter("category", categoryId)
            .setParameter("now", now)
            .getResultList();
    return ContentEvent.LiveArticle.of(rows);
  }
}
