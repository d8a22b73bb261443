-- Delivery: old slugs that redirect, tags on teasers, full-text search, and the change feed.

-- Every slug an article has given up. It stays reserved for that article (no other article can
-- take it) and answers with a redirect to the article's current slug.
create table article_old_slug (
    slug       varchar(120) primary key,
    article_id uuid         not null references article (id) on delete cascade,
    retired_at timestamptz  not null
);
create index article_old_slug_article_idx on article_old_slug (article_id);

-- The feed filters by tag on the teaser table alone, like every other feed filter.
alter table teaser add column tags text[] not null default '{}';
create index teaser_tags_idx on teaser using gin (tags) where published_at is not null;

-- Full-text search: title (weight A) above standfirst (B) above body (C), in the text search
-- configuration named by the setting newsdesk.search.config. The configuration each row was
-- indexed with is kept, so changing the setting re-indexes the rows that need it at start.
alter table article add column search_config regconfig;
alter table article add column search_vector tsvector;
create index article_search_idx on article using gin (search_vector);

-- The change feed: what happened to published content, in the order readers can see it. A change
-- gets its position (seq) when it becomes visible: at once for a publish, edit, unpublish or
-- delete, and when its time comes for a scheduled publish (seq is null until then). Positions are
-- handed out under an advisory lock held to commit, so they become visible in increasing order
-- and a client that resumes after position n never misses a change. No foreign key: the
-- tombstone of a purged article outlives it.
create sequence content_change_seq;
create table content_change (
    id         bigint       generated always as identity primary key,
    seq        bigint       constraint content_change_seq_key unique,
    type       varchar(16)  not null
        check (type in ('published', 'updated', 'unpublished', 'deleted')),
    article_id uuid         not null,
    slug       varchar(120) not null,
    at         timestamptz  not null
);
create index content_change_pending_idx on content_change (at) where seq is null;
create index content_change_article_idx on content_change (article_id) where seq is null;
