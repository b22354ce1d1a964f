"""The worker's Python side: one Kernel holds the apps of a tab and answers protocol messages."""

import json

from .errors import describe
from .protocol import PROTOCOL_VERSION
from .session import start_session


class Kernel:
    def __init__(self):
        self.sessions = {}

    def handle(self, message_json):
        """Answer one message (a JSON string, see protocol.py) with a JSON string."""
        message = {}
        try:
            message = json.loads(message_json)
            answer = getattr(self, "_on_" + message["type"])(message)
        except Exception as exc:   # a bad request must never take the kernel down
            answer = {"type": "failed", "app": message.get("app") if isinstance(message, dict) else None,
                      "request": message.get("type") if isinstance(message, dict) else None,
                      "error": describe(exc, "<request>")}
        return json.dumps(answer)

    def _on_hello(self, message):
        from . import __version__
        return {"type": "hello", "protocol": PROTOCOL_VERSION, "version": __version__}

    def _on_load(self, message):
        key = message["app"]
        self.sessions.pop(key, None)
        session, runs, error = start_session(message["code"], message.get("filename", "app.py"))
        if session is not None:
            self.sessions[key] = session
        return {"type": "loaded", "app": key, "layout": session.layout_json() if session else None,
                "trace": runs, "error": error, "problems": session.problems if session else []}

    def _on_update(self, message):
        session = self.sessions[message["app"]]
        patches, trace = [], []
        for change in message["changes"]:
            p, runs = session.change(change["id"], change["props"])
            patches.extend(p)
            trace.extend(runs)
        return {"type": "updated", "app": message["app"], "seq": message.get("seq"),
                "patches": patches, "trace": trace}

    def _on_unload(self, message):
        self.sessions.pop(message["app"], None)
        return {"type": "unloaded", "app": message["app"]}
