// The page side of the workers. The site's own examples and the reader's own code share one module worker
// per tab (`shared`), created on first use and kept for the life of the document, so Material's instant
// navigation never boots Python twice. Code from a share link is not trusted: it runs in a worker of its
// own (`isolated(key)`), whose messages can reach only the widget that owns it. Every message from every
// worker is checked against the protocol (protocol.js) before anything uses it; what does not fit is
// dropped (an answer the widget waits for becomes a `failed`, so the widget says so instead of waiting).
//
// Stop: Python in a worker cannot be interrupted from outside unless the page is cross-origin isolated
// (then Pyodide's interrupt buffer raises KeyboardInterrupt in it). Otherwise the only way to end
// `while True: pass` is to terminate the worker and boot another. With a Python snapshot kept in the browser
// (snapshot.js) that boot takes about half a second, so it happens on demand. Without one (a first visit
// before the snapshot is stored, or a browser that keeps none) a boot takes seconds: then a spare is booted
// once a request has been running for a while, and takes over on Stop. No spare is booted ahead otherwise:
// on two cores or a phone, a second boot beside the first delays the page the reader is waiting for.
import config from "./config.js";
import { PROTOCOL_VERSION, checkWorkerMessage } from "./protocol.js";

const absolute = (url) => new URL(url, import.meta.url).href;
const SUSPICIOUS_MS = 400;   // a request running this long may need Stop: have a spare worker ready
const SLOW_BOOT_MS = 20000;  // Pyodide boots in a few seconds; after this long, say that it is slow
const SLOW_BOOT_NOTE = "Still loading Python… (a slow connection? reloading the page may help)";
const INTERRUPT_GRACE_MS = 700;   // after an interrupt, wait this long for Python to give up, then terminate
// What an app's worker may send (job messages come only from a background job's own worker).
const APP_ANSWERS = new Set(["loaded", "updated", "interim", "unloaded", "failed", "checked"]);

// The record of the Python snapshot the shared worker stored ({pyodide, digest}, see snapshot.js), kept where
// no worker can write it. Per runtime, so that projects of one origin with other runtimes keep theirs.
const SNAPSHOT_KEY = `livedash:snapshot:${config.version}`;

function snapshotRecord() {
  if (config.snapshot === false) return null;
  try { return JSON.parse(localStorage.getItem(SNAPSHOT_KEY)); } catch { return null; }
}

function keepSnapshot({ pyodide, digest }) {
  const record = { pyodide, digest, saved: Date.now() };
  try { localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(record)); } catch { /* storage off: none kept */ }
}

/** A worker booting Pyodide and the runtime (used for app workers, the spare and background jobs); from the
 *  stored snapshot when there is one; `save`: make and store one if there is not (the shared worker only). */
export function bootWorker({ save = false, ...extra } = {}) {
  const created = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  created.postMessage({ type: "boot", pyodide: absolute(config.pyodide), runtime: absolute(config.runtime),
    version: config.version, snapshot: { record: snapshotRecord(), save: save && config.snapshot !== false },
    packages: (config.packages || []).map((p) => ({ ...p, url: absolute(p.url),
      requires: (p.requires || []).map(absolute) })), ...extra });
  return created;
}

let settle;
const settled = new Promise((resolve) => { settle = resolve; });
/** Resolves once some worker of the page has booted (or failed to): diagrams wait for it. */
export function pythonSettled() {
  return settled;
}

export class Connection {
  /** owner: null for the shared worker; a widget key for a worker that only that widget's apps use. */
  constructor({ owner = null, keepSpare = owner === null } = {}) {
    this.owner = owner;
    this.keepSpare = keepSpare;
    this.worker = null;
    this.spare = null;            // {worker, booted} kept ready for Stop
    this.interrupt = null;        // Int32Array over a SharedArrayBuffer when the page is cross-origin isolated
    this.boot = { state: "idle", message: "" };
    this.statusListeners = new Set();
    this.appListeners = new Map();
    this.restartListeners = new Set();
    this.inFlight = new Map();    // app key -> request types sent and not yet answered, oldest first
    this.watchdog = null;
    this.closed = false;
  }

  setBoot(state, message = "", detail = {}) {
    this.boot = { state, message, ...detail };
    if (state === "ready" || state === "failed") settle();
    for (const listener of this.statusListeners) listener(this.boot);
  }

  /** May this connection's worker speak for the app with this key? */
  owns(app) {
    return this.owner === null || app === this.owner || app === `${this.owner}/check`;
  }

  receive(data) {
    let message;
    try {
      message = checkWorkerMessage(data);
    } catch (error) {
      console.warn("livedash: a message from the worker was dropped:", error.message);
      const app = data && typeof data === "object" && typeof data.app === "string" ? data.app : null;
      if (app !== null && this.owns(app) && this.appListeners.has(app) && data.type !== "interim") {
        this.deliver({ type: "failed", app, request: null, error: { kind: "ProtocolError",
          message: `The worker sent a message that does not fit the protocol (${error.message}); it was dropped` } });
      }
      return;
    }
    if (message.type === "booted") {
      if (message.protocol !== PROTOCOL_VERSION) {
        this.setBoot("failed", `this page's scripts (protocol ${PROTOCOL_VERSION}) and its Python runtime `
          + `(protocol ${message.protocol}) do not match; reload the page`);
        return;
      }
      this.setBoot("ready", "", { ms: message.ms, python: message.python, from: message.from,
        snapshot: message.snapshot });
      this.watch();
    } else if (message.type === "snapshot") {
      if (this.owner === null) keepSnapshot(message);   // (a worker running link code is not asked for one)
    } else if (message.type === "boot-failed") {
      this.setBoot("failed", message.error.message);
    } else if (APP_ANSWERS.has(message.type) && message.app !== null && this.owns(message.app)) {
      this.deliver(message);
    } else {
      console.warn(`livedash: a ${message.type} message for ${JSON.stringify(message.app)} was dropped `
        + "(not an answer this worker may give)");
    }
  }

