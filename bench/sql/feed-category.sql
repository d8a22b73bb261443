select t.article_id, t.slug, t.title, t.excerpt, t.image_url, t.image_alt, t.image_caption,
       t.category_slug, t.category_name, t.published_at
from newsdesk.teaser t where t.published_at <= now() and t.category_slug = 'world'
order by t.published_at desc, t.article_id desc limit 21;
