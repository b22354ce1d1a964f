"""Every html element of Dash (``dash.html``), built from the generated table (html_table.py)."""

from . import html_table
from .base import make_component

NAMESPACE = html_table.NAMESPACE
__version__ = html_table.VERSION

_TAGS = {"MapEl": "map", "ObjectEl": "object"}

__all__ = sorted(html_table.ELEMENTS)

for _name, _own in html_table.ELEMENTS.items():
    globals()[_name] = make_component(
        _name,
        NAMESPACE,
        html_table.COMMON_HEAD + _own + html_table.COMMON_TAIL,
        extra=html_table.EXTRA.get(_name, ()),
        wildcards=html_table.WILDCARDS,
        module=__name__,
        doc=f"The html `<{_TAGS.get(_name, _name.lower())}>` element.",
    )
del _name, _own
