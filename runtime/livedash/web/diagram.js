// The callback graph beside an example, drawn here with the self-hosted mermaid (the one mermaid2 also
// uses for authors' own diagrams): on every page load, after instant navigation, and again after the
// reader runs changed code. (Its class is not "mermaid", so mermaid2's load-time pass leaves it to us: two
// passes over one element would race.) While the app runs, each callback run lights its node and edges
// (one after the other when a click sets off a chain), the components whose props it changed flash, and a
// callback that raised stays red until it runs cleanly; a background job's callback stays lit ("running")
// until its job ends.
// Colours live in livedash.css, so a palette toggle needs no redraw.
//
// Legibility: mermaid would scale its svg down to the column (labels of 4 px on a phone). The drawing is
// kept at SCALE of mermaid's size instead (labels at 12.8 px), and the figure scrolls sideways when it is
// wider, with a shadow at the edge that hides more and keyboard focus. A figure narrower than NARROW is
// drawn top down: the build's text says LR, the direction is swapped here, when drawing. diagram.py
// estimates both heights with the same SCALE, and livedash.css reserves them until the drawing comes.

import { pythonSettled } from "./kernel.js";

const STEP = 260;      // ms between two runs of one chain lighting up
const LIT = 700;       // ms a run stays lit
const BACKLOG = 1500;  // a burst of runs further behind than this lights up at once, not in a long queue
const SCALE = 0.8;     // of mermaid's drawing (16 px text): the same as diagram.py's SCALE
const NARROW = 560;    // px: a narrower figure is drawn top down (as livedash.css's container query)

let mermaid = null;
/** The self-hosted mermaid, imported once, on the first page that needs it. */
function loadMermaid() {
  // No initialize(): mermaid2 may share this module instance, and its settings (startOnLoad for authors'
  // own diagrams) must stand. The defaults suit us (securityLevel "strict").
  mermaid = mermaid || import(new URL("./vendor/mermaid/mermaid.esm.min.mjs", import.meta.url).href)
    .then((module) => module.default);
  return mermaid;
}

/** Diagrams wait until Python has started, the page's apps have started and the page is idle: on two cores,
 *  fetching mermaid (a quarter of a megabyte) and drawing while Pyodide boots or an app starts would delay
 *  the moment the apps answer. */
function afterBoot() {
  return pythonSettled().then(appsStarted).then(() => new Promise((resolve) => {
    (self.requestIdleCallback || setTimeout)(() => resolve(), { timeout: 500 });
  }));
}

const STARTING = '.livedash-status[data-state="loading"], .livedash-status[data-state="starting"]';
const START_WAIT = 10_000;   // ms: an app still starting after this keeps no diagram waiting

/** Resolves once no widget of the page says it is loading Python or starting its app (widget.js's status). */
function appsStarted() {
  if (typeof document === "undefined" || !document.querySelector(STARTING)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => { observer.disconnect(); clearTimeout(timer); resolve(); };
    const observer = new MutationObserver(() => { if (!document.querySelector(STARTING)) done(); });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
    const timer = setTimeout(done, START_WAIT);
  });
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

/** "TD" for a narrow figure, else "LR". */
function directionFor(source) {
  return source.clientWidth && source.clientWidth < NARROW ? "TD" : "LR";
}

async function draw(figure, source) {
  figure.querySelector(".livedash-diagram-error")?.remove();
  try {
    const text = source.dataset.source ?? source.textContent;
    source.dataset.source = text;
    source.dataset.direction = directionFor(source);
    source.textContent = text.replace(/^flowchart LR$/m, `flowchart ${source.dataset.direction}`);
    await (await loadMermaid()).run({ nodes: [source] });
    fixSize(source);
    // mermaid draws in the element itself, a temporary svg first: this says the drawing is the final one.
    source.dataset.drawn = "";
  } catch (error) {
    const note = document.createElement("p");
    note.className = "livedash-diagram-error";
    note.textContent = `The callback diagram could not be drawn (${error.message || error}); the app works without it.`;
    figure.append(note);
  }
}

/** The svg at SCALE of its own size, whatever the column's width; the element scrolls when it is wider. */
function fixSize(source) {
  const svg = source.querySelector("svg");
  const box = svg?.viewBox.baseVal;
  if (!box?.width) return;
  svg.style.width = `${box.width * SCALE}px`;
  svg.style.height = `${box.height * SCALE}px`;
  svg.style.maxWidth = "none";
  labelBoxes(svg);
  scrollable(source);
}

/** A rect around each edge label, 4 px wider on each side than its text: a lit label's box (livedash.css). */
function labelBoxes(svg) {
  for (const label of svg.querySelectorAll("g.edgeLabel > g.label")) {
    const text = label.querySelector("foreignObject");
    const width = text?.width.baseVal.value;
    if (!width) continue;
    const box = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    box.setAttribute("class", "ld-label-box");
    box.setAttribute("x", -4);
    box.setAttribute("y", -2);
    box.setAttribute("width", width + 8);
    box.setAttribute("height", text.height.baseVal.value + 4);
    box.setAttribute("rx", 3);
    label.prepend(box);
  }
}

