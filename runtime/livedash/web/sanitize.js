// The one place of the rules for props, as Dash (4.4.1, React 18.3.1) applies them: `safeProps` is what reaches
// Dash's components (tree.js, in the page and in the build's server render); `safeAttribute`
// gives the attribute a prop becomes, with the same rules.
//
// - Event handlers (`on…`, any case) are never attributes (React drops them).
// - Attribute names React refuses (its isAttributeNameSafe regex) are dropped with a warning, never thrown.
// - URLs go through Dash's `clean_url` (dash-renderer): a `javascript:`/`vbscript:` URL becomes about:blank
//   and is reported as "Dangerous link detected: <url>".
// - Untrusted apps (code from a share link): no data:/blob:/filesystem: URL where it would be navigated to
//   (a blob: URL made in the worker is same-origin), embed/object only over http(s), every iframe sandboxed
//   without allow-same-origin, no <meta http-equiv>.

// ---- Dash's clean_url (dash-renderer/src/utils/clientsideFunctions.ts, braintree/sanitize-url) ----
const NEW_LINES = /&(tab|newline);/gi;
// eslint-disable-next-line no-control-regex
const CTRL_CHARS = /[\u0000-\u001F\u007F-\u009F\u2000-\u200D\uFEFF]/gim;
const HTML_ENTITIES = /&#(\w+)(^\w|;)?/g;
const INVALID_PROTOCOLS = /^([^\w]*)(javascript|vbscript)/im;
// Stricter siblings: a script scheme with its colon (for URL attributes Dash leaves alone, so that an image
// called javascript-logo.png keeps working), and the schemes refused in untrusted apps.
const SCRIPT_SCHEME = /^([^\w]*)(javascript|vbscript):/im;
const LOCAL_SCHEME = /^([^\w]*)(data|blob|filesystem):/im;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** What Dash's clean_url tests: the URL without &tab;/&newline;, control characters, numeric entities. */
function plainUrl(url) {
  return url.replace(NEW_LINES, "").replace(CTRL_CHARS, "")
    .replace(HTML_ENTITIES, (_, dec) => String.fromCharCode(dec)).trim();
}

/** Dash's clean_url: the URL itself, or "about:blank" when it would run script. "" stays "". */
export function cleanUrl(url) {
  const text = String(url);
  if (text === "") return text;
  return INVALID_PROTOCOLS.test(plainUrl(text)) ? "about:blank" : text;
}

// ---- attribute names (React 18.3.1's isAttributeNameSafe) ----
const NAME_START = ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF" +
  "\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = NAME_START + "\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
// React's regex as it is: U+0300-U+036F and U+200C-U+200D are ranges of code units here, not combined characters.
// eslint-disable-next-line no-misleading-character-class
const VALID_NAME = new RegExp("^[" + NAME_START + "][" + NAME_CHAR + "]*$");

/** May this (DOM) attribute name be set? React's regex, and never an event handler (`on…`). */
export function attributeAllowed(name) {
  return typeof name === "string" && VALID_NAME.test(name) && !/^on/i.test(name);
}

// ---- prop -> attribute ----
const RENAMED = { className: "class", htmlFor: "for" };
// CSS properties whose numbers carry no unit (React's list, the ones used in practice).
const UNITLESS = new Set(["animationIterationCount", "aspectRatio", "borderImageOutset", "borderImageSlice",
  "borderImageWidth", "columnCount", "columns", "flex", "flexGrow", "flexPositive", "flexShrink", "flexNegative",
  "flexOrder", "fontWeight", "gridArea", "gridColumn", "gridColumnEnd", "gridColumnStart", "gridRow", "gridRowEnd",
  "gridRowStart", "lineClamp", "lineHeight", "opacity", "order", "orphans", "scale", "tabSize", "widows", "zIndex",
  "zoom", "fillOpacity", "floodOpacity", "stopOpacity", "strokeDasharray", "strokeDashoffset", "strokeMiterlimit",
  "strokeOpacity", "strokeWidth"]);

