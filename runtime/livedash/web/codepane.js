// The code pane of a widget around its editor: the reader's edits saved as they type (localStorage, per
// site, page and example), the "edited" mark, Reset with undo, Share (the code in the link's fragment,
// compressed) and Download (a .py file that runs with Dash, zipped with its assets when it has any).
import { CodeEditor } from "./editor.js";
import { zip } from "./zip.js";

const SITE = new URL("./", import.meta.url).pathname;   // one storage space per site
const FRAGMENT = "livedash=";

function storageKey(key) {
  return `livedash-edit:${SITE}:${key}`;
}

function readSaved(key) {
  try { return localStorage.getItem(storageKey(key)); } catch { return null; }
}

function save(key, text, original) {
  try {
    if (text === original) localStorage.removeItem(storageKey(key));
    else localStorage.setItem(storageKey(key), text);
  } catch { /* storage off: edits live as long as the page */ }
}

// Share links: "#livedash=<widget key>~<base64url of the deflated code>".
async function pack(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function unpack(packed) {
  const binary = atob(packed.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

/** The code a share link in the page's address carries for this widget, or null. */
export async function sharedCode(key) {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (!hash.startsWith(FRAGMENT)) return null;
  const [target, packed] = hash.slice(FRAGMENT.length).split("~");
  if (target !== key || !packed) return null;
  try {
    return await unpack(packed);
  } catch {
    return null;   // a damaged link: the lesson's code stays
  }
}

function saveFile(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function mountCodePane(root, data, key, { run, reset, note }) {
  const pane = root.querySelector(".livedash-code");
  const marker = pane.querySelector(".livedash-edited");
  const undo = pane.querySelector(".livedash-undo");
  const saved = readSaved(key);
  let running = data.code;      // the code the app runs now
  let undone = null;            // the edit Reset replaced, offered back until the next edit

  const mark = () => {
    const text = editor.value();
    marker.hidden = text === data.code;
    marker.textContent = text === running ? "edited" : "edited, not running: press Run";
  };
  const editor = new CodeEditor(pane, saved ?? data.code, {
    onRun: () => run(editor.value()),
    onChange: (text) => {
      save(key, text, data.code);
      if (undone !== null && text !== data.code) { undone = null; undo.hidden = true; }
      mark();
    },
  });
  mark();

  pane.querySelector(".livedash-share").addEventListener("click", async () => {
    const url = new URL(location.href);
    url.hash = `${FRAGMENT}${key}~${await pack(editor.value())}`;
    try {
      await navigator.clipboard.writeText(url.href);
      note("Link copied: it opens this page with this code.");
    } catch {
      window.prompt("Copy this link: it opens this page with this code.", url.href);
    }
  });

  pane.querySelector(".livedash-download").addEventListener("click", async () => {
    const base = data.filename.replace(/\.py$/, "");
    const header = `# ${data.filename}: run it with Dash (pip install dash), then: python ${data.filename}\n`;
    const text = header + editor.value();
    if (!data.assets?.length) {
      saveFile(new Blob([text], { type: "text/x-python" }), data.filename);
      return;
    }
    const files = [{ name: `${base}/${data.filename}`, text }];
    for (const url of data.assets) {
      const response = await fetch(new URL(url, document.baseURI));
      files.push({ name: `${base}/assets/${url.split("/").pop()}`, text: await response.text() });
    }
    saveFile(zip(files), `${base}.zip`);
  });

  pane.querySelector(".livedash-undo").addEventListener("click", () => {
    if (undone === null) return;
    editor.setValue(undone);
    save(key, undone, data.code);
    undone = null;
    undo.hidden = true;
    mark();
  });

  return {
    editor,
    value: () => editor.value(),
    /** The app now runs ``code``. */
    running(code) { running = code; mark(); },
    /** Reset: the lesson's code back, the edit kept for Undo. */
    reset() {
      const edit = editor.value();
      if (edit !== data.code) { undone = edit; undo.hidden = false; }
      editor.setValue(data.code);
      save(key, data.code, data.code);
      reset(data.code);
      mark();
    },
    /** Code from a share link replaces what the editor shows. */
    load(text) { editor.setValue(text); mark(); },
    edited: () => saved !== null && saved !== data.code,
  };
}
