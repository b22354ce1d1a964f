"""Build one example at build time: run it in CPython with livedash, draw its first view (React's server render,
prerender.py), write its widget."""

import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from html import escape

from mkdocs.exceptions import PluginError

from .. import prerender
from ..children_props import children_props_table
from ..diagram import Diagram, session_diagram
from ..errors import error_status, in_editor, line_note
from ..session import start_session
from .isolation import Call

_log = logging.getLogger("mkdocs.plugins.livedash")


@dataclass
class Example:
    key: str  # unique on the site: "<page>/<n>"
    code: str  # what the reader sees and edits
    filename: str  # shown to the reader ("counter.py")
    source: str  # where the code lives, for build errors ("docs/examples/counter.py")
    first_line: int  # line of the code's first line in `source`
    height: int = 0
    title: str = ""
    assets: list = field(default_factory=list)  # URLs (relative to the page) of the assets it uses (used_assets)
    diagram: bool = True  # draw the callback graph beside the app
    trace_open: bool = False  # the trace panel starts open
    expect_error: bool = False  # the example shows an error on purpose (a lesson on mistakes)
    show: str = "app"  # "diagram": only the callback graph, no app
    exercise: dict | None = None  # {"id", "checks", "solution"}: the widget is an exercise


@dataclass
class Built:
    layout: dict | None
    error: dict | None
    problems: list = field(default_factory=list)  # Dash's load-time checks (shown, never fatal)
    diagram: Diagram | None = None  # the callback graph
    # Which props of the layout's component types hold components (Dash's _children_props), as the example's
    # own Python knows them (with the component libraries it imported): the page draws with the same table.
    children_props: dict = field(default_factory=dict)

    @property
    def location(self):
        return error_location(self.error)

    def to_json(self):
        return {
            "layout": self.layout,
            "error": self.error,
            "problems": self.problems,
            "diagram": self.diagram.to_json() if self.diagram is not None else None,
            "children_props": self.children_props,
        }

    @classmethod
    def from_json(cls, data):
        diagram = data["diagram"]
        return cls(
            data["layout"],
            data["error"],
            data["problems"],
            Diagram(**diagram) if diagram else None,
            data.get("children_props") or {},
        )


# Which of the files of an example's assets/ folder it uses: those go with it (the page loads them, Download
# zips them); the others are left out, since every example of a folder shares one assets/ folder. A .js file is
# used when it defines a clientside namespace the code names (ClientsideFunction("ns", ...)), or the code names
# the file; a .css file when one of its class or id selectors is a word of a string in the code (className=,
# id=), when a rule of it styles any app (a selector without a class or id: `button`, `body`, `*`, as Dash
# applies it to every app), or when the code names the file.
_NAMESPACE_USE = re.compile(
    r"ClientsideFunction\(\s*(?:namespace\s*=\s*)?[\"'](\w+)[\"']"
    r"|ClientsideFunction\([^)]*?\bnamespace\s*=\s*[\"'](\w+)[\"']"
)
_NAMESPACE_SET = re.compile(
    r"dash_clientside\s*(?:\.\s*([\w$]+)|\[\s*[\"']([\w$]+)[\"']\s*\])"
    r"(?:\s*\.\s*[\w$]+)*\s*=(?!=)"
)
_ASSIGN = re.compile(r"Object\.assign\([^;]*?dash_clientside[^{;]*\{")
_STRING = re.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'")
_SELECTOR_NAME = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
_KEYFRAME = re.compile(r"from|to|\d+(\.\d+)?%")


def _namespaces_defined(js):
    """The clientside namespaces a script assigns: dash_clientside.x = ..., or Object.assign(...dash_clientside...,
    {x: ...}) (the object's own keys, not those of the functions inside)."""
    names = {a or b for a, b in _NAMESPACE_SET.findall(js)}
    for match in _ASSIGN.finditer(js):
        depth, start = 1, match.end()
        for key in re.finditer(r"[{}]|[,{]?\s*[\"']?([\w$]+)[\"']?\s*:", js[start:]):
            if key[0] in "{}":
                depth += 1 if key[0] == "{" else -1
                if depth == 0:
                    break
            elif depth == 1 and key[1]:
                names.add(key[1])
    return names


