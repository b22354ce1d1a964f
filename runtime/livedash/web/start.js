// Loaded `async` ahead of livedash.js on a page with widgets: its only imports are small, so Python starts
// booting while the page's other modules (widgets, React host, editor) are still on their way.
import { shared } from "./kernel.js";

if (document.querySelector(".livedash[data-livedash-key]")) shared.start();
