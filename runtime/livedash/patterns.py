"""Pattern-matching ids: which components a dependency with MATCH, ALL or ALLSMALLER refers to."""

from .dependencies import ALL, ALLSMALLER, MATCH, Wildcard


def is_pattern(component_id):
    return isinstance(component_id, dict) and any(isinstance(v, Wildcard) for v in component_id.values())


def id_sort_key(value):
    """Dash's idValSort: numbers before booleans before strings."""
    if isinstance(value, bool):
        return (1, value)
    if isinstance(value, (int, float)):
        return (0, value)
    return (2, str(value))


def matches(pattern, component_id, binding=None):
    """Does ``component_id`` fit ``pattern`` (with MATCH keys fixed by ``binding`` when given)?"""
    if not isinstance(pattern, dict):
        return pattern == component_id
    if not isinstance(component_id, dict) or set(pattern) != set(component_id):
        return False
    for key, want in pattern.items():
        have = component_id[key]
        if want is ALL:
            continue
        if want is MATCH:
            if binding is not None and key in binding and binding[key] != have:
                return False
        elif want is ALLSMALLER:
            if binding is None or key not in binding:
                continue
            if not id_sort_key(have) < id_sort_key(binding[key]):
                return False
        elif want != have or type(want) is not type(have):
            return False
    return True


def match_keys(pattern):
    return [k for k, v in pattern.items() if v is MATCH] if isinstance(pattern, dict) else []


def is_multi(dep):
    """ALL/ALLSMALLER dependencies stand for a list of components (their value is a list)."""
    return isinstance(dep.component_id, dict) and any(v in (ALL, ALLSMALLER) for v in dep.component_id.values())


def binding_of(pattern, component_id):
    """The MATCH values a concrete id gives a pattern: {key: value}."""
    return {k: component_id[k] for k in match_keys(pattern)}


def freeze(binding):
    return tuple(sorted(binding.items(), key=lambda kv: kv[0]))
