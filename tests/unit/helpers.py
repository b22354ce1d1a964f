from textwrap import dedent

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
