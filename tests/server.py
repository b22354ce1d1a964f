"""A static HTTP server on 127.0.0.1 for built sites, with the MIME types Pyodide needs, optionally
under a sub-path (as GitHub Pages serves a project site). Used by the browser tests and scripts/bench."""

import functools
import http.server
import sys
import threading
from pathlib import Path

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".css": "text/css",
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    prefix = "/"
    counter = None
    headers_to_send = {}

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page closed while a file was still being sent (a test or a screenshot moving on): not a fault.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class SiteServer:
    """``with SiteServer(site_dir, prefix="/livedash/") as server: server.url``. The port is taken when
    the object is made, so a site can be built for ``server.url`` before serving starts."""

    # What a host sends to make a page cross-origin isolated (SharedArrayBuffer, Pyodide's interrupt buffer).
    ISOLATED = {"Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp"}

    def __init__(self, directory, prefix="/", headers=None):
        handler = type("Handler", (_Handler,), {"prefix": prefix, "headers_to_send": headers or {}})
        self.httpd = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
