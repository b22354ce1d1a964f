"""Execute an example's source as a Dash program, with ``import dash`` meaning livedash's Dash.

The alias lives only in the example's own builtins, so real ``dash`` can be installed beside livedash
(the differential tests need both) and nothing leaks into ``sys.modules['dash']``.
"""

from __future__ import annotations

import builtins
import importlib
import sys

from .callbacks import collecting

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from typing import Any

    from .app import Dash

_real_import = builtins.__import__


def _diskcache():
    """A stand-in for the `diskcache` package (not in Pyodide), so `DiskcacheManager(diskcache.Cache())`
    written for real Dash runs here unchanged; livedash keeps no background cache."""
    import types

    module = types.ModuleType("diskcache", "livedash's stand-in: background callbacks need no cache here")

    class Cache:
        def __init__(self, *args, **kwargs):
            pass

    module.Cache = Cache
    return module


def _dash_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name == "diskcache":
        return _diskcache()  # always the stand-in: a build must not write a cache on disk
    if level == 0 and (name == "dash" or name.startswith("dash.")):
        module = importlib.import_module("livedash." + name)
        for attr in fromlist or ():
            if attr != "*" and not hasattr(module, attr):
                try:
                    importlib.import_module(f"livedash.{name}.{attr}")
                except ModuleNotFoundError:
                    raise ImportError(f"cannot import name '{attr}' from '{name}'", name=name) from None
        return module if fromlist else importlib.import_module("livedash.dash")
    if level == 0 and name.split(".")[0] not in sys.modules:
        # A package imported for the first time (a component library) gets livedash's `dash` for its own
        # `import dash` (components/libraries.py), also when a callback imports it later.
        from .components.libraries import dash_for_libraries

        with dash_for_libraries():
            return _real_import(name, globals, locals, fromlist, level)
    return _real_import(name, globals, locals, fromlist, level)


def _builtins():
    namespace = dict(vars(builtins))
    namespace["__import__"] = _dash_import
    return namespace


class NoApp(Exception):
    pass


def execute(source: str, filename: str) -> tuple[Dash, dict[str, Any]]:
    """Run ``source`` and return ``(app, namespace)``. Errors propagate with ``filename`` in their frames."""
    code = compile(source, filename, "exec")
    namespace: dict[str, Any] = {"__name__": "__livedash__", "__file__": filename, "__builtins__": _builtins()}
    with collecting() as collection:
        exec(code, namespace)
    if not collection.apps:
        raise NoApp("The example creates no app: write `app = Dash()` and give it a layout.")
    named = namespace.get("app")
    app = named if named in collection.apps else collection.apps[-1]
    app.adopt_global_callbacks(collection.callbacks)
    return app, namespace
