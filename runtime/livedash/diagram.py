"""The callback graph of an app as a Mermaid flowchart: components (kind and id) and callbacks (named after
their function), joined by edges labelled with the property and Input / State / Output (State dashed).
Deterministic: the same app gives the same text. Pattern-matching ids are one node per pattern."""

from .dependencies import Wildcard
from .patterns import matches
from .protocol import id_key

CLASSES = (
    "classDef component fill:#e8f0fe,stroke:#4051b5,color:#1f2328",
    "classDef store fill:#fff4e5,stroke:#b26a00,color:#1f2328",
    "classDef callback fill:#e6f4ea,stroke:#1a7f37,color:#1f2328",
    "classDef clientside fill:#fef7e0,stroke:#9a6700,color:#1f2328",
    "classDef background fill:#f3e8fd,stroke:#8250df,color:#1f2328",
)


def _label(text):
    # Mermaid reads "..." labels; quotes and angle brackets become entities it understands.
    return str(text).replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _lines(parts):
    return "<br/>".join(_label(part) for part in parts)


def _id_text(component_id):
    if isinstance(component_id, dict):
        parts = [f"{k}: {v.value if isinstance(v, Wildcard) else repr(v)}" for k, v in sorted(component_id.items())]
        return "{" + ", ".join(parts) + "}"
    return component_id


def _kind(component_id, components):
    for cid, component in components:
        if matches(component_id, cid) if isinstance(component_id, dict) else cid == component_id:
            return component._type
    return None


def to_mermaid(specs, components=(), direction="LR"):
    """Mermaid source for ``specs`` (CallbackSpec list); ``components``: [(id, Component)] of the layout,
    to name each node's kind."""
    components = list(components)
    nodes, lines, node_ids = [], [], {}

    def component_node(dep):
        key = id_key(dep.component_id)
        if key not in node_ids:
            node_ids[key] = f"c{len(node_ids)}"
            kind = _kind(dep.component_id, components)
            css = "store" if kind == "Store" else "component"
            parts = [kind, _id_text(dep.component_id)] if kind else [_id_text(dep.component_id)]
            nodes.append(f'    {node_ids[key]}["{_lines(parts)}"]:::{css}')
        return node_ids[key]

    for number, spec in enumerate(specs):
        name = f"f{number}"
        if spec.clientside is not None:
            parts, css = [spec.name, "clientside"], "clientside"
        elif spec.background is not None:
            parts, css = [spec.name, "background"], "background"
        else:
            parts, css = [spec.name], "callback"
        for dep in spec.inputs:
            lines.append(f'    {component_node(dep)} -- "{_label(dep.component_property)} (Input)" --> {name}')
        for dep in spec.states:
            lines.append(f'    {component_node(dep)} -. "{_label(dep.component_property)} (State)" .-> {name}')
        for dep in spec.outputs:
            lines.append(f'    {name} -- "{_label(dep.component_property)} (Output)" --> {component_node(dep)}')
        nodes.append(f'    {name}(["{_lines(parts)}"]):::{css}')
    return "\n".join([f"flowchart {direction}", *nodes, *lines, *("    " + c for c in CLASSES)]) + "\n"


def session_diagram(session):
    """The diagram of a running app (its callbacks and the components of its layout)."""
    return to_mermaid(session.app.callbacks, [(c._props["id"], c) for c in session.store.index.values()])
