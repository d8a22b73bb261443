-- Feeds send the time of the newest visible change as Last-Modified: max(at) up to now, read from
-- the end of this index instead of a scan of the whole change history.
create index content_change_at_idx on content_change (at);
