// The code of an example. Until the reader starts editing it is the highlighted view the build wrote
// (no editor is loaded for readers who only read); a click, Enter or typing in it puts Ace (pinned,
// served from the site) in its place, at the same size, with Python highlighting, indentation, and
// Ctrl/Cmd-Enter to run. Ace follows Material's palette toggle. If Ace cannot load, a plain textarea.

const LIGHT = "ace/theme/github_light_default";
const DARK = "ace/theme/github_dark";

let ace = null;
function loadAce() {
  ace = ace || new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL("./vendor/ace/ace.js", import.meta.url).href;
    script.onload = () => {
      window.ace.config.set("basePath", new URL("./vendor/ace/", import.meta.url).href);
      resolve(window.ace);
    };
    script.onerror = () => { ace = null; reject(new Error("the editor could not be loaded")); };
    document.head.append(script);
  });
  return ace;
}

const dark = () => {
  const scheme = document.body.getAttribute("data-md-color-scheme");
  return scheme ? scheme === "slate" : matchMedia("(prefers-color-scheme: dark)").matches;
};

export class CodeEditor {
  /** ``pane``: the widget's .livedash-code; ``onRun()`` for Ctrl/Cmd-Enter; ``onChange(text)`` after edits. */
  constructor(pane, initial, { onRun, onChange }) {
    this.pane = pane;
    this.view = pane.querySelector(".livedash-view");
    this.textarea = pane.querySelector("textarea.livedash-editor");
    this.text = initial;
    this.editor = null;
    this.onRun = onRun;
    this.onChange = onChange;
    if (initial !== this.textarea.value) this.showPlain(initial);   // not the code the build highlighted
    const start = (event) => {
      if (event.type === "keydown" && !(event.key === "Enter" || event.key.length === 1)) return;
      if (event.type === "keydown" && (event.ctrlKey || event.metaKey || event.altKey)) return;
      event.preventDefault();
      this.activate({ typed: event.type === "keydown" && event.key.length === 1 ? event.key : "" });
    };
    this.view.addEventListener("click", start);
    this.view.addEventListener("keydown", start);
    this.textarea.addEventListener("input", () => { this.text = this.textarea.value; onChange(this.text); });
    this.textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); onRun(); }
    });
    this.palette = new MutationObserver(() => this.editor?.setTheme(dark() ? DARK : LIGHT));
    this.palette.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  value() {
    return this.editor ? this.editor.getValue() : this.text;
  }

  /** Put ``text`` in the editor. Not reported through onChange: Ace's setValue empties the session first
   *  (a change event with no text), which would read as the reader's own edit (it cleared Reset's undo). */
  setValue(text) {
    this.text = text;
    if (this.editor) {
      this.silent = true;
      try { this.editor.session.setValue(text); } finally { this.silent = false; }
    }
    else if (!this.textarea.hidden) this.textarea.value = text;
    else this.showPlain(text);
  }

  /** The view shows other code than the build's (the reader's saved edit): plain, until the editor comes. */
  showPlain(text) {
    const lines = text.split("\n");   // (a last "" is Ace's empty last line: an empty block, one line high)
    const code = this.view.querySelector("code");
    code.style.setProperty("--ld-digits", String(String(lines.length).length));   // as the build (examples.py)
    code.replaceChildren(...lines.map((line, n) => {
      const block = document.createElement("span");   // one per line, wrapped as the build's
      block.className = "ld-line";
      block.style.setProperty("--i", String(line.match(/^ */)[0].length));
      block.textContent = n < lines.length - 1 ? `${line}\n` : line;
      return block;
    }));
  }

  /** Swap the view for the editor (once); ``typed`` is a first key to insert; ``focus`` moves the caret
   *  there (not when an error opens the editor while the reader is using the app). */
  activate({ typed = "", focus = true } = {}) {
    if (this.activating) return this.activating;
    this.activating = (async () => {
      const height = this.view.offsetHeight;
      // Read now: a computed style is live, and empty once the view has left the page.
      const { fontSize, fontFamily, lineHeight, paddingTop } = getComputedStyle(this.view.querySelector("code"));
      try {
        const library = await loadAce();
        const host = document.createElement("div");
        host.className = "livedash-ace";
        host.style.minHeight = `${height}px`;
        this.view.replaceWith(host);
        const editor = library.edit(host, {
          mode: "ace/mode/python", theme: dark() ? DARK : LIGHT, value: this.text,
          fontFamily, fontSize, tabSize: 4, useSoftTabs: true,
          showPrintMargin: false, highlightActiveLine: false,
          maxLines: 40, useWorker: false,
          // Long lines wrap (no sideways scrolling in a narrow column or on a phone), indented under their
          // line's start, as the view wraps them (livedash.css), so the swap moves nothing.
          wrap: "free", indentedSoftWrap: true,
        });
        // (a session option: breaks after spaces, as the browser does; "code" also breaks after punctuation)
        editor.session.setOption("wrapMethod", "text");
        // The same type size and line height as the view it replaces, so nothing moves.
        editor.container.style.lineHeight = lineHeight;
        editor.renderer.updateFontSize();
        const margin = parseFloat(paddingTop) || 0;   // the view's space above and below the code
        editor.renderer.setScrollMargin(margin, margin, 0, 0);
        editor.container.setAttribute("aria-label", this.textarea.getAttribute("aria-label"));
        editor.commands.addCommand({ name: "run", bindKey: { win: "Ctrl-Enter", mac: "Command-Enter" }, exec: () => this.onRun() });
        editor.commands.removeCommand("find");   // Ctrl-F finds in the page, as readers expect
        editor.session.on("change", () => {
          this.text = editor.getValue();
          if (!this.silent) this.onChange(this.text);
        });
        editor.clearSelection();
        this.editor = editor;
        if (focus) editor.focus();
        if (typed) editor.insert(typed);
        if (this.pendingLine) this.markLine(this.pendingLine);
      } catch (error) {
        console.error("livedash:", error);
        this.view.hidden = true;
        this.textarea.hidden = false;
        this.textarea.value = this.text;
        if (focus) this.textarea.focus();
      }
    })();
    return this.activating;
  }

  /** Highlight the line an error points at (the editor is opened for it). */
  markLine(line) {
    this.clearMark();
    if (!line) return;
    if (!this.editor) {
      this.pendingLine = line;
      if (this.textarea.hidden) this.activate({ focus: false });
      return;
    }
    this.pendingLine = null;
    const { Range } = window.ace.require("ace/range");
    this.marker = this.editor.session.addMarker(new Range(line - 1, 0, line - 1, 1), "livedash-error-line", "fullLine");
    this.editor.session.addGutterDecoration(line - 1, "livedash-error-gutter");
    this.markedLine = line;
  }

  clearMark() {
    this.pendingLine = null;
    if (this.editor && this.marker !== undefined) {
      this.editor.session.removeMarker(this.marker);
      this.editor.session.removeGutterDecoration(this.markedLine - 1, "livedash-error-gutter");
      this.marker = undefined;
    }
  }

  dispose() {
    this.palette.disconnect();
    this.editor?.destroy();
  }
}
