// The Newsdesk reader page: plain JavaScript on the public delivery API only, as any frontend would.
"use strict";

const API = "/api/v1";
const recent = document.getElementById("recent");
const more = document.getElementById("more");
const shown = new Set(); // slugs already in the list, so "More" never repeats one
const category = new URLSearchParams(location.search).get("category"); // one section: /?category=world
let next = null;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });
const UNITS = [
  ["year", 365 * 24 * 3600], ["month", 30 * 24 * 3600], ["week", 7 * 24 * 3600],
  ["day", 24 * 3600], ["hour", 3600], ["minute", 60],
];

/** "5 days ago", "2 weeks ago", "1 month ago"; "just now" under a minute. */
function ago(instant, now = Date.now()) {
  const seconds = Math.max(0, (now - Date.parse(instant)) / 1000);
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit);
  }
  return "just now";
}

async function getJson(path) {
  const response = await fetch(API + path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `The server answered ${response.status}`);
  }
  return response.json();
}

/** "url 320w, url 640w" for the renditions of one type (and one aspect, for crops). */
function srcset(renditions, type, aspect) {
  return renditions
    .filter((r) => r.type === type && (!aspect || r.aspect === aspect))
    .map((r) => `${r.url} ${r.width}w`)
    .join(", ");
}

/**
 * A <picture> for a delivered image: WebP and JPEG sources at every width the server has, the
 * intrinsic size (no layout shift) and the placeholder as the background while it loads. A crop
 * aspect ("4:3") uses the crops instead of the whole photo. External pictures get a plain <img>.
 */
function picture(image, sizes, aspect) {
  const renditions = aspect ? image.crops : image.sources;
  const img = document.createElement("img");
  img.alt = image.alt || "";
  img.decoding = "async";
  if (!renditions || renditions.length === 0) {
    img.src = image.url;
    return img;
  }
  const picture = document.createElement("picture");
  const webp = document.createElement("source");
  webp.type = "image/webp";
  webp.srcset = srcset(renditions, "image/webp", aspect);
  webp.sizes = sizes;
  const jpegs = renditions.filter((r) => r.type === "image/jpeg" && (!aspect || r.aspect === aspect));
  const largest = jpegs[jpegs.length - 1];
  img.src = largest.url;
  img.srcset = srcset(renditions, "image/jpeg", aspect);
  img.sizes = sizes;
  img.width = largest.width;
  img.height = largest.height;
  if (image.placeholder) {
    img.style.backgroundImage = `url("${image.placeholder}")`;
    img.style.backgroundSize = "cover";
  }
  picture.append(webp, img);
  return picture;
}

function showLead(image) {
  const lead = document.getElementById("lead");
  lead.replaceChildren();
  lead.hidden = !image;
  if (!image) return;
  lead.append(picture(image, "(max-width: 50rem) 100vw, 44rem"));
  const words = [image.caption, image.credit].filter(Boolean).join(" · ");
  if (words) {
    const caption = document.createElement("figcaption");
    caption.textContent = words;
    lead.append(caption);
  }
}

function text(id, value) {
  const element = document.getElementById(id);
  element.textContent = value || "";
  element.hidden = !value;
}

async function showArticle(slug) {
  const problem = document.getElementById("problem");
  try {
    const article = await getJson(`/articles/${encodeURIComponent(slug)}`);
    text("category", article.category && article.category.name);
    text("headline", article.title);
    text("standfirst", article.subtitle);
    const byline = (article.byline || []).join(", ");
    text("meta", [byline, article.publishedAt && new Date(article.publishedAt).toLocaleString("en-GB")]
      .filter(Boolean).join(" · "));
    showLead(article.image);
    document.getElementById("body").innerHTML = article.body.html; // sanitized by the server
    document.title = `${article.title} · Newsdesk`;
    problem.hidden = true;
  } catch (error) {
    problem.textContent = error.message;
    problem.hidden = false;
  }
}

function teaserItem(teaser) {
  const item = document.createElement("li");
  item.dataset.slug = teaser.slug;
  const link = document.createElement("a");
  link.href = `/articles/${teaser.slug}`;
  link.textContent = teaser.title;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    history.pushState({ slug: teaser.slug }, "", link.href);
    showArticle(teaser.slug);
    window.scrollTo(0, 0);
  });
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.textContent = teaser.excerpt;
  const time = document.createElement("time");
  time.dateTime = teaser.publishedAt;
  time.textContent = ago(teaser.publishedAt);
  if (teaser.image) {
    const thumbnail = picture(teaser.image, "6rem", "4:3");
    thumbnail.classList.add("thumbnail");
    item.append(thumbnail);
  }
  item.append(link, excerpt, time);
  return item;
}

async function loadTeasers() {
  const query = new URLSearchParams();
  if (category) query.set("category", category);
  if (next) query.set("cursor", next);
  const page = await getJson(`/feed?${query}`);
  for (const teaser of page.items) {
    if (!shown.has(teaser.slug)) {
      shown.add(teaser.slug);
      recent.append(teaserItem(teaser));
    }
  }
  next = page.page.next;
  more.hidden = !next;
  return page.items;
}

function slugInPath() {
  const match = location.pathname.match(/^\/articles\/([a-z0-9-]+)$/);
  return match ? match[1] : null;
}

more.addEventListener("click", () => loadTeasers());
window.addEventListener("popstate", () => {
  const slug = slugInPath();
  if (slug) showArticle(slug);
});

(async () => {
  try {
    const first = await loadTeasers();
    const slug = slugInPath() || (first[0] && first[0].slug);
    if (slug) {
      await showArticle(slug);
    } else {
      text("headline", "Nothing published yet");
    }
  } catch (error) {
    text("headline", "The news could not be loaded");
    text("standfirst", error.message);
  }
})();
