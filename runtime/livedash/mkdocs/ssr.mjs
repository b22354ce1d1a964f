// The build's first paint of each example, drawn by React with Dash's own components (a server render), so that
// the page's React (web/host.js, ReactDOM.hydrateRoot) takes it over without moving anything.
//
// One process per build (livedash/prerender.py starts it: `node --experimental-vm-modules ssr.mjs`), fed many
// apps, one JSON line each on stdin:
//   {"key": str, "layout": component, "children_props": {...}, "trusted": true,
//    "react": [file], "namespaces": {name: [file]}, "server": file}
// `react`: the scripts every app needs first, in order (Dash's polyfill, React, ReactDOM, prop-types);
// `namespaces`: each namespace's bundles in load order (their async chunks sit beside them, where webpack looks);
// `server`: react-dom's umd/react-dom-server.browser.production.min.js. Each is answered with one JSON line:
//   {"html": str, "css": [str], "warnings": [str], "skipped": str|null, "error": str|null, "console": [str]}
// `html`: React's markup of the app, every lazy component (Slider, Dropdown...) resolved; `css`: the text of
// each <style> the app's bundles insert in a page (style-loader), in their order; `warnings`: what the page would
// report (a dangerous link) and the parts React left to the page; `skipped`: the app uses a namespace whose
// bundles were not given (the page draws it); `error`: why it could not be drawn. An app's error never ends the
// process.
//
// Everything runs in one vm context with a minimal DOM (enough for the UMD and webpack bundles to load and for a
// server render): window = self = the context's globalThis. The page's own modules (host.js, and the tree.js,
// sanitize.js, location.js, browserstate.js it imports) are evaluated in that same context: the API every Dash
// bundle expects (window.dash_component_api, dash_clientside.clean_url), the app's tree and how each component is
// resolved (dcc.Location/Link/Store) are the page's own code, not a copy, and every object the bundles see comes
// from one realm (Ramda's `is(Object, x)` is false for another realm's object).
import fs from "node:fs";
import readline from "node:readline";
import vm from "node:vm";
import { fileURLToPath, pathToFileURL } from "node:url";

const WEB = new URL("../web/", import.meta.url);
const ORIGIN = "http://localhost";
const RENDER_TIMEOUT_MS = 30_000;
const DEBUG = Boolean(process.env.LIVEDASH_SSR_DEBUG);
const debug = (...args) => { if (DEBUG) process.stderr.write(`ssr: ${args.join(" ")}\n`); };

if (!vm.SourceTextModule) {
  process.stderr.write("ssr.mjs needs `node --experimental-vm-modules` (vm.SourceTextModule)\n");
  process.exit(2);
}

// ---- the DOM the bundles see (defined inside the context: its objects belong to the context's realm) ----

