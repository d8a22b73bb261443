package io.newsdesk.tag;

import io.newsdesk.event.ContentEvent;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Tags as readers see them: those of published articles, counted over published articles only (a
 * tag used only on drafts or scheduled articles does not exist for them), with the names editors
 * gave them.
 */
@ApplicationScoped
class TagService {

  /** How a list of tags is ordered. */
  enum Order {
    count,
    name
  }

  private static final String USED =
      """
      with used as (
        select tag, count(*) as articles
        from teaser t cross join unnest(t.tags) as tag
        where t.published_at is not null and t.published_at <= :now %s
        group by tag)
      """;

  private final EntityManager entityManager;
  private final Event<ContentEvent> events;
  private final Clock clock;

  TagService(EntityManager entityManager, Event<ContentEvent> events, Clock clock) {
    this.entityManager = entityManager;
    this.events = events;
    this.clock = clock;
  }

  Page<TagView> list(Order order, int number, int limit) {
    String sql =
        USED.formatted("")
            + " select u.tag, coalesce(g.name, u.tag), g.description, u.articles,"
            + " count(*) over () from used u left join tag g on g.slug = u.tag"
            + (order == Order.count
                ? " order by u.articles desc, u.tag"
                : " order by lower(coalesce(g.name, u.tag)), u.tag")
            + " limit :limit offset :offset";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(sql, Object[].class)
            .setParameter("now", clock.instant())
            .setParameter("limit", limit)
            .setParameter("offset", (long) (number - 1) * limit)
            .getResultList();
    long total = rows.isEmpty() ? countUsed(number) : ((Number) rows.get(0)[4]).longValue();
    return new Page<>(
        rows.stream().map(TagService::view).toList(), PageInfo.numbered(limit, number, total));
  }

  /** Past the last page no row carries the total; count it then. */
  private long countUsed(int number) {
    if (number == 1) {
      return 0;
    }
    return ((Number)
            entityManager
                .createNativeQuery(
                    "select count(distinct tag) from teaser t cross join unnest(t.tags) as tag"
                        + " where t.published_at <= :now",
                    Long.class)
                .setParameter("now", clock.instant())
                .getSingleResult())
        .longValue();
  }

  /** A tag that a published article has, or that editors named; 404 otherwise. */
  TagView get(String slug) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                USED.formatted("and t.tags @> array[cast(:slug as text)]")
                    + " select s.slug, coalesce(g.name, s.slug), g.description,"
                    + " coalesce(u.articles, 0)"
                    + " from (select cast(:slug as varchar) as slug) s"
                    + " left join used u on u.tag = s.slug left join tag g on g.slug = s.slug"
                    + " where u.tag is not null or g.slug is not null",
                Object[].class)
            .setParameter("now", clock.instant())
            .setParameter("slug", slug)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(TagService::view)
        .orElseThrow(() -> ProblemException.notFound("There is no tag '" + slug + "'"));
  }

  /** Names and describes a tag (creating its row if needed); readers see it at once. */
  @Transactional
  TagView describe(String slug, TagInput input) {
    Tag found = entityManager.find(Tag.class, slug);
    Tag tag = found != null ? found : new Tag(slug);
    tag.name = input.name().strip();
    tag.description =
        input.description() == null || input.description().isBlank()
            ? null
            : input.description().strip();
    tag.updatedAt = clock.instant();
    if (found == null) {
      entityManager.persist(tag); // its state as it is now is what gets inserted
    }
    entityManager.flush();
    // Cards show the tag's name: those that have the tag are rewritten.
    @SuppressWarnings("unchecked")
    List<Object[]> live =
        entityManager
            .createNativeQuery(
                "with rewritten as (update teaser t set tag_cards = "
                    + TagRef.refsOf("t")
                    + ", cards_updated_at = :now where t.tags @> array[cast(:slug as text)]"
                    + " returning t.article_id, t.slug, t.published_at)"
                    + " select article_id, slug from rewritten where published_at <= :now",
                Object[].class)
            .setParameter("slug", slug)
            .setParameter("now", tag.updatedAt)
            .getResultList();
    events.fire(
        new ContentEvent.TagChanged(slug, ContentEvent.LiveArticle.of(live), tag.updatedAt));
    return get(slug);
  }

  private static TagView view(Object[] row) {
    return new TagView(
        (String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue());
  }
}
