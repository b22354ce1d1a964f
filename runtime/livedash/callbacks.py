"""Callback declarations: parsing ``@callback(...)`` arguments as Dash does, and where they are kept.

Dash keeps ``@dash.callback`` declarations in a module-level list merged into the app later. livedash
keeps them in the *collection* of the example being executed (see :func:`collecting`), so two apps
on one page, or one app run twice, never see each other's callbacks.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
from textwrap import dedent

from .dependencies import DashDependency, Input, Output, State
from .exceptions import CallbackException, DuplicateCallback, IncorrectTypeException, InvalidComponentIdError
from .grouping import flatten, make_like, map_grouping

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from typing import Any, TypeAlias, TypedDict, TypeVar

    from .app import Dash
    from .dependencies import ClientsideFunction
    from .grouping import Grouping
    from .jsontypes import JSON

    F = TypeVar("F", bound=Callable[..., Any])
    # prevent_initial_call= as given: True, False, "initial_duplicate" or None (not given); Dash reads any value.
    PreventInitialCall: TypeAlias = bool | str | None
    # One running= entry: (Output, value while the callback runs, value after it), a tuple or a list.
    Running: TypeAlias = tuple[Output, Any, Any] | list[Any]
    ErrorHandler: TypeAlias = Callable[[Exception], Any]

    class Background(TypedDict):
        """A background callback's options (see :func:`background_options`)."""

        progress: list[Output]
        progress_default: list[Any] | None  # one value per progress Output, or None: keep the last progress
        cancel: list[Input]
        multi_progress: bool  # progress= was given as a list: set_progress takes one value per Output


# The keywords Dash's callback decorator reads; any other is accepted and ignored, as in Dash.
_KNOWN_KEYWORDS = {
    "output",
    "inputs",
    "state",
    "prevent_initial_call",
    "background",
    "interval",
    "progress",
    "progress_default",
    "running",
    "cancel",
    "manager",
    "cache_args_to_ignore",
    "cache_ignore_triggered",
    "on_error",
    "api_endpoint",
    "optional",
    "hidden",
    "websocket",
    "persistent",
    "mcp_enabled",
    "mcp_expose_docstring",
}


class CallbackSpec:
    """One registered callback: its dependencies (flat, and as the function groups them) and options."""

    def __init__(
        self,
        output_grouping: Grouping | None,
        input_grouping: Grouping,
        func: Callable[..., Any] | None,
        *,
        prevent_initial_call: PreventInitialCall,
        running: Iterable[Running] = (),
        clientside: dict[str, JSON] | None = None,
        background: Background | None = None,
    ) -> None:
        self.output_grouping = output_grouping  # None, one Output, or a list/tuple/dict grouping
        self.outputs: list[Output] = [] if output_grouping is None else flatten(output_grouping)
        flat = flatten(input_grouping)
        self.inputs = [d for d in flat if isinstance(d, Input)]
        self.states = [d for d in flat if isinstance(d, State)]
        # Where each argument comes from: an index into (input values + state values), as Dash does
        # (dash/dependencies.py compute_input_state_grouping_indices).
        counters = {"i": 0, "s": len(self.inputs)}
        order: list[int] = []
        for dep in flat:
            slot = "i" if isinstance(dep, Input) else "s"
            order.append(counters[slot])
            counters[slot] += 1
        self.arg_grouping = make_like(input_grouping, order)
        self.func = func
        self.prevent_initial_call = prevent_initial_call
        self.running = list(running)
        # A clientside callback runs in the page: {"source": JS function text} or {"namespace", "name"}.
        self.clientside = clientside
        # A background callback runs in a worker of its own, with these options (see Background); its function
        # gets set_progress first when progress is given.
        self.background = background
        # on_error= (Dash's, _callback.py): called with the exception the function raised; its return value
        # stands for the function's. error_handler is this one or else the app's Dash(on_error=).
        self.on_error: ErrorHandler | None = None
        self.error_handler: ErrorHandler | None = None
        self.optional = False  # optional=True: its ids may be missing from the layout (no error)
        # Keywords Dash swallows silently (not Dash options): kept to explain the trap they often are.
        self.ignored: list[str] = []
        if clientside is None:
            self.name = getattr(func, "__name__", "callback")
        else:
            self.name = (
                ".".join((clientside["namespace"], clientside["name"]))
                if "namespace" in clientside
                else "clientside function"
            )
        keys = [_output_key(o, self.inputs) for o in self.outputs]
        if self.multi:
            self.id = ".." + "...".join(keys) + ".."
        elif keys:
            self.id = keys[0]
        else:  # no output: named by a hash of its inputs, as Dash does (Dash's is the whole digest, unprefixed)
            self.id = "..." + hashlib.sha256(".".join(str(i) for i in self.inputs).encode()).hexdigest()[:16]

    @property
    def skips_initial_call(self) -> bool:
        """Dash tells the renderer ``prevent_initial_call is True`` (dash/_callback.py insert_callback): any
        other value, 1 or "initial_duplicate" alike, lets the initial call run (rule 7)."""
        return self.prevent_initial_call is True

    @property
    def multi(self) -> bool:
        """Outputs given as a list, tuple or dict: the function returns a grouping of values."""
        return isinstance(self.output_grouping, (list, tuple, dict))

    def call(self, values: Sequence[JSON], leading: Sequence[Any] = ()) -> Any:
        """Call the function with the input+state values (inputs first, then states, as the page sends
        them) arranged as its signature groups them: each argument takes the value its index points to,
        so the arguments come in the order the dependencies were written (dash/_validate.py
        validate_and_group_input_args). ``leading``: arguments that come first, as a background
        callback's set_progress."""
        func = self.func
        if func is None:
            raise TypeError(f"{self!r} is a clientside callback: it runs in the page, not here")
        args = map_grouping(lambda index: values[index], self.arg_grouping)
        if isinstance(self.arg_grouping, dict):
            return func(*leading, **args)
        if isinstance(self.arg_grouping, (list, tuple)):
            return func(*leading, *args)
        return func(*leading, args)

    def served_by(self, other: CallbackSpec) -> CallbackSpec:
        """This callback as Dash's server runs it once ``other``, registered later under the same callback
        id, has replaced it in Dash's callback map: its own dependencies, ``other``'s function."""
        if self.clientside is not None or other.clientside is not None:
            return self  # a clientside function lives in the page, where nothing replaces it
        twin = copy.copy(self)
        twin.func, twin.arg_grouping, twin.name = other.func, other.arg_grouping, other.name
        twin.on_error, twin.error_handler, twin.background = other.on_error, other.error_handler, other.background
        return twin

    def __repr__(self) -> str:
        return f"<callback {self.id} ({self.name})>"


