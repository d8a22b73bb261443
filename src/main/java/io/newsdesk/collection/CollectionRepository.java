package io.newsdesk.collection;

import io.newsdesk.teaser.TeaserRow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Collections, their items, and the teasers a collection shows. */
@ApplicationScoped
class CollectionRepository implements PanacheRepositoryBase<Collection, String> {

  /**
   * The visible curated items take the first places in their order; the places left are filled with
   * the newest published teasers of the fill not already shown. One statement.
   */
  private static final String SHOWN =
      """
      with curated as (
        select ci.position, ci.article_id, ci.until
        from collection_item ci join teaser t on t.article_id = ci.article_id
        where ci.collection_slug = :slug and t.published_at <= :now
          and (ci.until is null or ci.until > :now)
        order by ci.position
        limit :size),
      filled as (
        select t.article_id, t.published_at from teaser t
        where t.published_at <= :now %s
          and t.article_id not in (select article_id from curated)
        order by t.published_at desc, t.article_id desc
        limit greatest(:size - (select count(*) from curated), 0)),
      shown as (
        select article_id, 0 as part, position as rank, until from curated
        union all
        select article_id, 1, row_number() over (order by published_at desc, article_id desc),
               null from filled)
      select (select min(until) from collection_item
              where collection_slug = :slug and until > :now) as next_end, %s
      from shown s join teaser t on t.article_id = s.article_id
      order by s.part, s.rank
      """;

  /**
   * The teasers a collection shows, and the earliest end of one of its items still to come (null:
   * none), when the answer changes by time alone. Were nothing shown, no end could change that.
   */
  record Shown(List<TeaserRow> rows, Instant nextEnd) {}

  Shown shown(Collection collection, Instant now) {
    String fill =
        collection.fillCategory != null
            ? "and t.category_slug = :fill"
            : collection.fillTag != null ? "and t.tags @> array[cast(:fill as text)]" : "and false";
    Query query =
        getEntityManager()
            .createNativeQuery(SHOWN.formatted(fill, TeaserRow.columns("t")), Object[].class)
            .setParameter("slug", collection.slug)
            .setParameter("now", now)
            .setParameter("size", collection.size);
    if (collection.fillCategory != null || collection.fillTag != null) {
      query.setParameter(
          "fill", collection.fillCategory != null ? collection.fillCategory : collection.fillTag);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<TeaserRow> shown = new ArrayList<>(rows.size());
    rows.forEach(r -> shown.add(TeaserRow.of(r, 1)));
    return new Shown(shown, rows.isEmpty() ? null : (Instant) rows.get(0)[0]);
  }

  /** Every item, in order, with its article's slug and title and whether readers see it now. */
  @SuppressWarnings("unchecked")
  List<ManagedCollectionView.Item> items(String slug, Instant now) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "select ci.article_id, ci.until, a.slug, a.title,"
                    + " coalesce(t.published_at <= :now, false)"
                    + " and (ci.until is null or ci.until > :now)"
                    + " from collection_item ci join article a on a.id = ci.article_id"
                    + " join teaser t on t.article_id = ci.article_id"
                    + " where ci.collection_slug = :slug order by ci.position",
                Object[].class)
            .setParameter("slug", slug)
            .setParameter("now", now)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ManagedCollectionView.Item(
                    (UUID) r[0], (Instant) r[1], (String) r[2], (String) r[3], (Boolean) r[4]))
        .toList();
  }

  /** Which of {@code ids} are articles (of any status). */
  @SuppressWarnings("unchecked")
  List<UUID> existing(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createNativeQuery("select id from article where id in (:ids)", UUID.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  void replaceItems(String slug, List<CollectionInput.Item> items) {
    getEntityManager()
        .createNativeQuery("delete from collection_item where collection_slug = :slug")
        .setParameter("slug", slug)
        .executeUpdate();
    for (int i = 0; i < items.size(); i++) {
      Instant until = items.get(i).until();
      Query insert =
          getEntityManager()
              .createNativeQuery(
                  "insert into collection_item (collection_slug, position, article_id, until)"
                      + (until == null
                          ? " values (:slug, :position, :article, null)"
                          : " values (:slug, :position, :article, :until)"))
              .setParameter("slug", slug)
              .setParameter("position", i)
              .setParameter("article", items.get(i).article());
      if (until != null) {
        insert.setParameter("until", until);
      }
      insert.executeUpdate();
    }
  }

  /**
   * Creates of the same slug wait for each other, so the second sees the first and needs If-Match.
   */
  void lockSlug(String slug) {
    getEntityManager()
        .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('collection:' || :slug))")
        .setParameter("slug", slug)
        .getSingleResult();
  }
}
