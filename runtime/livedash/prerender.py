"""The first view of each example, drawn at build time by React with Dash's own components: a client of
``mkdocs/ssr.mjs``, a Node program that server-renders each app's layout with the same React, the same Dash
bundles and the same page modules (host.js, tree.js) the page hydrates it with, so nothing moves when the page's
React takes over. One Node process per build (started on first use, stopped by :func:`stop` or at exit), fed
one app at a time as a JSON line, answering with one JSON line.
"""

import atexit
import hashlib
import json
import logging
import queue
import re
import shutil
import subprocess
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from pathlib import Path

SSR = Path(__file__).resolve().parent / "mkdocs" / "ssr.mjs"
WEB = Path(__file__).resolve().parent / "web"
NODE_MISSING = "livedash needs Node.js to draw the first view of each example at build time; install Node.js 18+"
# How long one app may take, beyond which the process is deemed stuck (ssr.mjs itself gives up after 30 s).
TIMEOUT = 60
# Answers kept (`mkdocs serve` rebuilds draw the same apps again).
CACHED = 512

_log = logging.getLogger("mkdocs.plugins.livedash")


class ServerRenderError(RuntimeError):
    """The server render cannot run at all (no Node.js, or its process keeps failing)."""


@dataclass
class Rendered:
    html: str  # React's markup of the app (empty when it failed)
    css: list = field(default_factory=list)  # the text of each <style> its components' bundles insert
    warnings: list = field(default_factory=list)  # what the page would report (Dangerous link detected: ...)
    error: str | None = None  # why it could not be drawn (the page draws it)
    skipped: str | None = None  # why it was not drawn (a library the build was not told of)


def node_command():
    """The Node.js executable (ServerRenderError when missing or older than 18)."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise ServerRenderError(NODE_MISSING)
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        raise ServerRenderError(f"{NODE_MISSING} ({node} does not run: {exc})") from None
    match = re.match(r"v(\d+)\.", version)
    if not match or int(match[1]) < 18:
        raise ServerRenderError(f"{NODE_MISSING} ({node} is {version or 'of an unknown version'})")
    return node


def _dash_scripts():
    """React's scripts and Dash's namespaces -> their bundles, as files of the cache (the site has the same
    files under its assets folder: the bundles find their async chunks beside them either way)."""
    from .mkdocs import dash_wheel
    from .mkdocs.npm_cache import REACT_DOM_SERVER, ensure

    folder = dash_wheel.ensure(log=_log.info)
    react = [str(folder / path) for path in dash_wheel.REACT]
    namespaces = {
        name: [str(folder / path) for path in entry["scripts"]] for name, entry in dash_wheel.NAMESPACES.items()
    }
    server = str(ensure(REACT_DOM_SERVER, log=_log.info) / "umd" / "react-dom-server.browser.production.min.js")
    return react, namespaces, server


def _source_signature():
    """What the process runs (ssr.mjs and the page's modules): a change starts a new one (`mkdocs serve`)."""
    paths = [SSR, *sorted(WEB.glob("*.js"))]
    return tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in paths)


