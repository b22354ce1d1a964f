// The callback graph beside an example, drawn here with the self-hosted mermaid (the one mermaid2 also
// uses for authors' own diagrams): on every page load, after instant navigation, and again after the
// reader runs changed code. (Its class is not "mermaid", so mermaid2's load-time pass leaves it to us: two
// passes over one element would race.) While the app runs, each callback run lights its node and edges
// (one after the other when a click sets off a chain), the components whose props it changed flash, and a
// callback that raised stays red until it runs cleanly.
// Colours live in livedash.css, so a palette toggle needs no redraw.

import { pythonSettled } from "./kernel.js";

const STEP = 260;      // ms between two runs of one chain lighting up
const LIT = 700;       // ms a run stays lit
const BACKLOG = 1500;  // a burst of runs further behind than this lights up at once, not in a long queue

let mermaid = null;
/** The self-hosted mermaid, imported once, on the first page that needs it. */
function loadMermaid() {
  // No initialize(): mermaid2 may share this module instance, and its settings (startOnLoad for authors'
  // own diagrams) must stand. The defaults suit us (securityLevel "strict").
  mermaid = mermaid || import(new URL("./vendor/mermaid/mermaid.esm.min.mjs", import.meta.url).href)
    .then((module) => module.default);
  return mermaid;
}

/** Diagrams wait until Python has started and the page is idle: on two cores, drawing them while Pyodide
 *  boots would delay the moment the apps answer. */
function afterBoot() {
  return pythonSettled().then(() => new Promise((resolve) => {
    (self.requestIdleCallback || setTimeout)(() => resolve(), { timeout: 500 });
  }));
}

const drawing = new WeakMap();   // source element -> its drawing, so one element is drawn once
let queue = Promise.resolve();   // mermaid.run is not safe to run twice at once (the two svgs get one id)

/** Draw a figure's Mermaid source; say why in the figure if it cannot. */
export function drawFigure(figure) {
  const source = figure.querySelector(".livedash-mermaid");
  if (!source || !source.textContent.trim()) return Promise.resolve();   // no callbacks: nothing to draw
  if (!drawing.has(source)) drawing.set(source, queue = queue.then(() => draw(figure, source)));
  return drawing.get(source);
}

async function draw(figure, source) {
  figure.querySelector(".livedash-diagram-error")?.remove();
  try {
    await (await loadMermaid()).run({ nodes: [source] });
    // mermaid draws in the element itself, a temporary svg first: this says the drawing is the final one.
    source.dataset.drawn = "";
  } catch (error) {
    const note = document.createElement("p");
    note.className = "livedash-diagram-error";
    note.textContent = `The callback diagram could not be drawn (${error.message || error}); the app works without it.`;
    figure.append(note);
  }
}

const indexes = new WeakMap();   // svg -> its index: built once per drawing, not on every answer

/** mermaid's drawn pieces by our names: node "f0" -> <g>, and each edge with its two ends. */
function indexSvg(svg) {
  if (!indexes.has(svg)) indexes.set(svg, buildIndex(svg));
  return indexes.get(svg);
}

function buildIndex(svg) {
  const nodes = new Map();
  for (const g of svg.querySelectorAll("g.node")) {
    const match = /-flowchart-([a-z]\d+)-\d+$/.exec(g.id);
    if (match) nodes.set(match[1], g);
  }
  const edges = [];
  for (const element of svg.querySelectorAll("[data-id^='L_']")) {
    const match = /^L_([a-z]\d+)_([a-z]\d+)_\d+$/.exec(element.dataset.id);
    if (!match) continue;
    // The label's <g class="label"> sits in a <g class="edgeLabel">: light the whole label.
    const target = element.classList.contains("label") ? element.parentElement : element;
    edges.push({ from: match[1], to: match[2], element: target });
  }
  return { nodes, edges };
}

export class LiveDiagram {
  /** ``callbacks``: callback id -> {node, outputs: [[node, idKey, prop, isPattern]]} (see diagram.py). */
  constructor(figure, callbacks) {
    this.figure = figure;
    this.callbacks = callbacks || {};
    this.timers = new Map();   // element -> timeout that ends its light
    this.next = 0;             // when the next run may light up (performance.now() ms)
    this.failed = new Set();   // nodes of callbacks whose last run raised
    this.drawn = afterBoot().then(() => drawFigure(figure));
  }

  /** Draw a new graph (the reader ran changed code); a dependency cycle's error is written under it. */
  redraw(diagram, problems) {
    const cycle = (problems || []).find((problem) => problem.title === "Circular Dependencies");
    const note = this.figure.querySelector(".livedash-diagram-note");
    if (note) {
      note.textContent = cycle ? cycle.message : "";
      note.hidden = !cycle;
    }
    const empty = this.figure.querySelector(".livedash-diagram-empty");
    if (empty) empty.hidden = Boolean(diagram.text);
    const old = this.figure.querySelector(".livedash-mermaid");
    if (old?.dataset.source === diagram.text) return this.drawn;   // the same graph as shown
    const source = document.createElement("div");
    source.className = "livedash-mermaid";
    source.dataset.source = diagram.text;
    source.textContent = diagram.text;
    if (old) old.replaceWith(source);
    else this.figure.prepend(source);
    this.callbacks = diagram.callbacks;
    this.failed.clear();
    this.drawn = drawFigure(this.figure);
    return this.drawn;
  }

  /** Light up the runs of one answer, in order. */
  async show(runs) {
    await this.drawn;
    const svg = this.figure.querySelector(".livedash-mermaid svg");
    if (!svg || !runs.length) return;
    const { nodes, edges } = indexSvg(svg);
    const now = performance.now();
    if (this.next - now > BACKLOG) this.next = now;
    for (const run of runs) {
      const entry = this.callbacks[run.callback];
      const node = entry && nodes.get(entry.node);
      if (!node) continue;
      const at = Math.max(0, this.next - now);
      this.next = Math.max(now, this.next) + STEP;
      if (run.status === "error") this.failed.add(entry.node);
      else if (run.status === "ok") this.failed.delete(entry.node);
      const kind = run.status === "prevented" ? ["ld-fire", "ld-prevented"] : ["ld-fire"];
      setTimeout(() => {
        node.classList.toggle("ld-error", this.failed.has(entry.node));
        this.light(node, kind);
        for (const edge of edges) if (edge.to === entry.node || edge.from === entry.node) this.light(edge.element, kind);
        if (run.status !== "ok") return;
        for (const [target, key, prop, pattern] of entry.outputs) {
          const changed = `${key}.${prop}` in run.outputs ||
            (pattern && Object.keys(run.outputs).some((out) => out.startsWith("{") && out.endsWith(`.${prop}`)));
          if (changed && nodes.get(target)) this.light(nodes.get(target), ["ld-flash"], STEP / 2);
        }
      }, at);
    }
  }

  light(element, classes, delay = 0) {
    const start = () => {
      clearTimeout(this.timers.get(element));
      element.classList.remove("ld-fire", "ld-prevented", "ld-flash");
      element.classList.add(...classes);
      this.timers.set(element, setTimeout(() => element.classList.remove(...classes), LIT));
    };
    if (delay) setTimeout(start, delay);
    else start();
  }

  dispose() {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
