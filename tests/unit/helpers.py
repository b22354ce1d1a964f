import json
import os
import subprocess
from pathlib import Path
from textwrap import dedent

import pytest

from livedash.testing import Client

HEADER = """
from dash import Dash, html, dcc, callback, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate
"""


def client(body, extra="", **kwargs):
    """A test client for an app whose imports are the usual ones (plus ``extra``) and whose body is ``body``."""
    return Client(HEADER + dedent(extra) + dedent(body), "app.py", **kwargs)


def case_app(name):
    """The app of the differential case ``name`` (tests/differential/cases.py), for a unit test of the same app."""
    from tests.differential.cases import CASES

    return next(case.app for case in CASES if case.name == name)


# -- the same code run by real Dash (the differential tests' .venv-dash) and by livedash -------------------
DASH_VENV = Path(os.environ.get("LIVEDASH_DASH_VENV", Path(__file__).resolve().parents[2] / ".venv-dash"))

# Defines `outcome(make)`: what making a value gives, as JSON data: its error ("Type: message"), or its JSON
# form (components through to_plotly_json, recursively) and, for a component, its repr.
OUTCOME = """
def _plain(value):
    if hasattr(value, "to_plotly_json"):
        return _plain(value.to_plotly_json())
    if isinstance(value, dict):
        return [[str(k), _plain(v)] for k, v in value.items()]     # pairs: the order is compared too
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def outcome(make):
    from dash.development.base_component import Component
    try:
        value = make()
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    result = {"json": _plain(value)}
    if isinstance(value, Component):
        result["repr"] = repr(value)
    return result
"""


def real_dash(script, timeout=120):
    """What ``script`` leaves in ``RESULT`` (JSON data) when real Dash runs it; skips without .venv-dash."""
    python = DASH_VENV / "bin" / "python"
    if not python.exists():
        pytest.skip(f"needs real Dash in {DASH_VENV} (scripts/test makes it)")
    code = script + "\nimport json as _json, sys as _sys\n_sys.stdout.write(_json.dumps(RESULT))\n"
    result = subprocess.run([str(python), "-W", "ignore", "-c", code], capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def livedash_run(script):
    """What ``script`` leaves in ``RESULT`` when livedash runs it as an example (``import dash`` is livedash)."""
    from livedash.sandbox import execute

    _app, namespace = execute(script + "\nfrom dash import Dash as _Dash\n_Dash()\n", "check.py")
    return json.loads(json.dumps(namespace["RESULT"]))
