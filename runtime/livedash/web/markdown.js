// dcc.Markdown: the tree livedash/markdown.py parsed (see its docstring) -> DOM. The worker may run code
// from a share link and can post any message, so nothing here trusts the tree: only the tags CommonMark
// produces, each with its few attributes (set through sanitize.js), and text always as text. The markup
// is byte for byte what livedash/markdown.py's tree_html writes at build time.
import { applyAttribute } from "./sanitize.js";

// The same lists as livedash/markdown.py.
export const TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "blockquote",
  "ul", "ol", "li", "a", "img", "hr", "br"]);
export const ATTRIBUTES = { a: ["href", "title", "target"], img: ["src", "alt", "title"], ol: ["start"],
  code: ["class"] };
const VOID = new Set(["img", "hr", "br"]);
const RAW = "#html";

/** DOM nodes for a Markdown's tree. Raw HTML (dangerously_allow_html) is drawn as HTML only when
 *  `trusted` (the course's own code), otherwise as its text; `report(message)` hears what was refused. */
export function markdownNodes(tree, { trusted = false, report } = {}) {
  if (!Array.isArray(tree)) return [];
  if (trusted && tree.some(hasRaw)) return parsed(tree.map((node) => html(node, report)).join(""));
  return tree.flatMap((node) => build(node, { trusted, report }));
}

function build(node, options) {
  if (typeof node === "string") return [document.createTextNode(node)];
  if (!Array.isArray(node)) return [];
  const [tag, attributes, ...children] = node;
  // Raw HTML (reached only when untrusted): its source, as text.
  if (tag === RAW) return [document.createTextNode(children.filter((c) => typeof c === "string").join(""))];
  // A tag outside the list (a forged message) is dropped, its text kept.
  if (!TAGS.has(tag)) return children.flatMap((child) => build(child, options));
  const el = element(tag, attributes, options);
  if (!VOID.has(tag)) el.append(...children.flatMap((child) => build(child, options)));
  return [el];
}

function element(tag, attributes, { trusted, report }) {
  const el = document.createElement(tag);
  const given = attributes && typeof attributes === "object" ? attributes : {};
  for (const name of ATTRIBUTES[tag] || []) {
    if (typeof given[name] === "string") applyAttribute(el, name, given[name], { trusted, report });
  }
  return el;
}

const hasRaw = (node) => Array.isArray(node) && (node[0] === RAW || node.slice(2).some(hasRaw));

/** The HTML of a tree holding trusted raw HTML, which only makes sense as one string (an inline tag's
 *  start and end are separate nodes); the elements and text are written by the browser itself. */
function html(node, report) {
  if (typeof node === "string") {
    const box = document.createElement("div");
    box.textContent = node;
    return box.innerHTML;
  }
  if (!Array.isArray(node)) return "";
  const [tag, attributes, ...children] = node;
  if (tag === RAW) return children.join("");
  const inner = children.map((child) => html(child, report)).join("");
  if (!TAGS.has(tag)) return inner;
  const outer = element(tag, attributes, { trusted: true, report }).outerHTML;
  return VOID.has(tag) ? outer : outer.slice(0, -`</${tag}>`.length) + inner + `</${tag}>`;
}

function parsed(text) {
  const template = document.createElement("template");
  template.innerHTML = text;
  return [...document.importNode(template.content, true).childNodes];
}