def _selectors(css):
    """The selectors of a stylesheet's rules (not at-rules' preludes, not keyframes' `from`/`50%`)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [
        selector.strip()
        for prelude in re.findall(r"([^{};]*)\{", css)
        if not prelude.strip().startswith("@")
        for selector in prelude.split(",")
        if not _KEYFRAME.fullmatch(selector.strip())
    ]


def _selector_names(css):
    """The class and id names in a stylesheet's selectors (not in its declarations: no #hex colours)."""
    return {name for selector in _selectors(css) for name in _SELECTOR_NAME.findall(selector)}


def _styles_any_app(css):
    """Does a rule of the stylesheet style elements whatever their class or id (`button`, `body p`, `*`)?"""
    return any(selector and not _SELECTOR_NAME.search(selector) for selector in _selectors(css))


def used_assets(code, assets):
    """The paths of ``assets`` (.js and .css files, pathlib) that ``code`` uses, in their order (see above)."""
    namespaces = {a or b for a, b in _NAMESPACE_USE.findall(code)}
    words = {word for a, b in _STRING.findall(code) for word in (a or b).split()}
    used = []
    for path in assets:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.name in code:
            used.append(path)
        elif path.suffix == ".js" and namespaces & _namespaces_defined(text):
            used.append(path)
        elif path.suffix == ".css" and (_styles_any_app(text) or words & _selector_names(text)):
            used.append(path)
    return used


def error_location(error):
    """ "file:line" of an ERROR (just the file when the line is not known)."""
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
    return Built(session.layout_json(), error, session.problems, session_diagram(session), children_props_table())


def _json_for_html(data):
    # The JSON sits in a <template> (Material's instant navigation re-runs every <script> of a page, even
    # JSON ones), so it must hold no markup at all: escape <, > and & as JSON unicode escapes.
    return json.dumps(data, ensure_ascii=False).replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


CYCLE = "Circular Dependencies"
NO_CALLBACKS = "No callbacks yet: their graph appears here once the app has one."


# Filled by exercise.js when the reader presses Check; the solution (highlighted here, hidden until shown) is
# offered after a first attempt.
def exercise_html(solution):
    """The exercise panel under the app: the checks' summary and results, Show solution, the solution."""
    return (
        '<div class="livedash-exercise"><p class="livedash-checks-summary" aria-live="polite">'
        'Change the code, then press <strong>Check</strong>.</p><ul class="livedash-checks"></ul>'
        '<button type="button" class="livedash-show-solution" hidden>Show solution</button>'
        '<div class="livedash-solution highlight no-copy" hidden>'
        f"<pre><code>{highlighted(solution)}</code></pre></div></div>"
    )


def diagram_html(diagram, title, problems=()):
    """The callback graph in a figure that mermaid draws; a dependency cycle's error is written under it.
    The drawing's height, estimated left to right and top down, is kept for it until it comes (livedash.css
    picks one by the figure's width): the page does not jump when the diagrams are drawn."""
    cycle = next((p["message"] for p in problems if p["title"] == CYCLE), "")
    note = f'<figcaption class="livedash-diagram-note"{"" if cycle else " hidden"}>{escape(cycle)}</figcaption>'
    from ..diagram import heights  # (imported here: this function is the diagram's part of this module)

    lr, td = heights(diagram.text)
    return (
        f'<figure class="livedash-diagram" aria-label="Callback graph of {title}">'
        f'<div class="livedash-mermaid" style="--ld-lr-height:{lr}px;--ld-td-height:{td}px">'
        f"{escape(diagram.text)}</div>"
        f'<p class="livedash-diagram-empty"{"" if not diagram.text else " hidden"}>{NO_CALLBACKS}</p>{note}</figure>'
    )