function installDom(bridge, origin) {
  const g = globalThis;
  const listeners = () => ({ addEventListener() {}, removeEventListener() {}, dispatchEvent() { return true; } });

  class Node {
    constructor() { this.childNodes = []; this.parentNode = null; }
    get firstChild() { return this.childNodes[0] || null; }
    get lastChild() { return this.childNodes[this.childNodes.length - 1] || null; }
    get children() { return this.childNodes.filter((n) => n.nodeType === 1); }
    get parentElement() { return this.parentNode && this.parentNode.nodeType === 1 ? this.parentNode : null; }
    get nextSibling() {
      const siblings = this.parentNode ? this.parentNode.childNodes : [];
      return siblings[siblings.indexOf(this) + 1] || null;
    }
    get previousSibling() {
      const siblings = this.parentNode ? this.parentNode.childNodes : [];
      return siblings[siblings.indexOf(this) - 1] || null;
    }
    get ownerDocument() { return g.document; }
    get isConnected() {
      let node = this;
      while (node.parentNode) node = node.parentNode;
      return node === g.document;
    }
    insertBefore(child, reference) {
      if (child.nodeType === 11) {   // a fragment: its children
        for (const node of [...child.childNodes]) this.insertBefore(node, reference);
        return child;
      }
      if (child.parentNode) child.parentNode.removeChild(child);
      const at = reference ? this.childNodes.indexOf(reference) : -1;
      if (at < 0) this.childNodes.push(child);
      else this.childNodes.splice(at, 0, child);
      child.parentNode = this;
      if (this.isConnected) bridge.connected(child);
      return child;
    }
    appendChild(child) { return this.insertBefore(child, null); }
    append(...nodes) {
      for (const node of nodes) this.appendChild(typeof node === "object" ? node : new Text(String(node)));
    }
    prepend(...nodes) {
      const first = this.firstChild;
      for (const node of nodes) this.insertBefore(typeof node === "object" ? node : new Text(String(node)), first);
    }
    removeChild(child) {
      const at = this.childNodes.indexOf(child);
      if (at >= 0) this.childNodes.splice(at, 1);
      child.parentNode = null;
      return child;
    }
    replaceChild(child, old) { this.insertBefore(child, old); return this.removeChild(old); }
    remove() { if (this.parentNode) this.parentNode.removeChild(this); }
    contains(node) {
      for (; node; node = node.parentNode) if (node === this) return true;
      return false;
    }
    hasChildNodes() { return this.childNodes.length > 0; }
    cloneNode() { return new this.constructor(this.localName); }
    get textContent() { return this.childNodes.map((n) => n.textContent).join(""); }
    set textContent(text) { this.childNodes = []; if (text !== "" && text != null) this.appendChild(new Text(String(text))); }
    addEventListener() {}
    removeEventListener() {}
    dispatchEvent() { return true; }
  }
  Node.ELEMENT_NODE = 1; Node.TEXT_NODE = 3; Node.COMMENT_NODE = 8; Node.DOCUMENT_NODE = 9;

  class Text extends Node {
    constructor(data = "") { super(); this.data = String(data); }
    get nodeType() { return 3; }
    get nodeName() { return "#text"; }
    get textContent() { return this.data; }
    set textContent(text) { this.data = String(text); }
    get nodeValue() { return this.data; }
    set nodeValue(text) { this.data = String(text); }
  }
  class Comment extends Text {
    get nodeType() { return 8; }
    get nodeName() { return "#comment"; }
  }
  class DocumentFragment extends Node {
    get nodeType() { return 11; }
  }

  const style = () => {
    const values = {};
    return new Proxy(values, {
      get(target, name) {
        if (name === "setProperty") return (prop, value) => { target[prop] = value; };
        if (name === "getPropertyValue") return (prop) => target[prop] ?? "";
        if (name === "removeProperty") return (prop) => { delete target[prop]; };
        if (name === "cssText") return "";
        return typeof name === "string" ? (target[name] ?? "") : undefined;
      },
    });
  };
  const classList = (el) => {
    const names = () => (el.getAttribute("class") || "").split(/\s+/).filter(Boolean);
    const write = (list) => el.setAttribute("class", list.join(" "));
    return {
      add: (...add) => write([...new Set([...names(), ...add])]),
      remove: (...drop) => write(names().filter((n) => !drop.includes(n))),
      contains: (name) => names().includes(name),
      toggle: (name, force) => {
        const on = force ?? !names().includes(name);
        if (on) write([...new Set([...names(), name])]); else write(names().filter((n) => n !== name));
        return on;
      },
      get length() { return names().length; },
    };
  };

  class Element extends Node {
    constructor(tag) {
      super();
      this.localName = String(tag).toLowerCase();
      this.namespaceURI = "http://www.w3.org/1999/xhtml";
      this.attrs = new Map();
      this.style = style();
      this.dataset = {};
      this.classList = classList(this);
    }
    get nodeType() { return 1; }
    get tagName() { return this.localName.toUpperCase(); }
    get nodeName() { return this.tagName; }
    get id() { return this.getAttribute("id") || ""; }
    set id(value) { this.setAttribute("id", value); }
    get className() { return this.getAttribute("class") || ""; }
    set className(value) { this.setAttribute("class", value); }
    get attributes() { return [...this.attrs].map(([name, value]) => ({ name, value })); }
    setAttribute(name, value) { this.attrs.set(String(name).toLowerCase(), String(value)); }
    getAttribute(name) { const v = this.attrs.get(String(name).toLowerCase()); return v === undefined ? null : v; }
    hasAttribute(name) { return this.attrs.has(String(name).toLowerCase()); }
    removeAttribute(name) { this.attrs.delete(String(name).toLowerCase()); }
    setAttributeNS(_ns, name, value) { this.setAttribute(name, value); }
    getElementsByTagName(tag) {
      const wanted = String(tag).toLowerCase();
      const out = [];
      const walk = (node) => {
        for (const child of node.childNodes) {
          if (child.nodeType !== 1) continue;
          if (wanted === "*" || child.localName === wanted) out.push(child);
          walk(child);
        }
      };
      walk(this);
      return out;
    }
    getElementsByClassName() { return []; }
    querySelector(selector) { return /^[a-z]+$/i.test(selector) ? this.getElementsByTagName(selector)[0] || null : null; }
    querySelectorAll(selector) { return /^[a-z]+$/i.test(selector) ? this.getElementsByTagName(selector) : []; }
    closest() { return null; }
    matches() { return false; }
    getBoundingClientRect() { return { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 }; }
    getClientRects() { return []; }
    focus() {}
    blur() {}
    click() {}
    get offsetWidth() { return 0; }
    get offsetHeight() { return 0; }
    get clientWidth() { return 0; }
    get clientHeight() { return 0; }
    get scrollWidth() { return 0; }
    get scrollHeight() { return 0; }
    get innerHTML() { return ""; }
    set innerHTML(text) { this.textContent = text; }
    get src() { const v = this.getAttribute("src"); return v === null ? "" : new URL(v, g.location.href).href; }
    set src(value) { this.setAttribute("src", value); }
    get href() { const v = this.getAttribute("href"); return v === null ? "" : new URL(v, g.location.href).href; }
    set href(value) { this.setAttribute("href", value); }
    get text() { return this.textContent; }
    set text(value) { this.textContent = value; }
  }
  class HTMLElement extends Element {}
  // A <style>'s rules inserted through the CSSOM (styled-components does, in production) are kept as its text.
  class HTMLStyleElement extends HTMLElement {
    get sheet() {
      if (!this.rules) {
        const rules = (this.rules = []);
        this.cssSheet = { cssRules: rules, ownerNode: this,
          insertRule(rule, index = rules.length) { rules.splice(index, 0, { cssText: String(rule) }); return index; },
          deleteRule(index) { rules.splice(index, 1); } };
      }
      return this.cssSheet;
    }
    get cssText() {
      return [this.textContent, ...(this.rules || []).map((rule) => rule.cssText)].filter(Boolean).join("\n");
    }
  }
  class HTMLIFrameElement extends HTMLElement {
    get contentDocument() { return null; }
    get contentWindow() { return null; }
  }
  // Form fields: their `value` (and `checked`) are properties, as components that set them through the
  // prototype's setter expect (Radix does, to fire an input event).
  const field = (Base) => class extends Base {
    get value() { return this.fieldValue ?? this.getAttribute("value") ?? ""; }
    set value(value) { this.fieldValue = String(value); }
    get checked() { return this.fieldChecked ?? this.hasAttribute("checked"); }
    set checked(value) { this.fieldChecked = Boolean(value); }
    get form() { return null; }
    select() {}
    setSelectionRange() {}
  };
  class SVGElement extends Element {
    constructor(tag) { super(tag); this.namespaceURI = "http://www.w3.org/2000/svg"; }
  }
  const TYPES = { Script: "script", Link: "link", Anchor: "a", Div: "div", Span: "span", Image: "img",
    Button: "button", Form: "form", Label: "label", Canvas: "canvas", Table: "table", Option: "option",
    Template: "template", Paragraph: "p", Head: "head", Body: "body", Html: "html", Meta: "meta" };
  const ELEMENTS = { style: HTMLStyleElement, iframe: HTMLIFrameElement };
  const classes = { HTMLElement, HTMLStyleElement, HTMLIFrameElement };
  for (const [name, tag] of Object.entries(TYPES)) {
    ELEMENTS[tag] = classes[`HTML${name}Element`] = class extends HTMLElement {};
  }
  for (const [name, tag] of Object.entries({ Input: "input", TextArea: "textarea", Select: "select" })) {
    ELEMENTS[tag] = classes[`HTML${name}Element`] = field(HTMLElement);
  }

  class Document extends Node {
    constructor() {
      super();
      this.documentElement = this.createElement("html");
      this.head = this.createElement("head");
      this.body = this.createElement("body");
      this.appendChild(this.documentElement);
      this.documentElement.appendChild(this.head);
      this.documentElement.appendChild(this.body);
      this.currentScript = null;
      this.readyState = "complete";
      this.visibilityState = "visible";
      this.hidden = false;
      this.title = "";
      this.cookie = "";
      this.referrer = "";
      this.adoptedStyleSheets = [];
      this.fonts = { ready: Promise.resolve(), addEventListener() {}, removeEventListener() {} };
    }
    get nodeType() { return 9; }
    get nodeName() { return "#document"; }
    get defaultView() { return g; }
    get baseURI() { return g.location.href; }
    get URL() { return g.location.href; }
    get location() { return g.location; }
    get activeElement() { return this.body; }
    get ownerDocument() { return null; }
    createElement(tag) { return new (ELEMENTS[String(tag).toLowerCase()] || HTMLElement)(tag); }
    createElementNS(ns, tag) { return ns === "http://www.w3.org/2000/svg" ? new SVGElement(tag) : this.createElement(tag); }
    createTextNode(text) { return new Text(text); }
    createComment(text) { return new Comment(text); }
    createDocumentFragment() { return new DocumentFragment(); }
    createEvent() { return { initEvent() {}, initCustomEvent() {} }; }
    createRange() {
      return { setStart() {}, setEnd() {}, selectNodeContents() {}, getBoundingClientRect: () => new Element("x").getBoundingClientRect(),
        getClientRects: () => [], createContextualFragment: () => new DocumentFragment() };
    }
    getElementsByTagName(tag) { return this.documentElement.getElementsByTagName(tag); }
    getElementsByClassName() { return []; }
    getElementById() { return null; }
    querySelector(selector) { return this.documentElement.querySelector(selector); }
    querySelectorAll(selector) { return this.documentElement.querySelectorAll(selector); }
    hasFocus() { return false; }
    execCommand() { return false; }
    elementFromPoint() { return null; }
  }

  class Event {
    constructor(type, init = {}) { this.type = type; Object.assign(this, init); this.defaultPrevented = false; }
    preventDefault() { this.defaultPrevented = true; }
    stopPropagation() {}
    stopImmediatePropagation() {}
  }
  class CustomEvent extends Event {}
  // (its presence tells the @babel/polyfill that the native Promise is the browser's: kept, as in a browser)
  class PromiseRejectionEvent extends Event {}
  class Observer { observe() {} unobserve() {} disconnect() {} takeRecords() { return []; } }
  const memoryStorage = () => {
    const data = new Map();
    return { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)),
      removeItem: (k) => data.delete(k), clear: () => data.clear(), key: (i) => [...data.keys()][i] ?? null,
      get length() { return data.size; } };
  };

  const location = new URL("/", origin);
  Object.assign(g, {
    window: g, self: g, top: g, parent: g, frames: g,
    document: new Document(),
    location: {
      get href() { return location.href; }, get origin() { return location.origin; },
      get protocol() { return location.protocol; }, get host() { return location.host; },
      get hostname() { return location.hostname; }, get port() { return location.port; },
      get pathname() { return location.pathname; }, get search() { return location.search; },
      get hash() { return location.hash; }, assign() {}, replace() {}, reload() {}, toString() { return location.href; },
    },
    history: { length: 1, state: null, pushState() {}, replaceState() {}, back() {}, forward() {}, go() {} },
    navigator: { userAgent: "Mozilla/5.0 (livedash server render)", language: "en-US", languages: ["en-US"],
      platform: "", vendor: "", onLine: true, cookieEnabled: false, maxTouchPoints: 0, hardwareConcurrency: 1,
      clipboard: { writeText: () => Promise.resolve() } },
    screen: { width: 1280, height: 800, availWidth: 1280, availHeight: 800, colorDepth: 24 },
    innerWidth: 1280, innerHeight: 800, outerWidth: 1280, outerHeight: 800, devicePixelRatio: 1,
    pageXOffset: 0, pageYOffset: 0, scrollX: 0, scrollY: 0,
    localStorage: memoryStorage(), sessionStorage: memoryStorage(),
    matchMedia: (media) => ({ matches: false, media, onchange: null, addListener() {}, removeListener() {},
      ...listeners() }),
    getComputedStyle: () => style(),
    requestAnimationFrame: (callback) => g.setTimeout(() => callback(g.performance.now()), 16),
    cancelAnimationFrame: (handle) => g.clearTimeout(handle),
    requestIdleCallback: (callback) => g.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }), 1),
    cancelIdleCallback: (handle) => g.clearTimeout(handle),
    scrollTo() {}, scroll() {}, scrollBy() {}, focus() {}, blur() {}, print() {},
    alert() {}, confirm: () => false, prompt: () => null, open: () => null, close() {},
    ...listeners(),
    getSelection: () => ({ removeAllRanges() {}, addRange() {}, rangeCount: 0, toString: () => "" }),
    Node, Text, Comment, Element, ...classes, SVGElement, Document, HTMLDocument: Document, DocumentFragment,
    Event, CustomEvent, PromiseRejectionEvent, UIEvent: Event, MouseEvent: Event, KeyboardEvent: Event,
    FocusEvent: Event, InputEvent: Event, PointerEvent: Event,
    ResizeObserver: Observer, MutationObserver: Observer, IntersectionObserver: Observer,
    Image: classes.HTMLImageElement,
  });
  // Dash's pages fetch nothing while drawing; the one fetch here is host.js's components.json.
  g.fetch = (url) => bridge.fetch(String(url));
}

