-- Cards show how long a story takes to read, from the feed's one statement.
alter table teaser add column reading_time_minutes integer not null default 0;
update teaser t set reading_time_minutes = a.reading_time_minutes from article a
where a.id = t.article_id;
