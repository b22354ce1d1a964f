"""Build one example at build time: run it in CPython with livedash, pre-render it, write its widget."""

import json
from dataclasses import dataclass, field
from html import escape

from ..prerender import render
from ..diagram import Diagram, session_diagram
from ..session import start_session
from .isolation import Call


@dataclass
class Example:
    key: str            # unique on the site: "<page>/<n>"
    code: str           # what the reader sees and edits
    filename: str       # shown to the reader ("counter.py")
    source: str         # where the code lives, for build errors ("docs/examples/counter.py")
    first_line: int     # line of the code's first line in `source`
    height: int = 0
    title: str = ""
    assets: list = field(default_factory=list)   # URLs (relative to the page) of the app's assets/*.js
    diagram: bool = True                          # draw the callback graph beside the app
    trace_open: bool = False                      # the trace panel starts open
    expect_error: bool = False                    # the example shows an error on purpose (a lesson on mistakes)
    show: str = "app"                             # "diagram": only the callback graph, no app
    exercise: dict | None = None                  # {"id", "checks", "solution"}: the widget is an exercise


@dataclass
class Built:
    layout: dict | None
    error: dict | None
    problems: list = field(default_factory=list)   # Dash's load-time checks (shown, never fatal)
    diagram: Diagram | None = None                  # the callback graph

    @property
    def location(self):
        return error_location(self.error)

    def to_json(self):
        return {"layout": self.layout, "error": self.error, "problems": self.problems,
                "diagram": self.diagram.to_json() if self.diagram is not None else None}

    @classmethod
    def from_json(cls, data):
        diagram = data["diagram"]
        return cls(data["layout"], data["error"], data["problems"], Diagram(**diagram) if diagram else None)


def error_location(error):
    """"file:line" of an ERROR (just the file when the line is not known)."""
    return f"{error['filename']}:{error['line']}" if error.get("line") else error["filename"]


def build_call(example):
    """The example's build, to run in a child process of its own (see isolation.py)."""
    return Call(build_json, (example,), {example.source: example.source})


def built_from(outcome):
    """The Built of an isolated build's outcome: the example's, or the error that stopped it."""
    return Built.from_json(outcome["value"]) if "value" in outcome else Built(None, outcome["error"])


def build_json(example):
    """build() as JSON data: what the child process sends back."""
    return build(example).to_json()


def build(example):
    """Execute the example as the worker will, with line numbers that point into its source file."""
    padded = "\n" * (example.first_line - 1) + example.code
    session, step, error = start_session(padded, example.source)
    if session is None:
        return Built(None, error)
    # Clientside callbacks run in the page: the build draws the app as it is when the first is due. As in
    # Dash, an initial call that raises leaves its outputs as they were and the rest of the app drawn.
    failed = next((run for run in step.runs if run["status"] == "error"), None)
    if failed is not None:
        error = dict(failed["error"], message=f"initial call of {failed['function']}: {failed['error']['message']}")
    return Built(session.layout_json(), error, session.problems, session_diagram(session))


