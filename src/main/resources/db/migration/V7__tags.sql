-- Tags come into being by use (article.tags, teaser.tags); editors may give one a display name and
-- a description. A row here adds words to a tag; it never makes one public by itself.
create table tag (
    slug        varchar(100)  primary key,
    name        varchar(100)  not null,
    description varchar(1000),
    updated_at  timestamptz   not null
);
