"""``dash.exceptions``."""

from ..exceptions import *  # noqa: F401,F403
from ..exceptions import PreventUpdate  # noqa: F401
