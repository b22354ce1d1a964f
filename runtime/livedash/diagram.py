"""The callback graph of an app as a Mermaid flowchart: components (kind and id) and callbacks (named after
their function), joined by edges labelled with the property and Input / State / Output (State dashed), and
what Dash sets around a run: ``running=`` outputs (dashed, "(running)"), a background callback's
``progress=`` outputs and ``cancel=`` inputs. Deterministic: the same app gives the same text.
Pattern-matching ids are one node per pattern.

Nodes carry classes (component, store, callback, clientside, background), not colours: livedash.css colours
them and the edges, so the diagram follows the page's light or dark palette without being drawn again. Only
the edges of a dependency cycle get a colour here (CYCLE_STYLE, red in both palettes). Beside the text,
``callbacks`` tells the widget which node and outputs belong to each callback, so it can light them up when
the callback runs.

``heights`` estimates, from the text alone (so a cached Diagram needs nothing more), how tall mermaid will
draw it, left to right and top down: the page reserves that space until the drawing comes."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import pairwise

from .dependencies import Wildcard
from .graph import dep_key
from .patterns import is_pattern, matches
from .protocol import id_key
from .validation import cycle_path

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Any

    from .callbacks import CallbackSpec
    from .components.base import Component
    from .dependencies import DashDependency
    from .jsontypes import ComponentId
    from .session import Session

# livedash.css leaves edges with this stroke out of its own edge colour: change the two together.
CYCLE_STYLE = "stroke:#d1242f,stroke-width:2.5px"


@dataclass
class Diagram:
    text: str  # Mermaid source
    # callback id -> {"node": name, "outputs": [[node, id key, prop, is pattern]], "progress": [...] if any}
    callbacks: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "callbacks": self.callbacks}


def _label(text: object) -> str:
    # Mermaid reads "..." labels; quotes and angle brackets become entities it understands.
    return str(text).replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _lines(parts: Iterable[object]) -> str:
    return "<br/>".join(_label(part) for part in parts)


def _id_text(component_id: ComponentId) -> str:
    if isinstance(component_id, dict):
        parts = [f"{k}: {v.value if isinstance(v, Wildcard) else repr(v)}" for k, v in sorted(component_id.items())]
        return "{" + ", ".join(parts) + "}"
    return component_id


def _kind(component_id: ComponentId, components: Iterable[tuple[ComponentId, Component]]) -> str | None:
    for cid, component in components:
        if matches(component_id, cid) if isinstance(component_id, dict) else cid == component_id:
            return component._type
    return None


def _callback_parts(spec: CallbackSpec) -> tuple[list[str], str]:
    """A callback node's lines and class: its name, then its kind unless it is a plain callback. A clientside
    function given as text has no name of its own (nor a useful one in the JavaScript): its kind alone."""
    if spec.clientside is not None:
        named = "namespace" in spec.clientside
        return ([spec.name, "clientside"] if named else ["clientside"]), "clientside"
    if spec.background is not None:
        return [spec.name, "background"], "background"
    return [spec.name], "callback"


def _cycle_pairs(specs: Sequence[CallbackSpec]) -> set[tuple[str, str]]:
    """(output, input) prop pairs along a dependency cycle: the output depends on the input."""
    path = cycle_path(specs) or []
    return set(pairwise(path))


def draw(
    specs: Sequence[CallbackSpec], components: Iterable[tuple[ComponentId, Component]] = (), direction: str = "LR"
) -> Diagram:
    """The Diagram of ``specs`` (CallbackSpec list); ``components``: [(id, Component)] of the layout, to
    name each node's kind."""
    components = list(components)
    cycle = _cycle_pairs(specs)
    nodes: list[str] = []
    edges: list[str] = []
    red: list[str] = []  # the numbers of the edges along a cycle
    node_ids: dict[str, str] = {}  # id key -> node name
    callbacks: dict[str, dict[str, Any]] = {}

    def component_node(dep: DashDependency) -> str:
        key = id_key(dep.component_id)
        if key not in node_ids:
            node_ids[key] = f"c{len(node_ids)}"
            kind = _kind(dep.component_id, components)
            css = "store" if kind == "Store" else "component"
            parts = [kind, _id_text(dep.component_id)] if kind else [_id_text(dep.component_id)]
            nodes.append(f'    {node_ids[key]}["{_lines(parts)}"]:::{css}')
        return node_ids[key]

    def edge(text: str, in_cycle: bool) -> None:
        if in_cycle:
            red.append(str(len(edges)))
        edges.append(text)

    dep: DashDependency  # (each kind in turn)
    for number, spec in enumerate(specs):
        name = f"f{number}"
        outputs, inputs = [dep_key(d) for d in spec.outputs], [dep_key(d) for d in spec.inputs]
        parts, css = _callback_parts(spec)
        for dep, key in zip(spec.inputs, inputs, strict=True):
            edge(
                f'    {component_node(dep)} -- "{_label(dep.component_property)} (Input)" --> {name}',
                any((out, key) in cycle for out in outputs),
            )
        for dep in spec.states:
            edge(f'    {component_node(dep)} -. "{_label(dep.component_property)} (State)" .-> {name}', False)
        for dep, key in zip(spec.outputs, outputs, strict=True):
            edge(
                f'    {name} -- "{_label(dep.component_property)} (Output)" --> {component_node(dep)}',
                any((key, inp) in cycle for inp in inputs),
            )
        # What Dash writes and reads around the function: running= (on any server callback, rule 43) and a
        # background callback's progress= and cancel= (rule 45). Lesson 8 teaches them: they are drawn.
        extra: Mapping[str, Any] = spec.background or {}
        for dep in extra.get("cancel", []):
            edge(f'    {component_node(dep)} -- "{_label(dep.component_property)} (cancel)" --> {name}', False)
        for dep in extra.get("progress", []):
            edge(f'    {name} -- "{_label(dep.component_property)} (progress)" --> {component_node(dep)}', False)
        for dep, _on, _off in spec.running:
            edge(f'    {name} -. "{_label(dep.component_property)} (running)" .-> {component_node(dep)}', False)
        nodes.append(f'    {name}(["{_lines(parts)}"]):::{css}')

        def targets(deps: Iterable[DashDependency]) -> list[list[Any]]:
            return [
                [
                    node_ids[id_key(d.component_id)],
                    id_key(d.component_id),
                    d.component_property,
                    is_pattern(d.component_id),
                ]
                for d in deps
            ]

        callbacks[spec.id] = {"node": name, "outputs": targets(spec.outputs)}
        if extra.get("progress"):
            callbacks[spec.id]["progress"] = targets(extra["progress"])
    if not specs:
        return Diagram("", {})  # nothing to draw: the widget says the app has no callbacks yet
    styles = [f"    linkStyle {','.join(red)} {CYCLE_STYLE}"] if red else []
    return Diagram("\n".join([f"flowchart {direction}", *nodes, *edges, *styles]) + "\n", callbacks)


