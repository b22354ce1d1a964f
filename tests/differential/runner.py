"""The differential runner: the same app and the same reader actions in real Dash 4.4.1 (Flask, dash-renderer,
Chromium) and in livedash (the built widget, Pyodide, Chromium); what the page holds must be equal.

What is compared after loading and after every step, for every component with an id: its props as the
page's store holds them (dash-renderer's store; the widget's copy), timestamps left out, and what a reader
sees of it: its text and the values of its form fields (both sides draw with Dash's own React components, so a
slider's marks and value box, a dropdown's shown choice, a checklist's ticks must be the same). Graphs are left
out of that (plotly draws them after the page settles).
"""

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DASH_PYTHON = Path(os.environ.get("LIVEDASH_DASH_VENV", ROOT / ".venv-dash")) / "bin" / "python"

START_WAIT = 700  # ms after a "start" step: the job has begun on either side (running= shows), not ended

HEADER = (
    "from dash import Dash, html, dcc, callback, clientside_callback, Input, Output, State, ctx, no_update, "
    "MATCH, ALL, ALLSMALLER, Patch, set_props\nfrom dash.exceptions import PreventUpdate\n"
)


@dataclass
class Case:
    name: str
    app: str  # the app's code after HEADER (or a whole program, with whole=True)
    # ("click", id) | ("type", id, text) | ("press", id, key) | ("set", id, {props}) | ("start", id): a click
    # that starts something long (a background job), after which the next step comes without waiting
    steps: list = field(default_factory=list)
    section: str = ""  # the SEMANTICS.md section it exercises (runtime/livedash/SEMANTICS.md)
    whole: bool = False
    assets: dict = field(default_factory=dict)  # assets/<name> -> text, served beside the app (clientside JS)
    expect_error: bool = False  # the app fails on purpose (at load or at its start-up call): the build allows it
    # compare the load-time problems each page shows (Dash's dev-tools pop-up, the widget's error box) by title
    problems: bool = False

    @property
    def source(self):
        return self.app if self.whole else HEADER + self.app

    @classmethod
    def from_example(cls, path, steps):
        """A lesson example, run exactly as the file is (with the assets/*.js beside it when it names a
        ClientsideFunction, as Dash loads them)."""
        source = path.read_text(encoding="utf-8")
        assets = {}
        if "ClientsideFunction" in source:
            assets = {a.name: a.read_text(encoding="utf-8") for a in sorted(path.parent.glob("assets/*.js"))}
        return cls(f"example_{path.stem}", source, steps, "examples", whole=True, assets=assets)


# Runs in the page (both sides): the props of every component with an id, and the text of html ones.
OBSERVE = """([layout, root]) => {
  const idKey = (id) => (id !== null && typeof id === "object")
    ? "{" + Object.keys(id).sort().map((k) => JSON.stringify(k) + ":" + JSON.stringify(id[k])).join(",") + "}" : id;
  const seen = {};
  const walk = (node) => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== "object" || !node.props) return;
    const p = node.props;
    if (p.id !== undefined) {
      const props = {};
      for (const [k, v] of Object.entries(p)) {
        if (k === "setProps" || k.endsWith("_timestamp")) continue;
        props[k] = (k === "children" && v !== null && typeof v === "object") ? "<components>" : v;
      }
      const key = idKey(p.id);
      const entry = {type: node.namespace + "." + node.type, props};
      if (node.type !== "Graph") {
        const el = [...root.querySelectorAll("[id]")].find((e) => e.id === key);
        entry.text = el ? el.innerText : null;
        if (el && node.namespace !== "dash_html_components") {
          const fields = el.matches("input, textarea, select") ? [el]
            : [...el.querySelectorAll("input, textarea, select")];
          entry.fields = fields.map((f) => (f.type === "checkbox" || f.type === "radio") ? f.checked : f.value);
        }
      }
      seen[key] = entry;
    }
    walk(p.children);
  };
  walk(layout);
  return seen;
}"""

DASH_IDLE = """() => {
  const s = window.store && window.store.getState();
  if (!s || s.appLifecycle !== "HYDRATED") return false;
  // "stored" keeps finished callbacks of an unfinished execution group (e.g. after PreventUpdate): not work.
  const c = s.callbacks || {};
  return ["requested", "prioritized", "blocked", "executing", "watched", "executed"]
    .every((k) => !c[k] || c[k].length === 0);
}"""


# Every visible Graph of ``ids`` (in ``root``) is drawn and not busy: its first drawing is followed by a
# resize that reports relayoutData {autosize: true} about 100 ms later, on either side.
GRAPHS_DRAWN = """([root, ids]) => ids.every((id) => {
  const el = root.querySelector('#' + CSS.escape(id));
  if (!el || el.offsetParent === null) return true;
  return el.querySelector('.main-svg') && !el.matches('.dash-graph--pending, :has(.dash-graph--pending)');
})"""


def graph_ids(observation):
    return [key for key, seen in observation.items() if seen.get("type") == "dash_core_components.Graph"]


def selector(component_id):
    key = (
        component_id
        if isinstance(component_id, str)
        else json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    )
    return "[id='" + key.replace("'", "\\'") + "']"


