// The page side of the worker: one module worker per tab, created on first use and kept for the
// life of the document, so Material's instant navigation never boots Python twice.
//
// Stop: Python in a worker cannot be interrupted from outside unless the page is cross-origin isolated
// (then Pyodide's interrupt buffer raises KeyboardInterrupt in it). Otherwise the only way to end
// `while True: pass` is to terminate the worker. To be usable again within a second, a spare worker is
// booted as soon as a request has been running for a while, and takes over when the reader presses Stop.
import config from "./config.js";

const absolute = (url) => new URL(url, import.meta.url).href;
const SUSPICIOUS_MS = 400;   // a request running this long may need Stop: have a spare worker ready
const SPARE_AFTER_MS = 3000; // and once the page has settled after the first boot, keep one ready anyway
const SLOW_BOOT_MS = 20000;  // Pyodide boots in a few seconds; after this long, say that it is slow
const SLOW_BOOT_NOTE = "Still loading Python… (a slow connection? reloading the page may help)";
const INTERRUPT_GRACE_MS = 700;   // after an interrupt, wait this long for Python to give up, then terminate

let worker = null;
let spare = null;            // {worker, booted} kept ready for Stop
let interrupt = null;        // Int32Array over a SharedArrayBuffer when the page is cross-origin isolated
let boot = { state: "idle", message: "" };
const statusListeners = new Set();
const appListeners = new Map();
const restartListeners = new Set();
const inFlight = new Map();  // app key -> request types sent and not yet answered, oldest first
let watchdog = null;

function setBoot(state, message = "", detail = {}) {
  boot = { state, message, ...detail };
  for (const listener of statusListeners) listener(boot);
}

/** A worker booting Pyodide and the runtime (used for the app worker, its spare and background jobs). */
export function bootWorker(extra = {}) {
  const created = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  created.postMessage({ type: "boot", pyodide: absolute(config.pyodide), runtime: absolute(config.runtime),
    packages: (config.packages || []).map(absolute), ...extra });
  return created;
}

function adopt(next, booted) {
  worker = next;
  worker.onmessage = ({ data }) => {
    if (data.type === "booted") {
      setBoot("ready", "", { ms: data.ms, python: data.python });
      watch();
      scheduleSpare();
    } else if (data.type === "boot-failed") setBoot("failed", data.error.message);
    else {
      if (data.type !== "patched") answered(data.app);
      appListeners.get(data.app)?.(data);
    }
  };
  worker.onerror = (event) => setBoot("failed", event.message || "the worker could not start");
  if (booted) setBoot("ready", "", { ms: 0, python: boot.python });
  else {
    setBoot("loading");
    // A boot that stalls (a request that never answers) must not look like one still on its way.
    setTimeout(() => { if (worker === next && boot.state === "loading") setBoot("loading", SLOW_BOOT_NOTE); },
      SLOW_BOOT_MS);
  }
}

function start() {
  if (worker) return;
  if (self.crossOriginIsolated) interrupt = new Int32Array(new SharedArrayBuffer(4));
  adopt(bootWorker(interrupt ? { interrupt: interrupt.buffer } : {}), false);
}

function answered(app) {
  const pending = inFlight.get(app);
  pending?.shift();
  if (pending && !pending.length) inFlight.delete(app);
}

/** Boot a spare worker once something has been running for a while, so Stop can hand over at once. */
function watch() {
  clearTimeout(watchdog);
  if (!inFlight.size || boot.state !== "ready") return;   // requests waiting for the boot are not stuck
  watchdog = setTimeout(() => { if (inFlight.size) bootSpare(); }, SUSPICIOUS_MS);
}

/** A spare booted in idle time makes Stop instant (at the cost of a second interpreter's memory). */
function scheduleSpare() {
  if (!interrupt) setTimeout(() => (self.requestIdleCallback || setTimeout)(bootSpare), SPARE_AFTER_MS);
}

function bootSpare() {
  if (spare || interrupt) return;
  const next = { worker: bootWorker(), booted: false };
  next.worker.onmessage = ({ data }) => { if (data.type === "booted") next.booted = true; };
  spare = next;
}

/** Send a protocol message (see livedash/protocol.py); starts the worker on first use. */
export function send(message) {
  start();
  if (message.type !== "unload") {
    if (!inFlight.has(message.app)) inFlight.set(message.app, []);
    inFlight.get(message.app).push(message.type);
    watch();
  } else {
    inFlight.delete(message.app);
  }
  worker.postMessage(message);
}

/** Is a request of this app still running in the worker? */
export function busy(app) {
  return inFlight.has(app);
}

/** Stop whatever Python is running: interrupt it when the page allows, otherwise replace the worker.
 *  Listeners of onRestart learn which apps had requests in flight (and of what type), and which way. */
export async function stop() {
  const stuck = new Map([...inFlight].map(([app, types]) => [app, [...types]]));
  if (interrupt && worker) {
    Atomics.store(interrupt, 0, 2);   // SIGINT: KeyboardInterrupt at the next bytecode
    const deadline = performance.now() + INTERRUPT_GRACE_MS;
    while (inFlight.size && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    if (!inFlight.size) {
      for (const listener of restartListeners) listener({ stuck, restarted: false });
      return;
    }
  }
  worker?.terminate();
  inFlight.clear();
  clearTimeout(watchdog);
  const next = spare;
  spare = null;
  if (next) adopt(next.worker, next.booted);
  else adopt(bootWorker(interrupt ? { interrupt: interrupt.buffer } : {}), false);
  if (next?.booted) scheduleSpare();   // (a worker still booting schedules it when it reports booted)
  for (const listener of restartListeners) listener({ stuck, restarted: true });
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

/** Hear about Stop: ({stuck: Map(app -> request types), restarted}) once the new worker takes messages. */
export function onRestart(listener) {
  restartListeners.add(listener);
  return () => restartListeners.delete(listener);
}
