"""What ``import dash`` gives an example: the Dash names livedash implements.

Anything else raises the same errors as real Dash (``from dash import PreventUpdate`` is an
ImportError; ``dash.no_output`` an AttributeError).
"""

import sys
from types import ModuleType as _ModuleType

from ..app import Dash
from ..callbacks import callback, clientside_callback
from ..components import dash_table, dcc, html
from ..context import callback_context, set_props
from ..dash_version import DASH_VERSION as __version__  # noqa: F401  (dash.__version__)
from ..dependencies import ALL, ALLSMALLER, MATCH, ClientsideFunction, Input, Output, State
from ..nothing import NoUpdate, no_update
from ..patch import Patch
from . import dependencies, exceptions

ctx = callback_context


class _BackgroundManager:
    """Accepted so that code written for real Dash runs here: livedash needs no manager, since background
    callbacks run in a worker of their own in the reader's browser."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass


class DiskcacheManager(_BackgroundManager):
    pass


class CeleryManager(_BackgroundManager):
    pass


# `import dash.html` and `from dash import html` must give the same module object.
sys.modules[__name__ + ".html"] = html
sys.modules[__name__ + ".dcc"] = dcc
sys.modules[__name__ + ".dash_table"] = dash_table
sys.modules[__name__ + ".dash_table.Format"] = dash_table.Format
sys.modules[__name__ + ".dash_table.FormatTemplate"] = dash_table.FormatTemplate

__all__ = [
    "Dash",
    "callback",
    "clientside_callback",
    "dcc",
    "html",
    "dash_table",
    "callback_context",
    "ctx",
    "Input",
    "Output",
    "State",
    "MATCH",
    "ALL",
    "ALLSMALLER",
    "ClientsideFunction",
    "no_update",
    "NoUpdate",
    "set_props",
    "Patch",
    "DiskcacheManager",
    "CeleryManager",
    "dependencies",
    "exceptions",
    "development",
    "types",
]


def __getattr__(name: str) -> _ModuleType:
    if name in ("development", "types"):  # what component libraries import; typing is imported only then
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'dash' has no attribute '{name}'")
