// The code pane of a widget around its editor: the reader's edits saved as they type (localStorage, per
// site, page and example), the "edited" mark, Reset with undo, Share (sharelink.js) and Download (a .py file
// that runs with Dash, zipped with its assets when it has any).
//
// Code from a share link is not the reader's: while the pane shows it ("link mode") the reader's edits of it
// are saved apart from their own edit (keyed by the link, so reopening the link brings them back), it keeps
// its "from a link" mark, and it becomes the reader's own only when they say so (Keep as my code), after a
// question if that replaces an edit of their own.
import { CodeEditor } from "./editor.js";
import { shareUrl } from "./sharelink.js";
import { zip } from "./zip.js";

const SITE = new URL("./", import.meta.url).pathname;   // one storage space per site

const editKey = (key) => `livedash-edit:${SITE}:${key}`;
const linkKey = (key) => `livedash-link:${SITE}:${key}`;

function readSaved(key) {
  try { return localStorage.getItem(editKey(key)); } catch { return null; }
}

function save(key, text, original) {
  try {
    if (text === original) localStorage.removeItem(editKey(key));
    else localStorage.setItem(editKey(key), text);
  } catch { /* storage off: edits live as long as the page */ }
}

/** The reader's edit of the code of the link `packed`, if they made one. */
function readLinkDraft(key, packed) {
  try {
    const draft = JSON.parse(localStorage.getItem(linkKey(key)));
    return draft && draft.link === packed && typeof draft.text === "string" ? draft.text : null;
  } catch { return null; }
}

function saveLinkDraft(key, packed, text) {
  try { localStorage.setItem(linkKey(key), JSON.stringify({ link: packed, text })); } catch { /* as above */ }
}

function forgetLinkDraft(key) {
  try { localStorage.removeItem(linkKey(key)); } catch { /* as above */ }
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
  let running = data.code;      // the code the app runs now
  let undone = null;            // the edit Reset replaced, offered back until the next edit
  let link = null;              // in link mode: the packed code of the link the pane shows

  const mark = () => {
    const text = editor.value();
    marker.hidden = link === null && text === data.code;
    const what = link === null ? "edited" : text === running ? "code from a link" : "code from a link, edited";
    marker.textContent = text === running ? what : `${what}, not running: press Run`;
    marker.classList.toggle("livedash-from-link", link !== null);
  };
  const editor = new CodeEditor(pane, readSaved(key) ?? data.code, {
    onRun: () => run(editor.value()),
    onChange: (text) => {
      if (link !== null) saveLinkDraft(key, link, text);
      else save(key, text, data.code);
      if (undone !== null && text !== data.code) { undone = null; undo.hidden = true; }
      mark();
    },
  });
  mark();

  // Copy: the code as it is now (Material's copy button is kept off the view: it sat on the first line and
  // copied the build's code, not the reader's edit).
  const copy = pane.querySelector(".livedash-copy");
  copy?.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(editor.value());
      copy.textContent = "Copied";
      setTimeout(() => { copy.textContent = "Copy"; }, 1500);
    } catch {
      note("The code could not be copied: select it and copy it.");
    }
  });

  pane.querySelector(".livedash-share").addEventListener("click", async () => {
    const url = await shareUrl(key, editor.value());
    try {
      await navigator.clipboard.writeText(url);
      note("Link copied: it opens this page with this code.");
    } catch {
      window.prompt("Copy this link: it opens this page with this code.", url);
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
    /** Reset: the lesson's code back, the edit kept for Undo. (Link mode is left first: see leaveLink.) */
    reset() {
      const edit = editor.value();
      if (edit !== data.code) { undone = edit; undo.hidden = false; }
      editor.setValue(data.code);
      save(key, data.code, data.code);
      reset(data.code);
      mark();
    },
    /** Put ``text`` in the editor as if the reader had pasted it (saved as their edit, or the link's draft). */
    load(text) {
      editor.setValue(text);
      if (link !== null) saveLinkDraft(key, link, text);
      else save(key, text, data.code);
      mark();
    },
    /** Show the code of a share link (`packed` names the link): the reader's earlier edit of that same link's
     *  code if they made one, else the link's code. Their own saved edit is not touched. */
    openLink(packed, code) {
      link = packed;
      editor.setValue(readLinkDraft(key, packed) ?? code);
      mark();
    },
    /** Is the pane showing code from a link (code the reader has not made their own)? */
    fromLink: () => link !== null,
    /** Would keeping the link's code replace an edit of the reader's own? */
    replacesOwnEdit: () => readSaved(key) !== null && readSaved(key) !== editor.value(),
    /** The link's code (as the reader may have edited it) becomes their own edit. */
    keepLink() {
      link = null;
      forgetLinkDraft(key);
      save(key, editor.value(), data.code);
      mark();
    },
    /** Back to the reader's own code (their saved edit, or the lesson's); the link's draft stays for the link. */
    leaveLink() {
      link = null;
      editor.setValue(readSaved(key) ?? data.code);
      mark();
      return editor.value();
    },
    edited: () => readSaved(key) !== null && readSaved(key) !== data.code,
  };
}
