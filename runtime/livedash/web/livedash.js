// Entry module, included by every page that has a widget. A module runs once per document, so when
// Material's instant navigation re-inserts this script on a later page nothing runs twice; instead
// we follow Material's `document$`, which emits the current page now and again after each swap.
import { mountWidget } from "./widget.js";

const stylesheet = new URL("./livedash.css", import.meta.url).href;
if (!document.querySelector("link[data-livedash-css-head]")) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = stylesheet;
  link.dataset.livedashCssHead = "";
  document.head.append(link);
}

const mounted = new Map(); // widget element -> handle

function sync() {
  for (const [element, handle] of mounted) {
    if (!element.isConnected) {
      handle.unmount();
      mounted.delete(element);
    }
  }
  for (const element of document.querySelectorAll(".livedash[data-livedash-key]")) {
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
