"""From a callback's call to the output writes it makes: the function called (with ``on_error``), answers
that came back as JSON shaped as returned, the returned value checked against the outputs and turned into
[(id, prop, value)] writes, Patches applied to the current values, and the props Dash sets around a call
(``running=``, a background callback's progress defaults). The scheduler decides when; this says what.

Rules of livedash/SEMANTICS.md it implements: 24 (the returned value's shape), 25 (``on_error``), 26 (a
no-output callback returns None), 28 (no_update), 41 (Patch), 43 (``running=``), 45 (background errors and
progress).
"""

from __future__ import annotations

from .context import calling
from .exceptions import BackgroundCallbackError, InvalidCallbackReturnValue, PreventUpdate
from .grouping import flatten_like, validate
from .nothing import is_no_update, no_update
from .patch import apply as apply_patch
from .patch import is_patch
from .protocol import id_key
from .store import to_json

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, Literal, TypeAlias

    from .callbacks import CallbackSpec
    from .context import CallContext
    from .jsontypes import JSON, ComponentId
    from .protocol import Error, Update
    from .store import Store

    Write: TypeAlias = tuple[ComponentId, str, Any]  # (id, prop, value) for the store: a value, or a Patch


class RemoteError(Exception):
    """A callback failed outside this interpreter: clientside JavaScript, or a background job."""

    def __init__(self, error: Error | dict[str, Any]) -> None:
        super().__init__(error.get("message", "the clientside function failed"))
        self.kind = error.get("kind", "Error")


def call_function(spec: CallbackSpec, call: CallContext, values: Sequence[JSON]) -> Any:
    """Call a Python callback's function. When it raises (PreventUpdate aside) and the callback or the app has
    an ``on_error`` handler, Dash calls the handler with the exception, in the same callback context (its
    set_props count, as do the function's own before it raised), and takes what it returns for what the
    function would have returned; None means no_update (dash/_callback.py, add_context)."""
    with calling(call):
        try:
            return spec.call(values)
        except PreventUpdate:
            raise
        except Exception as exc:
            if spec.error_handler is None:
                raise
            result = spec.error_handler(exc)
            return no_update if result is None and spec.outputs else result


def job_error(spec: CallbackSpec, call: CallContext, error: Error | dict[str, Any]) -> Any:
    """A background job failed: without ``on_error`` the callback fails; with it Dash hands the handler a
    BackgroundCallbackError naming the job's error and its traceback (_handle_rest_background_callback)."""
    if spec.error_handler is None:
        raise RemoteError(error)
    with calling(call):
        result = spec.error_handler(
            BackgroundCallbackError(
                "An error occurred inside a background callback: "
                f"{error.get('message', '')}\n{error.get('traceback', '')}"
            )
        )
    return no_update if result is None else result


def as_returned(spec: CallbackSpec, value: JSON) -> Any:
    """A value that came back as JSON, shaped as the function returned it (lists stand for tuples)."""
    return tuple(value) if spec.multi and isinstance(value, list) else value


def output_writes(spec: CallbackSpec, outputs_list: JSON, result: Any) -> list[Write]:
    """[(id, prop, value)] to write, after Dash's checks of the returned value (rules 24, 26, 28)."""
    if not spec.outputs:
        if result is not None:
            raise InvalidCallbackReturnValue(f"No-output callback received return value: {result!r}")
        return []
    if spec.multi:
        if is_no_update(result):
            return []
        # Dash 4.4.1 checks the returned grouping first (dash/_callback.py _prepare_response), so a
        # wrong shape is a Schema*ValidationError, whatever the outputs' form.
        validate(result, spec.output_grouping)
        values = flatten_like(result, spec.output_grouping)
        targets = outputs_list
    else:
        values, targets = [result], [outputs_list]
    writes = []
    for index, (target, value) in enumerate(zip(targets, values, strict=True)):  # (one value per output)
        if is_no_update(value):
            continue
        if isinstance(target, list):  # an ALL output: one value per matching component
            if not isinstance(value, (list, tuple)) or len(value) != len(target):
                raise InvalidCallbackReturnValue(
                    f"The callback {spec.id} output {index} is a wildcard multi-output.\n"
                    f"Expected the output type to be a list or tuple of {len(target)} values but got:\n{value!r}."
                )
            pairs = list(zip(target, value, strict=True))
        else:
            pairs = [(target, value)]
        for item, item_value in pairs:
            if is_no_update(item_value):
                continue
            if not is_patch(item_value):
                try:
                    to_json(item_value)
                except TypeError as exc:
                    raise InvalidCallbackReturnValue(
                        f"The callback for property `{item['property']}` of component "
                        f"`{id_key(item['id'])}` returned a value {exc}."
                    ) from None
            writes.append((item["id"], item["property"], item_value))
    return writes


def resolve_patches(store: Store, writes: list[Write]) -> list[Write]:
    """Writes with each Patch applied to the prop's current value; a Patch that cannot apply (on a prop
    that was never set) raises here, so the callback fails as a whole and nothing is written."""
    return [
        (
            cid,
            prop,
            apply_patch(store.get(id_key(cid), prop), value, store.has_prop(id_key(cid), prop))
            if is_patch(value)
            else value,
        )
        for cid, prop, value in writes
    ]


def write_running(
    store: Store,
    spec: CallbackSpec,
    phase: Literal[1, 2],
    updates: list[Update],
    notify: Callable[[list[Update]], None] | None = None,
) -> None:
    """running=[(Output, on, off)]: `on` shows while the callback runs, `off` after (rule 43). Phase 1 is
    also handed to ``notify`` (when given), so the page shows it before the call ends."""
    if not spec.running:
        return
    shown: list[Update] = []
    for dep, *values in spec.running:
        key = id_key(dep.component_id)
        if store.has(key):
            store.set(key, dep.component_property, values[phase - 1])
            shown.append({"id": dep.component_id, "props": {dep.component_property: to_json(values[phase - 1])}})
    updates.extend(shown)
    if phase == 1 and notify is not None and shown:
        notify(shown)


def write_progress_default(store: Store, spec: CallbackSpec, updates: list[Update]) -> None:
    """A background callback's progress outputs go back to ``progress_default`` when its job ends (rule 45)."""
    background = spec.background
    if background is None:  # (a job's callback is a background one)
        return
    progress, default = background["progress"], background["progress_default"]
    if progress and default is not None:
        for dep, value in zip(progress, default, strict=True):  # (same length: background_options)
            if store.has(id_key(dep.component_id)):
                store.set(id_key(dep.component_id), dep.component_property, value)
                updates.append({"id": dep.component_id, "props": {dep.component_property: to_json(value)}})
