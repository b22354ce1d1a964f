// The worker: boots Pyodide once, unpacks the livedash runtime, then answers every message with
// livedash.kernel.Kernel.handle (see livedash/protocol.py). Messages that arrive while booting wait.
import * as snapshot from "./snapshot.js";

let handle = null;
let py = null;
const waiting = [];
// The site's pure-Python wheels (plugin `packages:`, e.g. a component library): [{url, modules, requires}], each
// loaded (with the wheels it requires) the first time code that imports one of its modules comes, so that pages
// without it never pay for it.
let packages = [];
const loaded = new Set();
let order = Promise.resolve();   // (a message waiting for a wheel keeps the ones after it waiting too)

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "boot") boot(message);
  else if (handle === null) waiting.push(message);
  else order = order.then(() => answer(message));
};

/** Load the wheels whose modules `code` imports (all of the site's wheels they need are loaded together). */
async function wheelsFor(code) {
  if (typeof code !== "string" || !packages.length) return;
  const imported = new Set(py.pyimport("pyodide.code").find_imports(code).toJs());
  const wanted = packages.filter((p) => !loaded.has(p.url) && p.modules.some((m) => imported.has(m)));
  if (!wanted.length) return;
  // A library's own dependencies among the site's wheels come along (they are few: the site lists them).
  const urls = [...new Set([...wanted.map((p) => p.url), ...wanted.flatMap((p) => p.requires || [])])]
    .filter((url) => !loaded.has(url));
  await py.loadPackage(urls);
  for (const url of urls) loaded.add(url);
}

async function boot({ pyodide, runtime, version, packages: wheels = [], interrupt = null, snapshot: kept = {} }) {
  const start = performance.now();
  try {
    // A returning reader's Python comes from the snapshot the page vouches for (snapshot.js), read while
    // Pyodide's module loads; whatever is wrong with it, the boot goes on as a first visit's.
    const stored = snapshot.read(kept.record, version);
    stored.catch(() => {});   // (a refusal is handled below; it must not count as unhandled meanwhile)
    const { loadPyodide, version: pyodideVersion } = await import(pyodide + "pyodide.mjs");
    // Fetch the runtime while the interpreter starts.
    const zip = fetch(runtime)
      .catch((error) => { throw new Error(`${runtime}: ${error.message}`); })
      .then((response) => {
        if (!response.ok) throw new Error(`${runtime}: HTTP ${response.status}`);
        return response.arrayBuffer();
      });
    const unpack = async () => py.unpackArchive(await zip, "zip",
      { extractDir: py.runPython("import site; site.getsitepackages()[0]") });
    let refused = kept.record ? null : "none";
    if (kept.record) {
      try {
        snapshot.check(kept.record, pyodideVersion);
        py = await interpreter(loadPyodide, { indexURL: pyodide, _loadSnapshot: stored });
        await unpack();   // (files are not in a snapshot: the modules not imported yet need them)
        if (!snapshot.madeFor(py, version)) {
          throw snapshot.refusal("stale", "it was made for another runtime");
        }
      } catch (error) {
        refused = error.refused || "failed";
        if (refused !== "none") console.info(`livedash: the stored Python snapshot was not used (${error.message})`);
        py = null;
      }
    }
    let made = null;
    if (!py) {
      // Only the page's shared worker makes a snapshot, before any code of the page has run in it.
      const making = Boolean(kept.save) && snapshot.available();
      py = await interpreter(loadPyodide, { indexURL: pyodide, _makeSnapshot: making });
      await unpack();
      if (making) {
        try {
          snapshot.prepare(py, version);
          made = py.makeMemorySnapshot();
        } catch (error) {
          console.info(`livedash: no Python snapshot could be made (${error.message})`);
        }
      }
    }
    // On a cross-origin isolated page the page can stop a runaway callback: KeyboardInterrupt.
    if (interrupt) py.setInterruptBuffer(new Int32Array(interrupt));
    packages = wheels;
    // Keep a proxy to the bound method: calling it is far cheaper than runPython per message. The kernel
    // may post messages of its own at once (a background job's progress) through `notify`.
    const { Kernel } = py.pyimport("livedash.kernel");
    handle = Kernel.callKwargs({ notify: (text) => postMessage(JSON.parse(text)) }).handle;
    const python = py.runPython("import sys; sys.version.split()[0]");
    // The page checks that its protocol.js and this runtime speak the same version.
    const protocol = py.pyimport("livedash.protocol").PROTOCOL_VERSION;
    postMessage({ type: "booted", ms: performance.now() - start, python, protocol,
      from: refused ? "fresh" : "snapshot", snapshot: refused });
    for (const message of waiting.splice(0)) order = order.then(() => answer(message));
    // Stored once the page's first requests are answered; the page records its digest (snapshot.js).
    if (made) {
      order.then(() => snapshot.save(made, pyodideVersion, version)).then((record) => {
        made = null;
        if (record) postMessage({ type: "snapshot", ...record });
      });
    }
  } catch (error) {
    postMessage({ type: "boot-failed", error: { kind: error.name || "Error", message: String(error.message || error) } });
  }
}

/** loadPyodide, failing (instead of hanging) when its WebAssembly cannot be loaded. */
async function interpreter(loadPyodide, options) {
  const wasm = watchWasm();
  return Promise.race([loadPyodide(options), wasm.failed]).finally(wasm.stop);
}

// Pyodide 314 catches a failed fetch or compile of its wasm, only warns "wasm instantiation failed!" and
// then the error on the console, and never settles loadPyodide's promise: without this the reader would
// see "Loading Python…" for ever. Those two warnings end the boot with the error.
function watchWasm() {
  const warn = console.warn;
  let next = false;
  const failed = new Promise((_, reject) => {
    console.warn = (...args) => {
      warn.apply(console, args);
      if (next) reject(new Error(`its WebAssembly could not be loaded (${args[0]?.message || args[0]})`));
      next = args[0] === "wasm instantiation failed!";
    };
  });
  return { failed, stop: () => { console.warn = warn; } };
}

async function answer(message) {
  try {
    await wheelsFor(message.code);
    postMessage(JSON.parse(handle(JSON.stringify(message))));
  } catch (error) {
    postMessage({
      type: "failed", app: message.app ?? null, request: message.type,
      error: { kind: error.name || "Error", message: String(error.message || error) },
    });
  }
}
