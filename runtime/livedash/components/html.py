"""Every html element of Dash (``dash.html``), built from the generated table."""

from .base import make_component
from .html_table import COMMON_HEAD, COMMON_TAIL, ELEMENTS

NAMESPACE = "dash_html_components"

# Void elements take no children in the DOM (the renderer and prerender skip them).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                  "param", "source", "track", "wbr"})

__all__ = sorted(ELEMENTS)

for _name, _own in ELEMENTS.items():
    globals()[_name] = make_component(
        _name, NAMESPACE, COMMON_HEAD + _own + COMMON_TAIL, wildcards=("data-", "aria-"),
        defaults={"children": None},   # Dash's html elements always carry `children`, None when not given
        doc=f"The html `<{_name.lower()}>` element.")
