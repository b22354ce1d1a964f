// Clientside callbacks run here, on the page's main thread, as dash-renderer runs them: arguments are the
// input values then the state values; `window.dash_clientside` offers no_update, PreventUpdate, set_props
// and, during the synchronous part of the call, callback_context. Promises are awaited.
const NO_UPDATE_MARK = { description: "Return to prevent updating an Output." };
const PREVENT_UPDATE_MARK = { description: "Throw to prevent updating all Outputs." };

// Assets often replace window.dash_clientside with a new object: look it up at each call, as Dash does.
function namespace() {
  const dc = (window.dash_clientside = window.dash_clientside || {});
  dc.no_update = dc.no_update || NO_UPDATE_MARK;
  dc.PreventUpdate = dc.PreventUpdate || PREVENT_UPDATE_MARK;
  return dc;
}
namespace();

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

/** Run one clientside request (see livedash/protocol.py) and give the answer for the worker. */
export async function runClientside(ask) {
  const dc = namespace();
  const sideUpdates = [];
  const previousSetProps = dc.set_props;
  dc.set_props = (id, props) => sideUpdates.push([id, props]);
  dc.callback_context = {
    ...ask.context,
    // Dash gives an empty list (not a dummy entry) on the initial call, and an undefined triggered_id.
    triggered: ask.context.triggered,
    triggered_id: ask.context.triggered_id === null ? undefined : ask.context.triggered_id,
  };
  try {
    let pending;
    try {
      pending = resolve(dc, ask.function)(...ask.args.map((v) => (v === null ? undefined : v)));
    } finally {
      delete dc.callback_context;   // only during the synchronous part, as in Dash
    }
    let value = await pending;
    if (ask.multi && Array.isArray(value)) value = value.map((v) => clean(dc, v));
    return { value: clean(dc, value), set_props: sideUpdates };
  } catch (error) {
    if (error === dc.PreventUpdate) return { prevented: true };
    return { error: { kind: error?.name || "Error", message: String(error?.message ?? error) } };
  } finally {
    dc.set_props = previousSetProps;
  }
}
