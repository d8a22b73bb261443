-- Editorial: revisions, idempotent creates, preview signing, webhooks (outbox and deliveries), audit.

-- Every save of an article, numbered per article: who, when, what it did, the content as sent
-- (to restore it) and the article as it then stood (to show it).
create table article_revision (
    article_id uuid         not null references article (id) on delete cascade,
    number     integer      not null,
    at         timestamptz  not null,
    actor_name varchar(200) not null,
    actor_role varchar(20)  not null,
    action     varchar(20)  not null,
    input      jsonb        not null,
    article    jsonb        not null,
    primary key (article_id, number)
);

-- POST create with an Idempotency-Key: the first request's outcome, per caller, for 24 hours.
create table idempotency_key (
    caller       varchar(64)  not null,
    key          varchar(200) not null,
    request_hash varchar(64)  not null,
    article_id   uuid,
    response     jsonb,
    created_at   timestamptz  not null,
    primary key (caller, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);

-- Finds the articles indexed with another text search configuration at start without reading
-- every row (see SearchIndex).
create index article_search_config_idx on article (search_config);

-- Secrets the server makes for itself once and shares between instances (preview signing).
create table server_secret (
    name  varchar(50) primary key,
    value bytea       not null
);

create table webhook (
    id         uuid          primary key,
    url        varchar(2000) not null,
    events     text[]        not null,
    secret     varchar(200)  not null,
    created_at timestamptz   not null,
    active     boolean       not null default true
);

-- The outbox: one row per event and subscription, written in the transaction of the change.
create table webhook_delivery (
    id              uuid          primary key,
    webhook_id      uuid          not null references webhook (id) on delete cascade,
    event_id        uuid          not null,
    event_type      varchar(40)   not null,
    payload         jsonb         not null,
    created_at      timestamptz   not null,
    status          varchar(12)   not null check (status in ('pending', 'delivered', 'failed')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(1000)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, created_at desc);

create table audit_entry (
    id          bigint        generated always as identity primary key,
    at          timestamptz   not null,
    actor_id    uuid,
    actor_name  varchar(200)  not null,
    actor_role  varchar(20)   not null,
    method      varchar(10)   not null,
    path        varchar(2000) not null,
    entity_type varchar(40),
    entity_id   varchar(200),
    status      integer       not null,
    address     varchar(100)
);
create index audit_entry_at_idx on audit_entry (at desc, id desc);
create index audit_entry_actor_idx on audit_entry (actor_name, at desc);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id, at desc);
