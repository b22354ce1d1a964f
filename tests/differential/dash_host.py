"""Serve differential-test apps with real Dash (run in the real-Dash venv, never with livedash).

Reads JSON lines on stdin: {"name": ..., "source": ..., "assets": {name: text}} starts the app on a free port on
127.0.0.1 with Dash's dev tools as the program's own `app.run(...)` in its `if __name__ == "__main__":` block sets
them (and on, as `app.run(debug=True)`, when it has none; never the reloaders) and answers
{"name": ..., "url": ...} or {"name": ..., "error": ...}; {"stop": name} stops it.
"""

import json
import os
import runpy
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from werkzeug.serving import make_server

servers = {}
folder = Path(tempfile.mkdtemp(prefix="dash-host-"))


class Process:
    """An app served by a process of its own: background callbacks (DiskcacheManager forks a process
    per job) only work when the app is the main program, and Dash() finds its assets/ beside the main
    program's file."""

    def __init__(self, path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.server_port = probe.getsockname()[1]
        # A lesson file ends with its own `if __name__ == "__main__": app.run(debug=True)` (port 8050): it runs,
        # with its own debug options, on our free port (RUN_HERE); a program without such a call is served
        # with debug=True, as livedash runs it (the block added at the end runs only if the program's
        # own app.run, which serves until stopped, did not).
        source = path.read_text(encoding="utf-8")
        path.write_text(
            RUN_HERE.format(port=self.server_port) + source + "\n\nif __name__ == '__main__':\n"
            "    app.run(debug=True)\n",
            encoding="utf-8",
        )
        self.process = subprocess.Popen(
            [sys.executable, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.server_port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        self.shutdown()  # never leave a half-started server behind
        raise RuntimeError(f"{path.name} did not start serving")

    def shutdown(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)


# Put before a program served by a process of its own: its app.run(...) keeps every option but where it
# serves and the reloaders.
RUN_HERE = """import dash as _host_dash, inspect as _host_inspect
def _host_run(self, *args, _real=_host_dash.Dash.run, **kwargs):
    named = _host_inspect.signature(_real).bind(self, *args, **kwargs).arguments
    named.pop("self")
    named.update(named.pop("flask_run_options", {{}}))
    named.update(host="127.0.0.1", port={port}, use_reloader=False, dev_tools_hot_reload=False)
    return _real(self, **named)
_host_dash.Dash.run = _host_run
"""


def run_in_place(path):
    """Run a program as the main one with app.run(...) recording its arguments instead of serving; returns
    (app, the keyword arguments for enable_dev_tools that its app.run gives, as Dash.run passes them on)."""
    import inspect

    import dash

    calls, real = [], dash.Dash.run
    dash.Dash.run = lambda self, *args, **kwargs: calls.append((self, args, kwargs))
    try:
        app = runpy.run_path(str(path), run_name="__main__")["app"]
    finally:
        dash.Dash.run = real
    if not calls:  # no app.run: served with debug=True, as livedash runs such code
        return app, {"debug": True}
    app_of_call, args, kwargs = calls[0]
    named = inspect.signature(real).bind(app_of_call, *args, **kwargs).arguments
    options = {k: v for k, v in named.items() if k == "debug" or k.startswith("dev_tools_")}
    if options.get("debug") is None:
        options["debug"] = False  # Dash.run's default (DASH_DEBUG is not set here)
    return app, options


def start(name, source, assets):
    home = folder / name
    (home / "assets").mkdir(parents=True, exist_ok=True)
    for asset, text in assets.items():
        (home / "assets" / asset).write_text(text, encoding="utf-8")
    path = home / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    if "background=True" in source or assets:
        servers[name] = Process(path)
        return f"http://127.0.0.1:{servers[name].server_port}/"
    app, options = run_in_place(path)
    app.enable_dev_tools(**{**options, "dev_tools_hot_reload": False, "dev_tools_serve_dev_bundles": False})
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    servers[name] = server
    return f"http://127.0.0.1:{server.server_port}/"


for line in sys.stdin:
    request = json.loads(line)
    if "stop" in request:
        server = servers.pop(request["stop"], None)
        if server is not None:
            server.shutdown()
        answer = {"stopped": request["stop"]}
    else:
        try:
            answer = {
                "name": request["name"],
                "url": start(request["name"], request["source"], request.get("assets", {})),
            }
        except Exception:
            answer = {"name": request["name"], "error": traceback.format_exc()}
    print(json.dumps(answer), flush=True)
