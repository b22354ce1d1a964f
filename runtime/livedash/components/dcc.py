"""The dcc components livedash renders (``dash.dcc``); props and positional order as in Dash 4.4.1."""

from .base import make_component

NAMESPACE = "dash_core_components"

Input = make_component("Input", NAMESPACE, (
    "value", "type", "debounce", "placeholder", "n_submit", "n_submit_timestamp", "inputMode",
    "autoComplete", "readOnly", "required", "autoFocus", "disabled", "list", "multiple", "spellCheck",
    "name", "min", "max", "step", "minLength", "maxLength", "pattern", "selectionStart", "selectionEnd",
    "selectionDirection", "n_blur", "n_blur_timestamp", "size", "style", "className", "persistence",
    "persisted_props", "persistence_type", "id"), doc="A text or number input box.")

_Slider = make_component("Slider", NAMESPACE, (
    "min", "max", "step", "marks", "value", "drag_value", "disabled", "dots", "included", "reverse",
    "tooltip", "updatemode", "vertical", "verticalHeight", "allow_direct_input", "className",
    "persistence", "persisted_props", "persistence_type", "id"), doc="A slider over a range of numbers.")


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

_Store = make_component("Store", NAMESPACE, (
    "id", "storage_type", "data", "clear_data", "modified_timestamp"), required=("id",),
    doc="Keeps JSON data in the page, invisible; other callbacks read or write it.")


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
    # from what it saved, and when clear_data empties it.
    def _saved(self):
        return self.__dict__.get("_saved_data", _UNSAVED)

    def _save(self, value):
        object.__setattr__(self, "_saved_data", value)

    def _on_mount(self):
        if "_saved_data" in self.__dict__:
            return None
        props = self._props
        if "modified_timestamp" in props:       # drawn before (read back from a State): nothing new
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
        if prop == "clear_data" and props.get("clear_data"):
            self._save(_UNSAVED)
            return {"clear_data": False, "data": None, "modified_timestamp": _timestamp()}
        if prop == "data" and (self._saved() is _UNSAVED or props["data"] != self._saved()):
            self._save(props["data"])
            return {"modified_timestamp": _timestamp()}
        return None

    def _check(self, name, value, kwargs=None):
        super()._check(name, value, kwargs)
        if name == "storage_type" and value not in (None, "memory"):
            from ..exceptions import LivedashUnsupported
            raise LivedashUnsupported(f"dcc.Store(storage_type={value!r}) is not supported by livedash yet: "
                                      "only 'memory' (the default) keeps its data here")

_RangeSlider = make_component("RangeSlider", NAMESPACE, (
    "min", "max", "step", "marks", "value", "drag_value", "allowCross", "pushable", "disabled", "count", "dots",
    "included", "reverse", "tooltip", "updatemode", "vertical", "verticalHeight", "allow_direct_input",
    "className", "persistence", "persisted_props", "persistence_type", "id"), doc="A slider with two handles.")


class RangeSlider(_RangeSlider):
    __doc__ = _RangeSlider.__doc__
    _on_mount = Slider._on_mount
    _on_set = Slider._on_set


Textarea = make_component("Textarea", NAMESPACE, (
    "value", "autoFocus", "cols", "disabled", "form", "maxLength", "minLength", "name", "placeholder", "readOnly",
    "required", "rows", "wrap", "accessKey", "contentEditable", "contextMenu", "dir", "draggable", "hidden", "lang",
    "spellCheck", "style", "tabIndex", "title", "n_blur", "n_blur_timestamp", "n_clicks", "n_clicks_timestamp",
    "className", "persistence", "persisted_props", "persistence_type", "id"), doc="A multi-line text box.")

_CHOICES = ("options", "value", "inline", "style", "inputStyle", "inputClassName", "labelStyle", "labelClassName",
            "className", "persistence", "persisted_props", "persistence_type", "id")
Checklist = make_component("Checklist", NAMESPACE, _CHOICES, doc="A list of checkboxes; value is the list checked.")
RadioItems = make_component("RadioItems", NAMESPACE, _CHOICES, doc="A list of radio buttons; value is the one chosen.")