class ServerRenderer:
    """One ``node ssr.mjs`` process; :meth:`render` one app at a time."""

    def __init__(self, react, namespaces, server, node=None):
        self.react, self.namespaces, self.server = list(react), dict(namespaces), server
        self.node = node or node_command()
        self.process = None
        self.lines = None
        self.stderr = deque(maxlen=40)
        self.lock = threading.Lock()

    def _start(self):
        self.process = subprocess.Popen(
            [self.node, "--experimental-vm-modules", "--no-warnings", str(SSR)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            cwd=str(SSR.parent),
        )
        self.lines = queue.Queue()
        self.stderr.clear()
        process, lines, stderr = self.process, self.lines, self.stderr
        threading.Thread(
            target=lambda: [lines.put(line) for line in process.stdout] + [lines.put(None)], daemon=True
        ).start()
        threading.Thread(target=lambda: [stderr.append(line.rstrip()) for line in process.stderr], daemon=True).start()

    def render(self, key, layout, children_props=None, trusted=True):
        request = {
            "key": key,
            "layout": layout,
            "children_props": children_props or {},
            "trusted": trusted,
            "react": self.react,
            "namespaces": self.namespaces,
            "server": self.server,
        }
        line = json.dumps(request) + "\n"
        with self.lock:
            for _attempt in (1, 2):  # a process that died (not an app's error: those are answered) is started again
                if self.process is None or self.process.poll() is not None:
                    self._start()
                try:
                    self.process.stdin.write(line)
                    self.process.stdin.flush()
                    answer = self.lines.get(timeout=TIMEOUT)
                except (OSError, ValueError):
                    answer = None
                except queue.Empty:
                    self._kill()
                    return Rendered("", error=f"the server render did not answer within {TIMEOUT} s")
                if answer is not None:
                    data = json.loads(answer)
                    return Rendered(
                        data.get("html") or "",
                        list(data.get("css") or []),
                        list(data.get("warnings") or []),
                        data.get("error"),
                        data.get("skipped"),
                    )
                self._kill()
            raise ServerRenderError(
                "the server render (node runtime/livedash/mkdocs/ssr.mjs) ended without an "
                "answer:\n" + "\n".join(self.stderr)
            )

    def _kill(self):
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                try:
                    stream.close()
                except OSError:
                    pass
        self.process = None

    def close(self):
        """End the process: stdin closed, it finishes what it has and exits."""
        with self.lock:
            if self.process is None:
                return
            try:
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
            self._kill()


_lock = threading.Lock()
_renderer = None
_signature = None
# namespace -> [script files]: the component libraries of the plugin's `packages:`
_libraries: dict[str, list[str]] = {}
_cache: OrderedDict[str, Rendered] = OrderedDict()  # digest of a render_app call -> its answer


def use_libraries(namespaces):
    """Component libraries the apps may use besides Dash's own: ``{namespace: [script files in load order]}``
    (their async chunks beside them)."""
    global _libraries
    if namespaces != _libraries:
        _libraries = dict(namespaces)
        stop()


def use_component_libraries(libraries):
    """The component libraries of the plugin's `packages:` (wheels.Library): their browser files, taken out of
    their wheels into the cache as the site lays them out (async chunks beside their bundle), are loaded by the
    server render when an app uses their namespace. Without this, an app using one is left to the page."""
    from .mkdocs.assets import copy_libraries
    from .mkdocs.npm_cache import cache_root

    libraries = list(libraries)
    if not libraries:
        use_libraries({})
        return
    names = "\n".join(sorted(library.wheel.name for library in libraries))
    folder = cache_root() / "server-render" / hashlib.sha256(names.encode()).hexdigest()[:16]
    copy_libraries(libraries, folder)  # (unchanged files are skipped)
    use_libraries({library.namespace: [str(folder / path) for path in library.scripts] for library in libraries})


def renderer():
    """The build's server render process (started on first use; again when its sources changed)."""
    global _renderer, _signature
    with _lock:
        signature = (_source_signature(), tuple(sorted((k, tuple(v)) for k, v in _libraries.items())))
        if _renderer is not None and signature != _signature:
            _renderer.close()
            _renderer = None
        if _renderer is None:
            react, namespaces, server = _dash_scripts()
            _renderer = ServerRenderer(react, {**namespaces, **_libraries}, server)
            _signature = signature
        return _renderer


def render_app(key, layout, children_props=None, trusted=True):
    """The app's first view of ``layout`` (Dash's component JSON): React's markup, the CSS its components insert,
    what the page would warn of, or why it was not drawn. ``key``: the app's key, unique on the site (the
    page gives host.js the same, so React's ids match when it hydrates). Answers are kept (CACHED of them),
    keyed by all of that and the render process's sources."""
    if layout is None:
        return Rendered("")
    ssr = renderer()
    digest = hashlib.sha256(
        json.dumps([key, layout, children_props, trusted, _signature], sort_keys=True, default=str).encode()
    ).hexdigest()
    if digest in _cache:
        _cache.move_to_end(digest)
        return _cache[digest]
    rendered = ssr.render(key, layout, children_props, trusted)
    _cache[digest] = rendered
    while len(_cache) > CACHED:
        _cache.popitem(last=False)
    return rendered


def render(node, key="app"):
    """React's markup of a component tree (component JSON), as the page's first view draws it."""
    from .children_props import children_props_table

    rendered = render_app(key, node, children_props_table())
    if rendered.error:
        raise ServerRenderError(rendered.error)
    return rendered.html


def stop():
    """End the server render process (the end of a build); the next render starts another."""
    global _renderer
    with _lock:
        if _renderer is not None:
            _renderer.close()
            _renderer = None


atexit.register(stop)
