-- Articles and teasers show photos of the media library by reference: the delivered picture (its
-- size, credit, placeholder and renditions, and the alt text and caption unless the editor gave
-- their own) is read from the asset, so describing a photo again shows everywhere it is used. An
-- external picture keeps its URL in image_url; a row has one or the other. The foreign keys keep
-- a photo in use from being deleted.
alter table asset add column updated_at timestamptz;
update asset set updated_at = created_at;
alter table asset alter column updated_at set not null;

alter table article
    add column image_asset_id uuid references asset (id),
    add constraint article_one_image check (image_asset_id is null or image_url is null);
create index article_image_asset_idx on article (image_asset_id) where image_asset_id is not null;

alter table teaser
    add column image_asset_id uuid references asset (id),
    add column override_image_asset_id uuid references asset (id),
    add constraint teaser_one_image check (image_asset_id is null or image_url is null),
    add constraint teaser_one_override_image
        check (override_image_asset_id is null or override_image_url is null);
create index teaser_image_asset_idx on teaser (image_asset_id) where image_asset_id is not null;
create index teaser_override_image_asset_idx on teaser (override_image_asset_id)
    where override_image_asset_id is not null;