Dropdown = make_component("Dropdown", NAMESPACE, (
    "options", "value", "multi", "clearable", "searchable", "search_value", "placeholder", "disabled",
    "closeOnSelect", "optionHeight", "maxHeight", "style", "labels", "debounce", "search_order", "className",
    "persistence", "persisted_props", "persistence_type", "id"), doc="A drop-down list (single or multi).")

Interval = make_component("Interval", NAMESPACE, ("id", "interval", "disabled", "n_intervals", "max_intervals"),
                          doc="Fires every `interval` ms: n_intervals counts up.")


Tabs = make_component("Tabs", NAMESPACE, (
    "children", "value", "content_className", "parent_className", "style", "parent_style", "content_style",
    "vertical", "mobile_breakpoint", "colors", "className", "persistence", "persisted_props", "persistence_type",
    "id"), doc="Tabs: one dcc.Tab shown at a time; value is the chosen tab's value.")

Tab = make_component("Tab", NAMESPACE, (
    "children", "label", "value", "disabled", "disabled_style", "disabled_className", "className",
    "selected_className", "style", "selected_style", "width", "persistence", "persisted_props", "persistence_type",
    "id"), doc="One tab of dcc.Tabs: its label, value and content.")

Loading = make_component("Loading", NAMESPACE, (
    "children", "type", "fullscreen", "debug", "style", "parent_className", "parent_style", "overlay_style",
    "color", "display", "delay_hide", "delay_show", "show_initially", "target_components", "custom_spinner",
    "className", "persistence", "persisted_props", "persistence_type", "id"),
    doc="Shows its children (livedash draws no spinner: callbacks here take milliseconds).")


Graph = make_component("Graph", NAMESPACE, (
    "id", "responsive", "clickData", "clickAnnotationData", "hoverData", "clear_on_unhover", "selectedData",
    "relayoutData", "extendData", "prependData", "restyleData", "figure", "style", "className", "mathjax",
    "animate", "animation_options", "config"), doc="A plotly.js chart; figure is a dict (data, layout).")


_Markdown = make_component("Markdown", NAMESPACE, (
    "children", "id", "className", "mathjax", "dangerously_allow_html", "link_target", "dedent",
    "highlight_config", "style"), doc="Markdown text (CommonMark); raw HTML in it is shown as text unless "
    "dangerously_allow_html=True, which the course's own examples may use (never code from a share link).")


class Markdown(_Markdown):
    __doc__ = _Markdown.__doc__

    def _json_extra(self):
        # The page gets the parsed tree, never HTML (see livedash/markdown.py); imported here so that apps
        # without a Markdown never load markdown_it.
        from ..markdown import to_tree
        props = self._props
        dedent = props.get("dedent")
        return {"markdown": to_tree(props.get("children"), props.get("link_target"), dedent is None or bool(dedent),
                                    bool(props.get("dangerously_allow_html")))}


def tab_values(children):
    """[(value, tab props)] of the Tab components of a Tabs, with Dash's default values tab-1, tab-2, ..."""
    tabs = children if isinstance(children, (list, tuple)) else [children] if children is not None else []
    result = []
    for index, tab in enumerate(tabs):
        props = tab.get("props", {}) if isinstance(tab, dict) else {}
        value = props.get("value")
        result.append((f"tab-{index + 1}" if value is None else value, props))
    return result


def options(value):
    """Dash's option forms (list of values, {value: label}, or list of {label, value, disabled}) as
    [(value, label, disabled)]."""
    if isinstance(value, dict):
        return [(k, v, False) for k, v in value.items()]
    result = []
    for item in value or []:
        if isinstance(item, dict):
            result.append((item.get("value"), item.get("label", item.get("value")), bool(item.get("disabled"))))
        else:
            result.append((item, item, False))
    return result


__all__ = ["Input", "Slider", "RangeSlider", "Store", "Textarea", "Checklist", "RadioItems", "Dropdown", "Interval",
           "Tabs", "Tab", "Loading", "Graph", "Markdown"]


def __getattr__(name):
    # A dcc component Dash has but livedash does not render yet: say so, never fail silently.
    if name[:1].isupper():
        from ..exceptions import LivedashUnsupported
        raise LivedashUnsupported(f"dcc.{name} is not supported by livedash yet "
                                  f"(supported: {', '.join(__all__)})")
    raise AttributeError(f"module 'dash.dcc' has no attribute '{name}'")
