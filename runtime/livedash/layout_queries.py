"""Questions about the callbacks and the current layout: which components a dependency names, the MATCH
bindings a pattern-matching callback can run for, which callbacks a prop change fires, and the argument
values a callback reads. Nothing here changes the store; the scheduler asks, then acts.

Rules of livedash/SEMANTICS.md it implements: 16 (arguments are JSON copies of the store's props), 35-36
(pattern-matching ids: MATCH, ALL, ALLSMALLER in layout order, ALLSMALLER by ``idValSort``) and, for the
scheduler's rule 20, the props a callback may write downstream. A *binding* is the frozen MATCH values a
pattern-matching callback runs for (``()`` without MATCH).
"""

import json

from .dependencies import ALLSMALLER
from .patterns import binding_of, freeze, id_sort_key, is_multi, is_pattern, match_keys, matches
from .protocol import id_key
from .store import to_json


class LayoutQueries:
    def __init__(self, graph, store):
        self.graph = graph
        self.store = store
        self._resolved = {}  # (pattern, binding) -> ids, valid while no component comes or goes
        self._resolved_version = None

    # -- resolving dependencies against the layout ------------------------------------------------
    def resolve(self, dep, binding):
        """A concrete id for a single dependency (None when absent), a list of ids for ALL/ALLSMALLER."""
        pattern = dep.component_id
        if not is_pattern(pattern):
            return pattern if self.store.has(id_key(pattern)) else None
        if self._resolved_version != self.store.version:
            self._resolved, self._resolved_version = {}, self.store.version
        cache_key = (dep.component_id_str(), binding)
        found = self._resolved.get(cache_key)
        if found is None:
            bound = dict(binding)
            found = self._resolved[cache_key] = [cid for cid in self.store.ids() if matches(pattern, cid, bound)]
        if is_multi(dep):
            return found
        return found[0] if found else None

    def _match_source(self, spec):
        """The dependency whose components give a pattern callback its bindings."""
        for dep in spec.outputs + spec.inputs + spec.states:
            if match_keys(dep.component_id):
                return dep
        return None

    def bindings(self, spec):
        """Every binding a callback can run for in the current layout ([()] without MATCH)."""
        source = self._match_source(spec)
        if source is None:
            return [()]
        seen = []
        for cid in self.store.ids():
            if matches(source.component_id, cid):
                frozen = freeze(binding_of(source.component_id, cid))
                if frozen not in seen:
                    seen.append(frozen)
        return seen

    def keys(self, deps, binding):
        """The "id.prop" keys of ``deps`` present in the layout, for one binding."""
        keys = []
        for dep in deps:
            resolved = self.resolve(dep, binding)
            for cid in resolved if isinstance(resolved, list) else [resolved] if resolved is not None else []:
                keys.append(f"{self.store.key_of(cid)}.{dep.component_property}")
        return keys

    def triggered_by(self, component_id, prop):
        """[(spec, binding)] of the callbacks that a change of ``component_id.prop`` fires."""
        found = []
        for spec, dep in self.graph.inputs_on(prop):
            if not matches(dep.component_id, component_id):
                continue
            own = binding_of(dep.component_id, component_id)
            source = self._match_source(spec)
            wanted = set(match_keys(source.component_id)) if source is not None else set()
            if wanted <= set(own):
                candidates = [freeze({k: own[k] for k in wanted})]
            else:  # e.g. an ALL or plain Input feeding MATCH outputs: every instance runs
                candidates = [b for b in self.bindings(spec) if all(dict(b).get(k, v) == v for k, v in own.items())]
            smaller = [
                k
                for k, v in (dep.component_id.items() if isinstance(dep.component_id, dict) else ())
                if v is ALLSMALLER
            ]
            for binding in candidates:
                if all(id_sort_key(component_id[k]) < id_sort_key(dict(binding)[k]) for k in smaller):
                    found.append((spec, binding))
        return found

    def subsequent_outputs(self, spec, binding):
        """Props a callback may write, directly or through the callbacks it would fire (for rule 20)."""
        outputs, seen = set(), {(spec.id, binding)}
        frontier = [(spec, binding)]
        while frontier:
            spec, binding = frontier.pop()
            for dep in spec.outputs:
                resolved = self.resolve(dep, binding)
                for cid in resolved if isinstance(resolved, list) else [resolved] if resolved is not None else []:
                    outputs.add(f"{id_key(cid)}.{dep.component_property}")
                    for nxt in self.triggered_by(cid, dep.component_property):
                        if (nxt[0].id, nxt[1]) not in seen:
                            seen.add((nxt[0].id, nxt[1]))
                            frontier.append(nxt)
        return outputs

    # -- what a callback reads ------------------------------------------------------------------
    def _entry(self, cid, prop):
        entry = {"id": cid, "property": prop}
        key = self.store.key_of(cid)
        if self.store.has_prop(key, prop):
            # As Dash's server gets it: JSON data decoded afresh (components as their JSON dicts), never the
            # store's own object, which a callback could change in place (children.append(...)).
            entry["value"] = to_json(self.store.get(key, prop))
        return entry

    def read_args(self, spec, binding):
        """(argument values, inputs_list, states_list) of one call, read from the store now."""
        values, lists = [], {"Input": [], "State": []}
        for deps, kind in ((spec.inputs, "Input"), (spec.states, "State")):
            for dep in deps:
                resolved = self.resolve(dep, binding)
                if isinstance(resolved, list):
                    entries = [self._entry(cid, dep.component_property) for cid in resolved]
                    values.append([e.get("value") for e in entries])
                    lists[kind].append(entries)
                    continue
                if resolved is None:
                    raise ReferenceError(_nonexistent(kind, dep, self.store.ids()))
                entry = self._entry(resolved, dep.component_property)
                values.append(entry.get("value"))
                lists[kind].append(entry)
        return values, lists["Input"], lists["State"]

    def outputs_list(self, spec, binding):
        """ctx.outputs_list of one call: {id, property} per output, a list of them for an ALL output."""
        out = []
        for dep in spec.outputs:
            resolved = self.resolve(dep, binding)
            if isinstance(resolved, list):
                out.append([{"id": cid, "property": dep.component_property} for cid in resolved])
            elif resolved is None:
                raise ReferenceError(_nonexistent("Output", dep, self.store.ids()))
            else:
                out.append({"id": resolved, "property": dep.component_property})
        return out if spec.multi else (out[0] if out else [])


def key_matches(dep, key):
    """Does the component with id key ``key`` (a dict id as its JSON) fit ``dep``'s id?"""
    component_id = key
    if isinstance(key, str) and key.startswith("{"):
        component_id = json.loads(key)
    return matches(dep.component_id, component_id)


def _nonexistent(kind, dep, ids):
    return (
        f"A nonexistent object was used in an `{kind}` of a Dash callback. The id of this object is "
        f"`{dep.component_id_str()}` and the property is `{dep.component_property}`. The string ids in "
        f"the current layout are: [{', '.join(i for i in ids if isinstance(i, str))}]"
    )
