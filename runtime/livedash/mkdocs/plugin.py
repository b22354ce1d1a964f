"""The livedash MkDocs plugin: ```dash fences become live, pre-rendered Dash apps.

Options (mkdocs.yml)::

    plugins:
      - livedash:
          pyodide: self        # self: copy the pinned Pyodide into the site (default); cdn: load it from a CDN
          pyodide_url: null    # with `cdn`, another base URL for Pyodide's files
          height: 0            # default minimum height of an app pane, in px (a fence's height= wins)
          assets_path: assets/livedash
          packages: []         # pure-Python packages the examples import (pip requirement strings); Dash
                               # component libraries among them (dash-bootstrap-components) are drawn too
          diagram: true        # draw each example's callback graph beside it (a fence's diagram=false wins)
          snapshot: true       # let the reader's browser keep a Python memory snapshot for their next visits
          timeout: 30          # seconds an example (or an exercise's checks) may run at build time

The site's assets folder also gets THIRD_PARTY_NOTICES.txt (and pyodide/NOTICE.txt): the notices of the
third-party software the build copied there (notices.py).
"""

import html as html_text
import logging
import mimetypes
import re
import secrets
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.utils import get_relative_url

from .. import prerender
from . import dash_wheel, verification, wheels
from .assets import MERMAID_PATH, components_manifest, write_site_assets
from .examples import Example, build_call, built_from, diagram_only_html, once_per_page, used_assets, widget_html
from .fences import FenceError, find_dash_fences
from .isolation import run as run_isolated
from .isolation import warm_up as warm_up_isolation
from .npm_cache import ACE, MERMAID, PLOTLY, PYODIDE, PackageUnavailable, ensure

log = logging.getLogger("mkdocs.plugins.livedash")


class _OncePerBuild(logging.Filter):
    """Lets each distinct message through once (until `seen` is cleared, at the next build)."""

    def __init__(self):
        super().__init__()
        self.seen = set()

    def filter(self, record):
        text = record.getMessage()
        if text in self.seen:
            return False
        self.seen.add(text)
        return True


_ONCE = _OncePerBuild()

_KNOWN_OPTIONS = {"file", "height", "title", "diagram", "expect_error", "show", "trace", "exercise"}


class Seconds(c.OptionallyRequired):
    """A positive number of seconds."""

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValidationError(f"expected a positive number of seconds, not {value!r}")
        return value


class LivedashConfig(Config):
    pyodide = c.Choice(("self", "cdn"), default="self")
    pyodide_url = c.Optional(c.Type(str))
    height = c.Type(int, default=0)
    assets_path = c.Type(str, default="assets/livedash")
    packages = c.ListOfItems(c.Type(str), default=[])
    diagram = c.Type(bool, default=True)
    snapshot = c.Type(bool, default=True)
    timeout = Seconds(default=30)


