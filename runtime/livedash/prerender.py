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
    # Written as browsers serialise them (a boolean attribute as hidden=""), so the two renders match.
    return "".join(f' {k}="{escape(v, quote=True)}"' for k, v in out)


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
    return f'<input class="{escape(css)}"{attributes(attrs)}>'


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
    return f'<textarea class="{escape(_class("dash-textarea", props))}"{attributes(attrs)}>{text}</textarea>'


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
