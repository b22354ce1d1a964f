// Component JSON -> DOM, prop patches -> DOM, DOM events -> prop changes. The markup is exactly the one
// livedash/prerender.py writes at build time (see README.md), so swapping one for the other is invisible.
// Text always goes in as text nodes and attribute values, never as HTML; every attribute goes through
// sanitize.js (Dash's URL cleaning, React's attribute-name rule, no event handlers, untrusted apps isolated).
import { markdownNodes } from "./markdown.js";
import { applyAttribute, htmlTag, idKey, INERT, requiredAttributes, styleText } from "./sanitize.js";

export { idKey, styleText };

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
  "param", "source", "track", "wbr"]);
const NOT_ATTRIBUTES = new Set(["children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state",
  "key", "setProps"]);
const INPUT_SKIP = new Set(["debounce", "n_submit", "n_submit_timestamp", "n_blur", "n_blur_timestamp", "persistence",
  "persisted_props", "persistence_type", "selectionStart", "selectionEnd", "selectionDirection", "className"]);
const SLIDER_RANGE = ["min", "max", "step", "value", "disabled"];
const TEXTAREA_SKIP = new Set(["value", "className", "n_blur", "n_blur_timestamp", "persistence", "persisted_props",
  "persistence_type"]);

/** Dash's option forms (values, {value: label}, or [{label, value, disabled}]) as [{value, label, disabled}]. */
function options(value) {
  if (value && !Array.isArray(value) && typeof value === "object") {
    return Object.entries(value).map(([v, label]) => ({ value: v, label, disabled: false }));
  }
  return (value || []).map((item) => (item !== null && typeof item === "object")
    ? { value: item.value, label: item.label ?? item.value, disabled: Boolean(item.disabled) }
    : { value: item, label: item, disabled: false });
}

const equal = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const withClass = (base, props) => (props.className ? `${base} ${props.className}` : base);

let plotly = null;
/** plotly.js, loaded once and only by pages that show a graph. */
function loadPlotly() {
  plotly = plotly || new Promise((resolve, reject) => {
    if (window.Plotly) { resolve(window.Plotly); return; }
    const script = document.createElement("script");
    script.src = new URL("./vendor/plotly/plotly.min.js", import.meta.url).href;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error("plotly.js could not be loaded"));
    document.head.append(script);
  });
  return plotly;
}

/** Set (or remove) the attribute a prop is written as, through sanitize.js (`options`: {trusted, report}). */
function setAttribute(el, prop, value, options = {}) {
  applyAttribute(el, prop, value, options);
}

function setAttributes(el, props, skip = NOT_ATTRIBUTES, options = {}) {
  for (const [prop, value] of Object.entries(props)) if (!skip.has(prop)) setAttribute(el, prop, value, options);
}

export class Renderer {
  /** root: the element the app is drawn in; onChange({id, props}): a reader's edit.
   *  trusted: false for code from a share link (sanitize.js: no same-origin documents, sandboxed iframes);
   *  onProblem(message): a refused prop ("Dangerous link detected: <url>", as Dash reports it), once each. */
  constructor(root, onChange, { trusted = true, onProblem } = {}) {
    this.root = root;
    this.onChange = onChange;
    this.nodes = new Map(); // id key -> {component, el}
    this.trusted = trusted;
    this.onProblem = onProblem;
    this.reported = new Set();
    // Read at each use: the widget turns trust off and on as link code comes and goes (renderer.trusted).
    const renderer = this;
    this.safety = { get trusted() { return renderer.trusted; }, report: (message) => this.problem(message) };
  }

  /** A refused prop, told once per mounted app (a redraw does not repeat it). */
  problem(message) {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    if (this.onProblem) this.onProblem(message);
    else console.error(`livedash: ${message}`);
  }

  /** Set (or remove) the attribute a prop is written as, safely. */
  attr(el, prop, value) {
    setAttribute(el, prop, value, this.safety);
  }

  attrs(el, props, skip = NOT_ATTRIBUTES) {
    setAttributes(el, props, skip, this.safety);
  }

  mount(layout) {
    this.dispose();
    this.reported.clear();
    this.layout = layout;
    this.nodes.clear();
    this.root.replaceChildren(...this.renderChildren(layout));
  }

