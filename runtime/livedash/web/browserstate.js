// What a Dash app keeps in the browser: dcc.Store(storage_type="local"|"session") and the `persistence` of
// inputs, kept as dash-renderer keeps them (persistence.js: recordUiEdit, applyPersistence) but under a scope of
// this site, page and app, so two courses on one origin (every project of a user.github.io) never collide.
import { idKey } from "./sanitize.js";

const PREFIX = "_dash_persistence.";
const memory = new Map();   // persistence_type="memory": for this page session

function storage(type) {
  if (type === "memory") {
    return { getItem: (k) => (memory.has(k) ? memory.get(k) : null), setItem: (k, v) => memory.set(k, v),
      removeItem: (k) => memory.delete(k) };
  }
  try {
    const store = type === "session" ? window.sessionStorage : window.localStorage;
    store.getItem("x");   // (a sandboxed or private page may refuse access: memory then, as Dash falls back)
    return store;
  } catch {
    return storage("memory");
  }
}

const parse = (text) => (text === null ? undefined : text === "U" ? undefined : JSON.parse(text));
const equal = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Browser state of one app; `scope` names it (site, page, app). */
export function browserState(scope) {
  const valsKey = (id, prop, persistence) => `${PREFIX}${scope}.${idKey(id)}.${prop}.${JSON.stringify(persistence)}`;

  // Dash reads a component's persisted_props/persistence_type defaults from its React component.
  const settings = (component) => {
    const element = window[component.namespace]?.[component.type];
    const defaults = element?.defaultProps || element?.dashPersistence || {};
    const get = (prop) => component.props[prop] || defaults[prop];
    const { id, persistence } = component.props;
    const persisted = get("persisted_props");
    const type = get("persistence_type");
    return { ok: Boolean(id !== undefined && id !== null && persisted && type && persistence), id, persistence,
      persisted, type };
  };

  return {
    /** The key dcc.Store saves under (its `id` as the component sees it). */
    storeKey: (id) => `${scope}.${idKey(id)}`,

    /** A component's own edit (recordUiEdit; `component` as it was before it): remembered when it persists. Returns the props to tell
     *  the worker: all of them, except a memory dcc.Store's own reports (the worker keeps that store). */
    recordEdit(component, changed) {
      if (component.namespace === "dash_core_components" && component.type === "Store"
        && (component.props.storage_type ?? "memory") === "memory") return {};
      const { ok, id, persistence, persisted, type } = settings(component);
      if (ok && (changed.persistence === undefined || changed.persistence === persistence)) {
        const store = storage(type);
        for (const entry of persisted) {
          const prop = entry.split(".")[0];
          if (!(prop in changed)) continue;
          const key = valsKey(id, entry, persistence);
          // (`component` is as it was before the edit: its value is the original, unless one is stored)
          if (equal(component.props[prop], changed[prop])) continue;
          const stored = parse(store.getItem(key));
          const original = stored ? stored[1] : component.props[prop];
          const vals = original === undefined ? [changed[prop]] : [changed[prop], original];
          try { store.setItem(key, JSON.stringify(vals)); } catch { /* full: Dash reports and goes on */ }
        }
      }
      return changed;
    },

    /** Persisted edits to apply to `components` (applyPersistence): [{id, props}] where the stored original
     *  still equals the layout's value. */
    edits(components) {
      const out = [];
      for (const component of components) {
        const { ok, id, persistence, persisted, type } = settings(component);
        if (!ok) continue;
        const props = {};
        for (const entry of persisted) {
          const stored = parse(storage(type).getItem(valsKey(id, entry, persistence)));
          if (!stored) continue;
          const prop = entry.split(".")[0];
          const [value, original] = stored;
          if (stored.length === 1 ? component.props[prop] === undefined : equal(original, component.props[prop])) {
            if (!equal(value, component.props[prop])) props[prop] = value;
          }
        }
        if (Object.keys(props).length) out.push({ id, props });
      }
      return out;
    },
  };
}
