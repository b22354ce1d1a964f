// The error box under an app, and the words of an error (the build writes the same: livedash/errors.py's
// line_note and error_status, so the page says the same before and after JavaScript). It shows what Dash's
// dev tools would: load-time problems (duplicate outputs, cycles, missing ids), then what the page itself has
// to say (a broken share link, a dangerous link), then the last error of the code or of a callback.

/** " (line N)" when the error points at a line of the reader's code, else "". */
export const lineNote = (error) => (error.line ? ` (line ${error.line})` : "");

/** The status line while `error` shows: the callback's name when a callback raised it. */
export function errorStatus(error, callback = null) {
  return callback ? `Error in ${callback}${lineNote(error)}` : `Error: ${error.kind}${lineNote(error)}`;
}

/** The editor line of `error` when it is a line of the reader's code (in `filename`), else null. */
export function ownLine(error, filename) {
  const own = error.filename === filename || Boolean(error.filename?.endsWith(`/${filename}`));
  return own && error.line ? error.line : null;
}

export class ErrorBox {
  constructor(element, problems = []) {
    this.element = element;
    this.problems = problems;
    this.notes = [];       // {title, message}: what the page itself has to say
    this.error = null;     // {error, context, callback}: the last error of the code or of a callback
  }

  /** Show `error`; `callback` names the callback that raised it (null: the code itself). */
  show(error, callback = null) {
    this.error = { error, context: callback ? `${callback}: ` : "", callback };
    this.render();
  }

  clear() {
    this.error = null;
    this.render();
  }

  setProblems(problems) {
    this.problems = problems || [];
  }

  note(title, message) {
    if (this.notes.some((note) => note.title === title && note.message === message)) return;
    this.notes.push({ title, message });
    this.render();
  }

  dropNotes(title) {
    this.notes = this.notes.filter((note) => note.title !== title);
  }

  render() {
    const box = this.element;
    box.replaceChildren();
    const block = (title, text, pre) => {
      const strong = document.createElement("strong");
      strong.textContent = title;
      box.append(strong, document.createTextNode(text));
      if (pre) {   // a traceback, or a problem's text (an error without a traceback says it all inline)
        const body = document.createElement("pre");
        body.textContent = pre;
        box.append(body);
      }
    };
    for (const problem of this.problems) block(problem.title, "", problem.message);
    for (const note of this.notes) block(note.title, `: ${note.message}`);
    if (this.error) {
      const { error, context } = this.error;
      block(`${context}${error.kind}`, `${lineNote(error)}: ${error.message}`, error.traceback);
    }
    box.hidden = this.problems.length === 0 && this.notes.length === 0 && !this.error;
  }
}