  /** Apply new prop values to the component with this id (callback outputs, or queued reader edits);
   *  `extra`: what the worker adds beside props (a Markdown's html). */
  patch(id, props, extra = {}) {
    const entry = this.nodes.get(idKey(id));
    if (!entry) return;
    const { component, el } = entry;
    Object.assign(component, extra);
    if ("children" in props) this.forget(component.props.children);
    Object.assign(component.props, props);
    const kind = component.namespace === "dash_core_components" ? component.type : "html";
    if (kind === "html") {
      const tag = htmlTag(component.type);
      for (const [prop, value] of Object.entries(props)) {
        if (prop === "children") {
          // (an inert element's children sit in its template's content)
          if (!VOID.has(tag)) (INERT[tag] ? el.content : el).replaceChildren(...this.renderChildren(value));
        } else if (!NOT_ATTRIBUTES.has(prop)) this.attr(el, prop, value);
      }
    } else if (kind === "Input") this.updateInput(el, props);
    else if (kind === "Slider" || kind === "RangeSlider") {
      // Like Dash's sliders (and livedash's Python Slider._on_set): drag_value follows a new value.
      if ("value" in props) component.props.drag_value = props.value;
      if (kind === "Slider") this.updateSlider(el, component.props);
      else el.replaceWith(this.swap(entry, this.renderRangeSlider(component, component.props)));
    } else if (kind === "Textarea") {
      if ("value" in props && el.value !== (props.value ?? "")) el.value = props.value ?? "";
    } else if (kind === "Checklist" || kind === "RadioItems" || kind === "Dropdown") {
      if (el.contains(document.activeElement) && Object.keys(props).every((p) => p === "value")) {
        this.syncChoices(el, component);   // keep focus while the reader is choosing
      } else {
        const fresh = kind === "Dropdown" ? this.renderDropdown(component)
          : this.renderChoices(component, kind === "Checklist" ? "checkbox" : "radio");
        el.replaceWith(this.swap(entry, fresh));
      }
    } else if (kind === "Interval") this.startInterval(component);
    else if (kind === "Markdown") el.replaceWith(this.swap(entry, this.renderMarkdown(component)));
    else if (kind === "Graph") {
      this.drawGraph(el, component).catch((error) => { el.textContent = `The chart could not be drawn: ${error.message}`; });
    }
    else if (kind === "Tabs" || kind === "Loading") {
      el.replaceWith(this.swap(entry, kind === "Tabs" ? this.renderTabs(component) : this.renderLoading(component)));
    }
  }

  forget(children) {
    for (const component of walk(children)) {
      if (component.props.id !== undefined) this.nodes.delete(idKey(component.props.id));
    }
  }

  renderChildren(children) {
    if (children === null || children === undefined || typeof children === "boolean") return [];
    if (Array.isArray(children)) return children.flatMap((child) => this.renderChildren(child));
    if (typeof children !== "object") return [document.createTextNode(String(children))];
    const el = this.render(children);
    if (children.props.id !== undefined) this.nodes.set(idKey(children.props.id), { component: children, el });
    return el ? [el] : [];
  }

  render(component) {
    const { namespace, type, props } = component;
    if (namespace === "dash_html_components") return this.renderHtml(component, htmlTag(type), props);
    if (namespace === "dash_core_components") {
      if (type === "Input") return this.renderInput(component, props);
      if (type === "Slider") return this.renderSlider(component, props);
      if (type === "RangeSlider") return this.renderRangeSlider(component, props);
      if (type === "Textarea") return this.renderTextarea(component, props);
      if (type === "Checklist") return this.renderChoices(component, "checkbox");
      if (type === "RadioItems") return this.renderChoices(component, "radio");
      if (type === "Dropdown") return this.renderDropdown(component);
      if (type === "Interval") { this.startInterval(component); return null; }
      if (type === "Tabs") return this.renderTabs(component);
      if (type === "Loading") return this.renderLoading(component);
      if (type === "Graph") return this.renderGraph(component);
      if (type === "Markdown") return this.renderMarkdown(component);
      if (type === "Store") return null;
    }
    const el = document.createElement("div");
    el.className = "livedash-unsupported";
    el.textContent = `${namespace}.${type}`;
    return el;
  }

