// The reader page is HTML made on the server; this script only makes "Older stories" load the
// next page of the recent posts in place (from the public delivery API, as any frontend would).
// Without it, the link opens the front page from the same cursor.
"use strict";

const recent = document.getElementById("recent");
const more = document.getElementById("more");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "30 Nov 2026" in UTC, as the server writes dates. */
function day(instant) {
  const date = new Date(instant);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function element(name, properties = {}, ...children) {
  const node = document.createElement(name);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

function srcset(renditions) {
  return renditions.map((r) => `${r.url} ${r.width}w`).join(", ");
}

/** The 4:3 thumbnail, as the server renders it: WebP and JPEG crops at every width. */
function thumbnail(image) {
  const crops = (image.crops || []).filter((c) => c.aspect === "4:3");
  const jpegs = crops.filter((c) => c.type === "image/jpeg");
  if (jpegs.length === 0) {
    return element("img", { className: "thumbnail", src: image.url, alt: image.alt || "", loading: "lazy" });
  }
  const largest = jpegs[jpegs.length - 1];
  const img = element("img", {
    src: largest.url, srcset: srcset(jpegs), sizes: "6rem", width: largest.width,
    height: largest.height, alt: image.alt || "", loading: "lazy", decoding: "async",
  });
  if (image.placeholder) {
    img.style.backgroundImage = `url('${image.placeholder}')`;
    img.style.backgroundSize = "cover";
  }
  const webp = element("source", {
    type: "image/webp", srcset: srcset(crops.filter((c) => c.type === "image/webp")), sizes: "6rem",
  });
  return element("picture", { className: "thumbnail" }, webp, img);
}

function teaser(t) {
  const item = element("li");
  item.dataset.slug = t.slug;
  if (t.image) item.append(thumbnail(t.image));
  item.append(
    element("a", { href: `/articles/${t.slug}`, textContent: t.title }),
    element("p", { className: "excerpt", textContent: t.excerpt }),
    element("time", { dateTime: t.publishedAt, textContent: day(t.publishedAt) }),
  );
  return item;
}

async function older(event) {
  event.preventDefault();
  const cursor = new URL(more.href).searchParams.get("cursor");
  const query = new URLSearchParams({ cursor });
  if (more.dataset.category) query.set("category", more.dataset.category);
  more.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(`/api/v1/feed?${query}`, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`The server answered ${response.status}`);
    const page = await response.json();
    const shown = new Set([...recent.children].map((li) => li.dataset.slug));
    page.items.filter((t) => !shown.has(t.slug)).forEach((t) => recent.append(teaser(t)));
    if (page.page.next) {
      const next = new URL(more.href);
      next.searchParams.set("cursor", page.page.next);
      more.href = next.pathname + next.search;
    } else {
      more.remove();
    }
  } catch (error) {
    window.location.href = more.href; // the page the link names still works
  } finally {
    more.removeAttribute("aria-busy");
  }
}

if (more) more.addEventListener("click", older);