def _output_key(output: Output, inputs: list[Input]) -> str:
    key = output.component_id_str().replace(".", "\\.") + "." + output.component_property
    if output.allow_duplicate:  # Dash appends a hash of the inputs so both callbacks keep their own id
        key += "@" + hashlib.sha256(".".join(str(i) for i in inputs).encode()).hexdigest()
    return key


class Collection:
    """What executing one example registers: the Dash apps it creates and its ``@dash.callback``s."""

    def __init__(self) -> None:
        self.apps: list[Dash] = []
        self.callbacks: list[CallbackSpec] = []


_default = Collection()
_active = [_default]


@contextlib.contextmanager
def collecting() -> Iterator[Collection]:
    """Collect the apps and global callbacks made while the block runs (one example's execution)."""
    collection = Collection()
    _active.append(collection)
    try:
        yield collection
    finally:
        _active.remove(collection)


def current_collection() -> Collection:
    return _active[-1]


def _flatten_lists(args: Sequence[Any]) -> list[Any]:
    flat: list[Any] = []
    for arg in args:
        flat += list(arg) if isinstance(arg, (list, tuple)) else [arg]
    return flat


def _is_group_of(value: Grouping, kinds: type | tuple[type, ...]) -> bool:
    leaves = flatten(value)
    return bool(leaves) and all(isinstance(d, kinds) for d in leaves)