  renderHtml(component, tag, props) {
    // html.Script and html.Base are drawn inert (see sanitize.js): a <template> holding their children.
    const el = document.createElement(INERT[tag] ? "template" : tag);
    if (INERT[tag]) el.setAttribute("data-dash-type", INERT[tag]);
    for (const [name, value] of requiredAttributes(tag, this.safety)) el.setAttribute(name, value);
    this.attrs(el, props);
    if (!VOID.has(tag)) (INERT[tag] ? el.content : el).append(...this.renderChildren(props.children));
    if (props.id !== undefined && !props.disable_n_clicks) {
      el.addEventListener("click", () => {
        // Dash counts clicks on every html element that has an id (n_clicks starts unset, i.e. None).
        this.emit(component, { n_clicks: (component.props.n_clicks || 0) + 1, n_clicks_timestamp: Date.now() });
      });
    }
    return el;
  }

  renderInput(component, props) {
    const el = document.createElement("input");
    el.setAttribute("class", props.className ? `dash-input ${props.className}` : "dash-input");
    this.attrs(el, props, new Set([...NOT_ATTRIBUTES, ...INPUT_SKIP]));
    if (props.value !== undefined && props.value !== null) {
      el.value = "";                      // a real change of the value property puts the caret at the end,
      el.value = String(props.value);     // as in Dash's React input
    }
    const read = () => (props.type === "number" ? (el.value === "" ? null : Number(el.value)) : el.value);
    const sendValue = () => {
      const value = read();
      if (value !== component.props.value) this.emit(component, { value });
    };
    el.addEventListener("input", () => { if (!component.props.debounce) sendValue(); });
    el.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      if (component.props.debounce) sendValue();
      this.emit(component, { n_submit: (component.props.n_submit || 0) + 1, n_submit_timestamp: Date.now() });
    });
    el.addEventListener("blur", () => {
      if (component.props.debounce) sendValue();
      this.emit(component, { n_blur: (component.props.n_blur || 0) + 1, n_blur_timestamp: Date.now() });
    });
    return el;
  }

  updateInput(el, props) {
    for (const [prop, value] of Object.entries(props)) {
      if (prop === "value") {
        const text = value === null || value === undefined ? "" : String(value);
        if (el.value !== text) {   // (an unchanged value leaves the caret alone)
          // A callback that rewrites what the reader types (upper-casing, say) keeps the caret where it was
          // when the length is the same; number inputs have no selection (selectionStart is null).
          const caret = el === document.activeElement && el.selectionStart !== null && text.length === el.value.length
            ? [el.selectionStart, el.selectionEnd] : null;
          el.value = text;
          if (caret) el.setSelectionRange(...caret);
        }
      }
      if (prop === "className") el.setAttribute("class", value ? `dash-input ${value}` : "dash-input");
      else if (!NOT_ATTRIBUTES.has(prop) && !INPUT_SKIP.has(prop)) this.attr(el, prop, value);
    }
  }

  renderSlider(component, props) {
    const el = document.createElement("div");
    el.setAttribute("class", props.className ? `dash-slider ${props.className}` : "dash-slider");
    if (props.id !== undefined) this.attr(el, "id", props.id);
    const range = document.createElement("input");
    range.type = "range";
    el.append(range);
    this.updateSlider(el, props);
    range.addEventListener("input", () => {
      const value = Number(range.value);
      this.emit(component, component.props.updatemode === "drag" ? { drag_value: value, value } : { drag_value: value });
    });
    range.addEventListener("change", () => this.emit(component, { value: Number(range.value) }));
    return el;
  }

  updateSlider(el, props) {
    const range = el.querySelector('input[type="range"]');
    for (const name of SLIDER_RANGE) {
      if (props[name] !== null && props[name] !== undefined) this.attr(range, name, props[name]);
      else range.removeAttribute(name);
    }
    if (props.value !== null && props.value !== undefined) range.value = String(props.value);
    el.querySelector(".dash-slider-marks")?.remove();
    const marks = this.marks(props.marks);
    if (marks) el.append(marks);
  }

  swap(entry, fresh) {
    entry.el = fresh;
    return fresh;
  }

  renderRangeSlider(component, props) {
    const el = document.createElement("div");
    el.setAttribute("class", withClass("dash-rangeslider", props));
    if (props.id !== undefined) this.attr(el, "id", props.id);
    const value = props.value || [props.min, props.max];
    const handles = value.slice(0, 2).map((handle) => {
      const range = document.createElement("input");
      range.type = "range";
      for (const name of ["min", "max", "step"]) if (props[name] !== null && props[name] !== undefined) this.attr(range, name, props[name]);
      if (handle !== null && handle !== undefined) { this.attr(range, "value", handle); range.value = String(handle); }
      if (props.disabled) this.attr(range, "disabled", true);
      return range;
    });
    el.append(...handles);
    const marks = this.marks(props.marks);
    if (marks) el.append(marks);
    const read = () => handles.map((h) => Number(h.value)).sort((a, b) => a - b);
    for (const handle of handles) {
      handle.addEventListener("input", () => this.emit(component, component.props.updatemode === "drag"
        ? { drag_value: read(), value: read() } : { drag_value: read() }));
      handle.addEventListener("change", () => this.emit(component, { value: read() }));
    }
    return el;
  }

  marks(marks) {
    if (!marks || typeof marks !== "object" || !Object.keys(marks).length) return null;
    const box = document.createElement("div");
    box.className = "dash-slider-marks";
    for (const [value, label] of Object.entries(marks)) {
      const span = document.createElement("span");
      span.dataset.value = value;
      span.textContent = label && typeof label === "object" ? (label.label ?? "") : String(label);
      box.append(span);
    }
    return box;
  }

  renderTextarea(component, props) {
    const el = document.createElement("textarea");
    el.setAttribute("class", withClass("dash-textarea", props));
    this.attrs(el, props, new Set([...NOT_ATTRIBUTES, ...TEXTAREA_SKIP]));
    el.textContent = props.value ?? "";
    el.addEventListener("input", () => { if (el.value !== component.props.value) this.emit(component, { value: el.value }); });
    el.addEventListener("blur", () => this.emit(component, { n_blur: (component.props.n_blur || 0) + 1, n_blur_timestamp: Date.now() }));
    el.addEventListener("click", () => this.emit(component, { n_clicks: (component.props.n_clicks || 0) + 1, n_clicks_timestamp: Date.now() }));
    return el;
  }

  renderChoices(component, kind) {
    const props = component.props;
    const el = document.createElement("div");
    el.setAttribute("class", withClass(kind === "checkbox" ? "dash-checklist" : "dash-radioitems", props));
    for (const name of ["id", "style"]) if (props[name] !== undefined) this.attr(el, name, props[name]);
    const chosen = Array.isArray(props.value) ? props.value : [props.value];
    const base = kind === "checkbox" ? "dash-checklist" : "dash-radioitems";
    // Dash 4's markup: the label's text sits in a flex span (which also trims its outer spaces).
    const classes = (...names) => names.filter(Boolean).join(" ");
    options(props.options).forEach((option, index) => {
      const label = document.createElement("label");
      label.setAttribute("class", classes("dash-options-list-option", props.inline && `${base}-inline`));
      const input = document.createElement("input");
      input.setAttribute("type", kind);
      if (kind === "radio" && props.id !== undefined) input.setAttribute("name", idKey(props.id));
      input.setAttribute("value", String(index));
      if (option.value !== null && chosen.some((v) => equal(v, option.value))) { input.setAttribute("checked", ""); input.checked = true; }
      if (option.disabled) input.setAttribute("disabled", "");
      this.attr(input, "className", classes("dash-options-list-option-checkbox", props.inputClassName));
      if (props.inputStyle !== undefined) this.attr(input, "style", props.inputStyle);
      const text = document.createElement("span");
      this.attr(text, "className", classes("dash-options-list-option-text", props.labelClassName));
      if (props.labelStyle !== undefined) this.attr(text, "style", props.labelStyle);
      input.addEventListener("change", () => {
        if (kind === "radio") { this.emit(component, { value: option.value }); return; }
        // Dash's Checklist appends a newly checked value and removes an unchecked one.
        const current = Array.isArray(component.props.value) ? component.props.value : [];
        const next = input.checked ? [...current, option.value] : current.filter((v) => !equal(v, option.value));
        this.emit(component, { value: next });
      });
      text.append(...this.renderChildren(option.label));
      label.append(input, text);
      el.append(label);
    });
    return el;
  }

  /** dcc.Dropdown: a native select, with a search box that filters the options (searchable, the default). */
  renderDropdown(component) {
    const props = component.props;
    const box = document.createElement("div");
    box.setAttribute("class", withClass("dash-dropdown", props));
    for (const name of ["id", "style"]) if (props[name] !== undefined) this.attr(box, name, props[name]);
    const el = document.createElement("select");
    el.setAttribute("class", "dash-dropdown-select");
    if (props.multi) el.setAttribute("multiple", "");
    if (props.disabled !== undefined) this.attr(el, "disabled", props.disabled);
    if (props.searchable !== false) {
      const search = document.createElement("input");
      search.setAttribute("type", "search");
      search.setAttribute("class", "dash-dropdown-search");
      search.setAttribute("placeholder", "Search…");
      search.setAttribute("aria-label", "Search the options");
      search.addEventListener("input", () => {
        const query = search.value.toLowerCase();
        for (const option of el.options) option.hidden = option.value !== "" && !option.textContent.toLowerCase().includes(query);
        this.emit(component, { search_value: search.value });
      });
      box.append(search);
    }
    box.append(el);
    const chosen = Array.isArray(props.value) ? props.value : [props.value];
    if (!props.multi) {
      const empty = document.createElement("option");
      empty.setAttribute("value", "");
      empty.textContent = String(props.placeholder || "Select...");
      el.append(empty);
    }
    const list = options(props.options);
    list.forEach((option, index) => {
      const item = document.createElement("option");
      item.setAttribute("value", String(index));
      if (option.value !== null && chosen.some((v) => equal(v, option.value))) { item.setAttribute("selected", ""); item.selected = true; }
      if (option.disabled) item.setAttribute("disabled", "");
      item.append(...this.renderChildren(option.label));
      el.append(item);
    });
    el.addEventListener("change", () => {
      const picked = [...el.selectedOptions].filter((o) => o.value !== "").map((o) => list[Number(o.value)].value);
      this.emit(component, { value: props.multi ? picked : (picked.length ? picked[0] : null) });
    });
    return box;
  }

  syncChoices(el, component) {
    const chosen = Array.isArray(component.props.value) ? component.props.value : [component.props.value];
    const list = options(component.props.options);
    for (const input of el.querySelectorAll("input[type=checkbox], input[type=radio], option")) {
      if (input.value === "") continue;
      const on = chosen.some((v) => equal(v, list[Number(input.value)].value));
      if ("checked" in input && input.type) input.checked = on; else input.selected = on;
    }
  }

  /** dcc.Graph: an empty box now; plotly.js (loaded on first use) draws the figure into it. */
  renderGraph(component) {
    const props = component.props;
    const el = document.createElement("div");
    el.setAttribute("class", withClass("dash-graph", props));
    for (const name of ["id", "style"]) if (props[name] !== undefined) this.attr(el, name, props[name]);
    this.drawGraph(el, component).catch((error) => {
      el.textContent = `The chart could not be drawn: ${error.message}`;
    });
    return el;
  }

  /** Draw (or redraw) a Graph's figure. Like Dash's Graph, the element is marked dash-graph--pending
   *  while plotly works, and the first drawing is followed by a resize, which reports relayoutData
   *  {autosize: true} (plotly does that 100 ms later). */
  async drawGraph(el, component) {
    const Plotly = await loadPlotly();
    const figure = component.props.figure || {};
    el.classList.add("dash-graph--pending");
    try {
      await Plotly.react(el, figure.data || [], { ...(figure.layout || {}) }, { responsive: true, ...(component.props.config || {}) });
      if (el.dataset.livedashEvents) return;
      el.dataset.livedashEvents = "1";
      this.bindGraphEvents(el, component);
      await Plotly.Plots.resize(el).catch(() => {});   // (it refuses a hidden element, as in Dash)
    } finally {
      el.classList.remove("dash-graph--pending");
    }
  }

  bindGraphEvents(el, component) {
    // Dash's event props, with the serialisable part of plotly's points.
    const points = (event) => ({ points: (event.points || []).map((p) => {
      const point = { curveNumber: p.curveNumber, pointNumber: p.pointNumber, pointIndex: p.pointIndex,
        x: p.x, y: p.y };
      for (const key of ["z", "text", "customdata", "label", "value", "lat", "lon", "location", "hovertext"]) {
        if (p[key] !== undefined) point[key] = p[key];
      }
      return point;
    }) });
    el.on("plotly_click", (event) => this.emit(component, { clickData: points(event) }));
    el.on("plotly_hover", (event) => this.emit(component, { hoverData: points(event) }));
    el.on("plotly_selected", (event) => event && this.emit(component, { selectedData: points(event) }));
    el.on("plotly_relayout", (event) => this.emit(component, { relayoutData: event }));
  }

  /** dcc.Markdown: DOM built from the tree livedash.markdown parsed (markdown.js: CommonMark's tags only;
   *  raw HTML, from dangerously_allow_html, is drawn as HTML only in a trusted renderer). */
  renderMarkdown(component) {
    const props = component.props;
    const el = document.createElement("div");
    el.setAttribute("class", withClass("dash-markdown", props));
    for (const name of ["id", "style"]) if (props[name] !== undefined) this.attr(el, name, props[name]);
    el.append(...markdownNodes(component.markdown, this.safety));
    return el;
  }

  renderLoading(component) {
    const props = component.props;
    const el = document.createElement("div");
    el.setAttribute("class", withClass("dash-loading", props));
    for (const name of ["id", "style"]) if (props[name] !== undefined) this.attr(el, name, props[name]);
    el.append(...this.renderChildren(props.children));
    return el;
  }

  /** dcc.Tabs: a bar of tab buttons and the chosen tab's content (Dash's values tab-1, tab-2, ... by default). */
  renderTabs(component) {
    const props = component.props;
    const children = props.children === null || props.children === undefined ? []
      : Array.isArray(props.children) ? props.children : [props.children];
    const tabs = children.map((tab, index) => {
      const tabProps = (tab && tab.props) || {};
      return { value: tabProps.value ?? `tab-${index + 1}`, props: tabProps };
    });
    const chosen = "value" in props ? props.value : tabs[0]?.value;
    const el = document.createElement("div");
    el.setAttribute("class", withClass("dash-tabs", props));
    for (const name of ["id", "style"]) if (props[name] !== undefined) this.attr(el, name, props[name]);
    const bar = document.createElement("div");
    bar.className = "dash-tabs-bar";
    bar.setAttribute("role", "tablist");
    const content = document.createElement("div");
    content.className = "dash-tab-content";
    content.setAttribute("role", "tabpanel");
    for (const tab of tabs) {
      const selected = equal(tab.value, chosen);
      const button = document.createElement("button");
      button.setAttribute("type", "button");
      button.setAttribute("role", "tab");
      button.setAttribute("class", selected ? "dash-tab dash-tab--selected" : "dash-tab");
      button.setAttribute("aria-selected", selected ? "true" : "false");
      button.setAttribute("data-value", String(tab.value));
      if (tab.props.disabled) button.setAttribute("disabled", "");
      button.append(...this.renderChildren(tab.props.label ?? ""));
      button.addEventListener("click", () => {
        if (equal(component.props.value, tab.value)) return;
        this.emit(component, { value: tab.value });
        const fresh = this.renderTabs(component);   // redraw with the chosen tab shown
        el.replaceWith(fresh);
        const entry = props.id !== undefined && this.nodes.get(idKey(props.id));
        if (entry) entry.el = fresh;
      });
      bar.append(button);
      if (selected) content.append(...this.renderChildren(tab.props.children));
    }
    el.append(bar, content);
    return el;
  }

  /** dcc.Interval: count n_intervals up every `interval` ms until disabled or max_intervals. */
  startInterval(component) {
    this.timers = this.timers || new Map();
    const key = idKey(component.props.id);
    clearInterval(this.timers.get(key));
    const { interval = 1000, disabled, max_intervals: max = -1 } = component.props;
    if (disabled) return;
    this.timers.set(key, setInterval(() => {
      const n = component.props.n_intervals || 0;
      if (max !== -1 && max !== null && n >= max) { clearInterval(this.timers.get(key)); return; }
      this.emit(component, { n_intervals: n + 1 });
    }, interval));
  }

  /** Stop what keeps running (intervals): the app is being replaced or its widget left the page. */
  dispose() {
    for (const timer of (this.timers || new Map()).values()) clearInterval(timer);
    this.timers = new Map();
  }

  /** The props the page holds for the component with this id (undefined when there is none). */
  props(id) {
    return this.nodes.get(idKey(id))?.component.props;
  }

  /** Set props as if the reader had changed them (the page's setProps; used by tests and tools). */
  set(id, props) {
    const entry = this.nodes.get(idKey(id));
    if (!entry) throw new Error(`no component with id ${idKey(id)}`);
    this.patch(id, props);
    this.onChange({ id, props });
  }

  /** A reader's edit: update the local copy of the props, then report it. */
  emit(component, props) {
    Object.assign(component.props, props);
    this.onChange({ id: component.props.id, props });
  }
}

function* walk(children) {
  if (Array.isArray(children)) for (const child of children) yield* walk(child);
  else if (children && typeof children === "object" && children.props) {
    yield children;
    yield* walk(children.props.children);
  }
}
