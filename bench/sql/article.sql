\set n random(1, :articles)
select a.id, a.slug, a.title, a.subtitle, c.slug, c.name, a.tags, a.byline, a.body_html,
       a.body_text, a.image_url, a.image_alt, a.image_caption, a.seo_title, a.seo_description,
       a.seo_canonical_url, a.first_published_at, a.published_at, a.updated_at, a.word_count,
       a.reading_time_minutes
from newsdesk.article a join newsdesk.category c on c.id = a.category_id
where a.slug = 'bench-' || :n and a.status = 'published' and a.published_at <= now();
