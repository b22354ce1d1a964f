// Entry module, included by every page that has a widget.
//
// How Material for MkDocs (9.8.2, integrations/instant/index.ts in its bundle's source map) treats this
// page on instant navigation: it fetches the next page, swaps in its [data-md-component=container] (and
// header topic, logo, ...), diffs <head> children by outerHTML (adds new ones, REMOVES those the new page
// lacks, so anything we append to <head> goes away on the next swap), then re-creates every <script> inside
// the container: a script with `src` is replaced by a copy with all its attributes (so it runs; the swap
// waits for its `load`), an inline script by a bare <script> holding the same text and no attributes
// (so `type="application/json"` data would be run as JavaScript: widget data lives in a <template>).
// Only then does `document$` (a ReplaySubject(1), first fed on DOMContentLoaded) emit the document.
// So: this module runs once per document (the module map dedupes re-inserted tags), it may run for the
// first time on a later page (inserted by a swap: the replayed emission plus the swap's own one both find
// the new widgets), and the stylesheet must be checked on every emission, not just once.
import { drawFigure } from "./diagram.js";
import { decorateNavigation } from "./progress.js";
import { mountWidget } from "./widget.js";

const STYLESHEET = new URL("./livedash.css", import.meta.url).href;

/** Make sure livedash.css is in the page: the plugin puts a link in the content; other pages get one here. */
function ensureStylesheet() {
  if (document.querySelector("link[data-livedash-css], link#livedash-css")) return;
  const link = document.createElement("link");
  link.id = "livedash-css";
  link.rel = "stylesheet";
  link.href = STYLESHEET;
  document.head.append(link);
}

const mounted = new Map(); // widget element -> handle

/** Unmount widgets whose element left the page (the worker forgets their app), mount the new ones. */
function sync() {
  for (const [element, handle] of mounted) {
    if (!element.isConnected) {
      mounted.delete(element);
      handle.unmount();
    }
  }
  const elements = document.querySelectorAll(".livedash[data-livedash-key]");
  const figures = [...document.querySelectorAll("figure.livedash-diagram")].filter((f) => !f.closest(".livedash"));
  if (elements.length || figures.length) ensureStylesheet();
  for (const figure of figures) drawFigure(figure);   // a diagram on its own (show=diagram)
  decorateNavigation();   // the navigation is swapped with the page: mark exercise progress again
  for (const element of elements) {
    if (mounted.has(element)) continue;
    try {
      mounted.set(element, mountWidget(element));
    } catch (error) {
      // One broken widget must not stop the others.
      console.error("livedash: could not mount a widget", element, error);
    }
  }
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(sync);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sync);
else sync();
