\set r random(0, 996)
with query as (
  select websearch_to_tsquery('english', 'topic' || :r) as q,
         (select '(?i)^(.*?)\m(?:' || string_agg(regexp_replace(l, '(\W)', '\\\1', 'g'), '|') || ')\w{0,6}\M'
          from unnest(tsvector_to_array(to_tsvector('english', 'topic' || :r))) l) as words),
hits as (
  select t.article_id, ts_rank(a.search_vector, query.q) as rank, t.published_at,
         count(*) over () as total
  from query, newsdesk.teaser t join newsdesk.article a on a.id = t.article_id
  where a.search_vector @@ query.q and t.published_at <= now()
  order by rank desc, t.published_at desc, t.article_id desc limit 20)
select t.article_id, t.slug, t.title, hits.total,
       ts_headline('english',
           (select case when strpos(c.text, chr(1)) = 0 and strpos(c.text, chr(2)) = 0 then c.text
                        else translate(c.text, chr(1) || chr(2), '') end
            from (select case when length(body.whole) < p.start + 800 then substr(body.whole, p.start)
                              when substr(body.whole, p.start + 760, 40) ~ '\s'
                              then left(substr(body.whole, p.start, 800), -40)
                                   || regexp_replace(substr(body.whole, p.start + 760, 40), '\s\S*$', '')
                              else regexp_replace(substr(body.whole, p.start, 800), '\s\S*$', '')
                         end as text
                  from (select case when at <= 200 then 1 else at - 200 + regexp_instr(substr(body.whole, at - 200, 200), '\s') end as start
                        from (select coalesce(length(substring(body.whole from query.words)) + 1, 1) as at offset 0) w
                        offset 0) p
                  offset 0) c),
           query.q, 'MaxWords=30, MinWords=12, MaxFragments=2')
from hits join newsdesk.teaser t on t.article_id = hits.article_id
     join newsdesk.article a on a.id = hits.article_id, query,
     lateral (select coalesce(a.subtitle || chr(10), '') || a.body_text as whole offset 0) body
order by hits.rank desc;
