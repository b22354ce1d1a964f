// An app's layout (Dash's component JSON) as a tree of React elements of Dash's own components: the part of
// dash-renderer that draws (its DashWrapper), without its Redux store or callback machinery, which the worker
// replaces. No DOM here: the page (host.js) and the build's server render (mkdocs/ssr.mjs) both use it, so the
// first paint and React's own render are made by the same code.
import { idKey, safeProps } from "./sanitize.js";

export const isComponent = (value) => value !== null && typeof value === "object" && !Array.isArray(value)
  && "type" in value && "namespace" in value && "props" in value;

/** Dash's stringifyId: dict ids as JSON with sorted keys (the form Dash passes to components as `id`). */
export const stringifyId = idKey;

const same = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The value at `path` (keys and indexes) inside `value`. */
export function valueAt(value, path) {
  let node = value;
  for (const step of path) {
    if (node === null || node === undefined) return undefined;
    node = node[step];
  }
  return node;
}

/** `value` with `path` set to `leaf`, copying only the objects along the path (React sees what changed). */
function setAt(value, path, leaf) {
  if (!path.length) return leaf;
  const [step, ...rest] = path;
  const copy = Array.isArray(value) ? value.slice() : { ...value };
  copy[step] = setAt(value[step], rest, leaf);
  return copy;
}

// A children prop as Dash's component generator writes it: "children", "label", "options[].label",
// "tooltips{}", "items[]{}.content"; `[]` walks a list, `{}` the values of a dict.
function parseSpec(spec) {
  return spec.split(".").map((part) => ({ name: part.replace(/\[\]|\{\}/g, ""), list: part.includes("[]"),
    dict: part.includes("{}") }));
}

/** Every (path, value) that a children-prop spec reaches in `props` (path relative to props). */
function specLeaves(props, spec) {
  const steps = parseSpec(spec);
  const out = [];
  const walk = (value, i, path) => {
    if (i === steps.length) { out.push([path, value]); return; }
    const step = steps[i];
    const next = value?.[step.name];
    if (next === undefined || next === null) return;
    let items = [[next, [...path, step.name]]];
    if (step.list) items = Array.isArray(next) ? next.map((item, j) => [item, [...path, step.name, j]]) : [];
    if (step.dict) {
      items = items.flatMap(([item, at]) => (item && typeof item === "object" && !Array.isArray(item)
        ? Object.entries(item).map(([k, v]) => [v, [...at, k]]) : []));
    }
    for (const [item, at] of items) walk(item, i + 1, at);
  };
  walk(props, 0, []);
  return out;
}

export class AppTree {
  /** key: this app's name (the first step of every componentPath, so that two apps on a page never meet);
   *  childrenProps: {namespace: {type: [spec]}} shared by every app; resolve(namespace, type): the React
   *  component or null; trusted/report: sanitize.js's options; onSetProps(component as it was, path, changed):
   *  a component's own change (told after it is applied here). */
  constructor({ key, childrenProps = {}, resolve, trusted = true, report, onSetProps = () => {} }) {
    this.key = key;
    this.childrenProps = childrenProps;
    this.resolve = resolve;
    this.trusted = trusted;
    this.report = report;
    this.onSetProps = onSetProps;
    this.layout = null;
    this.paths = new Map();        // idKey -> componentPath
    this.namespaces = new Set();
    this.state = { loading: {} };  // what components read through useSelector (dcc.Loading: state.loading)
    this.listeners = new Set();
    this.version = 0;
  }

  subscribe = (listener) => { this.listeners.add(listener); return () => this.listeners.delete(listener); };

  notify() {
    this.version += 1;
    this.state = { ...this.state };
    for (const listener of [...this.listeners]) listener();
  }

  /** The children-prop specs of one component type ("children" always). */
  specs(component) {
    const own = this.childrenProps[component.namespace]?.[component.type] || [];
    return own.includes("children") ? own : ["children", ...own];
  }

