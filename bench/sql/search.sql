with query as (select websearch_to_tsquery('english', 'topic17') as q),
hits as (
  select t.article_id, ts_rank(a.search_vector, query.q) as rank, t.published_at,
         count(*) over () as total
  from query, newsdesk.teaser t join newsdesk.article a on a.id = t.article_id
  where a.search_vector @@ query.q and t.published_at <= now()
  order by rank desc, t.published_at desc, t.article_id desc limit 20)
select t.article_id, t.slug, t.title, hits.total,
       ts_headline('english', coalesce(a.subtitle || ' ', '') || a.body_text, query.q,
                   'MaxWords=30, MinWords=12, MaxFragments=2')
from hits join newsdesk.teaser t on t.article_id = hits.article_id
     join newsdesk.article a on a.id = hits.article_id, query
order by hits.rank desc;