class LivedashPlugin(BasePlugin[LivedashConfig]):
    def __init__(self):
        super().__init__()
        self._built = {}  # (code, source, first_line) -> Built; survives `mkdocs serve` rebuilds
        self._pages = {}  # page src_uri -> [(page:line of the fence, widget html)]
        self._uses = {}  # page src_uri -> {JS namespace: {component types}} of its apps' first layouts
        self._exercises = {}  # page url -> [exercise ids], for the navigation's progress marks
        self._verified = {}  # (starter, solution, checks) -> problem text or "" (survives rebuilds)

    def on_startup(self, *, command, dirty):
        """Defining this keeps one plugin instance across `mkdocs serve` rebuilds (MkDocs >= 1.4), so the
        cache of built examples and verified exercises survives them: a rebuild runs only changed code."""

    def on_config(self, config):
        # `mkdocs serve` serves files with the types Python knows; Pyodide needs these two right.
        mimetypes.add_type("application/wasm", ".wasm")
        mimetypes.add_type("text/javascript", ".mjs")
        self._root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        # A fence becomes this placeholder until its widget replaces it in the HTML: random per build, so
        # no page can contain it by accident or on purpose.
        self._placeholder = f"livedash-widget-{secrets.token_hex(8)}"
        self._wheels = None
        self._libraries = []
        try:
            copied = (PYODIDE, MERMAID, PLOTLY, ACE) if self.config.pyodide == "self" else (MERMAID, PLOTLY, ACE)
            for package in (*copied, *dash_wheel.DEPENDENCIES.values()):  # (the latter for their licence texts)
                ensure(package, log=log.info)
            dash_wheel.ensure(log=log.info)
            if self.config.packages:
                self._wheels = wheels.ensure(self.config.packages, log=log.info)
                self._libraries = wheels.component_libraries(self._wheels)
            for library in self._libraries:
                for package, _folder, _site in library.npm:
                    ensure(package, log=log.info)
                for url, reason in library.not_served:
                    log.info(f"livedash: {library.distribution} names {url}, which the site cannot serve ({reason})")
            self._components = components_manifest(self._libraries)
            prerender.use_component_libraries(self._libraries)  # (their first view is server-rendered too)
        except (PackageUnavailable, wheels.WheelsUnavailable, wheels.LibraryError) as exc:
            raise PluginError(str(exc)) from None
        self._point_mermaid2_at_our_copy(config)
        warm_up_isolation()
        return config

    def _point_mermaid2_at_our_copy(self, config):
        """mkdocs-mermaid2-plugin loads mermaid from a CDN, or from a `javascript:` file it requires in
        docs/. Give it the pinned copy this plugin puts in the site instead (it caches the choice in
        `_javascript`), unless the author chose a library themselves."""
        mermaid2 = config.plugins.get("mermaid2")
        if mermaid2 is not None and not mermaid2.config.get("javascript"):
            mermaid2._javascript = f"{self.config.assets_path.strip('/')}/{MERMAID_PATH}"
            mermaid2.config["version"] = MERMAID.version  # (what its build log names)
        # mermaid2 logs "Custom loader activated" for every page with a diagram: once a build says it.
        _ONCE.seen.clear()
        logging.getLogger("mkdocs.plugins.mermaid2.util").addFilter(_ONCE)

    def _relative_source(self, path):
        try:
            return str(Path(path).resolve().relative_to(self._root))
        except ValueError:
            return str(path)

    def on_page_markdown(self, markdown, page, config, files):
        try:
            fences = find_dash_fences(markdown)
        except FenceError as exc:
            raise PluginError(f"{page.file.src_path}:{exc.line}: {exc}") from None
        self._exercises.pop(page.url, None)
        if not fences:
            self._pages.pop(page.file.src_uri, None)
            self._uses.pop(page.file.src_uri, None)
            return markdown
        page_source = self._relative_source(Path(config.docs_dir) / page.file.src_path)
        examples = [self._example(fence, number, page, page_source, config) for number, fence in enumerate(fences)]
        self._run_new(examples)
        lines = markdown.split("\n")
        widgets = []
        for number, (fence, example) in reversed(list(enumerate(zip(fences, examples, strict=True)))):
            built = self._built[_build_key(example)]
            where = f"{page_source}:{fence.start + 1}"
            if example.exercise is not None:
                self._exercises.setdefault(page.url, []).insert(0, example.exercise["id"])
                problem = self._verified[_verify_key(example)]
                if problem:
                    log.warning(f"{where}: exercise {example.exercise['id']}: {problem}")
            if example.expect_error and built.error is None and not built.problems:
                log.warning(f"{where}: the example has expect_error=true but loads and runs without an error")
            elif built.error is not None and not example.expect_error:
                log.warning(
                    f"{built.location}: the example on {where} failed: "
                    f"{built.error['kind']}: {built.error['message']}\n{built.error['traceback']}"
                )
            widget = diagram_only_html(example, built) if example.show == "diagram" else widget_html(example, built)
            widgets.append((where, widget))
            lines[fence.start : fence.end + 1] = [f"{fence.indent}{self._placeholder}-{number}"]
        self._pages[page.file.src_uri] = list(reversed(widgets))
        uses = {}
        for example in examples:
            if example.show == "app":
                _component_types(self._built[_build_key(example)].layout, uses)
        self._uses[page.file.src_uri] = uses
        return "\n".join(lines)

    def _run_new(self, examples):
        """Build the page's examples and verify its exercises that no earlier build has seen (`mkdocs
        serve` keeps the results), each in a child process of its own, time-limited (isolation.py)."""
        builds = {_build_key(e): e for e in examples if _build_key(e) not in self._built}
        exercises = {
            _verify_key(e): e for e in examples if e.exercise is not None and _verify_key(e) not in self._verified
        }
        calls = [build_call(e) for e in builds.values()]
        calls += [call for e in exercises.values() for call in verification.check_calls(e)]
        outcomes = run_isolated(calls, self.config.timeout, paths=wheels.paths(self._wheels))
        for key, outcome in zip(builds, outcomes, strict=False):  # (then the checks' outcomes)
            self._built[key] = built_from(outcome)
        checked = outcomes[len(builds) :]
        for index, key in enumerate(exercises):
            self._verified[key] = verification.problem(*checked[2 * index : 2 * index + 2])

    def _example(self, fence, number, page, page_source, config):
        where = f"{page_source}:{fence.start + 1}"
        unknown = set(fence.options) - _KNOWN_OPTIONS
        if unknown:
            raise PluginError(
                f"{where}: unknown dash fence option(s) "
                f"{', '.join(sorted(unknown))} (known: {', '.join(sorted(_KNOWN_OPTIONS))})"
            )
        try:
            height = int(fence.options.get("height", self.config.height))
        except ValueError:
            raise PluginError(f"{where}: height must be a number of pixels, not {fence.options['height']!r}") from None
        key = f"{page.file.src_uri.rsplit('.', 1)[0]}/{number}"
        choices = {
            "diagram": ("true", "false"),
            "expect_error": ("true", "false"),
            "show": ("app", "diagram"),
            "trace": ("closed", "open"),
        }
        defaults = {
            "diagram": str(self.config.diagram).lower(),
            "expect_error": "false",
            "show": "app",
            "trace": "closed",
        }
        chosen = {}
        for name, allowed in choices.items():
            chosen[name] = fence.options.get(name, defaults[name]).lower()
            if chosen[name] not in allowed:
                raise PluginError(f"{where}: {name} must be {' or '.join(allowed)}, not {fence.options[name]!r}")
        common = dict(
            height=height,
            title=fence.options.get("title", ""),
            diagram=chosen["diagram"] == "true",
            expect_error=chosen["expect_error"] == "true",
            show=chosen["show"],
            trace_open=chosen["trace"] == "open",
        )
        if "exercise" in fence.options:
            return self._exercise(fence, where, key, common, config)
        if "file" in fence.options:
            value = fence.options["file"]
            path = self._in_docs(where, f"file={value!r}", value, config)
            if fence.body.strip():
                raise PluginError(f"{where}: a dash fence with file= must be empty")
            if not path.is_file():
                raise PluginError(
                    f"{where}: example file {value!r} not found (looked for {self._relative_source(path)})"
                )
            # As in Dash, the JavaScript and CSS files in an `assets` folder beside the app are loaded with it
            # (MkDocs copies them into the site like any other file of docs/); the CSS applies to that app alone.
            # The folder is shared by the examples beside it: each gets only the files its code uses.
            docs = Path(config.docs_dir).resolve()
            folder = path.parent.joinpath("assets")
            code = self._read(where, path)
            assets = used_assets(code, sorted([*folder.glob("*.js"), *folder.glob("*.css")]))
            urls = [get_relative_url(a.relative_to(docs).as_posix(), page.url) for a in assets]
            return Example(
                key=key,
                code=code,
                filename=Path(value).name,
                source=self._relative_source(path),
                first_line=1,
                assets=urls,
                **common,
            )
        return Example(
            key=key, code=fence.body + "\n", filename="app.py", source=page_source, first_line=fence.body_line, **common
        )

    def _exercise(self, fence, where, key, common, config):
        """An exercise fence: the reader starts from starter.py; solution.py and checks.py go with it."""
        value = fence.options["exercise"]
        folder = self._in_docs(where, f"exercise={value!r}", value, config)
        if fence.body.strip() or "file" in fence.options:
            raise PluginError(
                f"{where}: an exercise fence takes its code from the exercise folder: leave it empty and give no file="
            )
        files = {
            name: self._in_docs(where, f"{name}.py of exercise={value!r}", folder / f"{name}.py", config)
            for name in ("starter", "solution", "checks")
        }
        missing = [f"{name}.py" for name, path in files.items() if not path.is_file()]
        if missing:
            raise PluginError(
                f"{where}: exercise folder {self._relative_source(folder)} lacks "
                f"{', '.join(missing)} (an exercise has starter.py, solution.py and checks.py)"
            )
        text = {name: self._read(where, path) for name, path in files.items()}
        exercise = {"id": value.strip("/"), "checks": text["checks"], "solution": text["solution"]}
        return Example(
            key=key,
            code=text["starter"],
            filename=f"{Path(value).name}.py",
            source=self._relative_source(files["starter"]),
            first_line=1,
            exercise=exercise,
            **common,
        )

    def _in_docs(self, where, what, path, config):
        """docs_dir/path with `..` and symlinks resolved, refused unless it is inside docs_dir: a page
        must not run, or publish, files from elsewhere on the machine."""
        docs = Path(config.docs_dir).resolve()
        try:
            resolved = (docs / path).resolve()
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
            raise PluginError(f"{where}: {what} cannot be resolved: {exc}") from None
        if not resolved.is_relative_to(docs):
            raise PluginError(
                f"{where}: {what} is outside docs_dir ({self._relative_source(docs)}): "
                "examples and exercises must be files of the site's docs"
            )
        return resolved

    def _read(self, where, path):
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise PluginError(
                f"{where}: {self._relative_source(path)} is not UTF-8 text ({exc.reason} at "
                f"byte {exc.start}): save it as UTF-8"
            ) from None
        except OSError as exc:
            raise PluginError(f"{where}: cannot read {self._relative_source(path)}: {exc.strerror}") from None

    def on_page_content(self, html, page, config, files):
        widgets = self._pages.get(page.file.src_uri)
        if not widgets:
            return html
        placed = []

        def place(match):
            number = int(match[1])
            placed.append(number)
            return widgets[number][1] if number < len(widgets) else match[0]

        # One pass, so the text of a widget is never searched for the next placeholder.
        html = re.sub(rf"(?:<p>)?{self._placeholder}-(\d+)(?:</p>)?", place, html)
        for number, (where, _widget) in enumerate(widgets):
            if placed.count(number) != 1:
                raise PluginError(
                    f"{where}: the example could not be put in the page: another Markdown "
                    f"extension {'dropped' if number not in placed else 'repeated'} its place"
                )
        base = self.config.assets_path.strip("/")
        css = get_relative_url(f"{base}/livedash.css", page.url)
        js = get_relative_url(f"{base}/livedash.js", page.url)
        # Python's boot starts from start.js, its imports fetched with it rather than after it (a page of
        # diagrams only has no Python to start)
        boot = ""
        if any("data-livedash-key" in widget for _, widget in widgets):
            boot = "".join(
                f'<link rel="modulepreload" href="{get_relative_url(f"{base}/{name}", page.url)}">\n'
                for name in ("kernel.js", "config.js", "protocol.js")
            )
            boot += f'<script type="module" async src="{get_relative_url(f"{base}/start.js", page.url)}"></script>\n'
        preloads = "".join(
            f'<link rel="preload" as="{kind}" href="{get_relative_url(f"{base}/{path}", page.url)}">\n'
            for kind, path in self._preloads(self._uses.get(page.file.src_uri, {}))
        )
        html = once_per_page(html)  # (each component stylesheet of the first views once)
        return (
            f'<link rel="stylesheet" href="{css}" data-livedash-css>\n{boot}{preloads}{html}\n'
            f'<script type="module" src="{js}"></script>'
        )

    def _preloads(self, uses):
        """(as, path in the assets folder) of what the page's apps load first, so that it is fetched at once
        rather than one after the other: React, the html bundle, the bundles and styles of the namespaces
        their first layouts use, the async chunks of the dcc/dash_table components in them (Dash's bundles
        fetch those only when the component is drawn), and plotly.js for a dcc.Graph."""
        if not uses:
            return []
        components = self._components
        found = [("script", path) for path in components["react"]]
        for name in ["dash_html_components", *sorted(set(uses) - {"dash_html_components"})]:
            entry = components["namespaces"].get(name)
            if entry is not None:
                found += [("script", path) for path in entry["scripts"]] + [("style", path) for path in entry["styles"]]
        chunks = {dash_wheel.ASYNC_BY_TYPE.get((name, kind)) for name, kinds in uses.items() for kind in kinds}
        found += [("script", path) for path in sorted(chunks - {None})]
        if "Graph" in uses.get("dash_core_components", ()):
            found.append(("script", components["plotly"]))
        return found

    def on_post_page(self, output, page, config):
        return layered_stylesheets(output)

    def on_post_template(self, output_content, template_name, config):
        # 404.html, so that a reader who lands there and navigates on keeps the same cascade
        return layered_stylesheets(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, config):
        try:
            base = self.config.assets_path.strip("/")
            exercises = {
                get_relative_url(url or ".", f"{base}/config.js"): ids for url, ids in sorted(self._exercises.items())
            }
            write_site_assets(
                config.site_dir,
                base,
                self.config.pyodide,
                self.config.pyodide_url,
                self._wheels,
                exercises,
                self._libraries,
                snapshot=self.config.snapshot,
            )
        except PackageUnavailable as exc:
            raise PluginError(str(exc)) from None


