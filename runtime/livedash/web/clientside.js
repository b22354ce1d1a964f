// Clientside callbacks run here, on the page's main thread, as dash-renderer runs them: arguments are the
// input values then the state values; `window.dash_clientside` offers no_update, PreventUpdate, set_props
// and, during the synchronous part of the call, callback_context. Promises are awaited.
const dc = (window.dash_clientside = window.dash_clientside || {});
dc.no_update = dc.no_update || { description: "Return to prevent updating an Output." };
dc.PreventUpdate = dc.PreventUpdate || { description: "Throw to prevent updating all Outputs." };

const NO_UPDATE = { _dash_no_update: "_dash_no_update" };
const compiled = new Map();

function resolve(fn) {
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

const clean = (value) => (value === dc.no_update ? NO_UPDATE : value === undefined ? null : value);

/** Run one clientside request (see livedash/protocol.py) and give the answer for the worker. */
export async function runClientside(ask) {
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
      pending = resolve(ask.function)(...ask.args.map((v) => (v === null ? undefined : v)));
    } finally {
      delete dc.callback_context;   // only during the synchronous part, as in Dash
    }
    let value = await pending;
    if (ask.multi && Array.isArray(value)) value = value.map(clean);
    return { value: clean(value), set_props: sideUpdates };
  } catch (error) {
    if (error === dc.PreventUpdate) return { prevented: true };
    return { error: { kind: error?.name || "Error", message: String(error?.message ?? error) } };
  } finally {
    dc.set_props = previousSetProps;
  }
}
