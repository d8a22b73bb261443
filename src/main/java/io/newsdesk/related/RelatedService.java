package io.newsdesk.related;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.Pictures;
import io.newsdesk.teaser.TeaserRow;
import io.newsdesk.teaser.TeaserView;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stories related to a published article, ranked by PostgreSQL: more shared tags first, then how
 * well the other's text matches the words of the article's title, then the same category, then the
 * newer. Never the article itself, never anything unpublished.
 */
@ApplicationScoped
class RelatedService {

  /** An article's related stories, and the id of the article they belong to. */
  record Related(UUID articleId, List<TeaserView> teasers) {}

  private static final String RELATED =
      """
      with me as (
        select a.id, a.category_id, a.tags,
               cast(replace(cast(plainto_tsquery(cast(:config as regconfig), a.title) as text),
                            '&', '|') as tsquery) as words
        from article a
        where a.slug = :slug and a.status = 'published' and a.published_at <= :now),
      scored as (
        select t.article_id,
               cardinality(array(select unnest(t.tags) intersect select unnest(me.tags))) as tags,
               ts_rank(b.search_vector, me.words) as words,
               t.category_id = me.category_id as category
        from me, teaser t join article b on b.id = t.article_id
        where t.published_at is not null and t.published_at <= :now and t.article_id <> me.id
          and (t.tags && me.tags or t.category_id = me.category_id or b.search_vector @@ me.words))
      select me.id, %s
      from me left join scored s on true left join teaser t on t.article_id = s.article_id
      order by s.tags desc nulls last, s.words desc, s.category desc, t.published_at desc,
               t.article_id desc
      limit :limit
      """;

  private final EntityManager entityManager;
  private final Pictures pictures;
  private final Clock clock;
  private final String config;

  RelatedService(
      EntityManager entityManager, Pictures pictures, Clock clock, NewsdeskConfig config) {
    this.entityManager = entityManager;
    this.pictures = pictures;
    this.clock = clock;
    this.config = config.search().config();
  }

  /** 404 unless {@code slug} is a published article's current slug. */
  Related of(String slug, int limit) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(RELATED.formatted(TeaserRow.columns("t")), Object[].class)
            .setParameter("config", config)
            .setParameter("slug", slug)
            .setParameter("now", now)
            .setParameter("limit", limit)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No published article has the slug '" + slug + "'");
    }
    UUID article = (UUID) rows.get(0)[0];
    List<TeaserRow> teasers =
        rows.stream()
            .filter(r -> r[1] != null) // the article with nothing related: one row, no teaser
            .map(r -> TeaserRow.of(r, 1))
            .toList();
    return new Related(article, TeaserRow.views(teasers, pictures));
  }
}
