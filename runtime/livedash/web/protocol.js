// The page's copy of the protocol (livedash/protocol.py is the other side): the version, and the shape of
// every message a worker may send. A worker runs Python that may not be ours (code from a share link can
// `import js` and post anything), so nothing a worker sends is used before `checkWorkerMessage` has
// checked its type and fields; what does not fit is dropped. The result is a fresh object holding only the
// fields named here, so an extra field never reaches the page.

export const PROTOCOL_VERSION = 4;

export class ProtocolError extends Error {
  constructor(path, expected) {
    super(`${path}: expected ${expected}`);
    this.name = "ProtocolError";
  }
}

// --- field checkers: each takes (value, path) and returns the value to keep, or throws ProtocolError ----

const MAX_DEPTH = 200;   // deeper component trees are refused (a forged message must not blow the stack)

const str = (value, path) => {
  if (typeof value !== "string") throw new ProtocolError(path, "a string");
  return value;
};
const int = (value, path) => {
  if (!Number.isSafeInteger(value)) throw new ProtocolError(path, "an integer");
  return value;
};
const num = (value, path) => {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new ProtocolError(path, "a number");
  return value;
};
const bool = (value, path) => {
  if (typeof value !== "boolean") throw new ProtocolError(path, "true or false");
  return value;
};
const sha256 = (value, path) => {
  if (typeof value !== "string" || !/^[0-9a-f]{64}$/.test(value)) throw new ProtocolError(path, "a SHA-256 in hex");
  return value;
};
const isPlain = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Any JSON value (props, callback arguments): kept as it is, but only plain data of bounded depth. */
function json(value, path, depth = 0) {
  if (depth > MAX_DEPTH) throw new ProtocolError(path, `data nested at most ${MAX_DEPTH} deep`);
  if (value === null || ["string", "boolean"].includes(typeof value)) return value;
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((item, i) => json(item, `${path}[${i}]`, depth + 1));
  if (isPlain(value)) {
    const out = {};
    for (const [key, item] of Object.entries(value)) out[key] = json(item, `${path}.${key}`, depth + 1);
    return out;
  }
  throw new ProtocolError(path, "JSON data");
}

const nullable = (check) => (value, path) => (value === null || value === undefined ? null : check(value, path));
const list = (check) => (value, path) => {
  if (!Array.isArray(value)) throw new ProtocolError(path, "a list");
  return value.map((item, i) => check(item, `${path}[${i}]`));
};
const oneOf = (...choices) => (value, path) => {
  if (!choices.includes(value)) throw new ProtocolError(path, `one of ${choices.join(", ")}`);
  return value;
};
const mapOf = (check) => (value, path) => {
  if (!isPlain(value)) throw new ProtocolError(path, "an object");
  const out = {};
  for (const [key, item] of Object.entries(value)) out[key] = check(item, `${path}.${key}`);
  return out;
};

/** An object with these fields (a `?` after a name: optional); only these fields are kept. */
function shape(fields) {
  return (value, path) => {
    if (!isPlain(value)) throw new ProtocolError(path, "an object");
    const out = {};
    for (const [spec, check] of Object.entries(fields)) {
      const optional = spec.endsWith("?");
      const name = optional ? spec.slice(0, -1) : spec;
      if (!(name in value) || value[name] === undefined) {
        if (optional) continue;
        throw new ProtocolError(`${path}.${name}`, "a value (the field is missing)");
      }
      out[name] = check(value[name], `${path}.${name}`);
    }
    return out;
  };
}

/** A component id: a string, or a dict id whose values are strings, numbers or booleans. */
function componentId(value, path) {
  if (typeof value === "string") return value;
  if (isPlain(value) && Object.values(value).every((v) => ["string", "number", "boolean"].includes(typeof v))) {
    return { ...value };
  }
  throw new ProtocolError(path, "a component id (a string or a dict of strings and numbers)");
}

/** Component JSON: {namespace, type, props}, children inside. */
function component(value, path, depth = 0) {
  if (depth > MAX_DEPTH) throw new ProtocolError(path, `components nested at most ${MAX_DEPTH} deep`);
  return shape({ namespace: str, type: str, props: (props, at) => componentProps(props, at, depth) })(value, path);
}

function componentProps(value, path, depth) {
  if (!isPlain(value)) throw new ProtocolError(path, "an object of props");
  const out = {};
  for (const [name, prop] of Object.entries(value)) {
    out[name] = name === "id" ? componentId(prop, `${path}.id`) : propValue(prop, `${path}.${name}`, depth + 1);
  }
  return out;
}

