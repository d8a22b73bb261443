package io.newsdesk.media;

import io.newsdesk.event.ContentEvent;
import io.newsdesk.web.LikePatterns;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Asset rows. */
@ApplicationScoped
class AssetRepository implements PanacheRepositoryBase<Asset, UUID> {

  Optional<Asset> findBySha256(String sha256) {
    return find("sha256", sha256).firstResultOptional();
  }

  /** Newest first; {@code q} matches the filename, alt text, caption and credit. */
  List<Asset> search(String q, int number, int limit) {
    return q == null
        ? find("order by createdAt desc, id desc").page(number - 1, limit).list()
        : find(MATCH + " order by createdAt desc, id desc", like(q)).page(number - 1, limit).list();
  }

  long countSearch(String q) {
    return q == null ? count() : count(MATCH, like(q));
  }

  /** Makes a concurrent upload of the same bytes wait, so it finds this one instead of failing. */
  void lockSha256(String sha256) {
    getEntityManager()
        .createNativeQuery("select 1 from pg_advisory_xact_lock(5, hashtext(:sha))")
        .setParameter("sha", sha256)
        .getSingleResult();
  }

  /**
   * Whether an article, its teaser or its body shows the asset: as their picture, or by a URL of
   * one of its renditions.
   */
  boolean inUse(UUID id) {
    String pattern = "%/media/" + id + "/%";
    return (Boolean)
        getEntityManager()
            .createNativeQuery(
                "select exists (select 1 from article where image_asset_id = :id"
                    + " or image_url like :p or body_html like :p)"
                    + " or exists (select 1 from teaser where image_asset_id = :id"
                    + " or override_image_asset_id = :id or image_url like :p)"
                    + " or exists (select 1 from author where avatar_asset_id = :id)")
            .setParameter("id", id)
            .setParameter("p", pattern)
            .getSingleResult();
  }

  /**
   * The published articles that show the asset: as their picture, on their card, or as the avatar
   * of an author they credit.
   */
  @SuppressWarnings("unchecked")
  List<ContentEvent.LiveArticle> shownLive(UUID id, Instant now) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "select t.article_id, t.slug from teaser t join article a on a.id = t.article_id"
                    + " where t.published_at <= :now and (t.image_asset_id = :id"
                    + " or a.image_asset_id = :id or t.author_cards @> cast(:avatar as jsonb))",
                Object[].class)
            .setParameter("id", id)
            .setParameter("now", now)
            .setParameter("avatar", "[{\"avatar\": {\"asset\": \"" + id + "\"}}]")
            .getResultList();
    return ContentEvent.LiveArticle.of(rows);
  }

  private static final String MATCH =
      "lower(filename) like ?1 or lower(alt) like ?1 or lower(caption) like ?1"
          + " or lower(credit) like ?1";

  private static String like(String q) {
    return LikePatterns.containing(q);
  }
}
