// A Pyodide memory snapshot kept in the browser, so that a returning reader's Python starts in about half a
// second instead of a full boot (DESIGN.md, decision 11). Used inside a worker (worker.js).
//
// What is kept: the wasm memory of an interpreter that has booted, unpacked the runtime and imported it (and
// run a tiny app, so a first app's imports are done too), before any code of a page ran. It sits in Cache
// Storage under `<Pyodide version>/<runtime digest>/<its SHA-256>`: a new one never overwrites the one the
// page's record names (a worker ended by Stop in the middle of storing cannot leave the two disagreeing).
//
// Why it can be trusted: every project of a GitHub user shares one origin, and any worker of it (code from a
// share link too) can write Cache Storage. So a stored snapshot is used only when its SHA-256 is the one the
// page recorded (localStorage, which workers cannot reach) when the shared worker, before running any code
// of a page, reported saving it. A snapshot made for another runtime (the key's runtime digest is also a
// marker inside the snapshot's Python) or another Pyodide build (Pyodide checks its build id) is stale;
// anything that does not restore is ignored, and the worker boots normally. Storage errors (quota, private
// modes, an insecure origin without Cache Storage or crypto.subtle) only mean there is no snapshot.

const STORE = "livedash-snapshots";
const KEEP = 3;   // snapshots kept on an origin (several projects of a user may use different runtimes)
const MARKER = "_livedash_snapshot_of";
// Half of a snapshot's 31 MB is zeros (free heap): stored without its all-zero blocks, it is read and checked
// in half the time. Format: magic, length, then one byte per block (1: stored), then the stored blocks.
const PACKED = 0x6c647a31;   // "ldz1"
const BLOCK = 65536;

/** Can this worker keep snapshots at all? */
export function available() {
  return typeof caches !== "undefined" && Boolean(self.crypto?.subtle);
}

/** The Cache Storage request under which a snapshot of this Pyodide and runtime is kept. */
function requestFor(pyodideVersion, runtime, digest) {
  const path = [pyodideVersion, runtime, digest].map(encodeURIComponent).join("/");
  return new Request(new URL(`/livedash-snapshot/${path}`, self.location.origin));
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `bytes` without its all-zero blocks (exported for tests/js). */
export function pack(bytes) {
  const blocks = Math.ceil(bytes.length / BLOCK);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const kept = new Uint8Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const end = Math.min((b + 1) * BLOCK, bytes.length) >> 2;
    for (let w = (b * BLOCK) >> 2; w < end; w++) if (words[w]) { kept[b] = 1; break; }
  }
  if (bytes.length % 4) kept[blocks - 1] = 1;   // (a tail shorter than a word is always kept)
  const stored = kept.reduce((n, k, b) => n + (k ? Math.min(BLOCK, bytes.length - b * BLOCK) : 0), 0);
  const out = new Uint8Array(8 + blocks + stored);
  new DataView(out.buffer).setUint32(0, PACKED);
  new DataView(out.buffer).setUint32(4, bytes.length);
  out.set(kept, 8);
  let at = 8 + blocks;
  for (let b = 0; b < blocks; b++) {
    if (!kept[b]) continue;
    const block = bytes.subarray(b * BLOCK, Math.min((b + 1) * BLOCK, bytes.length));
    out.set(block, at);
    at += block.length;
  }
  return out;
}

/** The bytes `pack` was given; throws on anything else. */
export function unpack(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.length < 8 || view.getUint32(0) !== PACKED) throw new Error("not a stored snapshot");
  const length = view.getUint32(4);
  const blocks = Math.ceil(length / BLOCK);
  const bytes = new Uint8Array(length);
  let at = 8 + blocks;
  for (let b = 0; b < blocks; b++) {
    if (!packed[8 + b]) continue;
    const size = Math.min(BLOCK, length - b * BLOCK);
    if (at + size > packed.length) throw new Error("a stored snapshot cut short");
    bytes.set(packed.subarray(at, at + size), b * BLOCK);
    at += size;
  }
  return bytes;
}

/** An error saying why no snapshot is used (`refused`: none, unavailable, stale, corrupt). */
export const refusal = (refused, message) => Object.assign(new Error(message), { refused });

/** The stored snapshot's bytes, if the page's `record` ({pyodide, digest}) vouches for them; rejects with
 *  an error whose `refused` says why not (none, stale, corrupt, unavailable). Starts before Pyodide's own
 *  module is loaded, so the record's Pyodide version names it; `check` compares it with the real one. */
export async function read(record, runtime) {
  if (!record) throw refusal("none", "none is stored");
  if (!available()) throw refusal("unavailable", "this browser keeps none here");
  let packed;
  try {
    const cache = await caches.open(STORE);
    const request = requestFor(record.pyodide, runtime, String(record.digest));
    const response = await cache.match(request);
    if (!response) throw refusal("none", "none is stored");
    packed = new Uint8Array(await response.arrayBuffer());
    if (await sha256(packed) !== record.digest) {
      await cache.delete(request);
      throw refusal("corrupt", "it is not the one this page stored");
    }
  } catch (error) {
    throw error.refused ? error : refusal("unavailable", `the browser's storage failed: ${error.message}`);
  }
  try {
    return unpack(packed);
  } catch (error) {
    throw refusal("corrupt", error.message);
  }
}

/** Before the snapshot is taken: mark it as made for this runtime, and do a first app's imports. */
export function prepare(py, runtime) {
  py.runPython(`import livedash; livedash.${MARKER} = ${JSON.stringify(runtime)}`);
  py.pyimport("livedash.kernel").warm_up();
  py.runPython("import gc; gc.collect()");
}

/** After a restore: was the snapshot made for this runtime? */
export function madeFor(py, runtime) {
  return py.runPython(`import livedash; getattr(livedash, ${JSON.stringify(MARKER)}, None)`) === runtime;
}

/** Was `record` made by this Pyodide? (Its build id is checked again when the snapshot is restored.) */
export function check(record, pyodideVersion) {
  if (record?.pyodide !== pyodideVersion) throw refusal("stale", "it was made by another Pyodide");
}

/** Keep `bytes` for the next boots; resolves to the record the page keeps ({pyodide, digest}), or null when
 *  the browser would not store it (quota, storage off). Older snapshots beyond KEEP are deleted. */
export async function save(bytes, pyodideVersion, runtime) {
  try {
    const packed = pack(bytes);
    const digest = await sha256(packed);
    const cache = await caches.open(STORE);
    await cache.put(requestFor(pyodideVersion, runtime, digest), new Response(packed, {
      headers: { "content-type": "application/octet-stream", "x-saved": String(Date.now()) } }));
    const kept = await Promise.all((await cache.keys()).map(async (request) =>
      [request, Number((await cache.match(request))?.headers.get("x-saved")) || 0]));
    kept.sort((a, b) => b[1] - a[1]);
    await Promise.all(kept.slice(KEEP).map(([request]) => cache.delete(request)));
    return { pyodide: pyodideVersion, digest };
  } catch (error) {
    console.info(`livedash: the Python snapshot was not stored (${error.name}: ${error.message})`);
    return null;
  }
}
