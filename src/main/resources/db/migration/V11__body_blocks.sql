-- body.blocks made when the article is written (JSON), so a read only copies them; null for
-- articles written before, whose blocks are made when they are read until they are written again.
alter table article add column body_blocks text;