/** A figure wider than its column is a scroll region the keyboard can reach (and says so). */
function scrollable(source) {
  const wide = source.scrollWidth > source.clientWidth + 1;
  source.toggleAttribute("tabindex", wide);
  if (wide) {
    source.tabIndex = 0;
    source.setAttribute("role", "region");
    source.setAttribute("aria-label", "Callback graph, wider than the page: scroll sideways to see all of it");
  } else {
    source.removeAttribute("role");
    source.removeAttribute("aria-label");
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

/** A drawn figure's live parts. The widget calls:
 *  - `show(runs)` with every answer's runs (lights each run; a job's start is left to `running`);
 *  - `running(callbackId, on)` when a background job of that callback starts (`true`) and when it ends or
 *    is cancelled (`false`): while on, its node and edges keep the "running" look;
 *  - `stopAll()` after Stop: every light and running look goes out (the stopped runs will not end);
 *  - `redraw(diagram, problems)` after new code ran, `dispose()` when the widget leaves the page. */
export class LiveDiagram {
  /** ``callbacks``: callback id -> {node, outputs: [[node, idKey, prop, isPattern]], progress?: [...]}
   *  (see diagram.py). */
  constructor(figure, callbacks) {
    this.figure = figure;
    this.callbacks = callbacks || {};
    this.timers = new Map();   // element -> timeout that ends its light
    this.pending = new Set();  // timeouts of lights still to come (Stop cancels them)
    this.next = 0;             // when the next run may light up (performance.now() ms)
    this.failed = new Set();   // nodes of callbacks whose last run raised
    this.jobs = new Set();     // ids of callbacks with a background job running
    this.drawn = afterBoot().then(() => drawFigure(figure));
    this.drawn.then(() => this.follow());
  }

  /** Redraw when the figure's width crosses NARROW (a phone turned, a window resized), and keep the scroll
   *  region's role true to the width. */
  follow() {
    if (!self.ResizeObserver || this.observer) return;
    let last = this.figure.clientWidth;
    this.observer = new ResizeObserver(() => {
      const source = this.figure.querySelector(".livedash-mermaid[data-drawn]");
      if (!source || this.figure.clientWidth === last) return;
      last = this.figure.clientWidth;
      if (directionFor(source) === source.dataset.direction) scrollable(source);
      else this.replace(source.dataset.source);
    });
    this.observer.observe(this.figure);
  }

  /** Draw `text` in a new source element in place of the old one; the lights start again. */
  replace(text) {
    const old = this.figure.querySelector(".livedash-mermaid");
    const source = document.createElement("div");
    source.className = "livedash-mermaid";
    source.dataset.source = text;
    source.textContent = text;
    // While it draws, keep the old drawing's height: nothing below moves.
    if (old?.offsetHeight) source.style.minHeight = `${old.offsetHeight}px`;
    if (old) old.replaceWith(source);
    else this.figure.prepend(source);
    this.failed.clear();
    this.drawn = drawFigure(this.figure).then(() => {
      source.style.minHeight = "";
      for (const callback of this.jobs) this.mark(callback, true);
    });
    return this.drawn;
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
    this.callbacks = diagram.callbacks;
    this.jobs.clear();
    return this.replace(diagram.text);
  }

  /** Light up the runs of one answer, in order. */
  async show(runs) {
    await this.drawn;
    const svg = this.figure.querySelector(".livedash-mermaid svg");
    if (!svg || !runs.length) return;
    const { nodes } = indexSvg(svg);
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
      this.later(() => {
        // A job's start: its running look comes from running(), which the widget calls as jobs start and end.
        if (run.status === "running") return;
        node.classList.toggle("ld-error", this.failed.has(entry.node));
        for (const element of this.parts(entry.node)) this.light(element, kind);
        if (run.status !== "ok") return;
        for (const [target, key, prop, pattern] of entry.outputs) {
          const changed = `${key}.${prop}` in run.outputs ||
            (pattern && Object.keys(run.outputs).some((out) => out.startsWith("{") && out.endsWith(`.${prop}`)));
          if (changed && nodes.get(target)) this.light(nodes.get(target), ["ld-flash"], STEP / 2);
        }
      }, at);
    }
  }

  /** `fn` in `ms` unless Stop comes first. */
  later(fn, ms) {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    this.pending.add(timer);
  }

  /** A callback's node and the edges that touch it, in the drawing shown. */
  parts(name) {
    const svg = this.figure.querySelector(".livedash-mermaid[data-drawn] svg");
    if (!svg) return [];
    const { nodes, edges } = indexSvg(svg);
    return [nodes.get(name), ...edges.filter((e) => e.to === name || e.from === name).map((e) => e.element)]
      .filter(Boolean);
  }

  /** A background job of `callbackId` runs (`on`) or has ended or been cancelled (`!on`). */
  running(callbackId, on) {
    if (!this.callbacks[callbackId]) return;
    if (on) this.jobs.add(callbackId);
    else this.jobs.delete(callbackId);
    this.drawn.then(() => this.mark(callbackId, this.jobs.has(callbackId)));
  }

  mark(callbackId, on) {
    const entry = this.callbacks[callbackId];
    for (const element of entry ? this.parts(entry.node) : []) element.classList.toggle("ld-running", on);
  }

  /** After Stop: no run will end, so every light and running look goes out now. */
  stopAll() {
    for (const timer of [...this.timers.values(), ...this.pending]) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
    this.jobs.clear();
    this.next = 0;
    for (const element of this.figure.querySelectorAll(".ld-fire, .ld-flash, .ld-prevented, .ld-running")) {
      element.classList.remove("ld-fire", "ld-flash", "ld-prevented", "ld-running");
    }
  }

  light(element, classes, delay = 0) {
    const start = () => {
      clearTimeout(this.timers.get(element));
      element.classList.remove("ld-fire", "ld-prevented", "ld-flash");
      element.classList.add(...classes);
      this.timers.set(element, setTimeout(() => element.classList.remove(...classes), LIT));
    };
    if (delay) this.later(start, delay);
    else start();
  }

  dispose() {
    this.stopAll();
    this.observer?.disconnect();
  }
}
