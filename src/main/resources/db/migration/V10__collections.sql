-- Curated pages: editors order articles; readers get the visible ones in that order, then the
-- newest of a category or tag up to size. Versioned like articles (If-Match).
create table collection (
    slug          varchar(100)  primary key,
    name          varchar(200)  not null,
    size          integer       not null check (size between 1 and 100),
    fill_category varchar(100),
    fill_tag      varchar(100),
    version       bigint        not null default 0,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    check (fill_category is null or fill_tag is null)
);

-- A purged article leaves its collections; an archived or unpublished one is skipped at read time.
create table collection_item (
    collection_slug varchar(100) not null references collection (slug) on delete cascade,
    position        integer      not null,
    article_id      uuid         not null references article (id) on delete cascade,
    until           timestamptz,
    primary key (collection_slug, position)
);
create index collection_item_article_idx on collection_item (article_id);