def highlighted(code):
    """Python code as HTML with Pygments' token classes (Material colours them for both palettes)."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    return highlight(code, PythonLexer(stripnl=False), HtmlFormatter(nowrap=True))  # (blank first lines kept)


def _lines_html(code):
    """Highlighted code, one block per line with a hanging indent from its own indentation (--i, in characters;
    livedash.css): a long line wraps under its start, as Ace's indentedSoftWrap wraps it (editor.js), so nothing
    moves when the editor takes the view's place; with Ace's empty last line when the code ends with a newline.
    (Pygments closes its spans at each line end: a line is whole markup.)"""
    lines = [f"{html}\n" for html in highlighted(code).split("\n")[:-1]] if code else []
    if code.endswith("\n"):
        lines.append("")  # (an empty block, one line high)
    digits = len(str(code.count("\n") + 1))  # of the last line number in Ace's gutter
    return (
        f'<pre><code style="--ld-digits:{digits}">'
        + "".join(
            f'<span class="ld-line" style="--i:{len(text) - len(text.lstrip(" "))}">{html}</span>'
            for html, text in zip(lines, code.split("\n"), strict=False)
        )
        + "</code></pre>"
    )


def code_html(code, title):
    """The code pane: the code highlighted (a read-only view; editor.js puts the editor in its place when
    the reader starts editing), the tools, and a plain textarea kept for when the editor cannot load. The view
    is no-copy for Material (its copy button would sit on the first line): Copy is one of the tools."""
    return (
        '<details class="livedash-code" open><summary>Code '
        '<span class="livedash-edited" hidden>edited</span></summary>'
        '<div class="livedash-code-tools">'
        '<button type="button" class="livedash-undo" hidden>Undo reset</button>'
        '<button type="button" class="livedash-copy" title="Copy the code">Copy</button>'
        '<button type="button" class="livedash-share" title="Copy a link that opens this page with this code">'
        "Share</button>"
        '<button type="button" class="livedash-download" title="Save the code as a file that runs with Dash">'
        "Download</button></div>"
        f'<div class="livedash-view highlight no-copy" tabindex="0" role="textbox" aria-readonly="true" '
        f'aria-label="Code of {title}: press Enter to edit">{_lines_html(code)}</div>'
        f'<textarea class="livedash-editor" spellcheck="false" aria-label="Code of {title}" hidden '
        f'rows="{min(30, code.count(chr(10)) + 2)}">{escape(code)}</textarea></details>'
    )


def first_view(example, built):
    """The app's first view (prerender.py: React's server render), as (markup, [css text]): empty when there is no
    app or it could not be drawn (the page then draws it itself). What the page would report of the layout
    (a dangerous link) and a failed render are build warnings."""
    if built.layout is None:
        return "", []
    try:
        rendered = prerender.render_app(example.key, built.layout, built.children_props)
    except prerender.ServerRenderError as exc:
        raise PluginError(str(exc)) from None
    for message in rendered.warnings:
        _log.warning(f"livedash: in an example's layout ({example.source}): {message}")
    if rendered.skipped:
        _log.info(f"livedash: {example.source}: the first view is drawn by the page: {rendered.skipped}")
        return "", []
    if rendered.error:
        _log.warning(
            f"livedash: {example.source}: the first view could not be drawn at build time (the page "
            f"draws it): {rendered.error}"
        )
        return "", []
    return rendered.html, rendered.css


def styles_html(css):
    """The components' CSS of a first view, one <style> per text, named by its hash: a page keeps the first of each
    (once_per_page), so a page with several apps carries each text once."""
    return "".join(
        f'<style data-livedash-ssr="{hashlib.sha256(text.encode()).hexdigest()[:16]}">{_style_text(text)}</style>'
        for text in css
    )


def _style_text(css):
    # (a "</style" inside would end the element: "<\/" is the same text to CSS)
    return css.replace("</", "<\\/")


_SSR_STYLE = re.compile(r'<style data-livedash-ssr="([0-9a-f]+)">.*?</style>', re.S)


def once_per_page(html):
    """A page's HTML with each server-render <style> kept once (where it first appears)."""
    seen = set()

    def keep_first(match):
        if match[1] in seen:
            return ""
        seen.add(match[1])
        return match[0]

    return _SSR_STYLE.sub(keep_first, html)