def parse_callback_args(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Grouping | None, Grouping, PreventInitialCall, Iterable[Running]]:
    """(output grouping, input grouping, prevent_initial_call) from Dash's decorator arguments, with
    Dash's rules for positional and keyword forms (dash/dependencies.py handle_grouped_callback_args)."""
    prevent_initial_call = kwargs.get("prevent_initial_call")
    if prevent_initial_call is None and args and isinstance(args[-1], bool):
        args, prevent_initial_call = args[:-1], args[-1]
    flat_args = _flatten_lists(args)

    if "output" in kwargs:
        outputs = kwargs["output"]
        outputs = list(outputs) if isinstance(outputs, (list, tuple)) else outputs
        for dep in flatten(outputs):
            if not isinstance(dep, Output):
                raise ValueError(f"Invalid value provided where an Output dependency object was expected: {dep}")
    else:
        outputs = []
        while flat_args and _is_group_of(flat_args[0], Output):
            outputs.append(flat_args.pop(0))
    if isinstance(outputs, list) and len(outputs) == 1:
        first = kwargs.get("output", args[0] if args else None)
        if not isinstance(first, (list, tuple)):
            outputs = outputs[0]  # a single Output not given in a list: the return value is not wrapped
    if isinstance(outputs, list) and not outputs:
        outputs = None

    grouping: Grouping
    if "inputs" in kwargs:
        inputs, state = kwargs["inputs"], kwargs.get("state")
        inputs = [inputs] if isinstance(inputs, DashDependency) else inputs
        state = [state] if isinstance(state, DashDependency) else state
        if isinstance(inputs, dict):
            if state and not isinstance(state, dict):
                raise ValueError(
                    "The input argument to app.callback was a dict, but the state argument was not.\n"
                    "input and state arguments must have the same type"
                )
            grouping = {**(state or {}), **inputs}
            for key in grouping:
                if not key.isidentifier():
                    raise CallbackException(f"{key} is not a valid Python variable name")
        elif isinstance(inputs, (list, tuple)):
            if state and not isinstance(state, (list, tuple)):
                raise ValueError(
                    "The input argument to app.callback was a list, but the state argument was not.\n"
                    "input and state arguments must have the same type"
                )
            grouping = list(inputs) + list(state or [])
        else:
            raise ValueError(
                "The input argument to app.callback may be a dict, list, or tuple,\n"
                f"but received value of type {type(inputs)}"
            )
    elif "state" in kwargs:
        raise ValueError("The state keyword argument may not be provided without the input keyword argument")
    else:
        grouping = []
        while flat_args and _is_group_of(flat_args[0], (Input, State)):
            grouping.append(flat_args.pop(0))
        if len(grouping) == 1:
            grouping = grouping[0]

    flat_outputs = [] if outputs is None else flatten(outputs)
    flat_inputs = flatten(grouping)
    ordered = (
        flat_outputs
        + [d for d in flat_inputs if isinstance(d, Input)]
        + [d for d in flat_inputs if isinstance(d, State)]
    )
    if flat_args:
        extra = flat_args[0]
        if not isinstance(extra, (Output, Input, State)):
            raise IncorrectTypeException(
                dedent(f"""
                Callback arguments must be `Output`, `Input`, or `State` objects,
                optionally wrapped in a list or tuple. We found (possibly after
                unwrapping a list or tuple):
                {extra!r}
                """)
            )
        raise IncorrectTypeException(
            dedent(f"""
            In a callback definition, you must provide all Outputs first,
            then all Inputs, then all States. After this item:
            {ordered[-1]!r}
            we found this item next:
            {extra!r}
            """)
        )
    for dep in ordered:
        _validate_dependency(dep)
    running = kwargs.get("running") or ()
    for item in running:
        if not (isinstance(item, (list, tuple)) and len(item) == 3 and isinstance(item[0], Output)):
            raise ValueError("running= takes a list of (Output, value while running, value after) tuples")
    return outputs, grouping, prevent_initial_call, running


def background_options(kwargs: dict[str, Any]) -> Background | None:
    """The background= options ({progress, progress_default, cancel}) or None. Without background=True
    Dash reads none of them (dash/_callback.py callback): progress= and cancel= are silently ignored."""
    if not kwargs.get("background"):
        return None

    def as_list(value: Any) -> list[Any]:
        return [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]

    progress, cancel = as_list(kwargs.get("progress")), as_list(kwargs.get("cancel"))
    for dep in progress + cancel:
        if isinstance(dep.component_id, dict):
            raise CallbackException(
                f"progress and cancel arguments of a background callback cannot use pattern-matching ids: {dep}"
            )
    # As in Dash, only a truthy progress_default resets the progress outputs when a job ends or is
    # cancelled; without one they keep the last progress shown.
    default = as_list(kwargs.get("progress_default")) if kwargs.get("progress_default") else None
    if default is not None and len(default) != len(progress):
        raise Exception("Progress and progress default needs to be of same length")  # as Dash raises it
    return {
        "progress": progress,
        "progress_default": default,
        "cancel": cancel,
        "multi_progress": isinstance(kwargs.get("progress"), (list, tuple)),
    }