// ---- the context ----

function safeJson(value) {
  try { return JSON.stringify(value); } catch { return String(value); }
}
const consoleOut = (level) => (...args) => {
  const text = args.map((a) => (a && a.stack ? a.stack : typeof a === "string" ? a : safeJson(a))).join(" ");
  debug(`console.${level}:`, text);
  if (current) current.console.push(`${level}: ${text}`);
  // sanitize.js's own warnings (an attribute name React refuses) are the build's warnings too
  if (current && level === "warn" && text.startsWith("livedash: ")) current.warnings.push(text.slice("livedash: ".length));
};

const sandbox = {
  console: { log: consoleOut("log"), info: consoleOut("info"), debug: consoleOut("debug"), warn: consoleOut("warn"),
    error: consoleOut("error"), trace: consoleOut("trace"), table: consoleOut("table"), group() {}, groupEnd() {},
    groupCollapsed() {}, time() {}, timeEnd() {}, assert: (ok, ...args) => { if (!ok) consoleOut("assert")(...args); } },
  setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask,
  TextEncoder, TextDecoder, ReadableStream, WritableStream, TransformStream, URL, URLSearchParams,
  AbortController, AbortSignal, Blob, MessageChannel, MessagePort, performance, structuredClone, atob, btoa,
  crypto: globalThis.crypto,
};
const context = vm.createContext(sandbox, { name: "livedash server render" });
const inContext = (code) => vm.runInContext(code, context);

