"""Component tree -> static HTML, the same markup as web/renderer.js produces (see web/README.md)."""

from html import escape

from .components.html import VOID
from .protocol import id_key

_NOT_ATTRIBUTES = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "key",
                   "setProps"}
_RENAMED = {"className": "class", "htmlFor": "for"}
# CSS properties whose numbers carry no unit (React's list, the ones used in practice).
UNITLESS = {"animationIterationCount", "aspectRatio", "borderImageOutset", "borderImageSlice", "borderImageWidth",
            "columnCount", "columns", "flex", "flexGrow", "flexPositive", "flexShrink", "flexNegative", "flexOrder",
            "fontWeight", "gridArea", "gridColumn", "gridColumnEnd", "gridColumnStart", "gridRow", "gridRowEnd",
            "gridRowStart", "lineClamp", "lineHeight", "opacity", "order", "orphans", "scale", "tabSize", "widows",
            "zIndex", "zoom", "fillOpacity", "floodOpacity", "stopOpacity", "strokeDasharray",
            "strokeDashoffset", "strokeMiterlimit", "strokeOpacity", "strokeWidth"}


def style_text(style):
    parts = []
    for name, value in style.items():
        if value is None or value == "" or isinstance(value, bool):
            continue
        css = name if name.startswith("--") else "".join("-" + c.lower() if c.isupper() else c for c in name)
        if isinstance(value, (int, float)) and value != 0 and name not in UNITLESS and not name.startswith("--"):
            value = f"{value}px"
        parts.append(f"{css}: {value}")
    return "; ".join(parts)


def _attr_value(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def attributes(props, skip=()):
    """HTML attributes for a component's props, in the order the props were given."""
    out = []
    for name, value in props.items():
        if name in _NOT_ATTRIBUTES or name in skip or value is None or value is False:
            continue
        if name == "id":
            out.append(("id", id_key(value)))
        elif name == "style":
            if isinstance(value, dict):
                text = style_text(value)
                if text:
                    out.append(("style", text))
        else:
            attr = _RENAMED.get(name) or (name if name.startswith(("data-", "aria-")) else name.lower())
            out.append((attr, "" if value is True else _attr_value(value)))
    return "".join(f' {k}="{escape(v, quote=True)}"' if v != "" else f" {k}" for k, v in out)


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
        tag = kind.lower()
        if tag in VOID:
            return f"<{tag}{attributes(props)}>"
        return f"<{tag}{attributes(props)}>{render(props.get('children'))}</{tag}>"
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
    css = "dash-input" + (f" {attrs.pop('className')}" if attrs.get("className") else "")
    attrs.pop("className", None)
    return f'<input class="{escape(css)}"{attributes(attrs)}>'


def _slider(props):
    outer = {k: props[k] for k in ("id",) if k in props}
    css = "dash-slider" + (f" {props['className']}" if props.get("className") else "")
    rng = {k: props[k] for k in ("min", "max", "step", "value", "disabled") if props.get(k) is not None}
    marks = props.get("marks")
    marks_html = ""
    if isinstance(marks, dict) and marks:
        spans = "".join(f'<span data-value="{escape(str(k))}">{escape(str(v if not isinstance(v, dict) else v.get("label", "")))}</span>'
                        for k, v in marks.items())
        marks_html = f'<div class="dash-slider-marks">{spans}</div>'
    return (f'<div class="{escape(css)}"{attributes(outer)}><input type="range"{attributes(rng)}>'
            f"{marks_html}</div>")


_DCC = {"Input": _input, "Slider": _slider, "Store": lambda props: ""}