def _validate_dependency(dep: DashDependency) -> None:
    cid = dep.component_id
    if isinstance(cid, str):
        for char in (".", "{"):
            if char in cid:
                raise InvalidComponentIdError(
                    f"The element `{cid}` contains `{char}` in its ID.\nCharacters `.`, `{{` are not allowed in IDs."
                )
    elif isinstance(cid, dict):
        for key in cid:
            if not isinstance(key, str):
                raise IncorrectTypeException(f"dict id keys must be strings, found {key!r} in {cid!r}")
    if not isinstance(dep.component_property, str):
        raise IncorrectTypeException(f"property must be a string, not {dep.component_property!r}")


def check_allow_duplicate(spec: CallbackSpec, app_default: PreventInitialCall) -> None:
    """Dash's validate_duplicate_output (rule 7): allow_duplicate needs "initial_duplicate" as the callback's
    or the app's setting, or either of the two truthy (the app's counts even when the callback says False)."""
    if any(o.allow_duplicate for o in spec.outputs):
        own = spec.prevent_initial_call
        if "initial_duplicate" not in (own, app_default) and not own and not app_default:
            raise DuplicateCallback(
                "allow_duplicate requires prevent_initial_call to be True. The order of the call is not "
                "guaranteed to be the same on every page load. To enable duplicate callback with initial "
                "call, set prevent_initial_call='initial_duplicate'  or globally in the config "
                "prevent_initial_callbacks='initial_duplicate'"
            )


def make_decorator(
    args: tuple[Any, ...], kwargs: dict[str, Any], register: Callable[[CallbackSpec], None]
) -> Callable[[F], F]:
    """The decorator that ``callback``/``app.callback`` return: registers and returns the function."""
    outputs, grouping, prevent_initial_call, running = parse_callback_args(args, kwargs)
    background = background_options(kwargs)

    def decorator(func: F) -> F:
        spec = CallbackSpec(
            outputs, grouping, func, prevent_initial_call=prevent_initial_call, running=running, background=background
        )
        spec.ignored = sorted(set(kwargs) - _KNOWN_KEYWORDS)
        spec.on_error = spec.error_handler = kwargs.get("on_error")
        spec.optional = bool(kwargs.get("optional"))
        register(spec)
        return func

    return decorator


def callback(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """``dash.callback``: registers into the app of the example being executed."""
    return make_decorator(args, kwargs, current_collection().callbacks.append)


def clientside_spec(function: str | ClientsideFunction, args: tuple[Any, ...], kwargs: dict[str, Any]) -> CallbackSpec:
    """A CallbackSpec for ``clientside_callback(function, *deps)``: JS source text or a ClientsideFunction."""
    from .dependencies import ClientsideFunction

    if isinstance(function, ClientsideFunction):
        clientside = {"namespace": function.namespace, "name": function.function_name}
    elif isinstance(function, str):
        clientside = {"source": function}
    else:
        raise IncorrectTypeException(
            "clientside_callback takes the JavaScript function as a string, "
            f"or a ClientsideFunction, not {type(function).__name__}"
        )
    kwargs = {
        k: v for k, v in kwargs.items() if k not in ("running", "background", "progress", "cancel")
    }  # Dash ignores them here
    _check_clientside_order(args, kwargs)
    outputs, grouping, prevent_initial_call, _ = parse_callback_args(args, kwargs)
    return CallbackSpec(outputs, grouping, None, prevent_initial_call=prevent_initial_call, clientside=clientside)


def _check_clientside_order(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Dash reads a clientside callback's dependencies with its older rules (dash/dependencies.py
    handle_callback_args): Outputs, then Inputs, then States, each optionally in a list; a State written
    before an Input is refused there, where @callback takes any order."""
    if args and isinstance(args[-1], bool) and kwargs.get("prevent_initial_call") is None:
        args = args[:-1]
    flat = _flatten_lists(args)
    taken = []
    for kind, keyword in ((Output, "output"), (Input, "inputs"), (State, "state")):
        if kwargs.get(keyword):
            continue
        while flat and isinstance(flat[0], kind):
            taken.append(flat.pop(0))
    if flat and taken and isinstance(flat[0], (Output, Input, State)):
        raise IncorrectTypeException(
            dedent(f"""
            In a callback definition, you must provide all Outputs first,
            then all Inputs, then all States. After this item:
            {taken[-1]!r}
            we found this item next:
            {flat[0]!r}
            """)
        )


def clientside_callback(clientside_function: str | ClientsideFunction, *args: Any, **kwargs: Any) -> None:
    """``dash.clientside_callback``: a callback written in JavaScript, run in the reader's page."""
    current_collection().callbacks.append(clientside_spec(clientside_function, args, kwargs))
