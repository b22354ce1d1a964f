// Clientside callbacks run here, on the page's main thread, as dash-renderer 4.4.1 runs them: arguments are the
// input values then the state values; `window.dash_clientside` offers what Dash's renderer puts there
// (utils/clientsideFunctions.ts, actions/callbacks.ts): no_update, PreventUpdate, set_props, Patch (a
// PatchBuilder), clean_url and, during the synchronous part of the call, callback_context. Promises are awaited.
import { cleanUrl, idKey } from "./sanitize.js";

const NO_UPDATE_MARK = { description: "Return to prevent updating an Output." };
const PREVENT_UPDATE_MARK = { description: "Throw to prevent updating all Outputs." };

/** dash_clientside.Patch: records operations as Dash's PatchBuilder (actions/patch.ts); `build()` gives the
 *  value a callback returns (or passes to set_props), applied to the prop's current value. */
export class PatchBuilder {
  constructor() { this.operations = []; }
  _add(operation, location, params = {}) { this.operations.push({ operation, location, params }); return this; }
  assign(location, value) { return this._add("Assign", location, { value }); }
  merge(location, value) { return this._add("Merge", location, { value }); }
  extend(location, value) { return this._add("Extend", location, { value }); }
  delete(location) { return this._add("Delete", location); }
  insert(location, index, value) { return this._add("Insert", location, { index, value }); }
  append(location, value) { return this._add("Append", location, { value }); }
  prepend(location, value) { return this._add("Prepend", location, { value }); }
  add(location, value) { return this._add("Add", location, { value }); }
  sub(location, value) { return this._add("Sub", location, { value }); }
  mul(location, value) { return this._add("Mul", location, { value }); }
  div(location, value) { return this._add("Div", location, { value }); }
  clear(location) { return this._add("Clear", location); }
  reverse(location) { return this._add("Reverse", location); }
  remove(location, value) { return this._add("Remove", location, { value }); }
  build() { return { __dash_patch_update: "__dash_patch_update", operations: this.operations }; }
}

/** dash_clientside.clean_url(url, fallback = "about:blank"): Dash's rule (sanitize.js has the one copy). */
function cleanUrlApi(url, fallback = "about:blank") {
  if (url === "") return url;
  return cleanUrl(url) === url ? url : fallback;
}

// The apps of the page (one per widget), for set_props. Dash has one app per page and sends set_props to
// every app holding the id; here several widgets may use the same ids, so set_props goes to the app whose
// clientside call is in progress (its answer carries them: the worker applies them as part of the run, as
// Dash's sideUpdate), else to the app that ran the last clientside call (a timer or an event handler of its
// JavaScript) as that app's own change, as Dash dispatches it; else to every app that holds the id.
const apps = new Set();
let lastCalled = null;

/** Make an app reachable by dash_clientside.set_props: `{has(id), props(id), set(id, props), call}` where
 *  `call` is the list of set_props of its clientside call in progress (null when none). */
export function registerApp(app) {
  apps.add(app);
  return () => { apps.delete(app); if (lastCalled === app) lastCalled = null; };
}

function setProps(id, props) {
  if (Array.isArray(id)) throw new TypeError("livedash: set_props takes a component id, not a layout path");
  const calling = [...apps].filter((app) => app.call);
  if (calling.length) {
    // (an id the app lacks: the run reports it, as Dash reports a missing id)
    const owners = calling.filter((app) => app.has(id));
    for (const app of owners.length ? owners : calling) app.call.push([id, props]);
    return;
  }
  const targets = lastCalled && apps.has(lastCalled) && lastCalled.has(id) ? [lastCalled]
    : [...apps].filter((app) => app.has(id));
  for (const app of targets) app.set(id, patched(props, app.props(id) || {}));
}

// Assets often replace window.dash_clientside with a new object: look it up at each call, as Dash does.
function namespace() {
  const dc = (window.dash_clientside = window.dash_clientside || {});
  dc.no_update = dc.no_update || NO_UPDATE_MARK;
  dc.PreventUpdate = dc.PreventUpdate || PREVENT_UPDATE_MARK;
  dc.set_props = setProps;
  if (dc.clean_url === undefined) dc.clean_url = cleanUrlApi;
  dc.Patch = PatchBuilder;
  return dc;
}
namespace();

