"""``dash.no_update``: the value that leaves an output as it is."""

from __future__ import annotations

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from typing import Any


class NoUpdate:
    def to_plotly_json(self) -> dict[str, str]:
        return {"_dash_no_update": "_dash_no_update"}

    def __repr__(self) -> str:
        return "no_update"


no_update = NoUpdate()


def is_no_update(value: Any) -> bool:
    return (
        value is NoUpdate
        or isinstance(value, NoUpdate)
        or (isinstance(value, dict) and value == {"_dash_no_update": "_dash_no_update"})
    )
