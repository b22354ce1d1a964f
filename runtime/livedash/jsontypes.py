"""Names for type hints only (imported under ``TYPE_CHECKING``): what the runtime passes around as data."""

from typing import Any, TypeAlias

# A JSON value as the page sends it or as a prop holds it (dict, list, str, int, float, bool or None). Left as
# Any: the runtime reads such values by their shape at run time, as Dash does.
JSON: TypeAlias = Any

# A component id: a string, or a dict for pattern-matching (whose values may be the wildcards MATCH, ALL,
# ALLSMALLER in a dependency).
ComponentId: TypeAlias = str | dict[str, Any]