// -- a Patch applied to a value, as dash-renderer's handlePatch (ramda's assocPath, dissocPath, ...) --------
const isPatch = (value) => value !== null && typeof value === "object" && "__dash_patch_update" in value;
const clone = (value) => (Array.isArray(value) ? [...value] : { ...value });
const pathOf = (location, value) => {
  const out = [];
  for (const key of location) {
    const here = out.reduce((v, k) => (v == null ? undefined : v[k]), value);
    out.push(typeof key === "number" && key < 0 && here != null ? here.length + key : key);
  }
  return out;
};
const get = (path, value) => path.reduce((v, k) => (v == null ? undefined : v[k]), value);
function assoc(path, item, value) {
  if (!path.length) return item;
  const [key, ...rest] = path;
  const base = value != null ? value : (Number.isInteger(key) ? [] : {});
  const out = clone(base);
  out[key] = assoc(rest, item, base[key]);
  return out;
}
function dissoc(path, value) {
  if (!path.length || value == null) return value;
  const [key, ...rest] = path;
  if (rest.length) return key in Object(value) ? Object.assign(clone(value), { [key]: dissoc(rest, value[key]) }) : value;
  const out = clone(value);
  if (Array.isArray(out)) out.splice(key, 1); else delete out[key];
  return out;
}
const deepEqual = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const HANDLERS = {
  Assign: (prev, loc, p) => assoc(loc, p.value, prev),
  Merge: (prev, loc, p) => assoc(loc, { ...get(loc, prev), ...p.value }, prev),
  Extend: (prev, loc, p) => assoc(loc, get(loc, prev).concat(p.value), prev),
  Delete: (prev, loc) => dissoc(loc, prev),
  Insert: (prev, loc, p) => {
    const list = get(loc, prev);
    const index = typeof p.index === "number" && p.index < 0 ? list.length + p.index : p.index;
    return assoc(loc, [...list.slice(0, index), p.value, ...list.slice(index)], prev);
  },
  Append: (prev, loc, p) => assoc(loc, [...get(loc, prev), p.value], prev),
  Prepend: (prev, loc, p) => assoc(loc, [p.value, ...get(loc, prev)], prev),
  Add: (prev, loc, p) => assoc(loc, get(loc, prev) + p.value, prev),
  Sub: (prev, loc, p) => assoc(loc, get(loc, prev) - p.value, prev),
  Mul: (prev, loc, p) => assoc(loc, get(loc, prev) * p.value, prev),
  Div: (prev, loc, p) => assoc(loc, get(loc, prev) / p.value, prev),
  Clear: (prev, loc) => {
    const value = get(loc, prev);
    return assoc(loc, Array.isArray(value) ? [] : typeof value === "string" ? "" : value && typeof value === "object" ? {} : value, prev);
  },
  Reverse: (prev, loc) => {
    const value = get(loc, prev);
    return assoc(loc, typeof value === "string" ? [...value].reverse().join("") : [...value].reverse(), prev);
  },
  Remove: (prev, loc, p) => assoc(loc, get(loc, prev).filter((item) => !deepEqual(item, p.value)), prev),
};

/** A value with a Patch's operations applied (dash-renderer's handlePatch). */
export function applyPatch(previous, patch) {
  let value = previous;
  for (const op of patch.operations) {
    const handler = HANDLERS[op.operation];
    if (!handler) throw new Error(`Invalid Operation ${op.operation}`);
    value = handler(value, pathOf(op.location, value), op.params || {});
  }
  return value;
}

/** Props with each Patch applied to the current value (dash-renderer's parsePatchProps). */
export function patched(props, current) {
  if (props === null || typeof props !== "object") return props;
  const out = {};
  for (const [key, value] of Object.entries(props)) {
    if (isPatch(value)) {
      if (current[key] === undefined) throw new Error("Cannot patch undefined");
      out[key] = applyPatch(current[key], value);
    } else out[key] = value;
  }
  return out;
}

const NO_UPDATE = { _dash_no_update: "_dash_no_update" };
const compiled = new Map();