  /** Each component below `component` (itself included) with its path. */
  *walk(component, path) {
    if (!isComponent(component)) return;
    yield [component, path];
    for (const spec of this.specs(component)) {
      for (const [at, value] of specLeaves(component.props, spec)) {
        const base = [...path, "props", ...at];
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i += 1) yield* this.walk(value[i], [...base, i]);
        } else yield* this.walk(value, base);
      }
    }
  }

  reindex() {
    this.paths = new Map();
    this.namespaces = new Set();   // (the bundles this app needs)
    for (const [component, path] of this.walk(this.layout, [this.key])) {
      this.namespaces.add(component.namespace);
      if (component.props.id !== undefined && component.props.id !== null) this.paths.set(idKey(component.props.id), path);
    }
  }

  setLayout(layout) {
    this.layout = layout;
    this.reindex();
    this.notify();
  }

  /** The layout value at a componentPath ([key, ...steps]), or undefined (another app's path). */
  at(path) {
    if (!path.length || path[0] !== this.key) return undefined;
    return valueAt(this.layout, path.slice(1));
  }

  pathOf(id) {
    return this.paths.get(idKey(id));
  }

  component(id) {
    const path = this.pathOf(id);
    return path ? this.at(path) : undefined;
  }

  /** Set props of the component at `path` (a new object along the path; the index follows new children). */
  update(path, props) {
    const current = this.at(path);
    if (!isComponent(current)) return null;
    const next = { ...current, props: { ...current.props, ...props } };
    this.layout = setAt(this.layout, path.slice(1), next);
    const structural = Object.keys(props).some((prop) => this.specs(current).some((s) => s.split(/[.[{]/)[0] === prop))
      || "id" in props;
    if (structural) this.reindex();
    this.notify();
    return next;
  }

  /** A component's own setProps (Dash's DashWrapper.setProps): only the props that change are applied and
   *  told on; `_dash_error` is reported (Dash's "Dangerous link detected"). */
  setProps(path, id, newProps) {
    const { _dash_error: error, ...rest } = newProps || {};
    if (error && this.report) this.report(error.message || String(error));
    const at = id !== undefined && id !== null ? this.pathOf(id) || path : path;
    const current = this.at(at);
    if (!isComponent(current)) return;
    const changed = {};
    for (const [prop, value] of Object.entries(rest)) if (!same(value, current.props[prop])) changed[prop] = value;
    if (!Object.keys(changed).length) return;
    this.update(at, changed);
    this.onSetProps(current, at, changed);
  }

  /** Mark outputs as loading (a callback computing them) or done, as dash-renderer's loading reducer;
   *  `on` null: exactly these outputs are loading, no other. */
  setLoading(outputs, on) {
    const loading = on === null ? {} : { ...this.state.loading };
    for (const { id, property } of outputs) {
      const path = this.pathOf(id);
      if (!path) continue;
      const key = JSON.stringify(path);
      const entries = (loading[key] || []).filter((entry) => entry.property !== property);
      if (on !== false) entries.push({ path, property, id });
      loading[key] = entries;
    }
    this.state = { ...this.state, loading };
    this.notify();
  }
}

/** The React side, made once per React (the page's, or the server render's). */
export function reactTree(React) {
  const DashContext = React.createContext({});
  // tree -> path string -> context value (stable, so consumers don't re-render); weak, so that an app drawn
  // again (Run, Reset) leaves its old tree's values to the garbage collector
  const contexts = new WeakMap();

  function contextFor(tree, path) {
    let byPath = contexts.get(tree);
    if (!byPath) { byPath = new Map(); contexts.set(tree, byPath); }
    const key = JSON.stringify(path);
    if (byPath.has(key)) return byPath.get(key);
    const loadingPath = (options = {}) => JSON.stringify(options.rawPath
      || (options.extraPath ? [...path, ...options.extraPath] : path));
    const isLoading = (options = {}) => {
      const entries = tree.state.loading[loadingPath(options)] || [];
      return (options.filterFunc ? entries.filter(options.filterFunc) : entries).length > 0;
    };
    const useSelector = (selector, equality = same) => {
      const last = React.useRef(null);
      const snapshot = () => {
        const value = selector(tree.state);
        if (last.current && equality(last.current.value, value)) return last.current.value;
        last.current = { value };
        return value;
      };
      return React.useSyncExternalStore(tree.subscribe, snapshot, snapshot);
    };
    const value = {
      componentPath: path,
      isLoading,
      useLoading: (options) => useSelector(() => isLoading(options)),
      useSelector,
      useStore: () => ({ getState: () => tree.state, subscribe: tree.subscribe }),
      useDispatch: () => () => {},
    };
    byPath.set(key, value);
    return value;
  }

  class Boundary extends React.Component {
    constructor(props) { super(props); this.state = { error: null }; }
    static getDerivedStateFromError(error) { return { error }; }
    componentDidCatch(error) { this.props.tree.report?.(`${this.props.label}: ${error.message}`); }
    componentDidUpdate(previous) {
      if (previous.component !== this.props.component && this.state.error) this.setState({ error: null });
    }
    render() {
      if (!this.state.error) return this.props.children;
      return React.createElement("div", { className: "livedash-component-error", role: "alert" },
        `${this.props.label} could not be drawn: ${this.state.error.message}`);
    }
  }

  /** A component JSON value (or list, string, number) as what React draws. */
  function wrap(tree, value, path) {
    if (Array.isArray(value)) {
      return value.map((item, i) => (isComponent(item) ? wrapOne(tree, item, [...path, i]) : item));
    }
    return isComponent(value) ? wrapOne(tree, value, path) : value;
  }

  function wrapOne(tree, component, path) {
    const id = component.props.id;
    const key = id !== undefined && id !== null ? String(stringifyId(id)) : path.join(",");
    return React.createElement(MemoNode, { key, tree, component, path, componentPath: path });
  }

  // React never runs a <script> it draws, but a page's navigation (Material's instant loading) would run one
  // found in the server render, and a <base> would move where the course page loads from: both stay inert.
  const INERT = new Set(["Script", "Base"]);
  const inert = (component) => component.namespace === "dash_html_components" && INERT.has(component.type);

  // `extras`: what a parent component adds to its child element (React.cloneElement: ConfirmDialogProvider's
  // onClick), passed on to the component as dash-renderer's DashWrapper passes them.
  function Node({ tree, component, path, componentPath, ...extras }) {
    const type = inert(component) ? "template" : tree.resolve(component.namespace, component.type);
    const label = `${component.namespace}.${component.type}`;
    const setProps = React.useCallback((newProps) => tree.setProps(path, component.props.id, newProps),
      [tree, JSON.stringify(path), JSON.stringify(component.props.id)]);
    let element;
    if (!type) {
      element = React.createElement("div", { className: "livedash-component-error", role: "alert" },
        `${label} is not a component this site can draw (is its library in the plugin's packages?)`);
    } else {
      const { children, ...rest } = safeProps(component.namespace, component.type, component.props,
        { trusted: tree.trusted, report: tree.report });
      let props = { ...rest, setProps, ...extras };
      for (const spec of tree.specs(component)) {
        if (spec === "children") continue;
        for (const [at, value] of specLeaves(component.props, spec)) {
          props = setAt(props, at, wrap(tree, value, [...path, "props", ...at]));
        }
      }
      if (component.props.id !== undefined && component.props.id !== null && typeof component.props.id === "object") {
        props.id = stringifyId(component.props.id);
      }
      if (type === "template") {
        // Its text as the template's content, never as nodes React would hydrate (the parser puts a server
        // render's template text in .content), escaped: it is text, never markup.
        const text = [].concat(children ?? []).filter((c) => typeof c === "string" || typeof c === "number").join("");
        const escaped = String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        return React.createElement(DashContext.Provider, { value: contextFor(tree, path) },
          React.createElement("template", { "data-dash-type": component.type, id: props.id,
            dangerouslySetInnerHTML: { __html: escaped } }));
      }
      const kids = children === undefined ? [] : [wrap(tree, children, [...path, "props", "children"])];
      element = React.createElement(type, props, ...(Array.isArray(kids[0]) ? kids[0] : kids));
    }
    return React.createElement(DashContext.Provider, { value: contextFor(tree, path) },
      React.createElement(Boundary, { tree, label, component }, element));
  }
  const sameExtras = (a, b) => {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
  };
  const MemoNode = React.memo(Node, ({ tree: t1, component: c1, path: p1, componentPath: q1, ...a },
    { tree: t2, component: c2, path: p2, componentPath: q2, ...b }) => c1 === c2 && t1 === t2
    && p1.length === p2.length && p1.every((step, i) => step === p2[i]) && sameExtras(a, b));
  // (a layout update copies only the objects along the path it changed, so every other node is skipped)

  /** ExternalWrapper: a component that lives outside the layout's children (dcc.Tabs' labels, option labels). */
  function ExternalWrapper({ component, componentPath }) {
    const tree = React.useContext(TreeContext);
    if (!tree || !isComponent(component)) return null;
    return React.createElement(MemoNode, { tree, component, path: componentPath, componentPath });
  }
  const TreeContext = React.createContext(null);

  /** The app's whole element. */
  function root(tree) {
    if (!isComponent(tree.layout)) return null;
    return React.createElement(TreeContext.Provider, { value: tree },
      React.createElement(MemoNode, { tree, component: tree.layout, path: [tree.key], componentPath: [tree.key] }));
  }

  return { DashContext, ExternalWrapper, root, useDashContext: () => React.useContext(DashContext) || {} };
}
