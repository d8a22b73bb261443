-- Authors with a profile. Articles credit them by slug, in order (article.authors), as they name
-- tags; byline stays for wire copy without a profile.
create table author (
    slug            varchar(100)  primary key,
    name            varchar(200)  not null,
    job_title       varchar(200),
    bio_markdown    text,
    bio_html        text,
    avatar_asset_id uuid          references asset (id),
    avatar_url      varchar(2000),
    avatar_alt      varchar(500),
    links           jsonb         not null default '[]',
    email           varchar(320),
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
create index author_name_idx on author (lower(name), slug);
create index author_avatar_asset_idx on author (avatar_asset_id) where avatar_asset_id is not null;

alter table article add column authors text[] not null default '{}';
create index article_authors_idx on article using gin (authors);

-- Cards carry who wrote them and their tags' names, so a page of cards stays one statement:
-- author slugs for the author filter, and the refs readers get, rewritten when an author or a tag
-- is renamed.
alter table teaser
    add column authors      text[] not null default '{}',
    add column author_cards jsonb  not null default '[]',
    add column tag_cards    jsonb  not null default '[]',
    -- when an author or tag rename last rewrote the cards: articles show them too (Last-Modified)
    add column cards_updated_at timestamptz;
create index teaser_authors_idx on teaser using gin (authors) where published_at is not null;
update teaser t set tag_cards = coalesce(
    (select jsonb_agg(jsonb_build_object('slug', u.slug, 'name', coalesce(g.name, u.slug)) order by u.n)
     from unnest(t.tags) with ordinality as u(slug, n) left join tag g on g.slug = u.slug),
    '[]')
where cardinality(t.tags) > 0;

-- A token may act for an author: a contributor's new article credits that author by default.
alter table api_token add column author_slug varchar(100) references author (slug) on delete set null;
