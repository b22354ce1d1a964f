// The trace panel under an app: one row per callback run (what triggered it, its inputs, its outputs
// shortened, how long it took), newest last, capped, clearable. The debugger for chained callbacks.

const MAX_ROWS = 200;
const MAX_VALUE = 60;   // characters of one shown value

/** A value as a short line: components by their type and id, long JSON cut with an ellipsis. */
export function shorten(value) {
  const text = JSON.stringify(value, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v) && "type" in v && "namespace" in v && "props" in v) {
      return `<${v.type}${v.props?.id !== undefined ? ` ${JSON.stringify(v.props.id)}` : ""}>`;
    }
    return v;
  }) ?? "undefined";
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function pairs(values) {
  return Object.entries(values || {}).map(([key, value]) => `${key} = ${shorten(value)}`).join(", ");
}

function outcome(run) {
  if (run.status === "error") return `raised ${run.error.kind}: ${run.error.message}`;
  if (run.status === "prevented") return "PreventUpdate: nothing changed";
  if (run.status === "running") return "started in the background";
  const out = pairs(run.outputs);
  return out || "no output changed (no_update)";
}

export class TracePanel {
  constructor(details) {
    this.details = details;
    this.rows = details.querySelector(".livedash-trace-rows");
    this.count = details.querySelector(".livedash-trace-count");
    this.total = 0;
    // New runs are followed unless the reader scrolled up; known from the scroll events, so that adding a
    // row measures nothing (a layout read per row cost every click's answer a few ms).
    this.following = true;
    this.rows.addEventListener("scroll", () => {
      this.following = this.rows.scrollTop + this.rows.clientHeight >= this.rows.scrollHeight - 4;
    }, { passive: true });
    details.querySelector(".livedash-trace-clear").addEventListener("click", () => this.clear());
  }

  /** After rows were added: drop the oldest beyond the cap, and keep the newest in view (one layout). */
  follow() {
    while (this.rows.children.length > MAX_ROWS) this.rows.firstElementChild.remove();
    if (this.following) this.rows.scrollTop = this.rows.scrollHeight;
  }

  line(className, parts) {
    const item = document.createElement("li");
    item.className = className;
    for (const [name, text] of parts) {
      const span = document.createElement("span");
      span.className = name;
      span.textContent = text;
      item.append(span, " ");   // a space, so copied text and screen readers keep the words apart
    }
    this.rows.append(item);
    return item;
  }

  add(runs) {
    for (const run of runs) {
      this.total += 1;
      const by = run.triggered.length ? `by ${run.triggered.join(", ")}` : "initial call";
      const item = this.line("ld-trace-run", [
        ["ld-trace-n", `#${this.total}`],
        ["ld-trace-fn", `${run.function}${run.job ? ` (job ${run.job})` : ""}`],
        ["ld-trace-by", by],
        ["ld-trace-ms", run.ms >= 0.1 ? `${run.ms.toFixed(1)} ms` : "<0.1 ms"],
        ["ld-trace-in", `in: ${pairs(run.inputs) || "—"}`],
        ["ld-trace-out", `${run.status === "ok" ? "out: " : ""}${outcome(run)}`],
      ]);
      item.dataset.status = run.status;
    }
    this.follow();
    this.update();
  }

  restarted() {
    if (!this.rows.children.length) return;
    this.line("ld-trace-restart", [["", "the app restarted with the code below"]]);
    this.follow();
  }

  clear() {
    this.rows.replaceChildren();
    this.total = 0;
    this.update();
  }

  update() {
    const shown = this.rows.querySelectorAll(".ld-trace-run").length;
    this.count.textContent = this.total === 0 ? "(no runs yet)"
      : `(${this.total} run${this.total === 1 ? "" : "s"}${shown < this.total ? `, last ${shown} shown` : ""})`;
  }
}