const files = new Map();     // file URL of each script run -> its namespace ("react" for React's)
const styles = [];           // [{element, file}] in insertion order: the <style>s style-loader inserted, by file
let current = null;          // the request being answered: {console, warnings, lazies}
let manifest = null;         // what host.js's fetch of components.json gets (kept, and extended per request)

const bridge = {
  /** A node put into the document: a <script src> runs (as in a browser, then onload), a <style> is kept. */
  connected(node) {
    if (node.localName === "script" && node.getAttribute("src") !== null) runScriptElement(node);
    else if (node.localName === "style") styles.push({ element: node, file: fileOnStack() });
    else if (node.localName === "link") setTimeout(() => node.onload && node.onload({ type: "load", target: node }), 0);
  },
  fetch(url) {
    if (url.endsWith("/components.json") && manifest) {
      return Promise.resolve({ ok: true, status: 200, json: async () => manifest });
    }
    return Promise.reject(new Error(`the server render fetches nothing (${url})`));
  },
};
inContext(`(${installDom})`)(bridge, ORIGIN);
inContext("Error.stackTraceLimit = 50;");
// dcc.Graph's chunk waits for plotly.js, which it uses only once mounted (never in a server render): a stand-in.
inContext("window.Plotly = {};");
const contextJson = inContext("JSON");