def widget_html(example, built):
    """The widget's markup (see livedash/web/README.md): identical before and after JavaScript runs. The app pane
    holds React's server render of the app (marked data-livedash-rendered: host.js hydrates it), preceded by the
    CSS its components insert in a page, so that the first paint is the React render's."""
    title = escape(example.title or example.filename)
    style = f' style="min-height:{example.height}px"' if example.height else ""
    app_html, css = first_view(example, built)
    rendered = ' data-livedash-rendered="1"' if app_html else ""
    # Radio buttons group by name across the page: each app's belong to a form of its own (host.js does the same
    # for what React draws later), so two apps with a RadioItems of the same id never take each other's choice.
    radio_form = f"livedash-form:{example.key}"
    if "<form" not in app_html:
        app_html = re.sub(
            r'<input(?=[^>]*\stype="radio")(?![^>]*\sform=)', f'<input form="{escape(radio_form)}"', app_html
        )
    # The page shows the reader's error: their file name and editor lines (line 1: the code's first line), in
    # widget.js's words (errors.js), as the worker gives it after Run. (The build log cites the Markdown line.)
    error = in_editor(built.error, example.source, example.filename, example.first_line)
    error_html = "".join(
        f"<strong>{escape(p['title'])}</strong><pre>{escape(p['message'])}</pre>" for p in built.problems
    )
    if error is not None:
        error_html += (
            f"<strong>{escape(error['kind'])}</strong>{escape(line_note(error))}: "
            f"{escape(error['message'])}"
            + (f"<pre>{escape(error['traceback'])}</pre>" if error.get("traceback") else "")
        )
    error_attr = "" if error_html else " hidden"
    show_diagram = example.diagram and built.diagram is not None
    data = {
        "code": example.code,
        "filename": example.filename,
        "layout": built.layout,
        "error": error,
        "problems": built.problems,
        "assets": example.assets,
        "diagram": built.diagram.callbacks if show_diagram else None,
        "exercise": example.exercise,
        "children_props": built.children_props,
    }
    state, status = ("error", error_status(error)) if error else ("loading", "Loading Python…")
    exercise = example.exercise
    return (
        styles_html(css)
        + f'<div class="livedash" data-livedash-key="{escape(example.key)}"'
        + (f' data-livedash-exercise="{escape(exercise["id"])}">' if exercise else ">")
        + f'<div class="livedash-bar"><span class="livedash-title">{title}</span>'
        f'<span class="livedash-status" role="status" aria-live="polite" data-state="{state}">{status}</span>'
        + ('<button type="button" class="livedash-check">Check</button>' if exercise else "")
        + '<button type="button" class="livedash-stop" disabled title="Stop the running Python code">Stop</button>'
        '<button type="button" class="livedash-run">Run</button>'
        '<button type="button" class="livedash-reset">Reset</button></div>'
        # (exactly React's markup inside: host.js hydrates this element)
        f'<form id="{escape(radio_form)}" hidden></form>'
        f'<div class="livedash-app"{style}{rendered}>{app_html}</div>'
        f'<div class="livedash-error"{error_attr}>{error_html}</div>'
        + (exercise_html(exercise["solution"]) if exercise else "")
        + f'<details class="livedash-trace"{" open" if example.trace_open else ""}>'
        '<summary>Trace <span class="livedash-trace-count">(no runs yet)</span></summary>'
        '<button type="button" class="livedash-trace-clear">Clear trace</button>'
        '<ol class="livedash-trace-rows"></ol></details>'
        + (diagram_html(built.diagram, title, built.problems) if show_diagram else "")
        + code_html(example.code, title)
        + f'<template class="livedash-data">{_json_for_html(data)}</template>'
        "</div>"
    )


def diagram_only_html(example, built):
    """A fence with show=diagram: the example's callback graph on its own, without the app."""
    if built.diagram is None:
        return f'<div class="livedash-error">{escape(built.error["kind"])}: {escape(built.error["message"])}</div>'
    return diagram_html(built.diagram, escape(example.title or example.filename), built.problems)
