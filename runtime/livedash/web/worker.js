// The worker: boots Pyodide once, unpacks the livedash runtime, then answers every message with
// livedash.kernel.Kernel.handle (see livedash/protocol.py). Messages that arrive while booting wait.
let handle = null;
const waiting = [];

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "boot") boot(message);
  else if (handle === null) waiting.push(message);
  else answer(message);
};

async function boot({ pyodide, runtime, packages = [], interrupt = null }) {
  const start = performance.now();
  try {
    const { loadPyodide } = await import(pyodide + "pyodide.mjs");
    // Fetch the runtime while the interpreter starts.
    const zip = fetch(runtime).then((response) => {
      if (!response.ok) throw new Error(`${runtime}: HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    const py = await loadPyodide({ indexURL: pyodide });
    // On a cross-origin isolated page the page can stop a runaway callback: KeyboardInterrupt.
    if (interrupt) py.setInterruptBuffer(new Int32Array(interrupt));
    const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
    py.unpackArchive(await zip, "zip", { extractDir: sitePackages });
    if (packages.length) await py.loadPackage(packages);   // the site's pure-Python wheels (plugin `packages:`)
    // Keep a proxy to the bound method: calling it is far cheaper than runPython per message. The kernel
    // may post messages of its own at once (a background job's progress) through `notify`.
    const { Kernel } = py.pyimport("livedash.kernel");
    handle = Kernel.callKwargs({ notify: (text) => postMessage(JSON.parse(text)) }).handle;
    const python = py.runPython("import sys; sys.version.split()[0]");
    postMessage({ type: "booted", ms: performance.now() - start, python });
    for (const message of waiting.splice(0)) answer(message);
  } catch (error) {
    postMessage({ type: "boot-failed", error: { kind: error.name || "Error", message: String(error.message || error) } });
  }
}

function answer(message) {
  try {
    postMessage(JSON.parse(handle(JSON.stringify(message))));
  } catch (error) {
    postMessage({
      type: "failed", app: message.app ?? null, request: message.type,
      error: { kind: error.name || "Error", message: String(error.message || error) },
    });
  }
}
