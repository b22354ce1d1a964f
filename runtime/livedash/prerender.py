"""Component tree -> static HTML, the same markup as web/renderer.js produces (see web/README.md)."""

import logging
import re
from html import escape

from .components.html import VOID
from .protocol import id_key
from .sanitize import INERT, UNITLESS, html_tag, required_attributes, safe_attribute, style_text  # noqa: F401
from .sanitize import attr_value as _attr_value

_NOT_ATTRIBUTES = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "key",
                   "setProps"}
# The plugin's logger: a refused prop is a build warning (and fails `mkdocs build --strict`).
_log = logging.getLogger("mkdocs.plugins.livedash")


def _warn(message):
    _log.warning(f"livedash: {message}")


def _report(message):
    _log.warning(f"livedash: in an example's layout: {message}")


def _ascii_lower(name):
    """An attribute name as the DOM keeps it on an HTML element (setAttribute and the parser lower-case
    ASCII letters only)."""
    return re.sub("[A-Z]+", lambda m: m.group().lower(), name)


def attributes(props, skip=(), tag="div", trusted=True, first=()):
    """HTML attributes for a component's props, as the page's renderer sets them one after the other
    through sanitize.js: in the order the props were given, a name set twice keeps its first place and
    its last value, a removed one (None, False) is gone. ``first``: attributes set before the props."""
    out = {}
    for name, text in [*first, *required_attributes(tag, trusted)]:
        out[_ascii_lower(name)] = text
    for name, value in props.items():
        if name in _NOT_ATTRIBUTES or name in skip:
            continue
        attribute = safe_attribute(tag, name, value, trusted=trusted, report=_report, warn=_warn)
        if attribute is None:
            continue
        key, text = _ascii_lower(attribute[0]), attribute[1]
        if text is None:
            out.pop(key, None)
        else:
            out[key] = text
    # Written as browsers serialise them (a boolean attribute as hidden=""), so the two renders match.
    return "".join(f' {k}="{escape(v, quote=True)}"' for k, v in out.items())


def render(node):
    """HTML for children: text (escaped), numbers, components, lists."""
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(render(child) for child in node)
    if isinstance(node, (int, float)):
        return escape(_attr_value(node))
    if isinstance(node, str):
        return escape(node, quote=False)
    namespace, kind, props = node["namespace"], node["type"], node["props"]
    if namespace == "dash_html_components":
        tag = html_tag(kind)
        inner = "" if tag in VOID else render(props.get("children"))
        if tag in INERT:
            # html.Script and html.Base, inert (see sanitize.py): a <template> holding their children, since
            # Material's instant navigation re-creates (and so runs) every <script> in the page's content.
            attrs = attributes(props, tag=tag, first=[("data-dash-type", INERT[tag])])
            return f"<template{attrs}>{inner}</template>"
        if tag in VOID:
            return f"<{tag}{attributes(props, tag=tag)}>"
        return f"<{tag}{attributes(props, tag=tag)}>{inner}</{tag}>"
    if kind == "Markdown":     # the tree livedash.markdown parsed, written as web/markdown.js draws it
        from .markdown import tree_html
        outer = {k: props[k] for k in ("id", "style") if k in props}
        return (f'<div class="{escape(_class("dash-markdown", props))}"{attributes(outer)}>'
                f'{tree_html(node.get("markdown"))}</div>')
    renderer = _DCC.get(kind)
    if renderer is None:
        return f'<div class="livedash-unsupported">{escape(namespace)}.{escape(kind)}</div>'
    return renderer(props)


def _input(props):
    attrs = dict(props)
    attrs.pop("debounce", None)
    for name in ("n_submit", "n_submit_timestamp", "n_blur", "n_blur_timestamp", "persistence",
                 "persisted_props", "persistence_type", "selectionStart", "selectionEnd", "selectionDirection"):
        attrs.pop(name, None)
    css = _class("dash-input", props)
    attrs.pop("className", None)
    return f'<input{attributes(attrs, tag="input", first=[("class", css)])}>'


def _slider(props):
    outer = {k: props[k] for k in ("id",) if k in props}
    css = _class("dash-slider", props)
    rng = {k: props[k] for k in ("min", "max", "step", "value", "disabled") if props.get(k) is not None}
    return (f'<div class="{escape(css)}"{attributes(outer)}><input type="range"{attributes(rng)}>'
            f"{_marks(props.get('marks'))}</div>")


def _marks(marks):
    if not (isinstance(marks, dict) and marks):
        return ""
    spans = "".join(f'<span data-value="{escape(str(k))}">{escape(str(v.get("label", "") if isinstance(v, dict) else v))}</span>'
                    for k, v in marks.items())
    return f'<div class="dash-slider-marks">{spans}</div>'


def _class(base, props):
    return base + (f" {props['className']}" if props.get("className") else "")


def _rangeslider(props):
    outer = {k: props[k] for k in ("id",) if k in props}
    value = props.get("value") or [props.get("min"), props.get("max")]
    ranges = ""
    for handle in value[:2]:
        rng = {k: props[k] for k in ("min", "max", "step") if props.get(k) is not None}
        if handle is not None:
            rng["value"] = handle
        if props.get("disabled"):
            rng["disabled"] = True
        ranges += f'<input type="range"{attributes(rng)}>'
    return f'<div class="{escape(_class("dash-rangeslider", props))}"{attributes(outer)}>{ranges}{_marks(props.get("marks"))}</div>'


