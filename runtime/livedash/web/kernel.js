// The page side of the worker: one module worker per tab, created on first use and kept for the
// life of the document, so Material's instant navigation never boots Python twice.
import config from "./config.js";

const absolute = (url) => new URL(url, import.meta.url).href;

let worker = null;
let boot = { state: "idle", message: "" };
const statusListeners = new Set();
const appListeners = new Map();

function setBoot(state, message = "", detail = {}) {
  boot = { state, message, ...detail };
  for (const listener of statusListeners) listener(boot);
}

function start() {
  if (worker) return;
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.type === "booted") setBoot("ready", "", { ms: data.ms, python: data.python });
    else if (data.type === "boot-failed") setBoot("failed", data.error.message);
    else appListeners.get(data.app)?.(data);
  };
  worker.onerror = (event) => setBoot("failed", event.message || "the worker could not start");
  setBoot("loading");
  worker.postMessage({ type: "boot", pyodide: absolute(config.pyodide), runtime: absolute(config.runtime),
    packages: (config.packages || []).map(absolute) });
}

/** Send a protocol message (see livedash/protocol.py); starts the worker on first use. */
export function send(message) {
  start();
  worker.postMessage(message);
}

/** Receive the worker's answers for one app key; returns the function that stops listening. */
export function listen(app, listener) {
  appListeners.set(app, listener);
  return () => { if (appListeners.get(app) === listener) appListeners.delete(app); };
}

/** Follow the boot state ({state: idle|loading|ready|failed, message}); called at once with the current one. */
export function onBoot(listener) {
  statusListeners.add(listener);
  listener(boot);
  return () => statusListeners.delete(listener);
}
