"""Build one example at build time: run it in CPython with livedash, pre-render it, write its widget."""

import json
from dataclasses import dataclass, field
from html import escape

from ..prerender import render
from ..diagram import session_diagram
from ..session import start_session


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


@dataclass
class Built:
    layout: dict | None
    error: dict | None
    problems: list = field(default_factory=list)   # Dash's load-time checks (shown, never fatal)
    diagram: str = ""                               # the callback graph as Mermaid source

    @property
    def location(self):
        line = self.error.get("line") if self.error else None
        return f"{self.error['filename']}:{line}" if line else self.error["filename"]


def build(example):
    """Execute the example as the worker will, with line numbers that point into its source file."""
    padded = "\n" * (example.first_line - 1) + example.code
    session, step, error = start_session(padded, example.source)
    if error is None:
        # Clientside callbacks run in the page: the build draws the app as it is when the first is due.
        failed = next((run for run in step.runs if run["status"] == "error"), None)
        if failed is not None:
            error = dict(failed["error"], message=f"initial call of {failed['function']}: {failed['error']['message']}")
    if error is not None:
        return Built(None, error)
    return Built(session.layout_json(), None, session.problems, session_diagram(session))


def _json_for_html(data):
    # The JSON sits in a <template> (Material's instant navigation re-runs every <script> of a page, even
    # JSON ones), so it must hold no markup at all: escape <, > and & as JSON unicode escapes.
    return (json.dumps(data, ensure_ascii=False)
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


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
    data = {"code": example.code, "filename": example.filename, "layout": built.layout, "error": built.error,
            "problems": built.problems, "assets": example.assets}
    state, status = ("error", "Error in example") if built.error else ("loading", "Loading Python…")
    return (
        f'<div class="livedash" data-livedash-key="{escape(example.key)}">'
        f'<div class="livedash-bar"><span class="livedash-title">{title}</span>'
        f'<span class="livedash-status" role="status" aria-live="polite" data-state="{state}">{status}</span>'
        '<button type="button" class="livedash-run">Run</button>'
        '<button type="button" class="livedash-reset">Reset</button></div>'
        f'<div class="livedash-app"{style}>{app_html}</div>'
        f'<div class="livedash-error"{error_attr}>{error_html}</div>'
        + (f'<figure class="livedash-diagram" aria-label="Callback graph of {title}">'
           f'<div class="mermaid">{escape(built.diagram)}</div></figure>' if example.diagram and built.diagram else "")
        + '<details class="livedash-code" open><summary>Code</summary>'
        f'<textarea class="livedash-editor" spellcheck="false" aria-label="Code of {title}" '
        f'rows="{min(30, example.code.count(chr(10)) + 2)}">{escape(example.code)}</textarea></details>'
        f'<template class="livedash-data">{_json_for_html(data)}</template>'
        "</div>")
