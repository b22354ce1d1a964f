// Draws each app with Dash's own React components (the files of the dash 4.4.1 wheel, and component libraries'
// bundles, listed in components.json by the plugin). This is the small part of dash-renderer a page needs:
// React and the bundles loaded (each namespace once, when first used), `window.dash_component_api`, and one
// React root per app fed from the worker's layout. tree.js turns a layout into elements; state stays in Python.
import { cleanUrl, idKey } from "./sanitize.js";
import { AppTree, reactTree, stringifyId } from "./tree.js";
import { browserState } from "./browserstate.js";
import { virtualLocation } from "./location.js";
import { dropScopedStyles, scopedStyles } from "./scopedcss.js";

const BASE = new URL("./", import.meta.url);
const loadedScripts = new Map();   // URL -> promise

function loadScript(url) {
  const href = new URL(url, BASE).href;
  if (!loadedScripts.has(href)) {
    loadedScripts.set(href, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = href;
      script.async = false;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${href} could not be loaded`));
      document.head.append(script);
    }));
  }
  return loadedScripts.get(href);
}

let runtime = null;
/** React, the manifest and the page-wide API every Dash bundle expects, once per page session. */
export function dashRuntime() {
  runtime = runtime || (async () => {
    const response = await fetch(new URL("components.json", BASE));
    if (!response.ok) throw new Error(`components.json could not be loaded (${response.status})`);
    const manifest = await response.json();
    for (const url of manifest.react) await loadScript(url);
    const React = window.React;
    const tree = reactTree(React);
    const api = (window.dash_component_api = window.dash_component_api || {});
    Object.assign(api, {
      DashContext: tree.DashContext,
      useDashContext: tree.useDashContext,
      ExternalWrapper: tree.ExternalWrapper,
      stringifyId,
      getLayout: (pathOrId) => {
        for (const app of apps) {
          const value = Array.isArray(pathOrId) ? app.tree.at(pathOrId) : app.tree.component(pathOrId);
          if (value !== undefined) return value;
        }
        return undefined;
      },
    });
    const clientside = (window.dash_clientside = window.dash_clientside || {});
    if (clientside.clean_url === undefined) clientside.clean_url = cleanUrl;
    if (manifest.plotly) window._dashPlotlyJSURL = new URL(manifest.plotly, BASE).href;
    return { React, ReactDOM: window.ReactDOM, tree, manifest };
  })();
  return runtime;
}

const namespaces = new Map();   // namespace -> promise
const loadedNamespaces = new Set();
/** Load the bundles of these namespaces (in the manifest's order); unknown ones are left for the error. */
export async function ensureNamespaces(names) {
  const { manifest } = await dashRuntime();
  await Promise.all([...names].map((name) => {
    if (!namespaces.has(name)) {
      const entry = manifest.namespaces[name];
      namespaces.set(name, (async () => {
        for (const url of entry ? entry.scripts : []) await loadScript(url);
        loadedNamespaces.add(name);
      })());
    }
    return namespaces.get(name);
  }));
}



const apps = new Set();
const childrenProps = {};   // {namespace: {type: [spec]}}, told by the worker and the build

/** Merge children-prop specs the worker (or the build) reports for the component types it sends. */
export function addChildrenProps(table) {
  for (const [namespace, types] of Object.entries(table || {})) {
    childrenProps[namespace] = { ...(childrenProps[namespace] || {}), ...types };
  }
}

export class Host {
  /** root: the element the app is drawn in (it may hold the build's server render); onChange({id, props}):
   *  a component's own change; key: the app's name on this page; scope: where its browser storage lives
   *  (site + page + app); trusted: false for code from a share link; onProblem(message): once per message. */
  constructor(root, onChange, { key, scope, trusted = true, onProblem, stylesheets = [] } = {}) {
    this.root = root;
    this.onChange = onChange;
    this.onProblem = onProblem;
    this.reported = new Set();
    this.scope = scope || key;
    this.stylesheets = stylesheets;
    this.tree = new AppTree({
      key, childrenProps, trusted,
      resolve: (namespace, type) => this.resolve(namespace, type),
      report: (message) => this.problem(message),
      onSetProps: (component, path, changed) => { this.render(true); this.changed(component, changed); },
    });
    this.state = browserState(this.scope);
    this.location = virtualLocation(this);
    this.reactRoot = null;
    this.hydrate = root.dataset.livedashRendered === "1";
    this.rendering = null;
    this.react = null;
    apps.add(this);
  }

  get trusted() { return this.tree.trusted; }
  set trusted(yes) {
    if (this.tree.trusted === yes) return;
    this.tree.trusted = yes;
    this.tree.notify();
    this.render();
  }

  get layout() { return this.tree.layout; }

  problem(message) {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    if (this.onProblem) this.onProblem(message);
    else console.error(`livedash: ${message}`);
  }

  resolve(namespace, type) {
    if (namespace === "dash_core_components" && (type === "Location" || type === "Link")) {
      return this.location[type];
    }
    if (namespace === "dash_core_components" && type === "Store") return this.store();
    return window[namespace]?.[type] || null;
  }

  /** dcc.Store saving under a key of this app's scope (Dash's Store saves under its id, page-wide). */
  store() {
    const Store = window.dash_core_components?.Store;
    if (!this.scopedStore && Store) {
      const React = window.React;
      this.scopedStore = (props) => React.createElement(Store, { ...props, id: this.state.storeKey(props.id) });
    }
    return this.scopedStore || null;
  }

  /** A component's own change: browser storage keeps what Dash keeps, and the worker hears it (Dash tells the
   *  server only watched props; the worker holds every prop, so it hears all and decides). */
  changed(component, changed) {
    const id = component.props.id;
    const kept = this.state.recordEdit(component, changed);
    if (id === undefined || id === null || !Object.keys(kept).length) return;
    this.onChange({ id, props: kept });
  }

  /** Draw a whole layout; `children_props`: what the worker or the build says of its component types;
   *  `stylesheets`: the app's external_stylesheets, as the worker reports them. */
  mount(layout, { children_props: table, stylesheets } = {}) {
    this.reported.clear();
    addChildrenProps(table);
    this.useStylesheets(stylesheets);
    this.tree.setLayout(layout);
    return this.render();
  }

  /** The app's external_stylesheets as the worker reports them (applied, scoped, once each). */
  useStylesheets(stylesheets) {
    if (stylesheets) this.external = stylesheets;
    if (stylesheets || !this.styled) this.styled = this.styles().then((urls) => scopedStyles(this.root, urls));
    return this.styled;
  }

  /** The stylesheets of this app: its assets' CSS (from the build) and its external_stylesheets, served from the
   *  site when the site has a copy (a library's theme, e.g. dbc.themes.BOOTSTRAP). Code from a share link gets
   *  only those copies, never a stylesheet from elsewhere. */
  async styles() {
    const { manifest } = await dashRuntime();
    const local = manifest.stylesheets || {};
    const external = (this.external || []).map((href) => (local[href] ? new URL(local[href], BASE).href
      : this.trusted ? href : null)).filter(Boolean);
    return [...this.stylesheets, ...external];
  }

  /** The reader's persisted edits (`persistence=`) applied to the app the worker has just started, and told to
   *  it as the reader's changes. (Dash applies them before the initial callbacks; here they follow them.) */
  async restorePersisted() {
    await this.render();
    const components = [...this.tree.walk(this.tree.layout, [this.tree.key])].map(([component]) => component);
    for (const { id, props } of this.state.edits(components)) this.set(id, props);
  }

  /** Apply new prop values ([{id, props}]: callback outputs, or queued reader edits), then draw once. */
  update(updates) {
    for (const { id, props } of updates) {
      const path = this.tree.pathOf(id);
      if (path) this.tree.update(path, props);
    }
    return updates.length ? this.render() : Promise.resolve();
  }

  props(id) {
    return this.tree.component(id)?.props;
  }

  /** Set props as a component would (clientside set_props): applied here and told to the worker. */
  set(id, props) {
    const path = this.tree.pathOf(id);
    if (!path) throw new Error(`no component with id ${idKey(id)}`);
    this.tree.update(path, props);
    this.render();
    this.onChange({ id, props });
  }

  loading(outputs, on) {
    this.tree.setLoading(outputs, on);
  }

  /** Draw (or redraw) the app: the first time once React and its namespaces' bundles are loaded (hydrating the
   *  build's server render when there is one, so nothing moves), then at once on every change. `inEvent`: asked
   *  from a component's own event handler, where React commits at the end of the event (a typed character stays). */
  render(inEvent = false) {
    if (this.react && [...this.tree.namespaces].every((name) => loadedNamespaces.has(name))) {
      this.commit(inEvent);
      return Promise.resolve();
    }
    if (this.rendering) return this.rendering;
    this.rendering = (async () => {
      try {
        const react = await dashRuntime();
        await Promise.all([ensureNamespaces(this.tree.namespaces), this.styled]);
        this.react = react;
        if (!this.disposed) this.commit(false);
      } catch (error) {
        this.problem(`The app could not be drawn: ${error.message}`);
      } finally {
        this.rendering = null;
      }
    })();
    return this.rendering;
  }

  /** Radio buttons group by name across the whole page: this app's belong to a form of its own (the build
   *  writes it beside the app pane), so two apps with a RadioItems of the same id never take each other's choice. */
  scopeRadios() {
    if (typeof document === "undefined" || !this.root.querySelectorAll) return;
    const id = `livedash-form:${this.tree.key}`;
    if (!document.getElementById(id) && this.root.isConnected) {
      const form = document.createElement("form");
      form.id = id;
      form.hidden = true;
      this.root.before(form);
    }
    for (const input of this.root.querySelectorAll('input[type="radio"]:not([form])')) {
      if (!input.closest("form")) input.setAttribute("form", id);
    }
  }

  commit(inEvent) {
    const { React, ReactDOM, tree } = this.react;
    const element = tree.root(this.tree);
    if (!this.radios && typeof MutationObserver !== "undefined" && this.root.nodeType === 1) {
      // A link a component handles itself (it prevents the click: a library's tab, a Link) must not reach the
      // course page's own navigation (Material's instant loading listens on the body and would follow it).
      // On the root's parent: React handles the click on the root itself, so this listener sees it afterwards,
      // prevented or not (on the root, added before React's, it ran first and let a dbc tab's click through).
      (this.root.parentNode ?? this.root).addEventListener("click", (event) => {
        if (event.defaultPrevented && event.target.closest?.("a")) event.stopPropagation();
      });
      this.radios = new MutationObserver(() => this.scopeRadios());
      this.radios.observe(this.root, { childList: true, subtree: true });
    }
    if (!this.reactRoot) {
      if (this.hydrate) {
        this.unhydrated = [...this.root.querySelectorAll("*")];
        this.reactRoot = ReactDOM.hydrateRoot(this.root, element, {
          identifierPrefix: `${this.tree.key}-`,
          onRecoverableError: (error) => console.debug("livedash: the server render differs", error),
        });
        this.root.dataset.livedashReact = "1";
        return;
      }
      this.reactRoot = ReactDOM.createRoot(this.root, { identifierPrefix: `${this.tree.key}-` });
      this.root.dataset.livedashReact = "1";
    }
    if (inEvent) this.reactRoot.render(element);
    // While a server render is still hydrating its lazy parts, an update is a transition: a sync one would make
    // React drop those parts and redraw them. Once all is hydrated, an update is drawn at once (a transition
    // waits for a task of React's scheduler, a few ms after the worker's answer).
    else if (this.hydrate && !this.hydrated()) React.startTransition(() => this.reactRoot.render(element));
    else ReactDOM.flushSync(() => this.reactRoot.render(element));
  }

  /** Has React hydrated every element of the build's server render? An element React has hydrated carries its
   *  fiber (React's `__reactFiber$…` key); one React dropped has left the page; the inside of a
   *  `dangerouslySetInnerHTML` is never hydrated element by element. Checked until it is true, then never. */
  hydrated() {
    if (!this.unhydrated) return true;
    const fiberOf = (node) => Object.keys(node).find((key) => key.startsWith("__reactFiber$"));
    const done = (node) => {
      if (!node.isConnected || fiberOf(node)) return true;
      for (let up = node.parentElement; up && up !== this.root; up = up.parentElement) {
        const props = up[fiberOf(up)?.replace("__reactFiber$", "__reactProps$")];
        if (props) return Boolean(props.dangerouslySetInnerHTML);
      }
      return false;
    };
    this.unhydrated = this.unhydrated.filter((node) => !done(node));
    if (!this.unhydrated.length) this.unhydrated = null;
    return !this.unhydrated;
  }

  dispose() {
    this.disposed = true;
    apps.delete(this);
    this.location.dispose();
    this.radios?.disconnect();
    dropScopedStyles(this.root);
    const reactRoot = this.reactRoot;
    this.reactRoot = null;
    if (reactRoot) setTimeout(() => reactRoot.unmount(), 0);   // (not during a React render)
  }
}
