package io.newsdesk.search;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.Pictures;
import io.newsdesk.teaser.TeaserRow;
import io.newsdesk.teaser.TeaserView;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers' full-text search over published articles: PostgreSQL's {@code websearch_to_tsquery}
 * (quoted phrases, {@code -exclusions}, {@code or}), ranked, with a highlighted snippet per hit.
 * One statement: the ranked page and the total in an inner query, snippets only for that page.
 */
@ApplicationScoped
class SearchService {

  /** Marks PostgreSQL puts around matches; control characters never occur in stored text. */
  private static final char START = '\u0001';

  private static final char STOP = '\u0002';

  private static final java.util.regex.Pattern BLOCK_BREAK =
      java.util.regex.Pattern.compile("[ \\t]*[\\r\\n]+[ \\t\\r\\n]*");

  private static final String HEADLINE_OPTIONS =
      "StartSel=\u0001, StopSel=\u0002, MaxWords=30, MinWords=12, MaxFragments=2,"
          + " FragmentDelimiter=\" … \"";

  /**
   * The pattern of the text before the first word that is one of the query's lexemes and a few more
   * letters: its start (case-insensitive, the text up to the word captured) and its end. Bound as
   * parameters since Hibernate reads braces in a native query's text as its own placeholders (and
   * so that no question mark reaches its parser either).
   */
  private static final String WORD_START = "(?i)^(.*?)\\m(?:";

  private static final String WORD_END = ")\\w{0,6}\\M";

  /**
   * The ranked page, then a snippet for each hit from a passage of its text: {@code ts_headline}
   * parses and stems every word it is given, so over whole bodies it was 80 % of a search's time.
   * The passage, about 800 characters cut at spaces, starts about 200 before the first word that is
   * one of the query's lexemes and at most six more letters (a stem is nearly always the start of
   * the words it stands for; where a stem ends in "i", the word may have "y" there: "city" is
   * "citi"), or at the top of the text when none is; {@code ts_headline} then picks and marks the
   * fragments in it as before. The word is found with {@code substring}, which stops at the first
   * match, and the space before the passage within the 200 characters before it: PostgreSQL's
   * {@code regexp_instr} finds every match in the whole text before it answers (a body's every
   * space took ~0.5 ms, most of a search for a word that is not at the top of its articles). The
   * text, the word's position and the passage's start are each computed once per hit: {@code offset
   * 0} keeps the planner from copying a subquery's expression into each of its uses (the text into
   * five, each reading the body from storage again, the position and the start into three each; a
   * search for a word inside bodies took twice as long). The passage is a subquery in the select
   * list rather than a lateral join: the planner put a lateral join's subqueries under a {@code
   * Memoize} node keyed by the whole text (it never hits: each hit's text is another), where they
   * took 0.14 instead of 0.04 ms per hit (EXPLAIN ANALYZE; a search 7.5 ms instead of 4.8 in
   * pgbench). The passage's last, partial word is cut from its last 40 characters when they hold a
   * space (a regular expression anchored at the end is tried at every position of what it is given:
   * 24-42 against 8 us per passage), and the markers are translated away only from a passage that
   * holds one (rows written before the write path refused control characters could; a {@code
   * strpos} is 3 us, a {@code translate} 12-21).
   */
  private static final String SEARCH =
      """
      with query as (
        select websearch_to_tsquery(cast(:config as regconfig), :q) as q,
               (select :wordStart || string_agg(regexp_replace(regexp_replace(l, '(\\W)', '\\\\\\1', 'g'),
                                                             'i$', '[iy]'), '|')
                         || :wordEnd
                from unnest(tsvector_to_array(to_tsvector(cast(:config as regconfig), :q))) l)
                 as words),
      hits as (
        select t.article_id, ts_rank(a.search_vector, query.q) as rank, t.published_at,
               count(*) over () as total
        from query, teaser t join article a on a.id = t.article_id
        where a.search_vector @@ query.q and t.published_at <= :now %s
        order by rank desc, t.published_at desc, t.article_id desc
        limit :limit offset :offset)
      select ts_headline(cast(:config as regconfig),
                 (select case when strpos(cut.text, chr(1)) = 0 and strpos(cut.text, chr(2)) = 0 then cut.text
                              else translate(cut.text, chr(1) || chr(2), '') end
                  from (select case when length(body.whole) < passage.start + 800
                                    then substr(body.whole, passage.start)
                                    when substr(body.whole, passage.start + 760, 40) ~ '\\s'
                                    then left(substr(body.whole, passage.start, 800), -40)
                                         || regexp_replace(substr(body.whole, passage.start + 760, 40), '\\s\\S*$', '')
                                    else regexp_replace(substr(body.whole, passage.start, 800), '\\s\\S*$', '')
                               end as text
                        from (select case when at <= 200 then 1
                                          else at - 200 + regexp_instr(substr(body.whole, at - 200, 200), '\\s') end
                                       as start
                              from (select coalesce(length(substring(body.whole from query.words)) + 1, 1) as at
                                    offset 0) first_word
                              offset 0) passage
                        offset 0) cut),
                 query.q, :options) as snippet,
             hits.total, %s
      from hits join teaser t on t.article_id = hits.article_id
           join article a on a.id = hits.article_id, query,
           lateral (select coalesce(a.subtitle || chr(10), '') || a.body_text as whole offset 0) body
      order by hits.rank desc, hits.published_at desc, hits.article_id desc
      """;