/** The script (bundle or async chunk) whose code is running: the first of ours on the stack. */
function fileOnStack() {
  for (const match of String(new Error().stack).matchAll(/(file:\/\/[^\s)]+?)(?::\d+)+/g)) {
    if (files.has(match[1])) return match[1];
  }
  return null;
}

/** The namespace of a chunk: that of a script of the manifest in the same folder. */
function namespaceOfChunk(url) {
  const folder = url.slice(0, url.lastIndexOf("/") + 1);
  for (const [file, namespace] of files) {
    if (file.startsWith(folder) && !file.slice(folder.length).includes("/")) return namespace;
  }
  return null;
}

function runScriptElement(element) {
  const url = element.src;
  debug("script", url);
  const done = (ok, error) => setTimeout(() => {
    if (!ok && current) current.console.push(`error: ${url} not run: ${error?.message || error}`);
    const handler = ok ? element.onload : element.onerror;
    if (handler) handler.call(element, { type: ok ? "load" : "error", target: element });
  }, 0);
  let code;
  try {
    if (!url.startsWith("file:")) throw new Error("the server render runs only the site's own files");
    code = fs.readFileSync(fileURLToPath(url), "utf8");
  } catch (error) {
    done(false, error);
    return;
  }
  if (!files.has(url)) files.set(url, namespaceOfChunk(url));
  const document = context.document;
  const previous = document.currentScript;
  document.currentScript = element;
  try {
    new vm.Script(code, { filename: url }).runInContext(context);
  } catch (error) {
    done(false, error);
    return;
  } finally {
    document.currentScript = previous;
  }
  hookReact();
  done(true);
}