/** A prop value: JSON, in which an object shaped like a component is checked as one (children, labels). */
function propValue(value, path, depth) {
  if (depth > MAX_DEPTH) throw new ProtocolError(path, `data nested at most ${MAX_DEPTH} deep`);
  if (Array.isArray(value)) return value.map((item, i) => propValue(item, `${path}[${i}]`, depth + 1));
  if (isPlain(value) && "namespace" in value && "type" in value && "props" in value) {
    return component(value, path, depth + 1);
  }
  if (isPlain(value)) {
    const out = {};
    for (const [key, item] of Object.entries(value)) out[key] = propValue(item, `${path}.${key}`, depth + 1);
    return out;
  }
  return json(value, path, depth);
}

const error = shape({ kind: str, message: str, "traceback?": nullable(str), "filename?": nullable(str),
  "line?": nullable(int) });
const problem = shape({ title: str, message: str });
const run = shape({
  callback: str, function: str, triggered: list(str), "inputs?": mapOf(json), "outputs?": mapOf(json),
  status: oneOf("ok", "prevented", "error", "running"), "ms?": nullable(num), "error?": error,
  "job?": int, "match?": mapOf(json),
});
const update = shape({ id: componentId, props: (value, path) => componentProps(value, path, 0) });
const clientsideFunction = (value, path) => ("source" in (value || {})
  ? shape({ source: str })(value, path) : shape({ namespace: str, name: str })(value, path));
const clientside = shape({ function: clientsideFunction, args: list(json), context: mapOf(json), "multi?": bool,
  "name?": nullable(str) });
const job = shape({ job: int, callback: str, args: list(json), context: mapOf(json), "progress?": bool });
const diagramText = (value, path) => {
  // Our diagrams never carry mermaid directives (`%%{init: …}%%` can change how mermaid draws).
  if (str(value, path).includes("%%{")) throw new ProtocolError(path, "Mermaid text without directives");
  return value;
};
const diagram = shape({ text: diagramText, callbacks: mapOf(json) });
// {namespace: {type: ["label", "options[].label", ...]}}: which props of a component type hold components.
const childrenProps = mapOf(mapOf(list(str)));
const loading = list(shape({ id: componentId, property: str }));
const answerExtras = { "jobs?": list(job), "cancel?": list(int), "clientside?": clientside };

// Worker -> page, by type (see livedash/protocol.py for what each means).
const MESSAGES = {
  booted: shape({ type: str, ms: num, python: str, protocol: int, "from?": oneOf("snapshot", "fresh"),
    "snapshot?": nullable(oneOf("none", "unavailable", "stale", "corrupt", "failed")) }),
  // The shared worker stored a Python snapshot (web/snapshot.js): the page keeps this record of it.
  snapshot: shape({ type: str, pyodide: str, digest: sha256 }),
  "boot-failed": shape({ type: str, error }),
  loaded: shape({ type: str, app: str, layout: nullable(component), trace: list(run), error: nullable(error),
    problems: list(problem), "background?": bool, "diagram?": diagram, "children_props?": childrenProps,
    "loading?": loading, "stylesheets?": list(str), ...answerExtras }),
  updated: shape({ type: str, app: str, seq: nullable(int), updates: list(update), trace: list(run),
    "queued?": bool, "loading?": loading, ...answerExtras }),
  interim: shape({ type: str, app: str, updates: list(update), "loading?": loading }),
  unloaded: shape({ type: str, app: str }),
  failed: shape({ type: str, app: nullable(str), request: nullable(str), error }),
  checked: shape({ type: str, app: str, results: list(shape({ name: str, title: str, passed: bool, message: str })) }),
  // In a background job's worker.
  "job-progress": shape({ type: str, job: int, value: json }),
  "job-done": shape({ type: str, job: int, answer: mapOf(json) }),
};

/** The message, checked and stripped to the protocol's fields; throws ProtocolError when it does not fit. */
export function checkWorkerMessage(message) {
  if (!isPlain(message) || typeof message.type !== "string") throw new ProtocolError("message", "an object with a type");
  const check = MESSAGES[message.type];
  if (!check) throw new ProtocolError("message.type", `a known message type, not ${JSON.stringify(message.type)}`);
  return check(message, message.type);
}
