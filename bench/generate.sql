-- Fills a migrated Newsdesk database (schema newsdesk) with :articles published articles across 12
-- categories, spread over five years, with teasers and search vectors, in bulk SQL:
--   psql -v articles=100000 -f bench/generate.sql <database>
-- Headlines run 50-110 characters, standfirsts about 140, Markdown bodies 600-1,500 words in
-- sections with headings. The text is drawn from a small vocabulary written for this benchmark.
-- Slugs are bench-<n>, n from 1 (newest) to :articles (oldest). Each body starts with one of 997
-- topic words (topic0 ... topic996), which the search benchmark looks for.
--
-- Speed: text is made once and shared. 3,001 bodies (with their search vectors) and 4,001 phrases
-- are built first; article n takes body n % 3001 and phrases by n, so each row costs a few string
-- concatenations and the search vectors of its headline, standfirst and topic line. Secondary
-- indexes are dropped while the rows go in and rebuilt afterwards (one sort each, not a million
-- insertions).
\set ON_ERROR_STOP on
set search_path to newsdesk;
set synchronous_commit to off;
set maintenance_work_mem to '512MB';

truncate content_change, article_revision, article_old_slug, teaser, article, category
  restart identity cascade;

insert into category (slug, name, description, position, created_at, updated_at)
select s, initcap(s), 'Bench section ' || s, n, now(), now()
from unnest(array['world', 'politics', 'business', 'science', 'technology', 'health', 'climate',
                  'culture', 'sport', 'travel', 'food', 'local']) with ordinality as c(s, n);

create temporary table vocabulary (words text[]);
insert into vocabulary values (array[
  'harbour', 'council', 'river', 'market', 'station', 'bridge', 'library', 'festival', 'weather',
  'ferry', 'school', 'orchard', 'museum', 'stadium', 'garden', 'tunnel', 'budget', 'election',
  'season', 'village', 'coast', 'storm', 'tide', 'summer', 'winter', 'researchers', 'engineers',
  'residents', 'visitors', 'volunteers', 'officials', 'farmers', 'announced', 'reopened',
  'approved', 'delayed', 'measured', 'planted', 'rebuilt', 'celebrated', 'questioned', 'promised',
  'found', 'opened', 'closed', 'moved', 'kept', 'the', 'a', 'new', 'old', 'quiet', 'busy',
  'northern', 'southern', 'early', 'late', 'after', 'before', 'during', 'with', 'without', 'for',
  'from', 'near', 'across', 'and', 'every', 'many', 'three', 'seven', 'twelve', 'local', 'small',
  'large', 'second', 'last']);

-- A reproducible pseudo-random phrase of n words for a seed.
create function pg_temp.phrase(seed bigint, n int) returns text language sql stable as $$
  select string_agg(v.words[1 + ((seed * 7919 + i * 104729) % array_length(v.words, 1))::int], ' ')
  from generate_series(1, n) as i, vocabulary v
$$;

-- 2,000 paragraphs of 50 words.
create temporary table paragraph (i int primary key, text text not null);
insert into paragraph
select i, initcap(left(p, 1)) || substr(p, 2) || '.'
from (select i, pg_temp.phrase(i, 50) as p from generate_series(0, 1999) as i) as t;

-- 4,001 phrases of 20 words, for headlines and standfirsts.
create temporary table phrase (i int primary key, text text not null);
insert into phrase select i, initcap(pg_temp.phrase(i * 13 + 5, 20)) from generate_series(0, 4000) as i;

-- 3,001 bodies: a heading and 12 to 30 paragraphs (600 to 1,500 words), as Markdown, HTML,
-- structured blocks (the JSON the server keeps in body_blocks: without it every read would make
-- them from the HTML) and text, with the text's search vector.
create temporary table body (i int primary key, source text, html text, blocks text, plain text,
                             words int, vector tsvector);
create function pg_temp.block(type text, text text) returns text language sql immutable as $$
  select '{"type":"' || type || '",' || case when type = 'heading' then '"level":2,' else '' end
         || '"content":[{"type":"text","text":' || to_json(text)::text || '}]}'
$$;
insert into body
select b.i, '## ' || b.heading || E'\n\n' || string_agg(p.text, E'\n\n' order by j),
       '<h2>' || b.heading || '</h2><p>' || string_agg(p.text, '</p><p>' order by j) || '</p>',
       pg_temp.block('heading', b.heading) || ','
         || string_agg(pg_temp.block('paragraph', p.text), ',' order by j),
       b.heading || E'\n' || string_agg(p.text, E'\n' order by j), 50 * count(*),
       to_tsvector('english', b.heading || E'\n' || string_agg(p.text, E'\n' order by j))
from (select i, initcap(pg_temp.phrase(i + 3, 4)) as heading from generate_series(0, 3000) as i) as b,
     generate_series(1, 12 + b.i % 19) as j, paragraph p
where p.i = (b.i * 31 + j * 977) % 2000
group by b.i, b.heading;

-- Secondary indexes go while the rows go in; constraints' own indexes stay.
create temporary table saved_index as
select indexname, indexdef from pg_indexes i
where schemaname = 'newsdesk' and tablename in ('article', 'teaser')
  and not exists (select from pg_constraint c where c.conname = i.indexname);
select format('drop index newsdesk.%I', indexname) from saved_index \gexec

-- The vectors are made here from the shared bodies' ones; the database's own trigger (V16) would
-- compute each article's again from its text, the slowest part of a load.
alter table article disable trigger article_search_vector_insert;
insert into article (id, slug, title, subtitle, category_id, tags, byline, body_format,
                     body_source, body_html, body_blocks, body_text, word_count, reading_time_minutes, status,
                     published_at, first_published_at, created_at, updated_at, version,
                     search_config, search_vector)
select id, 'bench-' || n, title, subtitle, 1 + n % 12, array['tag-' || (n % 50)],
       array['Bench Writer'], 'markdown', topic || E'\n\n' || b.source,
       '<p>' || topic || '</p>' || b.html,
       '[' || pg_temp.block('paragraph', topic) || ',' || b.blocks || ']',
       topic || E'\n' || b.plain, b.words + 3,
       (b.words + 3 + 199) / 200, 'published', at, at, at, at, 0, 'english',
       setweight(to_tsvector('english', title), 'A')
         || setweight(to_tsvector('english', subtitle), 'B')
         || setweight(to_tsvector('english', topic) || b.vector, 'C')
from (
  select n, gen_random_uuid() as id,
         left((select text from phrase where i = n % 4001), 50 + (n % 61)) as title,
         (select text from phrase where i = (n * 7 + 3) % 4001) || '.' as subtitle,
         -- about N/997 articles per topic word, so a search has a realistic number of hits
         'Filed under topic' || (n % 997) || '.' as topic,
         now() - interval '5 years' * (n::float / :articles) - interval '1 minute' as at
  from generate_series(1, :articles) as n
) as a
join body b on b.i = a.n % 3001;

alter table article enable trigger article_search_vector_insert;

insert into teaser (article_id, slug, title, excerpt, category_id, category_slug, category_name,
                    published_at, tags)
select a.id, a.slug, a.title, left(a.subtitle, 199), c.id, c.slug, c.name, a.published_at, a.tags
from article a join category c on c.id = a.category_id;

select indexdef from saved_index \gexec

vacuum analyze;