// Dash's lazy components (Slider, Dropdown, DatePicker...: React.lazy over a webpack chunk). Each namespace's are
// resolved as soon as it is loaded (so the render finds them ready, whatever app comes first), and each knows the
// chunks it asks webpack for (its `__webpack_require__.e`, even when they are loaded already): an app's CSS is
// that of its namespaces' bundles and of the chunks of the lazy components its render used.
const lazies = [];           // not resolved yet
const lazyChunks = new Map();   // lazy component -> Set of chunk file URLs
let asking = null;              // the Set of the lazy whose factory is running
let warming = false;            // resolving them (not a render)
let reactHooked = false;
function hookReact() {
  const React = context.React;
  if (reactHooked || !React || typeof React.lazy !== "function") return;
  reactHooked = true;
  const lazy = React.lazy;
  React.lazy = function livedashLazy(factory) {
    const chunks = new Set();
    const component = lazy(() => {
      asking = chunks;
      try { return factory(); } finally { asking = null; }
    });
    const init = component._init;
    component._init = (payload) => {
      if (current && !warming) current.lazies.add(component);
      return init(payload);
    };
    lazyChunks.set(component, chunks);
    lazies.push(component);
    return component;
  };
}

/** Each webpack runtime of the loaded bundles: its `e` (load a chunk) tells the lazy component asking. */
const probed = new Set();
function probeWebpack() {
  for (const name of Object.getOwnPropertyNames(context)) {
    const array = context[name];
    if (!name.startsWith("webpackChunk") || probed.has(name) || !array || typeof array.push !== "function") continue;
    probed.add(name);
    // A chunk's third entry is called with the bundle's __webpack_require__.
    array.push([[`livedash-probe-${name}`], {}, (require) => {
      const ensureChunk = require.e;
      if (typeof ensureChunk !== "function" || typeof require.u !== "function") return;
      require.e = function livedashEnsureChunk(id) {
        if (asking) {
          try { asking.add(new URL(require.p + require.u(id), context.location.href).href); } catch { /* unnamed */ }
        }
        return ensureChunk.apply(this, arguments);
      };
    }]);
  }
}

