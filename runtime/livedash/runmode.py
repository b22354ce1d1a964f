"""Debug or not: the app's own ``app.run(debug=...)``, read as Dash reads it.

Dash's dev tools are set when the program calls ``app.run(...)``: ``debug`` (default False) turns on
``dev_tools_validate_callbacks`` (dash-renderer checks the callbacks' dependencies and cycles; a problem
there stops every callback) and ``dev_tools_ui`` (the error pop-up that shows what it found), each of which
may also be given on its own. A course example calls ``app.run`` inside ``if __name__ == "__main__":``,
which livedash never runs, so that block is read here without running it (:func:`read_run_call`). A call
the program makes at its top level runs in livedash too (``Dash.run`` records its arguments).

Code without any ``app.run`` call (a fragment, a lesson's snippet) runs with debug on, as every lesson
example does: a reader is better told what Dash's dev tools would say than shown an app that silently
does nothing (real Dash, which needs ``app.run`` to serve anything at all, has no answer for that case).
"""

import ast


class RunMode:
    """What ``app.run(...)`` turns on: the dependency checks (``validate``) and the error pop-up (``ui``)."""

    def __init__(self, debug=True, validate=None, ui=None, called=None, line=None):
        self.debug = bool(debug)
        self.validate = self.debug if validate is None else bool(validate)
        self.ui = self.debug if ui is None else bool(ui)
        self.called = called  # "run" or "run_server" when the program calls it, else None
        self.line = line

    def __repr__(self):
        return f"RunMode(debug={self.debug}, validate={self.validate}, ui={self.ui}, called={self.called!r})"


# Dash 4.4.1's ``Dash.run`` parameters, in order (the positional ones are host, port, proxy, debug).
RUN_PARAMETERS = (
    "host",
    "port",
    "proxy",
    "debug",
    "hide_all_callbacks",
    "jupyter_mode",
    "jupyter_width",
    "jupyter_height",
    "jupyter_server_url",
    "dev_tools_ui",
    "dev_tools_props_check",
    "dev_tools_serve_dev_bundles",
    "dev_tools_hot_reload",
    "dev_tools_hot_reload_interval",
    "dev_tools_hot_reload_watch_interval",
    "dev_tools_hot_reload_max_retry",
    "dev_tools_silence_routes_logging",
    "dev_tools_disable_version_check",
    "dev_tools_prune_errors",
    "dev_tools_validate_callbacks",
)


def mode_of(arguments, called="run", line=None):
    """The RunMode of ``app.run(**arguments)`` (arguments by name), as Dash's run/enable_dev_tools decide it
    (``debug=None`` is False; DASH_DEBUG and the other environment variables do not exist here)."""
    return RunMode(
        arguments.get("debug") or False,
        arguments.get("dev_tools_validate_callbacks"),
        arguments.get("dev_tools_ui"),
        called,
        line,
    )


def bind_run_arguments(args, kwargs):
    """``app.run``'s positional and keyword arguments by name."""
    named = dict(zip(RUN_PARAMETERS, args, strict=False))  # (args: the first few of them)
    named.update(kwargs)
    return named


def _is_main_test(test):
    """``__name__ == "__main__"`` (either way round)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    mains = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(mains) == 1


class _Unknown(Exception):
    pass


def _value(node, namespace):
    """The value of an argument's expression: a literal, or a name the program defined at its top level."""
    try:
        return ast.literal_eval(node)
    except ValueError:
        pass
    if isinstance(node, ast.Name) and namespace is not None and node.id in namespace:
        return namespace[node.id]
    raise _Unknown(ast.unparse(node))


def read_run_call(source, namespace=None, app_names=None):
    """The RunMode of the first ``X.run(...)`` / ``X.run_server(...)`` call inside the program's
    ``if __name__ == "__main__":`` blocks (``X`` one of ``app_names`` when given), or None when there is
    none. An argument whose value cannot be known without running the block (``debug=os.getenv(...)``)
    counts as debug on."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for block in tree.body:
        if not (isinstance(block, ast.If) and _is_main_test(block.test)):
            continue
        for statement in block.body:
            for node in ast.walk(statement):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("run", "run_server")
                ):
                    continue
                receiver = node.func.value
                if app_names is not None and not (isinstance(receiver, ast.Name) and receiver.id in app_names):
                    continue
                args, kwargs, unknown = [], {}, False
                try:
                    for arg in node.args:
                        if isinstance(arg, ast.Starred):
                            raise _Unknown("*args")
                        args.append(_value(arg, namespace))
                    for keyword in node.keywords:
                        if keyword.arg is None:
                            raise _Unknown("**kwargs")
                        try:
                            kwargs[keyword.arg] = _value(keyword.value, namespace)
                        except _Unknown:
                            kwargs[keyword.arg] = True  # not known without running: on, as the lessons
                except _Unknown:
                    unknown = True
                if unknown:
                    return RunMode(True, called=node.func.attr, line=node.lineno)
                return mode_of(bind_run_arguments(args, kwargs), node.func.attr, node.lineno)
    return None


__all__ = ["RunMode", "read_run_call", "mode_of", "bind_run_arguments"]
