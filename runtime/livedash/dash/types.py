"""``dash.types``: NumberType, which component libraries' generated classes import (Dash's carries a
pydantic schema; libraries only use it in annotations)."""

import typing

NumberType = typing.SupportsFloat | typing.SupportsInt | typing.SupportsComplex