async function resolveLazies() {
  warming = true;
  try {
    await resolveAll();
  } finally {
    warming = false;
  }
}

async function resolveAll() {
  for (;;) {
    const pending = [];
    for (const component of lazies.splice(0)) {
      try {
        component._init(component._payload);
      } catch (thrown) {
        if (thrown && typeof thrown.then === "function") pending.push(thrown.then(() => {}, () => {}));
      }
    }
    if (!pending.length) return;
    await Promise.all(pending);
  }
}

// ---- the page's own modules, in the context ----

const modules = new Map();
function moduleAt(url) {
  if (!modules.has(url)) {
    const source = fs.readFileSync(fileURLToPath(url), "utf8");
    modules.set(url, new vm.SourceTextModule(source, {
      identifier: url, context, initializeImportMeta(meta) { meta.url = url; },
    }));
  }
  return modules.get(url);
}

async function importWeb(name) {
  const module = moduleAt(new URL(name, WEB).href);
  await module.link((specifier, referencing) => moduleAt(new URL(specifier, referencing.identifier).href));
  await module.evaluate();
  return module.namespace;
}

const host = await importWeb("host.js");

const fileUrl = (path) => pathToFileURL(path).href;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The manifest host.js reads (its components.json), with the file URLs of the request's scripts. */
function updateManifest(request) {
  const react = (request.react || []).map(fileUrl);
  if (!manifest) {
    if (!react.length) throw new Error("no React scripts (`react` in the request)");
    manifest = contextJson.parse(JSON.stringify({ react, namespaces: {} }));
    for (const url of react) files.set(url, "react");
  } else if (react.length && !same(react, [...manifest.react])) {
    throw new Error("the React scripts changed: start a new server render process");
  }
  for (const [name, paths] of Object.entries(request.namespaces || {})) {
    const urls = paths.map(fileUrl);
    const known = manifest.namespaces[name];
    if (known && !same([...known.scripts], urls)) {
      throw new Error(`the scripts of ${name} changed: start a new server render process`);
    }
    if (!known) {
      manifest.namespaces[name] = contextJson.parse(JSON.stringify({ scripts: urls, styles: [] }));
      for (const url of urls) files.set(url, name);
    }
  }
}

let server = null;
/** ReactDOMServer (react-dom's browser server renderer), run once React is loaded. */
function reactDomServer(request) {
  if (server) return server;
  if (!request.server) throw new Error("no react-dom-server.browser.production.min.js (`server` in the request)");
  const saved = context.ReactDOMServer;
  new vm.Script(fs.readFileSync(request.server, "utf8"), { filename: fileUrl(request.server) }).runInContext(context);
  server = context.ReactDOMServer;
  context.ReactDOMServer = saved;   // (not a global of the page)
  return server;
}

const loadedNamespaces = new Set();
async function ensure(names) {
  // One namespace at a time, then its lazy components: the same state whatever the order of apps.
  for (const name of [...names].sort()) {
    if (loadedNamespaces.has(name)) continue;
    await host.ensureNamespaces([name]);
    probeWebpack();
    await resolveLazies();
    loadedNamespaces.add(name);
  }
}

async function readAll(stream) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let html = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    html += decoder.decode(value, { stream: true });
  }
  return html + decoder.decode();
}

// React 18's server render escapes the text of a <style> (`>` as &gt;) as any text; a browser does not decode a
// <style>'s raw text, so the page's React would find `&gt;` where it draws `>` and throw the server's markup away
// (Dash's dcc.Loading draws its spinner's <style>). The text goes back to what React draws, unless it would end
// the element early.
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };
function rawStyleText(html) {
  return html.replace(/(<style(?:\s[^>]*)?>)([^<]*)(<\/style>)/g, (whole, open, text, close) => {
    const raw = text.replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => ENTITIES[entity]);
    return /<\/style/i.test(raw) ? whole : open + raw + close;
  });
}

/** The text of the <style>s an app needs: its namespaces' bundles' and its lazy components' chunks'. */
function cssOf(names, used) {
  const chunks = new Set();
  for (const component of used) for (const chunk of lazyChunks.get(component) || []) chunks.add(chunk);
  return styles.filter(({ file }) => file && (chunks.has(file) || (manifest.namespaces[files.get(file)]
    && names.has(files.get(file)) && [...manifest.namespaces[files.get(file)].scripts].includes(file))))
    .map(({ element }) => element.cssText).filter((text) => text.trim());
}

