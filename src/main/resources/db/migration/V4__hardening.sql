-- Renaming an article asks whether readers ever saw its old slug (content_change by article and
-- slug); the existing index on article_id covers pending changes only.
create index content_change_article_slug_idx on content_change (article_id, slug);

-- Slugs that were only ever a draft's became public redirects before this fix: drop them.
delete from article_old_slug o
 where not exists (select 1 from content_change c
                    where c.article_id = o.article_id and c.slug = o.slug
                      and c.type in ('published', 'updated'));
