"""Serve differential-test apps with real Dash (run in the real-Dash venv, never with livedash).

Reads JSON lines on stdin: {"name": ..., "source": ...} starts the app on a free port on 127.0.0.1 with
Dash's dev tools on (as `app.run(debug=True)` would, without the reloader) and answers
{"name": ..., "url": ...} or {"name": ..., "error": ...}; {"stop": name} stops it.
"""

import json
import runpy
import sys
import tempfile
import threading
import traceback
from pathlib import Path

from werkzeug.serving import make_server

servers = {}
folder = Path(tempfile.mkdtemp(prefix="dash-host-"))


def start(name, source):
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    app = runpy.run_path(str(path), run_name="__dash_case__")["app"]
    app.enable_dev_tools(debug=True, dev_tools_hot_reload=False, dev_tools_serve_dev_bundles=False)
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
            answer = {"name": request["name"], "url": start(request["name"], request["source"])}
        except Exception:
            answer = {"name": request["name"], "error": traceback.format_exc()}
    print(json.dumps(answer), flush=True)