def _component_types(value, found):
    """Add to ``found`` (JS namespace -> component types) the components of a layout (JSON)."""
    if isinstance(value, dict):
        if isinstance(value.get("namespace"), str) and isinstance(value.get("type"), str) and "props" in value:
            found.setdefault(value["namespace"], set()).add(value["type"])
        for item in value.values():
            _component_types(item, found)
    elif isinstance(value, list):
        for item in value:
            _component_types(item, found)


_HEAD = re.compile(r"<head\b.*?</head\s*>", re.S | re.I)
_LINK = re.compile(r"<link\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def layered_stylesheets(page):
    """The page with the stylesheets its <head> links (the theme's, extra_css: all but livedash.css) put in
    the cascade layer `livedash-theme`, in their order, by one <style> of @imports, each kept as a
    <link rel="preload" as="style"> so that it is fetched as soon as before. A reset in the layer
    `livedash-reset` (livedash.css) and Dash's own component styles, unlayered, then win over the theme in
    the app panes, as the app looks in Dash. A link with integrity= or a title (an alternate style set) is
    left as it is."""
    head = _HEAD.search(page)
    if head is None:
        return page
    imports = []

    def layered(match):
        attributes = {
            name.lower(): html_text.unescape(next((v for v in values if v), ""))
            for name, *values in _ATTRIBUTE.findall(match[0][5:-1])
        }
        href = attributes.get("href", "")
        rel = attributes.get("rel", "").lower().split()
        if (
            "stylesheet" not in rel
            or "alternate" in rel
            or not href
            or "data-livedash-css" in attributes
            or href.split("?")[0].split("#")[0].endswith("livedash.css")
            or "integrity" in attributes
            or "title" in attributes
            or "</" in attributes.get("media", "")
        ):
            return match[0]
        url = (
            href.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\a ")
            .replace("<", "\\3c ")
            .replace(">", "\\3e ")
        )
        media = attributes.get("media", "").strip()
        media = "" if media in ("", "all") else " " + media.replace(";", "")
        imports.append(f'@import url("{url}") layer(livedash-theme){media};')
        preload = f'<link rel="preload" as="style" href="{html_text.escape(href)}">'
        return preload + ("\0" if len(imports) == 1 else "")

    new_head = _LINK.sub(layered, head[0])
    if not imports:
        return page
    style = "<style>@layer livedash-theme, livedash-reset;\n" + "\n".join(imports) + "\n</style>"
    return page[: head.start()] + new_head.replace("\0", style, 1) + page[head.end() :]


def _build_key(example):
    return example.code, example.source, example.first_line


def _verify_key(example):
    return example.code, example.exercise["solution"], example.exercise["checks"]
