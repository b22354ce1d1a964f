"""Every dcc component of Dash (``dash.dcc``), built from the generated table (dcc_table.py), with the
behaviours livedash adds to some (what the real component sets itself), and Dash's ``send_*`` helpers."""

from . import dcc_table
from .base import Component, build

NAMESPACE = dcc_table.NAMESPACE
__version__ = dcc_table.VERSION

_DOCS = {
    "Input": "A text or number input box.",
    "Slider": "A slider over a range of numbers.",
    "RangeSlider": "A slider with two handles.",
    "Store": "Keeps JSON data in the page, invisible; other callbacks read or write it.",
    "Textarea": "A multi-line text box.",
    "Checklist": "A list of checkboxes; value is the list checked.",
    "RadioItems": "A list of radio buttons; value is the one chosen.",
    "Dropdown": "A drop-down list (single or multi).",
    "Interval": "Fires every `interval` ms: n_intervals counts up.",
    "Tabs": "Tabs: one dcc.Tab shown at a time; value is the chosen tab's value.",
    "Tab": "One tab of dcc.Tabs: its label, value and content.",
    "Loading": "Shows a spinner while a callback that updates its children runs.",
    "Graph": "A plotly.js chart; figure is a dict (data, layout).",
    "Markdown": "Markdown text (CommonMark); raw HTML in it is shown as text unless dangerously_allow_html=True, "
    "which the course's own examples may use (never code from a share link).",
}

_CLASSES = build(dcc_table, __name__, _DOCS)
globals().update(_CLASSES)

TYPE_CHECKING = False
if TYPE_CHECKING:  # the generated classes are made at run time, from the table: to mypy each is a Component
    _Slider = Component
    _RangeSlider = Component
    _Store = Component
else:
    _Slider, _RangeSlider, _Store = _CLASSES["Slider"], _CLASSES["RangeSlider"], _CLASSES["Store"]


class Slider(_Slider):
    __doc__ = _Slider.__doc__

    def _on_mount(self):
        # Dash 4's slider reports its position as drag_value as soon as it is drawn.
        if self._props.get("value") is not None and "drag_value" not in self._props:
            self._props["drag_value"] = self._props["value"]

    def _on_set(self, prop):
        # ... and moves drag_value along when its value is set.
        if prop == "value":
            self._props["drag_value"] = self._props["value"]


class RangeSlider(_RangeSlider):
    __doc__ = _RangeSlider.__doc__
    _on_mount = Slider._on_mount
    _on_set = Slider._on_set


_UNSAVED = object()
_last_timestamp = [0]


def _timestamp():
    """ms since the epoch, as Date.now(); never twice the same (a chain here runs within one ms, where
    Dash's round trips take longer: each change must still be a change)."""
    import time

    _last_timestamp[0] = max(int(time.time() * 1000), _last_timestamp[0] + 1)
    return _last_timestamp[0]


class Store(_Store):
    __doc__ = _Store.__doc__

    # Dash's Store (dash-core-components Store.react.js, memory storage) saves its data in a memory store
    # of its own and reports modified_timestamp with setProps: when it is first drawn with data (a null
    # data is replaced by the saved one, undefined, with modified_timestamp -1), whenever data changes
    # from what it saved, and when clear_data empties it. That is done here for memory stores; a local or
    # session one is Dash's own component in the page, which reads the browser's storage and reports.
    def _in_memory(self):
        return self._props.get("storage_type") in (None, "memory")

    def _saved(self):
        return self.__dict__.get("_saved_data", _UNSAVED)

    def _save(self, value):
        object.__setattr__(self, "_saved_data", value)

    def _on_mount(self):
        if "_saved_data" in self.__dict__ or not self._in_memory():
            return None
        props = self._props
        if "modified_timestamp" in props:  # drawn before (read back from a State): nothing new
            self._save(props.get("data"))
            return None
        if "data" not in props:
            self._save(_UNSAVED)
            return None
        if props["data"] is not None:
            self._save(props["data"])
            return {"modified_timestamp": _timestamp()}
        self._save(_UNSAVED)
        return {"data": None, "modified_timestamp": -1}

    def _on_set(self, prop):
        props = self._props
        if not self._in_memory():
            return None
        if prop == "clear_data" and props.get("clear_data"):
            self._save(_UNSAVED)
            return {"clear_data": False, "data": None, "modified_timestamp": _timestamp()}
        if prop == "data" and (self._saved() is _UNSAVED or props["data"] != self._saved()):
            self._save(props["data"])
            return {"modified_timestamp": _timestamp()}
        return None


# -- Dash's helpers for dcc.Download (dash/dcc/express.py): the dict its `data` prop takes -------------------
def send_file(path, filename=None, type=None):  # noqa: A002 - Dash's name
    """A file's bytes for dcc.Download. The app runs in the reader's browser: only files that exist there
    (that the app wrote itself) can be sent."""
    import ntpath

    if filename is None:
        filename = ntpath.basename(path)
    try:
        with open(path, "rb") as f:
            content = f.read()
    except FileNotFoundError:
        raise FileNotFoundError(
            f"dcc.send_file: there is no file {str(path)!r} here. livedash runs the app in the reader's browser, "
            "where only the files the app wrote itself exist; build the content in Python and send it with "
            "dcc.send_string or dcc.send_bytes instead"
        ) from None
    return send_bytes(content, filename, type)


def send_bytes(src, filename, type=None, **kwargs):  # noqa: A002
    """Bytes (or a writer that writes into a BytesIO) for dcc.Download, base64-encoded."""
    import base64
    import io

    content = src if isinstance(src, bytes) else _io_to_str(io.BytesIO(), src, **kwargs)
    return dict(content=base64.b64encode(content).decode(), filename=filename, type=type, base64=True)


def send_string(src, filename, type=None, **kwargs):  # noqa: A002
    """A string (or a writer that writes into a StringIO) for dcc.Download."""
    import io

    content = src if isinstance(src, str) else _io_to_str(io.StringIO(), src, **kwargs)
    return dict(content=content, filename=filename, type=type, base64=False)


def _io_to_str(data_io, writer, **kwargs):
    close = data_io.close
    data_io.close = lambda: None  # some pandas writers close the IO they are given
    writer(data_io, **kwargs)
    value = data_io.getvalue()
    close()
    return value


# A DataFrame writer's name -> how its output is sent.
_DATA_FRAME_SENDERS = {
    "to_csv": send_string,
    "to_json": send_string,
    "to_html": send_string,
    "to_excel": send_bytes,
    "to_feather": send_bytes,
    "to_parquet": send_bytes,
    "to_msgpack": send_bytes,
    "to_stata": send_bytes,
    "to_pickle": send_bytes,
}


def send_data_frame(writer, filename, type=None, **kwargs):  # noqa: A002
    """A DataFrame written by ``writer`` (e.g. ``df.to_csv``) for dcc.Download. pandas is not imported here:
    the writer is the DataFrame's own method (so pandas must be installed for the app, as in Dash)."""
    name = writer.__name__
    if name not in _DATA_FRAME_SENDERS:
        raise ValueError(
            f"The provided writer ({name}) is not supported, try calling send_string or send_bytes directly."
        )
    return _DATA_FRAME_SENDERS[name](writer, filename, type, **kwargs)


__all__ = sorted(_CLASSES) + ["send_bytes", "send_data_frame", "send_file", "send_string"]


def __getattr__(name):
    raise AttributeError(f"module 'dash.dcc' has no attribute '{name}'")