function resolve(dc, fn) {
  if (fn.source !== undefined) {
    if (!compiled.has(fn.source)) compiled.set(fn.source, (0, eval)(`(${fn.source})`));
    return compiled.get(fn.source);
  }
  const found = dc[fn.namespace] && dc[fn.namespace][fn.name];
  if (typeof found !== "function") {
    throw new ReferenceError(`No clientside function ${fn.namespace}.${fn.name}: define ` +
      `window.dash_clientside.${fn.namespace}.${fn.name} in the example's assets.`);
  }
  return found;
}

const clean = (dc, value) => (value === dc.no_update ? NO_UPDATE : value === undefined ? null : value);

/** The returned value against the outputs, as dash-renderer zips them (zipIfArray, at both levels): a
 *  no_update in any place (alone for all outputs, for one output, for one component of an ALL output) is
 *  no update there; values beyond the outputs are dropped and missing ones update nothing. */
function shaped(dc, outputs, value) {
  if (!Array.isArray(outputs)) return clean(dc, value);
  if (value === dc.no_update) return NO_UPDATE;
  if (!Array.isArray(value)) return clean(dc, value);   // not what Dash expects either: the worker says why
  return outputs.map((output, i) => (i < value.length ? shaped(dc, output, value[i]) : NO_UPDATE));
}

// callback_context as dash-renderer builds it (handleClientside, inputsToDict, getTriggeredId).
function inputsToDict(list) {
  const out = {};
  for (const entry of (list || []).flat()) out[`${idKey(entry.id)}.${entry.property}`] = entry.value ?? null;
  return out;
}
function triggeredId(propIds) {
  if (!propIds.length) return undefined;
  const first = propIds[0];
  return first.startsWith("{") ? JSON.parse(first.substring(0, first.lastIndexOf("}") + 1)) : first.split(".")[0];
}
// An entry of inputs_list / states_list: its value is undefined (not absent) for a prop never set.
const entry = (e) => ({ id: e.id, property: e.property, value: "value" in e ? e.value : undefined });
const entries = (list) => list.map((item) => (Array.isArray(item) ? item.map(entry) : entry(item)));
const valueOf = (item) => (Array.isArray(item) ? item.map((e) => e.value) : item.value);

function callbackContext(context) {
  const inputsList = entries(context.inputs_list || []);
  const statesList = context.states_list?.length ? entries(context.states_list) : undefined;
  const inputs = inputsToDict(inputsList);
  const propIds = (context.triggered || []).map((t) => t.prop_id);
  return {
    // Dash gives an empty list (not a dummy entry) on the initial call, and an undefined triggered_id.
    triggered: propIds.map((prop_id) => ({ prop_id, value: inputs[prop_id] })),
    triggered_id: triggeredId(propIds),
    inputs_list: inputsList,
    inputs,
    states_list: statesList,
    states: inputsToDict(statesList),
    outputs_list: context.outputs_list,
  };
}

/** Run one clientside request (see livedash/protocol.py) for `app` (see registerApp) and give the answer for
 *  the worker. */
export async function runClientside(ask, app = null) {
  const dc = namespace();
  const sideUpdates = [];
  const mine = app || { has: () => true, call: null };
  const added = !apps.has(mine);
  if (added) apps.add(mine);
  mine.call = sideUpdates;
  lastCalled = mine;
  const context = callbackContext(ask.context || {});
  // Arguments: the inputs' values then the states' (ALL: arrays), undefined for a prop never set.
  const args = ask.context?.inputs_list
    ? [...context.inputs_list, ...(context.states_list || [])].map(valueOf)
    : ask.args.map((v) => (v === null ? undefined : v));
  dc.callback_context = context;
  try {
    let pending;
    try {
      pending = resolve(dc, ask.function)(...args);
    } finally {
      delete dc.callback_context;   // only during the synchronous part, as in Dash
    }
    const value = await pending;
    const outputs = ask.context?.outputs_list;
    return { value: outputs !== undefined ? shaped(dc, outputs, value)
      : clean(dc, ask.multi && Array.isArray(value) ? value.map((v) => clean(dc, v)) : value), set_props: sideUpdates };
  } catch (error) {
    if (error === dc.PreventUpdate) return { prevented: true };
    return { error: { kind: error?.name || "Error", message: String(error?.message ?? error) } };
  } finally {
    mine.call = null;
    if (added) apps.delete(mine);
  }
}