async function render(request) {
  updateManifest(request);
  const { tree } = await host.dashRuntime();   // React, ReactDOM and the page-wide API, as the page makes them
  const ReactDOMServer = reactDomServer(request);
  const { warnings } = current;
  const app = new host.Host(context.document.createElement("div"), () => {}, {
    key: request.key, trusted: request.trusted !== false, onProblem: (message) => warnings.push(message),
  });
  // A component's own change during the render (a Tabs choosing its first tab) is the page's to apply once it
  // runs: here the layout is drawn as it is, and nothing is ever drawn with ReactDOM.
  app.tree.onSetProps = () => {};
  app.render = () => Promise.resolve();
  try {
    // (host.mount without its render: the build's table of children props, then the layout)
    host.addChildrenProps(request.children_props);
    app.tree.setLayout(request.layout);
    const names = new Set(app.tree.namespaces);
    const unknown = [...names].filter((name) => !manifest.namespaces[name]).sort();
    if (unknown.length) {
      // (the page draws the app once it has the bundles, or says the library is missing)
      return { html: "", css: [], skipped: `no bundle of ${unknown.join(", ")} was given to the server render` };
    }
    await ensure(names);
    const element = tree.root(app.tree);
    if (element === null) return { html: "", css: [] };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`not drawn within ${RENDER_TIMEOUT_MS / 1000} s`)),
      RENDER_TIMEOUT_MS);
    const failed = [];   // errors React recovered from (a Suspense boundary the page draws alone)
    try {
      const stream = await ReactDOMServer.renderToReadableStream(element, {
        signal: controller.signal,
        // Never a large boundary outlined into a segment that a <script> completes: one plain piece of markup.
        progressiveChunkSize: Number.POSITIVE_INFINITY,
        identifierPrefix: `${app.tree.key}-`,   // (the page hydrates with the same prefix: useId stays per app)
        onError(error) { failed.push(describe(error)); },
      });
      await stream.allReady;
      const html = rawStyleText(await readAll(stream));
      for (const message of failed) warnings.push(`drawn by the page only: ${message}`);
      return { html, css: cssOf(names, current.lazies) };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    app.dispose();
  }
}

// The production React's errors are numbered: the ones a layout can cause, in words.
const REACT_ERRORS = {
  31: (args) => `Objects are not valid as a React child (found: ${args[0]})`,
  62: () => "The `style` prop expects a mapping from style properties to values, not a string",
  130: (args) => `Element type is invalid: expected a string or a class/function but got: ${args[0]}`,
  137: (args) => `${args[0]} is a void element tag and must neither have \`children\``,
};
function describe(error) {
  const message = error && error.message ? error.message : String(error);
  const match = /Minified React error #(\d+); visit (\S+)/.exec(message);
  if (!match || !REACT_ERRORS[match[1]]) return message;
  const args = [...new URL(match[2]).searchParams.getAll("args[]")];
  return `${REACT_ERRORS[match[1]](args)} (React error #${match[1]})`;
}

function answer(data) {
  process.stdout.write(`${JSON.stringify(data)}\n`);
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let queue = Promise.resolve();
lines.on("line", (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    current = { console: [], warnings: [], lazies: new Set() };
    try {
      const request = contextJson.parse(line);
      const { html, css, skipped = null } = await render(request);
      answer({ html, css, skipped, warnings: current.warnings, console: current.console, error: null });
    } catch (error) {
      answer({ html: "", css: [], warnings: current.warnings, console: current.console, error: describe(error) });
    } finally {
      current = null;
    }
  });
});
lines.on("close", () => { queue.then(() => process.exit(0)); });
process.on("uncaughtException", (error) => {
  // (a timer of a component, after its render: noted with the next answer, never the end of the process)
  process.stderr.write(`livedash server render: ${error && error.stack ? error.stack : error}\n`);
});
process.on("unhandledRejection", () => {});
