-- The media library: each upload once (found again by the SHA-256 of its bytes), what editors say
-- about it, and the focal point that crops are centred on. Renditions are files in the media store,
-- made on their first request; their URLs carry the asset's version, so a moved focal point gives
-- new URLs and cached ones never go stale.
create table asset (
    id          uuid             primary key,
    sha256      varchar(64)      not null constraint asset_sha256_key unique,
    filename    varchar(255)     not null,
    mime_type   varchar(40)      not null,
    bytes       bigint           not null,
    width       integer          not null,
    height      integer          not null,
    alt         varchar(1000),
    caption     varchar(2000),
    credit      varchar(500),
    focal_x     double precision not null default 0.5,
    focal_y     double precision not null default 0.5,
    placeholder varchar(4000)    not null,
    created_at  timestamptz      not null,
    created_by  uuid             references api_token (id) on delete set null,
    version     bigint           not null default 0
);
create index asset_created_idx on asset (created_at desc, id desc);