/** An id as Dash writes it in the DOM: dict ids as JSON with sorted keys and no spaces. */
export function idKey(id) {
  if (id === null || typeof id !== "object") return id;
  return "{" + Object.keys(id).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(id[k])}`).join(",") + "}";
}

export function styleText(style) {
  const parts = [];
  for (const [name, value] of Object.entries(style)) {
    if (value === null || value === undefined || value === "" || typeof value === "boolean") continue;
    const css = name.startsWith("--") ? name : name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
    const unit = typeof value === "number" && value !== 0 && !UNITLESS.has(name) && !name.startsWith("--") ? "px" : "";
    parts.push(`${css}: ${value}${unit}`);
  }
  return parts.join("; ");
}

/** The DOM attribute a prop is written as (a DOM attribute name gives itself). */
export function attributeName(prop) {
  return RENAMED[prop] || (prop.startsWith("data-") || prop.startsWith("aria-") ? prop : prop.toLowerCase());
}

// Attributes holding a URL the browser loads or navigates to: every one goes through clean_url.
// (srcset is left alone: it only ever loads images, which run no script.)
export const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "cite", "poster",
  "background", "codebase", "classid", "longdesc", "manifest", "ping", "xlink:href", "lowsrc", "dynsrc", "icon",
  "profile", "archive"]);
// The ones Dash 4.4.1's html components clean themselves: there the rule is exactly Dash's.
const DASH_CLEANED = { a: "href", button: "formaction", embed: "src", form: "action", iframe: "src", object: "data" };
// Untrusted apps: data:, blob: and filesystem: URLs are refused where they are navigated to (a document).
const NAVIGATED_ANY_TAG = new Set(["href", "action", "formaction", "xlink:href"]);
const NAVIGATED = { iframe: ["src"], frame: ["src"], embed: ["src"], object: ["data", "codebase", "classid"] };
// ... and embed/object (which cannot be sandboxed) load only http(s) (or relative) URLs.
const HTTP_ONLY = { embed: ["src"], object: ["data", "codebase", "classid"] };
export const IFRAME_SANDBOX = "allow-scripts allow-forms allow-popups";
const SANDBOX_REFUSED = new Set(["allow-same-origin", "allow-top-navigation", "allow-top-navigation-by-user-activation",
  "allow-top-navigation-to-custom-protocols", "allow-popups-to-escape-sandbox"]);

/** An untrusted iframe's sandbox: the author's tokens without the ones that reach the page's origin. */
export function sandboxTokens(value) {
  if (value === null || value === undefined || value === false) return IFRAME_SANDBOX;
  if (value === true) return "";
  return String(value).split(/[\t\n\f\r ]+/).filter((t) => t && !SANDBOX_REFUSED.has(t.toLowerCase())).join(" ");
}

/** The URL to write, or "about:blank" (with the problem reported) when it is refused. */
function safeUrl(tag, name, url, trusted, report) {
  if (url === "") return url;
  const plain = plainUrl(url);
  let refused = DASH_CLEANED[tag] === name ? INVALID_PROTOCOLS.test(plain) : SCRIPT_SCHEME.test(plain);
  if (!refused && !trusted) {
    if ((NAVIGATED_ANY_TAG.has(name) || (NAVIGATED[tag] || []).includes(name)) && LOCAL_SCHEME.test(plain)) refused = true;
    const scheme = plain.match(SCHEME);
    if ((HTTP_ONLY[tag] || []).includes(name) && scheme && !/^https?$/i.test(scheme[1])) refused = true;
  }
  if (!refused) return url;
  if (report) report(`Dangerous link detected: ${url}`);
  return "about:blank";
}

const consoleWarn = (message) => console.warn(`livedash: ${message}`);

/**
 * A prop (or DOM attribute) of an element `tag` as the attribute to write: [name, text], [name, null] for
 * "absent" (remove it), or null when it is never an attribute (an event handler, a name React refuses:
 * `warn` is told about the latter). `report(message)`: a refused URL ("Dangerous link detected: <url>").
 */
export function safeAttribute(tag, prop, value, { trusted = true, report, warn = consoleWarn } = {}) {
  if (typeof prop !== "string") return null;
  tag = String(tag).toLowerCase();
  const name = attributeName(prop);
  if (/^on/i.test(name)) return null;   // event handlers: never attributes (React drops them too)
  if (!VALID_NAME.test(name)) {
    if (warn) warn(`invalid attribute name \`${prop}\` dropped (on <${tag}>)`);
    return null;
  }
  const lower = name.toLowerCase();
  if (!trusted && tag === "iframe" && lower === "sandbox") return [name, sandboxTokens(value)];
  if (!trusted && tag === "meta" && lower === "http-equiv") {
    if (warn && value !== null && value !== undefined && value !== false) warn(`<meta http-equiv> dropped in an untrusted app`);
    return null;
  }
  if (value === null || value === undefined || value === false) return [name, null];
  let text;
  if (name === "id") text = String(idKey(value));
  else if (name === "style") {
    text = value && typeof value === "object" ? styleText(value) : "";
    if (!text) return [name, null];
  } else text = value === true ? "" : String(value);
  if (URL_ATTRIBUTES.has(lower)) text = safeUrl(tag, lower, text, trusted, report);
  return [name, text];
}