  deliver(message) {
    if (message.type !== "interim") this.answered(message.app);
    this.appListeners.get(message.app)?.(message);
  }

  adopt(next, booted) {
    this.worker = next;
    next.onmessage = ({ data }) => { if (this.worker === next) this.receive(data); };
    // (A worker ended by Stop can still report an error from its last moments, e.g. a NoGilError from a
    // time.sleep cut short: only the current worker's errors count.)
    next.onerror = (event) => {
      if (this.worker === next) this.setBoot("failed", event.message || "the worker could not start");
    };
    if (booted) this.setBoot("ready", "", { ...booted, ms: 0 });   // (a spare that had booted)
    else {
      this.setBoot("loading");
      // A boot that stalls (a request that never answers) must not look like one still on its way.
      setTimeout(() => {
        if (this.worker === next && this.boot.state === "loading") this.setBoot("loading", SLOW_BOOT_NOTE);
      }, SLOW_BOOT_MS);
    }
  }

  start() {
    if (this.worker) return;
    if (self.crossOriginIsolated) this.interrupt = new Int32Array(new SharedArrayBuffer(4));
    this.adopt(this.bootOwn(), false);
  }

  /** A worker for this connection's apps (the shared one makes the snapshot when there is none). */
  bootOwn() {
    return bootWorker({ save: this.owner === null, ...(this.interrupt ? { interrupt: this.interrupt.buffer } : {}) });
  }

  answered(app) {
    const pending = this.inFlight.get(app);
    pending?.shift();
    if (pending && !pending.length) this.inFlight.delete(app);
  }

  /** Boot a spare worker once something has been running for a while, so Stop can hand over at once; not
   *  when a snapshot would boot the replacement in half a second anyway. */
  watch() {
    clearTimeout(this.watchdog);
    if (!this.inFlight.size || this.boot.state !== "ready") return;   // waiting for the boot is not stuck
    this.watchdog = setTimeout(() => { if (this.inFlight.size && !snapshotRecord()) this.bootSpare(); }, SUSPICIOUS_MS);
  }

  bootSpare() {
    if (this.spare || this.interrupt || !this.keepSpare || this.closed) return;
    const next = { worker: this.bootOwn(), booted: null };
    // The spare's messages are checked like any other once it takes over; until then only its boot counts.
    next.worker.onmessage = ({ data }) => {
      try {
        const message = checkWorkerMessage(data);
        if (message.type === "booted") next.booted = { python: message.python, from: message.from };
        else if (message.type === "snapshot") keepSnapshot(message);
      } catch { /* (dropped, as the worker's messages are once it takes over) */ }
    };
    this.spare = next;
  }

  /** Send a protocol message (see livedash/protocol.py); starts the worker on first use. */
  send(message) {
    if (this.closed) return;
    this.start();
    if (message.type !== "unload") {
      if (!this.inFlight.has(message.app)) this.inFlight.set(message.app, []);
      this.inFlight.get(message.app).push(message.type);
      this.watch();
    } else {
      this.inFlight.delete(message.app);
    }
    this.worker.postMessage(message);
  }

  /** Is a request of this app still running in the worker? */
  busy(app) {
    return this.inFlight.has(app);
  }

  /** Stop whatever Python is running: interrupt it when the page allows, otherwise replace the worker.
   *  Listeners of onRestart learn which apps had requests in flight (and of what type), and which way. */
  async stop() {
    const stuck = new Map([...this.inFlight].map(([app, types]) => [app, [...types]]));
    if (this.interrupt && this.worker) {
      Atomics.store(this.interrupt, 0, 2);   // SIGINT: KeyboardInterrupt at the next bytecode
      const deadline = performance.now() + INTERRUPT_GRACE_MS;
      while (this.inFlight.size && performance.now() < deadline) await new Promise((resolve) => { setTimeout(resolve, 20); });
      if (!this.inFlight.size) {
        for (const listener of this.restartListeners) listener({ stuck, restarted: false });
        return;
      }
    }
    this.worker?.terminate();
    this.inFlight.clear();
    clearTimeout(this.watchdog);
    const next = this.spare;
    this.spare = null;
    if (next) this.adopt(next.worker, next.booted);
    else this.adopt(this.bootOwn(), false);
    for (const listener of this.restartListeners) listener({ stuck, restarted: true });
  }

  /** Receive the worker's answers for one app key; returns the function that stops listening. */
  listen(app, listener) {
    this.appListeners.set(app, listener);
    return () => { if (this.appListeners.get(app) === listener) this.appListeners.delete(app); };
  }

  /** Follow the boot state ({state: idle|loading|ready|failed, message}); called at once with the current one. */
  onBoot(listener) {
    this.statusListeners.add(listener);
    listener(this.boot);
    return () => this.statusListeners.delete(listener);
  }

  /** Hear about Stop: ({stuck: Map(app -> request types), restarted}) once the new worker takes messages. */
  onRestart(listener) {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /** End this connection's workers (an isolated worker whose widget no longer runs link code). */
  close() {
    this.closed = true;
    clearTimeout(this.watchdog);
    this.worker?.terminate();
    this.spare?.worker.terminate();
    this.worker = this.spare = null;
    this.inFlight.clear();
  }
}

/** The worker of the site's own examples and the reader's own code. */
export const shared = new Connection();

/** A worker of its own for the code of one widget that came from a share link. */
export function isolated(owner) {
  return new Connection({ owner });
}
