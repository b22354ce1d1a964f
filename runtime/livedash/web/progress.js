// Which exercises the reader has passed, kept in localStorage per site, and shown in the navigation as
// "✓" (every exercise of the page passed) or "1/2".
import config from "./config.js";

const KEY = `livedash-progress:${new URL("./", import.meta.url).pathname}`;   // one per site

function read() {
  try {
    return new Set(JSON.parse(localStorage.getItem(KEY) || "[]"));
  } catch {
    return new Set();   // storage off or unreadable: progress is a nicety, never an error
  }
}

export function hasPassed(id) {
  return read().has(id);
}

export function markPassed(id) {
  const passed = read();
  passed.add(id);
  try {
    localStorage.setItem(KEY, JSON.stringify([...passed]));
  } catch { /* private mode: not kept */ }
  decorateNavigation();
}

/** Mark the navigation's links to pages that have exercises. */
export function decorateNavigation() {
  const passed = read();
  const pages = new Map(Object.entries(config.exercises || {}).map(
    ([url, ids]) => [new URL(url, import.meta.url).pathname, ids]));
  // Page links of the site navigation: not the logo, not the table of contents' #anchors.
  for (const link of document.querySelectorAll("nav a[href]:not(.md-logo)")) {
    const target = new URL(link.href, document.baseURI);
    const ids = !target.hash && pages.get(target.pathname);
    if (!ids) continue;
    const done = ids.filter((id) => passed.has(id)).length;
    let mark = link.querySelector(".livedash-progress");
    if (!mark) {
      mark = document.createElement("span");
      mark.className = "livedash-progress";
      link.append(mark);
    }
    // "1/2" alone says nothing: the words are its title (hover) and what a screen reader says of it.
    const words = `${done} of ${ids.length} exercise${ids.length === 1 ? "" : "s"} done on this page`;
    mark.dataset.done = String(done === ids.length);
    mark.textContent = done === ids.length ? "✓" : `${done}/${ids.length}`;
    mark.title = words;
    mark.setAttribute("role", "img");
    mark.setAttribute("aria-label", words);
  }
}
