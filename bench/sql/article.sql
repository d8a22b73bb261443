\set n random(1, :articles)
select a.*, c.* from newsdesk.article a join newsdesk.category c on c.id = a.category_id
where a.slug = 'bench-' || :n and a.status = 'published' and a.published_at <= now();
