"""What Dash's dev tools check when an app loads (``app.run(debug=True)``), with their titles and texts:
the callbacks' dependencies (duplicate outputs, wildcards; any of these stops every callback), circular
dependencies, ids and props missing from the layout (which do not). Reported to the reader in the widget, as
Dash shows them in its error pop-up. Without debug Dash checks none of these (see :func:`validate`)."""

import hashlib

from .dependencies import ALL, ALLSMALLER, MATCH, Wildcard
from .graph import dep_key


def _head(spec):
    return "In the callback for output(s):\n  " + "\n  ".join(dep_key(o) for o in spec.outputs)


def _tail(specs):
    return "This ID was used in the callback(s) for Output(s):\n  " + "\n  ".join(
        ", ".join(dep_key(o) for o in s.outputs) for s in specs
    )


# dash-renderer's validateDependencies (dash/dash-renderer/src/actions/dependencies.js), rule by rule.
_ALLOWED = {"Output": (ALL, MATCH), "Input": (ALL, MATCH, ALLSMALLER), "State": (ALL, MATCH, ALLSMALLER)}


def _id_text(value):
    """A JSON value as JavaScript's JSON.stringify writes it (compact)."""
    import json

    return json.dumps(value, separators=(",", ":"))


def _check_dependency(dep, head, kind, index):
    """The errors validateArg finds in one Input/Output/State."""
    errors, cid, prop = [], dep.component_id, dep.component_property
    if not isinstance(prop, str) or not prop:
        errors.append(
            (
                "Callback property error",
                [
                    head,
                    f"{kind}[{index}].property = {_id_text(prop)}",
                    "but we expected `property` to be a non-empty string.",
                ],
            )
        )
    if isinstance(cid, dict):
        if not cid:
            errors.append(
                (
                    "Callback item missing ID",
                    [head, f"{kind}[{index}].id = {{}}", "Every item linked to a callback needs an ID"],
                )
            )
        for key, value in cid.items():
            if not key:
                errors.append(
                    (
                        "Callback wildcard ID error",
                        [head, f'{kind}[{index}].id has key "{key}"', "Keys must be non-empty strings."],
                    )
                )
            if isinstance(value, Wildcard):
                if value not in _ALLOWED[kind]:
                    errors.append(
                        (
                            "Callback wildcard ID error",
                            [
                                head,
                                f'{kind}[{index}].id["{key}"] = {value.value}',
                                f"Allowed wildcards for {kind}s are:",
                                ", ".join(w.value for w in _ALLOWED[kind]),
                            ],
                        )
                    )
            elif not isinstance(value, (str, int, float, bool)):
                errors.append(
                    (
                        "Callback wildcard ID error",
                        [
                            head,
                            f'{kind}[{index}].id["{key}"] = {_id_text(value)}',
                            "Wildcard callback ID values must be either wildcards",
                            "or constants of one of these types:",
                            "string, number, boolean",
                        ],
                    )
                )
    elif isinstance(cid, str) and not cid:
        errors.append(
            (
                "Callback item missing ID",
                [head, f'{kind}[{index}].id = ""', "Every item linked to a callback needs an ID"],
            )
        )
    return errors


def _wildcard_keys(cid, wildcard):
    return sorted(k for k, v in cid.items() if v is wildcard) if isinstance(cid, dict) else []


def _output_property(dep, spec):
    """The property as dash-renderer reads it from the callback's output string: with Dash's ``@<hash of
    the inputs>`` when the Output allows duplicates."""
    if not dep.allow_duplicate:
        return dep.component_property
    return dep.component_property + "@" + hashlib.sha256(".".join(str(i) for i in spec.inputs).encode()).hexdigest()


def _overlap(one, other):
    """Dash's wildcardOverlap: two pattern outputs that may name the same component's prop."""
    (id1, prop1), (id2, prop2) = one, other
    if prop1 != prop2 or not isinstance(id2, dict) or sorted(id1) != sorted(id2):
        return False
    for key in id1:
        a, b = id1[key], id2[key]
        if isinstance(a, Wildcard) and isinstance(b, Wildcard):
            if {a, b} == {MATCH, ALLSMALLER}:
                return False
        elif not (isinstance(a, Wildcard) or isinstance(b, Wildcard) or (a == b and type(a) is type(b))):
            return False
    return True


