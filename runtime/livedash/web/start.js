// Loaded `async` (with its imports preloaded) ahead of the widgets on a page with a live example: Python
// starts booting while the page's other modules (widgets, React host, editor) are still on their way.
import { shared } from "./kernel.js";

shared.start();
