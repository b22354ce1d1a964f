"""Callback declarations: parsing ``@callback(...)`` arguments as Dash does, and where they are kept.

Dash keeps ``@dash.callback`` declarations in a module-level list merged into the app later. livedash
keeps them in the *collection* of the example being executed (see :func:`collecting`), so two apps
on one page, or one app run twice, never see each other's callbacks.
"""

import contextlib
import hashlib
from textwrap import dedent

from .dependencies import DashDependency, Input, Output, State
from .exceptions import DuplicateCallback, IncorrectTypeException, InvalidComponentIdError, LivedashUnsupported

# Keyword options Dash has that livedash does not run yet: refuse them loudly instead of drifting.
_NOT_YET = ("background", "progress", "progress_default", "running", "cancel", "manager", "on_error")


class CallbackSpec:
    """One registered callback: its dependencies, function and options."""

    def __init__(self, outputs, inputs, states, func, *, multi, prevent_initial_call):
        self.outputs = outputs
        self.inputs = inputs
        self.states = states
        self.func = func
        self.multi = multi            # outputs were given as a list (return a list of the same length)
        self.prevent_initial_call = prevent_initial_call
        self.name = getattr(func, "__name__", "callback")
        # Dash's callback id: "id.prop" for one output, "..a.p...b.q.." for a list of outputs.
        keys = [_output_key(o, inputs) for o in outputs]
        if multi:
            self.id = ".." + "...".join(keys) + ".."
        else:
            self.id = keys[0] if keys else f"<no output>.{self.name}"

    def __repr__(self):
        return f"<callback {self.id} ({self.name})>"


def _output_key(output, inputs):
    key = output.component_id_str().replace(".", "\\.") + "." + output.component_property
    if output.allow_duplicate:  # Dash appends a hash of the inputs so both callbacks keep their own id
        key += "@" + hashlib.sha256(".".join(str(i) for i in inputs).encode()).hexdigest()
    return key


class Collection:
    """What executing one example registers: the Dash apps it creates and its ``@dash.callback``s."""

    def __init__(self):
        self.apps = []
        self.callbacks = []


_default = Collection()
_active = [_default]


@contextlib.contextmanager
def collecting():
    """Collect the apps and global callbacks made while the block runs (one example's execution)."""
    collection = Collection()
    _active.append(collection)
    try:
        yield collection
    finally:
        _active.remove(collection)


def current_collection():
    return _active[-1]


def _flatten(args):
    flat = []
    for arg in args:
        if isinstance(arg, (list, tuple)):
            flat.extend(_flatten(arg))
        else:
            flat.append(arg)
    return flat


def parse_callback_args(args, kwargs):
    """Outputs, Inputs, States, multi and prevent_initial_call from Dash's decorator arguments."""
    for name in _NOT_YET:
        if kwargs.get(name) not in (None, False):
            raise LivedashUnsupported(f"`{name}=` on callbacks is not supported by livedash yet")
    args = list(args)
    prevent_initial_call = kwargs.get("prevent_initial_call")
    if args and isinstance(args[-1], (bool, str)) and not isinstance(args[-1], DashDependency):
        prevent_initial_call = args.pop()

    if "output" in kwargs or "inputs" in kwargs or "state" in kwargs:
        output, inputs, state = kwargs.get("output"), kwargs.get("inputs"), kwargs.get("state")
        if isinstance(inputs, dict) or isinstance(state, dict) or isinstance(output, dict):
            raise LivedashUnsupported("dict-grouped callback signatures are not supported by livedash yet")
        if state is not None and inputs is None:
            raise ValueError("state argument requires inputs argument")
        args = [a for a in (output, inputs, state) if a is not None] + args

    multi = False
    outputs, inputs, states = [], [], []
    items = []
    for arg in args:
        if isinstance(arg, (list, tuple)):
            if arg and all(isinstance(a, Output) for a in _flatten(arg)):
                multi = True
            items.extend(_flatten(arg))
        else:
            items.append(arg)
    index = 0
    for kind, bucket in ((Output, outputs), (Input, inputs), (State, states)):
        while index < len(items) and isinstance(items[index], kind):
            bucket.append(items[index])
            index += 1
    extra = items[index:]
    if extra:
        if not isinstance(extra[0], (Output, Input, State)):
            raise IncorrectTypeException(dedent(f"""
                Callback arguments must be `Output`, `Input`, or `State` objects,
                optionally wrapped in a list or tuple. We found (possibly after
                unwrapping a list or tuple):
                {extra[0]!r}
                """))
        raise IncorrectTypeException(dedent(f"""
            In a callback definition, you must provide all Outputs first,
            then all Inputs, then all States. After this item:
            {(outputs + inputs + states)[-1]!r}
            we found this item next:
            {extra[0]!r}
            """))
    if len(outputs) > 1:
        multi = True
    for dep in outputs + inputs + states:
        _validate_dependency(dep)
    return outputs, inputs, states, multi, prevent_initial_call


def _validate_dependency(dep):
    cid = dep.component_id
    if isinstance(cid, str):
        for char in (".", "{"):
            if char in cid:
                raise InvalidComponentIdError(
                    f"The element `{cid}` contains `{char}` in its ID.\n"
                    "Characters `.`, `{` are not allowed in IDs.")
    elif isinstance(cid, dict):
        raise LivedashUnsupported("pattern-matching ids (dict ids in callbacks) are not supported by livedash yet")
    if not isinstance(dep.component_property, str):
        raise IncorrectTypeException(f"property must be a string, not {dep.component_property!r}")


def check_allow_duplicate(spec, app_default):
    if any(o.allow_duplicate for o in spec.outputs):
        effective = spec.prevent_initial_call if spec.prevent_initial_call is not None else app_default
        if effective not in (True, "initial_duplicate"):
            raise DuplicateCallback(
                "allow_duplicate requires prevent_initial_call to be True. The order of the call is not "
                "guaranteed to be the same on every page load. To enable duplicate callback with initial "
                "call, set prevent_initial_call='initial_duplicate'  or globally in the config "
                "prevent_initial_callbacks='initial_duplicate'")


def make_decorator(args, kwargs, register):
    """The decorator that ``callback``/``app.callback`` return: registers and returns the function."""
    outputs, inputs, states, multi, prevent_initial_call = parse_callback_args(args, kwargs)

    def decorator(func):
        register(CallbackSpec(outputs, inputs, states, func, multi=multi,
                              prevent_initial_call=prevent_initial_call))
        return func

    return decorator


def callback(*args, **kwargs):
    """``dash.callback``: registers into the app of the example being executed."""
    return make_decorator(args, kwargs, current_collection().callbacks.append)