def dependency_errors(specs):
    """Dash's validateDependencies: problems with the callbacks' own dependencies. Any one of them makes
    dash-renderer leave its callback graph empty."""
    errors, used, used_patterns = [], set(), []
    for spec in specs:
        head = _head(spec)
        if not spec.inputs and spec.skips_initial_call:  # the renderer sees `prevent_initial_call is True`
            errors.append(
                (
                    "A callback is missing Inputs",
                    [
                        head,
                        "there are no `Input` elements.",
                        "Without `Input` elements, it will never get called.",
                        "",
                        "Subscribing to `Input` components will cause the",
                        "callback to be called whenever their values change.",
                        "",
                        "If you want a callback without inputs that fires on initial load,",
                        "set prevent_initial_call=False.",
                    ],
                )
            )
        for kind, deps in (("Output", spec.outputs), ("Input", spec.inputs), ("State", spec.states)):
            for index, dep in enumerate(deps):
                errors += _check_dependency(dep, head, kind, index)
        own, own_patterns = set(), []
        for index, dep in enumerate(spec.outputs):
            prop = _output_property(dep, spec)
            if isinstance(dep.component_id, dict):
                this = (dep.component_id, prop)
                hit = next((o for o in own_patterns if _overlap(this, o)), None)
                mine = hit is not None
                hit = hit or next((o for o in used_patterns if _overlap(this, o)), None)
                if hit is not None:
                    errors.append(
                        (
                            "Overlapping wildcard callback outputs",
                            [
                                head,
                                f"Output {index} ({dep_key(dep)})",
                                f"overlaps another output ({_pattern_text(hit)})",
                                f"used in {'this' if mine else 'a different'} callback.",
                            ],
                        )
                    )
                else:
                    own_patterns.append(this)
                continue
            key = f"{dep_key(dep)}{prop[len(dep.component_property) :]}"
            if key in own:
                errors.append(
                    ("Duplicate callback Outputs", [head, f"Output {index} ({key}) is already used by this callback."])
                )
            elif key in used:
                lines = [
                    head,
                    f"Output {index} ({key}) is already in use.",
                    "To resolve this, set `allow_duplicate=True` on",
                    "duplicate outputs, or combine the outputs into",
                    "one callback function, distinguishing the trigger",
                    "by using `dash.callback_context` if necessary.",
                ]
                if spec.ignored:  # livedash's addition: Dash says nothing of these
                    lines.append(
                        f"(livedash: this callback was given {', '.join(f'`{k}=`' for k in spec.ignored)}, which "
                        "Dash accepts and ignores without a word: it is no Dash option. The option is "
                        "`Output(..., allow_duplicate=True)` with `prevent_initial_call=True`.)"
                    )
                errors.append(("Duplicate callback outputs", lines))
            else:
                own.add(key)
        used |= own
        used_patterns += own_patterns
        errors += _mismatched_wildcards(spec, head)
    return errors


def _pattern_text(pattern):
    from .dependencies import stringify_id

    cid, prop = pattern
    return f"{stringify_id(cid)}.{prop}"


def _mismatched_wildcards(spec, head):
    """Dash's findMismatchedWildcards: MATCH on the same keys in every Output; an Input's or State's
    ALLSMALLER needs a MATCH on its key in the Outputs, and so does its MATCH when the Outputs have any."""
    errors, outputs = [], spec.outputs
    first = _wildcard_keys(outputs[0].component_id, MATCH) if outputs else []
    for index, out in enumerate(outputs[1:], 1):
        if _wildcard_keys(out.component_id, MATCH) != first:
            errors.append(
                (
                    "Mismatched `MATCH` wildcards across `Output`s",
                    [
                        head,
                        f"Output {index} ({dep_key(out)})",
                        "does not have MATCH wildcards on the same keys as",
                        f"Output 0 ({dep_key(outputs[0])}).",
                        "MATCH wildcards must be on the same keys for all Outputs.",
                        "ALL wildcards need not match, only MATCH.",
                    ],
                )
            )
    for kind, deps in (("Input", spec.inputs), ("State", spec.states)):
        for index, dep in enumerate(deps):
            keys = _wildcard_keys(dep.component_id, ALLSMALLER)
            if first:
                keys = _wildcard_keys(dep.component_id, MATCH) + keys
            diff = sorted({k for k in keys if k not in first})
            if diff:
                where = f"Output 0 ({dep_key(outputs[0])})" if outputs else "the (absent) Output"
                errors.append(
                    (
                        "`Input` / `State` wildcards not in `Output`s",
                        [
                            head,
                            f"{kind} {index} ({dep_key(dep)})",
                            f"has MATCH or ALLSMALLER on key(s) {', '.join(diff)}",
                            f"where {where}",
                            "does not have a MATCH wildcard. Inputs and State do not",
                            "need every MATCH from the Output(s), but ALLSMALLER",
                            "requires a matching MATCH in the Output(s), and when",
                            "the Output(s) have any MATCH, Input/State MATCH keys",
                            "must be a subset of them.",
                        ],
                    )
                )
    return errors


