"""Dash component libraries (dash-bootstrap-components, dash-mantine-components, ...) against livedash.

A library's modules import ``dash`` themselves (``from dash.development.base_component import Component``),
through Python's own import, not an example's aliased one (sandbox.py). While a library is imported,
``dash_for_libraries()`` makes ``dash`` and its submodules livedash's in ``sys.modules``, and puts back what
was there after: its classes then subclass livedash's Component, and real Dash beside livedash is untouched.

Their generated modules also import ``typing_extensions`` (TypedDict, NotRequired, Literal), which is not in
Pyodide's standard library: when it cannot be imported, a stand-in that answers from ``typing`` is there while
the library is imported (Python 3.11+'s typing has every name the generated classes use).
"""

import sys
import types
from contextlib import contextmanager

_MISSING = object()


@contextmanager
def dash_for_libraries():
    import importlib

    alias = importlib.import_module("livedash.dash")
    for name in ("development.base_component", "types"):  # the submodules its __init__ leaves for later
        importlib.import_module("livedash.dash." + name)

    prefix = alias.__name__ + "."
    ours = {"dash": alias}
    ours.update(
        {
            "dash." + name[len(prefix) :]: module
            for name, module in list(sys.modules.items())
            if name.startswith(prefix) and module is not None
        }
    )
    # Every `dash` entry goes while the alias is in: a real dash.x beside our `dash` would mix the two.
    saved = {name: module for name, module in sys.modules.items() if name == "dash" or name.startswith("dash.")}
    for name in saved:
        del sys.modules[name]
    sys.modules.update(ours)
    stand_in, before = _typing_extensions()
    try:
        yield
    finally:
        for name in [n for n in sys.modules if n == "dash" or n.startswith("dash.")]:
            del sys.modules[name]
        sys.modules.update(saved)
        if stand_in is not None and sys.modules.get("typing_extensions") is stand_in:
            if before is _MISSING:
                del sys.modules["typing_extensions"]
            else:
                sys.modules["typing_extensions"] = before


def _typing_extensions():
    """(the stand-in put in sys.modules or None, what was there before)."""
    before = sys.modules.get("typing_extensions", _MISSING)
    try:
        import typing_extensions  # noqa: F401

        return None, before
    except ImportError:
        pass
    import typing

    module = types.ModuleType("typing_extensions", "livedash's stand-in for typing_extensions: names from typing")

    def __getattr__(name):
        try:
            return getattr(typing, name)
        except AttributeError:
            raise AttributeError(
                f"livedash's stand-in for typing_extensions has no {name!r} (install typing_extensions)"
            ) from None

    module.__getattr__ = __getattr__
    sys.modules["typing_extensions"] = module
    return module, before
