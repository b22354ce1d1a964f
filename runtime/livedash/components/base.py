"""The Component base class: prop validation with Dash's messages, JSON form, tree walking."""

from ..dash_version import DASH_VERSION

_PACKAGE_ALIAS = {"dash_html_components": "html", "dash_core_components": "dcc"}


class Component:
    """A Dash component: only the props that were given are stored (React defaults stay unknown)."""

    _type = "Component"
    _namespace = ""
    _prop_names = ()        # every accepted prop, in positional order
    _required = ()          # props that must be given (e.g. dcc.Store's id)
    _wildcards = ()         # prefixes such as "data-" and "aria-"
    _defaults = {}          # props Dash always sends (html elements: children=None)

    def __init__(self, *args, **kwargs):
        if len(args) > len(self._prop_names):
            raise TypeError(f"{self._label(kwargs)} takes at most {len(self._prop_names)} positional arguments")
        for name, value in zip(self._prop_names, args):
            if name in kwargs:
                raise TypeError(f"{self._label(kwargs)} got multiple values for argument `{name}`")
            kwargs[name] = value
        for name in self._required:
            if name not in kwargs:
                raise TypeError(f"Required argument `{name}` was not specified.")
        object.__setattr__(self, "_props", dict(self._defaults))
        for name, value in kwargs.items():
            self._check(name, value, kwargs)
            self._props[name] = value

    # -- validation ---------------------------------------------------------------------------
    def _label(self, kwargs=None):
        props = self._props if kwargs is None else kwargs
        package = _PACKAGE_ALIAS.get(self._namespace, self._namespace)
        suffix = f' with the ID "{props["id"]}"' if "id" in props else ""
        return f"The `{package}.{self._type}` component (version {DASH_VERSION}){suffix}"

    def _accepts(self, name):
        return name in self._prop_names or any(name.startswith(w) for w in self._wildcards)

    def _check(self, name, value, kwargs=None):
        if not self._accepts(name):
            allowed = ", ".join(sorted(list(self._prop_names) + [w + "*" for w in self._wildcards]))
            raise TypeError(f"{self._label(kwargs)} received an unexpected keyword argument: `{name}`"
                            f"\nAllowed arguments: {allowed}")
        if name != "children" and isinstance(value, Component):
            raise TypeError(
                self._label(kwargs) + " detected a Component for a prop other than `children`\n"
                f"Prop {name} has value {value!r}\n\n"
                "Did you forget to wrap multiple `children` in an array?\n"
                'For example, it must be html.Div(["a", "b", "c"]) not html.Div("a", "b", "c")\n')
        if name == "id":
            check_id(value)

    # -- attribute access, as on Dash components ----------------------------------------------
    def __getattr__(self, name):
        props = object.__getattribute__(self, "_props")
        if name in props:
            return props[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name, value):
        self._check(name, value)
        self._props[name] = value

    def __delattr__(self, name):
        self._props.pop(name, None)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self._props.items())
        return f"{self._type}({inner})"

    def _on_mount(self):
        """Props the real component sets itself when it first renders (Dash's setProps on mount)."""

    def _on_set(self, prop):
        """Props the real component sets itself after ``prop`` was changed."""

    def _json_extra(self):
        """What the page needs beside the props to draw this component (dcc.Markdown: its HTML)."""
        return {}

    # -- JSON and traversal ---------------------------------------------------------------------
    def to_plotly_json(self):
        return {"props": dict(self._props), "type": self._type, "namespace": self._namespace}

    def _walk(self):
        """This component and every component below it, depth first, in layout order."""
        yield self
        yield from walk_children(self._props.get("children"))


def walk_children(children):
    if isinstance(children, Component):
        yield from children._walk()
    elif isinstance(children, (list, tuple)):
        for child in children:
            yield from walk_children(child)


def check_id(value):
    if isinstance(value, dict):
        for key, val in value.items():
            if not isinstance(key, str):
                raise TypeError(f"dict id keys must be strings,\nfound {key!r} in id {value!r}")
            if not isinstance(val, (str, int, float, bool)):
                raise TypeError(f"dict id values must be strings, numbers or bools,\nfound {val!r} in id {value!r}")
    elif not isinstance(value, str):
        raise TypeError(f"`id` prop must be a string or dict, not {value!r}")


def make_component(type_name, namespace, prop_names, *, wildcards=(), required=(), defaults=None, doc=None):
    """A Component subclass for one Dash component type."""
    return type(type_name, (Component,), {
        "_type": type_name, "_namespace": namespace, "_prop_names": tuple(prop_names),
        "_wildcards": tuple(wildcards), "_required": tuple(required), "_defaults": dict(defaults or {}),
        "__doc__": doc or f"The Dash `{type_name}` component.", "__module__": __name__,
    })