def session_diagram(session: Session) -> Diagram:
    """The diagram of a running app (its callbacks and the components of its layout)."""
    return draw(session.app.callbacks, [(c._props["id"], c) for c in session.store.index.values()])


# Mermaid's flowchart at its defaults (16 px text, 1.5 line height, padding 15, nodeSpacing 50, rankSpacing
# 50 halved by dagre when edges have labels, 8 px around the drawing), times SCALE, the size diagram.js
# draws it at (12.8 px labels: never below the 12 px the course asks for).
SCALE = 0.8
LINE, PAD, NODE_GAP, LABEL_GAP, RANK_GAP, MARGIN = 24, 15, 50, 20, 25, 8
WRAP, CHAR = 200, 6.9  # mermaid wraps a node's text at 200 px; 29 characters of an id fit, 30 do not
_NODE = re.compile(r'^    (\w+)(\(\[|\[)"(.*)"(?:\]\)|\])')
_EDGE = re.compile(r'^    (\w+) (?:--|-\.) ".*" (?:-->|\.->) (\w+)$')


def _layers(names: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Each node's rank as dagre would give it: the longest path from a source, over the graph with the
    edges that close a cycle left out (found by a depth-first walk in the text's order)."""
    after: dict[str, list[str]] = {name: [] for name in names}
    for a, b in edges:
        after[a].append(b)
    state: dict[str, str] = {}  # node -> "open" while walked, then "done"
    kept: list[tuple[str, str]] = []

    def walk(node: str) -> None:
        state[node] = "open"
        for nxt in after[node]:
            if state.get(nxt) == "open":
                continue  # a back edge: it closes a cycle
            kept.append((node, nxt))
            if nxt not in state:
                walk(nxt)
        state[node] = "done"

    for name in names:
        if name not in state:
            walk(name)
    rank = {name: 0 for name in names}
    for _ in names:  # longest path: relax until nothing grows (a DAG: <= n rounds)
        changed = False
        for a, b in kept:
            if rank[b] < rank[a] + 1:
                rank[b], changed = rank[a] + 1, True
        if not changed:
            break
    # dagre's ranker keeps edges short: a source (a State, a second Input) sits just before its callback.
    for name in names:
        targets = [rank[b] for a, b in kept if a == name]
        if targets and not any(b == name for _, b in kept):
            rank[name] = min(targets) - 1
    return rank


def heights(text: str) -> tuple[int, int]:
    """(left-to-right, top-down) height in px that diagram.js will draw ``text`` at, estimated from its
    ranks: LR stacks the busiest rank's nodes (or the edge labels between two ranks), TD stacks the ranks."""
    sizes, edges = {}, []
    for line in text.splitlines():
        if node := _NODE.match(line):
            parts = re.sub(r"#\w+;", "&", node.group(3)).split("<br/>")  # (an entity is one character)
            lines = sum(max(1, math.ceil(len(part) * CHAR / WRAP)) for part in parts)
            # a rectangle pads its text on both sides, a stadium (callback) by one padding in all
            sizes[node.group(1)] = LINE * lines + (PAD if node.group(2) == "([" else 2 * PAD)
        elif edge := _EDGE.match(line):
            edges.append((edge[1], edge[2]))
    if not sizes:
        return 0, 0
    rank = _layers(list(sizes), edges)
    # Node ranks are even, the edge labels between rank r and r+1 sit in the odd rank between them (dagre
    # doubles each labelled edge's length); a longer edge (one that skips a rank, or closes a cycle and is
    # drawn reversed) has its label in its first gap and passes each rank after it as a point. Each item is
    # (size, space dagre keeps around it): nodes NODE_GAP, labels and points LABEL_GAP.
    stacks: dict[int, list[tuple[float, float]]] = {}  # rank -> (size, space around) of what it holds
    for name, size in sizes.items():
        stacks.setdefault(2 * rank[name], []).append((size, NODE_GAP))
    for a, b in edges:
        low, high = sorted((2 * rank[a], 2 * rank[b]))
        if low != high:
            stacks.setdefault(low + 1, []).append((LINE, LABEL_GAP))
        for middle in range(low + 2, high):
            stacks.setdefault(middle, []).append((0, LABEL_GAP))

    def across(items: list[tuple[float, float]]) -> float:
        return sum(size for size, _ in items) + sum((one[1] + two[1]) / 2 for one, two in pairwise(items))

    lr = max(across(items) for items in stacks.values())
    td = sum(max(size for size, _ in items) for items in stacks.values()) + RANK_GAP * (len(stacks) - 1)
    return round((lr + 2 * MARGIN) * SCALE), round((td + 2 * MARGIN) * SCALE)