  private final EntityManager entityManager;
  private final Pictures pictures;
  private final Clock clock;
  private final String config;

  SearchService(
      EntityManager entityManager, Pictures pictures, Clock clock, NewsdeskConfig config) {
    this.entityManager = entityManager;
    this.pictures = pictures;
    this.clock = clock;
    this.config = config.search().config();
  }

  Page<SearchHit> search(String q, String category, int number, int limit) {
    Query query =
        entityManager
            .createNativeQuery(
                SEARCH.formatted(
                    category == null ? "" : "and t.category_slug = :category",
                    TeaserRow.columns("t")),
                Object[].class)
            .setParameter("config", config)
            .setParameter("q", q)
            .setParameter("now", clock.instant())
            .setParameter("options", HEADLINE_OPTIONS)
            .setParameter("wordStart", WORD_START)
            .setParameter("wordEnd", WORD_END)
            .setParameter("limit", limit)
            .setParameter("offset", (long) (number - 1) * limit);
    if (category != null) {
      query.setParameter("category", category);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    if (rows.isEmpty() && !searchable(q)) {
      throw ProblemException.invalid(
          "q", "has no words to search for (only punctuation or very common words)");
    }
    long total =
        rows.isEmpty() ? count(q, category, number) : ((Number) rows.get(0)[1]).longValue();
    List<TeaserView> teasers =
        TeaserRow.views(rows.stream().map(r -> TeaserRow.of(r, 2)).toList(), pictures);
    List<SearchHit> hits = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      hits.add(SearchHit.of(teasers.get(i), snippet((String) rows.get(i)[0])));
    }
    return new Page<>(hits, PageInfo.numbered(limit, number, total));
  }

  /** Past the last page the inner query has no row to carry the total; count it then. */
  private long count(String q, String category, int number) {
    if (number == 1) {
      return 0;
    }
    Query query =
        entityManager
            .createNativeQuery(
                "select count(*) from teaser t join article a on a.id = t.article_id"
                    + " where a.search_vector @@ websearch_to_tsquery(cast(:config as regconfig), :q)"
                    + " and t.published_at <= :now"
                    + (category == null ? "" : " and t.category_slug = :category"),
                Long.class)
            .setParameter("config", config)
            .setParameter("q", q)
            .setParameter("now", clock.instant());
    if (category != null) {
      query.setParameter("category", category);
    }
    return ((Number) query.getSingleResult()).longValue();
  }

  private boolean searchable(String q) {
    return (Boolean)
        entityManager
            .createNativeQuery(
                "select numnode(websearch_to_tsquery(cast(:config as regconfig), :q)) > 0",
                Boolean.class)
            .setParameter("config", config)
            .setParameter("q", q)
            .getSingleResult();
  }

  /**
   * Escapes the passage for HTML and turns PostgreSQL's match marks into {@code <mark>}. The
   * standfirst and each block of the body are lines of the searched text; where the passage crosses
   * from one to the next it shows " · ", so "Work starts in March" and "Nine votes to two" do not
   * run together, and no raw line break reaches a client.
   */
  static String snippet(String headline) {
    String passage = BLOCK_BREAK.matcher(headline.strip()).replaceAll(" · ");
    StringBuilder html = new StringBuilder(passage.length() + 32);
    for (char c : passage.toCharArray()) {
      switch (c) {
        case START -> html.append("<mark>");
        case STOP -> html.append("</mark>");
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
    return html.toString();
  }
}