// Named elements the document exposes as its own properties, over its built-in ones (DOM clobbering: an
// <img name="querySelectorAll"> would make document.querySelectorAll that image for every script of the
// page). Page only, since it depends on the document; untrusted apps only (Dash has no such guard).
const NAMED_BY_NAME = new Set(["embed", "form", "iframe", "img", "object"]);
const NAMED_BY_ID = new Set(["img", "object"]);

// Dash's html components whose type is not their tag.
export const TAGS = { ObjectEl: "object", MapEl: "map" };

/** The tag an html component type is drawn as. */
export function htmlTag(type) {
  return TAGS[type] || String(type).toLowerCase();
}

// ---- props handed to Dash's React components (tree.js) ----
const HTML_NAMESPACE = "dash_html_components";
// Never a Dash prop, and React would write it as HTML: refused for every component, trusted or not.
const NEVER = new Set(["dangerouslySetInnerHTML", "ref"]);
const warned = new Set();
const warnOnce = (message) => {   // (a component is drawn again on every change: say it once)
  if (warned.has(message)) return;
  warned.add(message);
  consoleWarn(message);
};

/**
 * The props a component is drawn with. Trusted apps get Dash's own behaviour (URLs cleaned with clean_url,
 * reported as "Dangerous link detected"); untrusted ones (code from a share link) also get the rules above,
 * and no raw HTML in dcc.Markdown or DataTable cells. Event handlers never reach a component as props.
 */
export function safeProps(namespace, type, props, { trusted = true, report } = {}) {
  const out = {};
  const html = namespace === HTML_NAMESPACE;
  const tag = html ? htmlTag(type) : "";
  for (const [prop, value] of Object.entries(props || {})) {
    if (NEVER.has(prop) || /^on[A-Z]/.test(prop)) continue;
    if (!html) { out[prop] = value; continue; }
    if (prop === "children" || prop === "style" || prop === "id" || value === null || value === undefined
      || typeof value === "object") { out[prop] = value; continue; }
    const attribute = safeAttribute(tag, prop, value, { trusted, report, warn: warnOnce });
    if (!attribute) continue;
    const [, text] = attribute;
    if (!trusted && typeof document !== "undefined" && (prop === "name" || prop === "id")
      && (prop === "name" ? NAMED_BY_NAME : NAMED_BY_ID).has(tag) && String(value) in Object.getPrototypeOf(document)) {
      continue;
    }
    out[prop] = URL_ATTRIBUTES.has(attributeName(prop).toLowerCase()) && text !== null ? text : value;
  }
  if (!trusted) {
    if (html && tag === "iframe") out.sandbox = sandboxTokens(props?.sandbox);
    if (html && tag === "meta") { delete out.httpEquiv; delete out["http-equiv"]; }
    if (namespace === "dash_core_components" && type === "Markdown") out.dangerously_allow_html = false;
    if (namespace === "dash_table" && type === "DataTable" && out.markdown_options) {
      out.markdown_options = { ...out.markdown_options, html: false };
    }
  }
  return out;
}
