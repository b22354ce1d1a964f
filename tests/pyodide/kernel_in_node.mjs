// Run livedash's kernel inside real Pyodide under Node: read messages (JSON lines) on stdin, answer each
// with Kernel.handle, print the answers as one JSON array. Usage: node kernel_in_node.mjs PYODIDE_DIR RUNTIME_ZIP
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideDir, runtimeZip] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });
pyodide.unpackArchive(new Uint8Array(readFileSync(runtimeZip)), "zip", {
  extractDir: pyodide.runPython("import site; site.getsitepackages()[0]"),
});
const handle = pyodide.runPython("from livedash.kernel import Kernel; Kernel().handle");
const messages = readFileSync(0, "utf8").split("\n").filter(Boolean);
const answers = messages.map((m) => JSON.parse(handle(m)));
answers.push({ python: pyodide.runPython("import sys; sys.version.split()[0]") });
process.stdout.write(JSON.stringify(answers));
