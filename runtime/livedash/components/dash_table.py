"""``dash.dash_table``: DataTable, built from the generated table (dash_table_table.py), and the Format and
FormatTemplate modules."""

from . import dash_table_table
from . import table_format as Format  # noqa: N812 - Dash's module names
from . import table_format_template as FormatTemplate  # noqa: N812
from .base import build

NAMESPACE = dash_table_table.NAMESPACE
__version__ = dash_table_table.VERSION

globals().update(
    build(
        dash_table_table,
        __name__,
        {"DataTable": "An interactive table: data is a list of row dicts, columns a list of {name, id, ...}."},
    )
)

__all__ = sorted(dash_table_table.COMPONENTS) + ["Format", "FormatTemplate"]


def __getattr__(name):
    raise AttributeError(f"module 'dash.dash_table' has no attribute '{name}'")
