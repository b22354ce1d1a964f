"""``dash.development``: what component libraries import from it (``base_component``)."""

from . import base_component  # noqa: F401