def find_cycle(specs):
    """A dependency cycle as Dash's dependency-graph names it, or None."""
    path = cycle_path(specs)
    return "Error: Dependency Cycle Found: " + " -> ".join(path) if path else None


def cycle_path(specs):
    """The props of a dependency cycle, ``[a, b, ..., a]`` where each depends on the next, or None. An
    output depends on the inputs of its callback that are not also its outputs."""
    depends, order = {}, []
    for spec in specs:
        inputs = [dep_key(d) for d in spec.inputs]
        outputs = [dep_key(o) for o in spec.outputs]
        for out in outputs:
            for node in [out] + inputs:
                if node not in depends:
                    depends[node] = []
                    order.append(node)
            # Dash leaves out every input that is also an output of the same callback (a callback that
            # keeps two props in sync, reading and writing both, is no cycle).
            depends[out] += [i for i in inputs if i not in outputs]
    state = {}

    def visit(node, path):
        state[node] = "active"
        for nxt in depends[node]:
            if state.get(nxt) == "active":
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt, path + [nxt])
                if found:
                    return found
        state[node] = "done"
        return None

    for node in order:
        if node not in state:
            found = visit(node, [node])
            if found:
                return found
    return None


def missing_ids(specs, store):
    """Dash's validateCallbacksToLayout, for string ids: each one missing from the layout, once per kind,
    unless every callback that uses it marks it optional (``allow_optional=True``, or ``optional=True``
    on the callback)."""
    errors = []
    for kind, deps_of in (
        ("Output", lambda s: s.outputs),
        ("Input", lambda s: s.inputs),
        ("State", lambda s: s.states),
    ):
        reported = set()
        for spec in specs:
            for dep in deps_of(spec):
                cid = dep.component_id
                if isinstance(cid, str) and not store.has(cid) and cid not in reported:
                    reported.add(cid)
                    users = [s for s in specs if any(d.component_id == cid for d in deps_of(s))]
                    if all(_optional(s, cid) for s in users):
                        continue
                    errors.append(
                        (
                            "ID not found in layout",
                            [
                                f"Attempting to connect a callback {kind} item to component:",
                                f'  "{cid}"',
                                "but no components with that id exist in the layout.",
                                "",
                                "If you are assigning callbacks to components that are",
                                "generated by other callbacks (and therefore not in the",
                                "initial layout), you can suppress this exception by setting",
                                "`suppress_callback_exceptions=True`.",
                                _tail(users),
                            ],
                        )
                    )
    return errors


def _optional(spec, cid):
    if getattr(spec, "optional", False):
        return True
    deps = [d for d in spec.outputs + spec.inputs + spec.states if d.component_id == cid]
    return not deps or all(d.allow_optional for d in deps)


def validate(app, specs, store, checks=True, shown=True):
    """(problems, callbacks that may run). Problems are {"title", "message"} dicts.

    ``checks`` is Dash's ``dev_tools_validate_callbacks`` and ``shown`` its ``dev_tools_ui``, both on with
    ``app.run(debug=True)`` and off without it (runmode.py). With checks dash-renderer checks the
    dependencies, and any problem there leaves its callback graph empty: only callbacks without inputs or
    without outputs can still run (on load); it also looks for cycles. Ids missing from the layout it looks
    for either way, but only the pop-up shows what it found: without it Dash shows nothing. Where several
    callbacks share one callback id (the same outputs) and the graph is not emptied, Dash's server keeps
    only the last function registered, which then answers for all of them."""
    problems, usable = [], last_function_wins(specs)
    if checks:
        problems = dependency_errors(specs)
    if problems:
        # Dash empties the callback graph, which leaves nothing to look at for cycles or missing ids
        usable = [s for s in specs if not s.inputs or not s.outputs]
    else:
        cycle = find_cycle(specs) if checks else None
        if cycle:
            problems.append(("Circular Dependencies", [cycle]))
        if not app.config.get("suppress_callback_exceptions"):
            problems += missing_ids(specs, store)
    if not shown:
        problems = []
    return [{"title": t, "message": "\n".join(lines)} for t, lines in problems], usable


def last_function_wins(specs):
    """The callbacks as Dash runs them without debug: Dash's callback map is keyed by callback id, so of
    the callbacks that share an id the last registered function runs for each of them (with that
    callback's own inputs, as dash-renderer sends them)."""
    last = {spec.id: spec for spec in specs}
    return [spec if last[spec.id] is spec else spec.served_by(last[spec.id]) for spec in specs]