TEXTAREA_SKIP = {"value", "className", "n_blur", "n_blur_timestamp", "persistence", "persisted_props",
                 "persistence_type"}


def _textarea(props):
    attrs = {k: v for k, v in props.items() if k not in TEXTAREA_SKIP}
    value = props.get("value")
    text = "" if value is None else escape(str(value), quote=False)
    first = [("class", _class("dash-textarea", props))]
    return f'<textarea{attributes(attrs, tag="textarea", first=first)}>{text}</textarea>'


def _choices(kind):
    def render_choices(props):
        from .components.dcc import options
        value = props.get("value")
        chosen = value if isinstance(value, list) else [value]
        outer = {k: props[k] for k in ("id", "style") if k in props}
        name = f' name="{escape(str(id_key(props["id"])))}"' if kind == "radio" and "id" in props else ""
        base = "dash-checklist" if kind == "checkbox" else "dash-radioitems"
        # Dash 4's markup: the label's text sits in a flex span (which also trims its outer spaces).
        option_class = "dash-options-list-option" + (f" {base}-inline" if props.get("inline") else "")
        input_attrs = attributes({"className": " ".join(filter(None, ["dash-options-list-option-checkbox",
                                                                          props.get("inputClassName")])),
                                  "style": props.get("inputStyle")})
        text_attrs = attributes({"className": " ".join(filter(None, ["dash-options-list-option-text",
                                                                         props.get("labelClassName")])),
                                 "style": props.get("labelStyle")})
        items = ""
        for index, (val, label, disabled) in enumerate(options(props.get("options"))):
            checked = ' checked=""' if val in chosen and val is not None else ""
            off = ' disabled=""' if disabled else ""
            items += (f'<label class="{option_class}"><input type="{kind}"{name} value="{index}"{checked}{off}'
                      f"{input_attrs}><span{text_attrs}>{render(label)}</span></label>")
        css = _class(base, props)
        return f'<div class="{escape(css)}"{attributes(outer)}>{items}</div>'
    return render_choices


def _dropdown(props):
    from .components.dcc import options
    value = props.get("value")
    multi = bool(props.get("multi"))
    chosen = value if isinstance(value, list) else [value]
    outer = {k: props[k] for k in ("id", "style") if k in props}
    inner = {k: props[k] for k in ("disabled",) if k in props}
    items = "" if multi else f'<option value="">{escape(str(props.get("placeholder") or "Select..."))}</option>'
    for index, (val, label, disabled) in enumerate(options(props.get("options"))):
        selected = ' selected=""' if val in chosen and val is not None else ""
        off = ' disabled=""' if disabled else ""
        items += f'<option value="{index}"{selected}{off}>{render(label)}</option>'
    multiple = ' multiple=""' if multi else ""
    search = ('<input type="search" class="dash-dropdown-search" placeholder="Search…" aria-label="Search the options">'
              if props.get("searchable", True) else "")
    return (f'<div class="{escape(_class("dash-dropdown", props))}"{attributes(outer)}>{search}'
            f'<select class="dash-dropdown-select"{multiple}{attributes(inner)}>{items}</select></div>')


def _tabs(props):
    from .components.dcc import tab_values
    tabs = tab_values(props.get("children"))
    chosen = props.get("value", tabs[0][0] if tabs else None)
    outer = {k: props[k] for k in ("id", "style") if k in props}
    bar, content = "", ""
    for value, tab in tabs:
        selected = value == chosen
        css = "dash-tab dash-tab--selected" if selected else "dash-tab"
        off = ' disabled=""' if tab.get("disabled") else ""
        bar += (f'<button type="button" role="tab" class="{css}" aria-selected="{"true" if selected else "false"}"'
                f' data-value="{escape(str(value))}"{off}>{render(tab.get("label", ""))}</button>')
        if selected:
            content = render(tab.get("children"))
    return (f'<div class="{escape(_class("dash-tabs", props))}"{attributes(outer)}><div class="dash-tabs-bar" role="tablist">'
            f'{bar}</div><div class="dash-tab-content" role="tabpanel">{content}</div></div>')


def _loading(props):
    outer = {k: props[k] for k in ("id", "style") if k in props}
    return f'<div class="{escape(_class("dash-loading", props))}"{attributes(outer)}>{render(props.get("children"))}</div>'


def _graph(props):
    # An empty box of the figure's height: plotly.js draws into it in the page.
    outer = {k: props[k] for k in ("id", "style") if k in props}
    return f'<div class="{escape(_class("dash-graph", props))}"{attributes(outer)}></div>'


_DCC = {"Input": _input, "Tabs": _tabs, "Loading": _loading, "Graph": _graph, "Slider": _slider, "RangeSlider": _rangeslider, "Store": lambda props: "",
        "Interval": lambda props: "", "Textarea": _textarea, "Checklist": _choices("checkbox"),
        "RadioItems": _choices("radio"), "Dropdown": _dropdown}
