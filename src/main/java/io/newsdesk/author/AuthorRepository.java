package io.newsdesk.author;

import io.newsdesk.event.ContentEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Authors, and what articles and teasers say about them. */
@ApplicationScoped
class AuthorRepository implements PanacheRepositoryBase<Author, String> {

  List<Author> page(int number, int limit) {
    return findAll(Sort.by("name").and("slug")).page(number - 1, limit).list();
  }

  Optional<Author> findForUpdate(String slug) {
    return findByIdOptional(slug, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Which of {@code slugs} exist, their rows share-locked to the end of the transaction: an author
   * being credited cannot be deleted, or renamed, until the crediting write has committed.
   */
  @SuppressWarnings("unchecked")
  List<String> lockExisting(Collection<String> slugs) {
    return getEntityManager()
        .createNativeQuery(
            "select slug from author where slug in (:slugs) order by slug for share", String.class)
        .setParameter("slugs", slugs)
        .getResultList();
  }

  /** Articles of any status that credit the author. */
  long credits(String slug) {
    return (Long)
        getEntityManager()
            .createNativeQuery(
                "select count(*) from article where authors @> array[cast(:slug as text)]",
                Long.class)
            .setParameter("slug", slug)
            .getSingleResult();
  }

  /** Published articles crediting each of the authors. */
  @SuppressWarnings("unchecked")
  Map<String, Long> published(Collection<String> slugs, Instant now) {
    if (slugs.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "select w.slug, count(t.article_id) from author w left join teaser t"
                    + " on t.authors @> array[cast(w.slug as text)] and t.published_at <= :now"
                    + " where w.slug in (:slugs) group by w.slug",
                Object[].class)
            .setParameter("slugs", slugs)
            .setParameter("now", now)
            .getResultList();
    return rows.stream()
        .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
  }

  /**
   * Rewrites the cards of every teaser crediting the author (its name or avatar changed), stamped
   * {@code now}: the article pages that show them changed then. The published ones among them.
   */
  @SuppressWarnings("unchecked")
  List<ContentEvent.LiveArticle> rewriteCards(String slug, Instant now) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "with rewritten as (update teaser t set author_cards = "
                    + AuthorCard.cardsOf("t")
                    + ", cards_updated_at = :now where t.authors @> array[cast(:slug as text)]"
                    + " returning t.article_id, t.slug, t.published_at)"
                    + " select article_id, slug from rewritten where published_at <= :now",
                Object[].class)
            .setParameter("slug", slug)
            .setParameter("now", now)
            .getResultList();
    return ContentEvent.LiveArticle.of(rows);
  }
}
