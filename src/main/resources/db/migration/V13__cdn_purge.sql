-- Purges of caching proxies and CDNs by surrogate key. A row is written in the transaction of the
-- change that touched the keys, one per target, so a rolled-back write purges nothing and a
-- committed one is never forgotten. It is sent after the commit, retried with backoff while the
-- target is down, and sent a second time a moment after the first success (passes_left), when
-- every instance has dropped its own cached copy (LISTEN/NOTIFY): a proxy that refilled from an
-- instance that had not heard of the change yet is purged of that copy too. Then it is deleted.
create table cdn_purge (
  id bigserial primary key,
  target text not null,
  keys text[] not null,
  created_at timestamptz not null,
  passes_left smallint not null default 2,
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_error text
);
create index cdn_purge_due_idx on cdn_purge (next_attempt_at);
