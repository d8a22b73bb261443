-- Fills a migrated Newsdesk database (schema newsdesk) with :articles published articles across 12
-- categories, spread over five years, with teasers and search vectors, in bulk SQL:
--   psql -v articles=100000 -f bench/generate.sql <database>
-- Headlines run 50-110 characters, standfirsts about 120, Markdown bodies 600-1,500 words in
-- sections with headings. The text is drawn from a small vocabulary written for this benchmark.
-- Slugs are bench-<n>, n from 1 (newest) to :articles (oldest). Each body names one of 997 topic
-- words (topic0 ... topic996), which the search benchmark looks for.
\set ON_ERROR_STOP on
set search_path to newsdesk;
set synchronous_commit to off;

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

-- 2,000 paragraphs of 50 words; bodies are built from 12 to 30 of them (600 to 1,500 words).
create temporary table paragraphs as
select array_agg(initcap(left(p, 1)) || substr(p, 2) || '.' order by i) as texts
from (select i, pg_temp.phrase(i, 50) as p from generate_series(1, 2000) as i) as t;

insert into article (id, slug, title, subtitle, category_id, tags, byline, body_format,
                     body_source, body_html, body_text, word_count, reading_time_minutes, status,
                     published_at, first_published_at, created_at, updated_at, version)
select id, 'bench-' || n, title, subtitle, 1 + n % 12, array['tag-' || (n % 50)],
       array['Bench Writer'], 'markdown',
       '## ' || heading || E'\n\n' || topic || E'\n\n' || array_to_string(body, E'\n\n'),
       '<h2>' || heading || '</h2><p>' || topic || '</p><p>' || array_to_string(body, '</p><p>')
         || '</p>',
       heading || E'\n' || topic || E'\n' || array_to_string(body, E'\n'),
       50 * cardinality(body), (50 * cardinality(body) + 199) / 200,
       'published', at, at, at, at, 0
from (
  select n, gen_random_uuid() as id,
         left(initcap(pg_temp.phrase(n, 14)), 50 + (n % 61)) as title,
         initcap(pg_temp.phrase(n + 7, 20)) || '.' as subtitle,
         initcap(pg_temp.phrase(n + 3, 4)) as heading,
         -- about 100 articles per topic word, so a search has a realistic number of hits
         'Filed under topic' || (n % 997) || '.' as topic,
         array(select p.texts[1 + ((n * 31 + j * 977) % 2000)]
               from generate_series(1, 12 + (n % 19)) as j, paragraphs p) as body,
         now() - interval '5 years' * (n::float / :articles) - interval '1 minute' as at
  from generate_series(1, :articles) as n
) as a;

insert into teaser (article_id, slug, title, excerpt, category_id, category_slug, category_name,
                    published_at, tags)
select a.id, a.slug, a.title, left(a.subtitle, 199), c.id, c.slug, c.name, a.published_at, a.tags
from article a join category c on c.id = a.category_id;

update article set search_config = 'english',
  search_vector = setweight(to_tsvector('english', title), 'A')
               || setweight(to_tsvector('english', coalesce(subtitle, '')), 'B')
               || setweight(to_tsvector('english', body_text), 'C');

vacuum analyze;
