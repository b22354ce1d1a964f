"""Which props of each component type hold components (Dash's ``_children_props``), for the page: it draws a
component found there as a component, as dash-renderer does with the table Dash's index page carries."""

from .components.base import Component


def children_props_table():
    """``{namespace: {type: [spec, ...]}}`` for every component class imported so far (Dash's own and any
    library an app imported) whose components can sit in a prop other than ``children``."""
    table = {}
    seen = set()
    stack = [Component]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub in seen:
                continue
            seen.add(sub)
            stack.append(sub)
            specs = [str(spec) for spec in getattr(sub, "_children_props", None) or ()]
            namespace, kind = getattr(sub, "_namespace", ""), getattr(sub, "_type", "")
            if namespace and kind and any(spec != "children" for spec in specs):
                table.setdefault(namespace, {})[kind] = specs
    return table
