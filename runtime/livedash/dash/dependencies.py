"""``dash.dependencies``."""

from ..dependencies import ALL, ALLSMALLER, MATCH, ClientsideFunction, Input, Output, State  # noqa: F401