def _json_for_html(data):
    # The JSON sits in a <template> (Material's instant navigation re-runs every <script> of a page, even
    # JSON ones), so it must hold no markup at all: escape <, > and & as JSON unicode escapes.
    return (json.dumps(data, ensure_ascii=False)
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


CYCLE = "Circular Dependencies"
NO_CALLBACKS = "No callbacks yet: their graph appears here once the app has one."

# Filled by widget.js when the reader presses Check; the solution is offered after a first attempt.
EXERCISE_PANEL = ('<div class="livedash-exercise"><p class="livedash-checks-summary" aria-live="polite">'
                  'Change the code, then press <strong>Check</strong>.</p><ul class="livedash-checks"></ul>'
                  '<button type="button" class="livedash-show-solution" hidden>Show solution</button>'
                  '<pre class="livedash-solution" hidden></pre></div>')


def diagram_html(diagram, title, problems=()):
    """The callback graph in a figure that mermaid draws; a dependency cycle's error is written under it."""
    cycle = next((p["message"] for p in problems if p["title"] == CYCLE), "")
    note = f'<figcaption class="livedash-diagram-note"{"" if cycle else " hidden"}>{escape(cycle)}</figcaption>'
    return (f'<figure class="livedash-diagram" aria-label="Callback graph of {title}">'
            f'<div class="livedash-mermaid">{escape(diagram.text)}</div>'
            f'<p class="livedash-diagram-empty"{"" if not diagram.text else " hidden"}>{NO_CALLBACKS}</p>{note}</figure>')


def highlighted(code):
    """Python code as HTML with Pygments' token classes (Material colours them for both palettes)."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    return highlight(code, PythonLexer(), HtmlFormatter(nowrap=True))


def code_html(code, title):
    """The code pane: the code highlighted (a read-only view; editor.js puts the editor in its place when
    the reader starts editing), the tools, and a plain textarea kept for when the editor cannot load."""
    return ('<details class="livedash-code" open><summary>Code '
            '<span class="livedash-edited" hidden>edited</span></summary>'
            '<div class="livedash-code-tools">'
            '<button type="button" class="livedash-undo" hidden>Undo reset</button>'
            '<button type="button" class="livedash-share" title="Copy a link that opens this page with this code">'
            'Share</button>'
            '<button type="button" class="livedash-download" title="Save the code as a file that runs with Dash">'
            'Download</button></div>'
            f'<div class="livedash-view highlight" tabindex="0" role="textbox" aria-readonly="true" '
            f'aria-label="Code of {title}: press Enter to edit"><pre><code>{highlighted(code)}</code></pre></div>'
            f'<textarea class="livedash-editor" spellcheck="false" aria-label="Code of {title}" hidden '
            f'rows="{min(30, code.count(chr(10)) + 2)}">{escape(code)}</textarea></details>')


def widget_html(example, built):
    """The widget's markup (see livedash/web/README.md): identical before and after JavaScript runs."""
    title = escape(example.title or example.filename)
    style = f' style="min-height:{example.height}px"' if example.height else ""
    app_html = render(built.layout) if built.layout is not None else ""
    error_html = "".join(f'<strong>{escape(p["title"])}</strong><pre>{escape(p["message"])}</pre>'
                         for p in built.problems)
    if built.error is not None:
        error_html += (f'<strong>{escape(built.error["kind"])}</strong> at {escape(built.location)}: '
                       f'{escape(built.error["message"])}<pre>{escape(built.error["traceback"])}</pre>')
    error_attr = "" if error_html else " hidden"
    show_diagram = example.diagram and built.diagram is not None
    data = {"code": example.code, "filename": example.filename, "layout": built.layout, "error": built.error,
            "problems": built.problems, "assets": example.assets,
            "diagram": built.diagram.callbacks if show_diagram else None, "exercise": example.exercise}
    state, status = ("error", "Error in example") if built.error else ("loading", "Loading Python…")
    exercise = example.exercise
    return (
        f'<div class="livedash" data-livedash-key="{escape(example.key)}"'
        + (f' data-livedash-exercise="{escape(exercise["id"])}">' if exercise else ">")
        + f'<div class="livedash-bar"><span class="livedash-title">{title}</span>'
        f'<span class="livedash-status" role="status" aria-live="polite" data-state="{state}">{status}</span>'
        + ('<button type="button" class="livedash-check">Check</button>' if exercise else "")
        + '<button type="button" class="livedash-stop" disabled title="Stop the running Python code">Stop</button>'
        '<button type="button" class="livedash-run">Run</button>'
        '<button type="button" class="livedash-reset">Reset</button></div>'
        f'<div class="livedash-app"{style}>{app_html}</div>'
        f'<div class="livedash-error"{error_attr}>{error_html}</div>'
        + (EXERCISE_PANEL if exercise else "")
        +
        f'<details class="livedash-trace"{" open" if example.trace_open else ""}>'
        '<summary>Trace <span class="livedash-trace-count">(no runs yet)</span></summary>'
        '<button type="button" class="livedash-trace-clear">Clear trace</button>'
        '<ol class="livedash-trace-rows"></ol></details>'
        + (diagram_html(built.diagram, title, built.problems) if show_diagram else "")
        + code_html(example.code, title)
        +
        f'<template class="livedash-data">{_json_for_html(data)}</template>'
        "</div>")


def diagram_only_html(example, built):
    """A fence with show=diagram: the example's callback graph on its own, without the app."""
    if built.diagram is None:
        return f'<div class="livedash-error">{escape(built.error["kind"])}: {escape(built.error["message"])}</div>'
    return diagram_html(built.diagram, escape(example.title or example.filename), built.problems)
