"""The callback graph of an app as a Mermaid flowchart: components (kind and id) and callbacks (named after
their function), joined by edges labelled with the property and Input / State / Output (State dashed).
Deterministic: the same app gives the same text. Pattern-matching ids are one node per pattern.

Node classes (component, store, callback, clientside, background) carry no colours here: livedash.css
colours them, so the diagram follows the page's light or dark palette without being drawn again. Edges of
a dependency cycle are drawn red. Beside the text, ``nodes`` tells the widget which node and edges belong
to each callback, so it can light them up when the callback runs."""

from dataclasses import dataclass, field

from .dependencies import Wildcard
from .graph import dep_key
from .patterns import is_pattern, matches
from .protocol import id_key
from .validation import cycle_path

CYCLE_STYLE = "stroke:#d1242f,stroke-width:2.5px"


@dataclass
class Diagram:
    text: str                                    # Mermaid source
    callbacks: dict = field(default_factory=dict)  # callback id -> {"node", "outputs": [[node, id key, prop]]}

    def to_json(self):
        return {"text": self.text, "callbacks": self.callbacks}


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


def _cycle_pairs(specs):
    """(output, input) prop pairs along a dependency cycle: the output depends on the input."""
    path = cycle_path(specs) or []
    return set(zip(path, path[1:]))


def draw(specs, components=(), direction="LR"):
    """The Diagram of ``specs`` (CallbackSpec list); ``components``: [(id, Component)] of the layout, to
    name each node's kind."""
    components = list(components)
    cycle = _cycle_pairs(specs)
    nodes, edges, red, node_ids, callbacks = [], [], [], {}, {}

    def component_node(dep):
        key = id_key(dep.component_id)
        if key not in node_ids:
            node_ids[key] = f"c{len(node_ids)}"
            kind = _kind(dep.component_id, components)
            css = "store" if kind == "Store" else "component"
            parts = [kind, _id_text(dep.component_id)] if kind else [_id_text(dep.component_id)]
            nodes.append(f'    {node_ids[key]}["{_lines(parts)}"]:::{css}')
        return node_ids[key]

    def edge(text, in_cycle):
        if in_cycle:
            red.append(str(len(edges)))
        edges.append(text)

    for number, spec in enumerate(specs):
        name = f"f{number}"
        outputs, inputs = [dep_key(d) for d in spec.outputs], [dep_key(d) for d in spec.inputs]
        if spec.clientside is not None:
            parts, css = [spec.name, "clientside"], "clientside"
        elif spec.background is not None:
            parts, css = [spec.name, "background"], "background"
        else:
            parts, css = [spec.name], "callback"
        for dep, key in zip(spec.inputs, inputs):
            edge(f'    {component_node(dep)} -- "{_label(dep.component_property)} (Input)" --> {name}',
                 any((out, key) in cycle for out in outputs))
        for dep in spec.states:
            edge(f'    {component_node(dep)} -. "{_label(dep.component_property)} (State)" .-> {name}', False)
        for dep, key in zip(spec.outputs, outputs):
            edge(f'    {name} -- "{_label(dep.component_property)} (Output)" --> {component_node(dep)}',
                 any((key, inp) in cycle for inp in inputs))
        nodes.append(f'    {name}(["{_lines(parts)}"]):::{css}')
        callbacks[spec.id] = {"node": name, "outputs": [
            [node_ids[id_key(d.component_id)], id_key(d.component_id), d.component_property, is_pattern(d.component_id)]
            for d in spec.outputs]}
    if not specs:
        return Diagram("", {})   # nothing to draw: the widget says the app has no callbacks yet
    styles = [f"    linkStyle {','.join(red)} {CYCLE_STYLE}"] if red else []
    return Diagram("\n".join([f"flowchart {direction}", *nodes, *edges, *styles]) + "\n", callbacks)


def session_diagram(session):
    """The diagram of a running app (its callbacks and the components of its layout)."""
    return draw(session.app.callbacks, [(c._props["id"], c) for c in session.store.index.values()])