def perform(step, target, set_props):
    """Do one reader action on ``target`` (a locator); ``set_props(id, props)`` sets props directly."""
    kind = step[0]
    if kind in ("click", "start"):
        target.click()
    elif kind == "type":
        target.press_sequentially(step[2])
    elif kind == "press":
        target.press(step[2])
    elif kind == "set":
        set_props(step[1], step[2])
    else:
        raise ValueError(f"unknown step {step!r}")


# The titles of the load-time errors dash-renderer shows in its dev-tools pop-up (none without dev_tools_ui);
# a callback's own error ("Callback error updating ...") is left out.
DASH_PROBLEMS = """() => {
  const s = window.store.getState();
  if (!s.config.ui) return [];
  return [...s.error.backEnd, ...s.error.frontEnd].map((e) => e.error.message)
    .filter((m) => !m.startsWith("Callback error"));
}"""

# The titles of what the widget's error box shows.
LIVEDASH_PROBLEMS = """(w) => {
  const box = w.querySelector(".livedash-error");
  return box.hidden ? [] : [...box.querySelectorAll(":scope > strong")].map((e) => e.textContent);
}"""


class RealDash:
    """The real-Dash host process (tests/differential/dash_host.py in the real-Dash venv)."""

    def __init__(self):
        if not DASH_PYTHON.exists():
            raise RuntimeError(f"no real-Dash venv at {DASH_PYTHON.parent.parent}: scripts/test creates it")
        self.process = subprocess.Popen(
            [str(DASH_PYTHON), str(Path(__file__).with_name("dash_host.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def _ask(self, request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def start(self, case):
        answer = self._ask({"name": case.name, "source": case.source, "assets": case.assets})
        if "error" in answer:
            raise RuntimeError(f"real Dash could not start {case.name}:\n{answer['error']}")
        return answer["url"]

    def stop(self, case):
        self._ask({"stop": case.name})

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


class DashSide:
    """One case in real Dash, in its own browser page."""

    def __init__(self, page, url):
        self.page = page
        page.goto(url)
        self.settle(None)

    def completed(self):
        return self.page.evaluate("() => window.store.getState().callbacks.completed || 0")

    def settle(self, before):
        """Wait until dash-renderer is idle. After an action, dash-renderer may queue its callbacks a
        moment later: wait until one more callback completed, or 300 ms passed if none was due."""
        self.page.wait_for_function(DASH_IDLE, timeout=20_000)
        if before is not None:
            try:
                self.page.wait_for_function(
                    f"() => (window.store.getState().callbacks.completed || 0) > {before}", timeout=300
                )
            except Exception:  # the action triggered no callback
                pass
        self.page.wait_for_timeout(30)
        self.page.wait_for_function(DASH_IDLE, timeout=20_000)
        graphs = graph_ids(self.observe())
        if graphs:
            self.page.wait_for_function(f"() => ({GRAPHS_DRAWN})([document, {json.dumps(graphs)}])", timeout=20_000)
            self.page.wait_for_timeout(30)
            self.page.wait_for_function(DASH_IDLE, timeout=20_000)

    def problems(self):
        return sorted(self.page.evaluate(DASH_PROBLEMS))

    def observe(self):
        return self.page.evaluate(
            f"() => ({OBSERVE})([window.store.getState().layout.components, "
            "document.getElementById('react-entry-point')])"
        )

    def act(self, step):
        before = self.completed()
        perform(
            step,
            self.page.locator(selector(step[1])).first,
            lambda component_id, props: self.page.evaluate(
                "([id, props]) => window.dash_clientside.set_props(id, props)", [component_id, props]
            ),
        )
        if step[0] == "start":
            self.page.wait_for_timeout(START_WAIT)
        else:
            self.settle(before)


class LivedashSide:
    """One case as a widget of the built differential page."""

    def __init__(self, page, index):
        self.page = page
        self.root = page.locator(".livedash").nth(index)
        self.handle = self.root.element_handle()
        self.settle()

    def settle(self):
        idle = "(w) => w.livedash && w.livedash.idle()"
        self.page.wait_for_function(idle, arg=self.handle, timeout=30_000)
        graphs = graph_ids(self.observe())
        if graphs:
            self.page.wait_for_function(
                f"(w) => ({GRAPHS_DRAWN})([w, {json.dumps(graphs)}])", arg=self.handle, timeout=20_000
            )
            self.page.wait_for_timeout(30)
            self.page.wait_for_function(idle, arg=self.handle, timeout=30_000)

    def problems(self):
        return sorted(self.handle.evaluate(LIVEDASH_PROBLEMS))

    def observe(self):
        return self.handle.evaluate(f"(w) => ({OBSERVE})([w.livedash.layout(), w.querySelector('.livedash-app')])")

    def act(self, step):
        perform(
            step,
            self.root.locator(selector(step[1])).first,
            lambda component_id, props: self.handle.evaluate(
                "(w, [id, props]) => w.livedash.setProps(id, props)", [component_id, props]
            ),
        )
        if step[0] == "start":
            self.page.wait_for_timeout(START_WAIT)
        else:
            self.page.wait_for_timeout(10)
            self.settle()


def page_markdown(cases):
    """One page with every case as a widget (the widget index is the case's position)."""
    blocks = ["# Differential cases\n"]
    for case in cases:
        options = " expect_error=true" if case.expect_error else ""
        blocks.append(f'## {case.name}\n\n```dash file="examples/{case.name}.py"{options}\n```\n')
    return "\n".join(blocks)
