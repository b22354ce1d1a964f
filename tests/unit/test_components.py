import warnings

import pytest

from livedash.components import base, dash_table, dcc, html
from livedash.components.base import children_props_of, make_component
from livedash.components.html_table import ELEMENTS
from livedash.sandbox import execute
from livedash.store import Store, to_json

from .helpers import OUTCOME, client, livedash_run, real_dash


def test_every_html_element_of_dash_exists_with_the_common_props():
    assert len(ELEMENTS) == 125
    for name in ELEMENTS:
        element = getattr(html, name)(id="x", className="c", n_clicks=0, **{"data-x": "1", "aria-label": "l"})
        assert element.to_plotly_json()["type"] == name
        assert element.to_plotly_json()["namespace"] == "dash_html_components"


def test_every_dcc_and_dash_table_component_exists():
    assert len(dcc.__all__) == 30 and "Upload" in dcc.__all__ and "send_file" in dcc.__all__
    assert dcc.DatePickerRange(id="d").to_plotly_json()["type"] == "DatePickerRange"
    assert dash_table.__all__ == ["DataTable", "Format", "FormatTemplate"]
    with pytest.raises(AttributeError, match="module 'dash.dcc' has no attribute 'Foo'"):
        _ = dcc.Foo


# Every class, as real Dash's: its lists, its constructor's parameters, its required props.
CLASSES = """
import inspect, warnings
warnings.simplefilter("ignore")
from dash import html, dcc, dash_table
RESULT = {}
for module in (html, dcc, dash_table):
    for name in module.__all__:
        cls = getattr(module, name)
        if not isinstance(cls, type):
            continue
        params = [p for p in inspect.signature(cls).parameters if p != "kwargs"]
        required = []
        while True:
            try:
                made = cls(**{k: "x" for k in required})
                break
            except TypeError as exc:
                required.append(str(exc).split("`")[1])
        RESULT[module.__name__.split(".")[-1] + "." + name] = [
            params, required, made._prop_names, made._valid_wildcard_attributes, made.available_properties,
            made._children_props, made._base_nodes, made._namespace, made._type, made.to_plotly_json()["props"]]
"""


def test_every_class_has_what_real_dashs_has():
    real = real_dash(CLASSES)
    ours = livedash_run(CLASSES)
    assert len(ours) == len(real) == 125 + 26 + 1
    assert ours == real


def test_positional_arguments_follow_dash_order():
    assert html.Div("hi", "the-id").to_plotly_json()["props"] == {"children": "hi", "id": "the-id"}
    assert dcc.Slider(0, 10, 2, None, 4).to_plotly_json()["props"] == {
        "min": 0,
        "max": 10,
        "step": 2,
        "marks": None,
        "value": 4,
    }
    assert dcc.Slider(1, 10, 1, 5).marks == 5


# What Dash's constructors say, or give, for each of these.
MESSAGES = (
    OUTCOME
    + """
import warnings
warnings.simplefilter("ignore")
from dash import html, dcc, dash_table
from dash.dash_table.Format import Format, Scheme
cases = [
    lambda: dcc.Store(),
    lambda: dcc.Store(data=1, foo=2),
    lambda: dcc.Link("x"),
    lambda: dash_table.DataTable(foo=1),
    lambda: dash_table.DataTable(id="t", foo=1),
    lambda: html.Div(id="x", colour="red"),
    lambda: dcc.Slider(1, 10, 1, 5),
    lambda: dcc.Slider(1, 10, 1, 5, 3, *range(30)),
    lambda: dcc.Slider(1, min=2),
    lambda: html.Div(self=1),
    lambda: html.Div(_explicit_args=["id"]),
    lambda: html.Div(id=3),
    lambda: html.Div(id={"a": [1]}),
    lambda: html.Div(id={1: "a"}),
    lambda: html.Div("a", html.Span("b")),
    lambda: dcc.Tab(label=html.B("x"), value=html.B("y")),
    lambda: dcc.Tab(html.P("content"), label=html.B("x", id="lbl"), value="t"),
    lambda: dcc.Loading(html.P("c"), custom_spinner=html.B("s")),
    lambda: dcc.Dropdown(options=[{"label": html.B("a"), "value": "a"}], value="a", id="d"),
    lambda: html.Div(["a", html.P(id="p")], **{"data-x": 1}),  # one wildcard: Dash's order of several is a set's
    lambda: html.Div(**{"aria-label": None}),
    lambda: html.Div(),
    lambda: html.Script(**{"async": True, "src": "x.js"}),
    lambda: dcc.Tabs(id="tabs"),
    lambda: {"table": dash_table.DataTable(                 # in a dict: the repr would show the Format's address
        data=[{"a": 1.5}], columns=[{"name": "A", "id": "a", "type": "numeric",
                                    "format": Format(precision=2, scheme=Scheme.fixed)}])},
]
RESULT = [outcome(case) for case in cases]
"""
)


def test_constructors_say_and_give_what_dashs_do():
    real = real_dash(MESSAGES)
    ours = livedash_run(MESSAGES)
    assert len(ours) == len(real)
    for mine, theirs in zip(ours, real, strict=True):
        assert mine == theirs


# Dash's Python API over a layout: lookup, replacement and removal by id, iteration over ids, len.
TREE = (
    OUTCOME
    + """
from dash import html, dcc
def tree():
    return html.Div([html.H1("t", id="title"), "text", 3, html.Div(html.P("p", id={"k": "v", "a": 1})),
                     html.Ul([html.Li(str(i), id=f"li{i}") for i in range(3)]), dcc.Tab(label=html.B(id="lbl"))],
                    id="root")
def replaced():
    t = tree(); t["li1"] = html.Span("new", id="new"); return t
def removed():
    t = tree(); del t["li0"]; del t["title"]; return t
def deep():
    t = tree(); t["li2"].children = "changed"; return t
def child_only():
    t = html.Div(html.P(id="only")); t["only"] = html.B(id="b"); return t
RESULT = [
    outcome(lambda: tree()["title"]), outcome(lambda: tree()[{"a": 1, "k": "v"}]), outcome(lambda: tree()["li2"]),
    outcome(lambda: tree()["lbl"]), outcome(lambda: tree()["nope"]), outcome(lambda: html.Div()["x"]),
    outcome(lambda: html.Div("text")["x"]), outcome(replaced), outcome(removed), outcome(deep), outcome(child_only),
    outcome(lambda: list(tree())), outcome(lambda: len(tree())), outcome(lambda: bool(html.Div())),
    outcome(lambda: bool(html.Div("a"))), outcome(lambda: len(html.Div(html.P(["a", "b"])))),
    outcome(lambda: [type(x).__name__ for x in tree()._traverse()]),
    outcome(lambda: [p for p, _ in tree()._traverse_with_paths()]),
    outcome(lambda: "li1" in tree()),
]
"""
)


def test_lookup_by_id_iteration_and_len_as_in_dash():
    assert livedash_run(TREE) == real_dash(TREE)


def test_app_layout_indexed_by_id():
    layout = html.Div([html.Button("Go", id="b"), html.Div(html.P(id="p"))])
    assert layout["p"].id == "p"
    layout["b"].children = "Stop"
    assert layout["b"].to_plotly_json()["props"]["children"] == "Stop"
    assert list(layout) == ["b", "p"]
    with pytest.raises(KeyError):
        layout["nope"]


def test_store_requires_an_id():
    with pytest.raises(TypeError, match="Required argument `id` was not specified."):
        dcc.Store(data=1)


def test_local_and_session_stores_are_left_to_the_page():
    """A memory Store's reports are made here (the worker keeps it); a local or session one is Dash's own
    component in the page, which reads the browser's storage and reports itself."""
    memory = dcc.Store(id="m", data=1)
    assert memory._on_mount() is not None
    for kind in ("local", "session"):
        store = dcc.Store(id="s", storage_type=kind, data=1)
        assert store._on_mount() is None
        store.data = 2
        assert store._on_set("data") is None


def test_unset_props_are_unknown_not_defaulted():
    button = html.Button("Go", id="b")
    assert "n_clicks" not in button.to_plotly_json()["props"]
    with pytest.raises(AttributeError, match="'Button' object has no attribute 'n_clicks'"):
        _ = button.n_clicks


def test_attributes_are_set_as_in_dash():
    div = html.Div(id="d")
    div.className = "c"  # a prop: part of the component
    div.anything = 1  # any other name: a plain attribute, not a prop (no check, as in Dash)
    setattr(div, "data-x", "1")  # a wildcard prop
    assert div.to_plotly_json()["props"] == {"children": None, "id": "d", "className": "c", "data-x": "1"}
    assert div.anything == 1
    del div.className
    assert "className" not in div.to_plotly_json()["props"]


def test_to_plotly_json_orders_props_as_dash_and_the_store_keeps_the_given_order():
    div = html.Div(title="t", id="d", className="c")
    assert list(div.to_plotly_json()["props"]) == ["children", "id", "className", "title"]
    assert list(to_json(div)["props"]) == ["children", "title", "id", "className"]


def test_html_and_dcc_components_with_children_always_carry_them():
    assert html.Br().to_plotly_json()["props"] == {"children": None}
    assert dcc.Tabs(id="t").to_plotly_json()["props"] == {"children": None, "id": "t"}
    assert dcc.Input(id="i").to_plotly_json()["props"] == {"id": "i"}


def test_datatable_warns_as_dash_does():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dash_table.DataTable(id="t")
    assert [w.category for w in caught] == [DeprecationWarning]
    assert "We recommend using dash-ag-grid as a replacement" in str(caught[0].message)


def test_nested_components_become_json():
    tree = html.Div([html.P("a", id="p"), ("t", 1)])
    assert to_json(tree) == {
        "props": {
            "children": [
                {"props": {"children": "a", "id": "p"}, "type": "P", "namespace": "dash_html_components"},
                ["t", 1],
            ]
        },
        "type": "Div",
        "namespace": "dash_html_components",
    }
    with pytest.raises(TypeError, match="not JSON serializable"):
        to_json({1, 2})


# -- components in children props -----------------------------------------------------------------------
# A library-like type with every path form Dash's generator writes (see dash/development/_collect_nodes.py).
FANCY_CHILDREN_PROPS = (
    "left",
    "options[].label",
    "marks{}",
    "loaderProps.children",
    "items[].icons{}",
    "groups[].sub.items",
)
Fancy = make_component(
    "Fancy",
    "fancy_components",
    ("children", "id", "left", "options", "marks", "loaderProps", "items", "groups"),
    children_props=FANCY_CHILDREN_PROPS,
)


def test_walk_finds_components_in_every_children_prop():
    fancy = Fancy(
        html.P(id="c"),
        id="f",
        left=html.B(id="left"),
        options=[{"label": html.I(id="o1"), "value": 1}, {"label": "plain", "value": 2}, "x"],
        marks={"0": html.Span(id="m0"), "5": "five"},
        loaderProps={"children": [html.Em(id="lp")], "size": 3},
        items=[{"icons": {"a": html.Small(id="ic"), "b": None}}],
        groups=[{"sub": {"items": [html.Code(id="g")]}}],
    )
    ids = [c._props.get("id") for c in fancy._walk()]
    assert ids == ["f", "c", "left", "o1", "m0", "lp", "ic", "g"]
    assert Fancy._base_nodes == ["left", "children"]  # Dash: a component straight in `marks` is refused
    # Dash's Python API walks only children (its _traverse), as Dash's does.
    assert list(fancy) == ["c"]
    # The store indexes them all: callbacks can target ids there.
    assert set(Store(html.Div([fancy, dcc.Tab(label=html.B(id="tab-label"))])).index) >= {
        "left",
        "o1",
        "m0",
        "lp",
        "ic",
        "g",
        "tab-label",
    }


def test_children_props_of_a_tree():
    tree = html.Div([dcc.Tabs([dcc.Tab(html.P("x"), label=html.B(Fancy(id="inner")))]), html.Span()])
    assert children_props_of(tree) == {
        "dash_html_components": {"Div": [], "P": [], "B": [], "Span": []},
        "dash_core_components": {"Tabs": [], "Tab": ["label"]},
        "fancy_components": {"Fancy": list(FANCY_CHILDREN_PROPS)},
    }
    assert children_props_of([html.P()]) == {"dash_html_components": {"P": []}}


# -- the `dash` alias: dash_table, Format, and what component libraries import -------------------------------
def test_dash_table_imports_resolve_in_an_example():
    _app, ns = execute(
        "from dash import Dash, html, dash_table\nimport dash\nimport dash.dash_table\n"
        "from dash.dash_table import DataTable, FormatTemplate\n"
        "from dash.dash_table.Format import Format, Scheme, Group, Symbol, Sign, Trim, Align, Padding, Prefix\n"
        "import dash.dash_table.Format as F\n"
        "app = Dash()\n"
        "app.layout = DataTable(id='t', columns=[{'id': 'a', 'name': 'A', 'format': FormatTemplate.money(2)}])\n",
        "app.py",
    )
    assert ns["DataTable"] is dash_table.DataTable and ns["dash"].dash_table is dash_table
    assert ns["F"] is dash_table.Format and ns["Format"] is dash_table.Format.Format
    column = to_json(ns["app"].layout)["props"]["columns"][0]
    assert column["format"] == {"locale": {}, "nully": "", "prefix": None, "specifier": "$,.2f"}


FORMATS = """
from dash.dash_table import FormatTemplate
from dash.dash_table.Format import Format, Scheme, Group, Symbol, Sign, Trim, Align, Padding, Prefix
def attempt(make):
    try:
        value = make()
    except Exception as exc:
        return ["error", type(exc).__name__, [str(a) for a in exc.args]]
    return value.to_plotly_json() if hasattr(value, "to_plotly_json") else value
cases = [
    lambda: Format(),
    lambda: Format(precision=2, scheme=Scheme.fixed),
    lambda: Format(group=True, precision=0, symbol=Symbol.yes, sign=Sign.parantheses),
    lambda: Format(fill="*", align=Align.right, padding_width=10),
    lambda: Format(fill="*", padding_width=10),
    lambda: Format(padding=True, padding_width=8, trim=True, scheme=Scheme.decimal_or_exponent),
    lambda: Format(si_prefix=Prefix.kilo, nully="N/A", scheme=Scheme.decimal_si_prefix),
    lambda: Format().symbol(Symbol.yes).symbol_prefix("EUR ").symbol_suffix(" !").decimal_delimiter(",")
                    .group_delimiter(".").groups([3, 2]).group(Group.yes),
    lambda: Format().symbol_suffix("%").groups(3),
    lambda: Format(precision=None, padding_width=None, group=False, padding=False, trim=False),
    lambda: FormatTemplate.money(2),
    lambda: FormatTemplate.money(0, Sign.positive),
    lambda: FormatTemplate.percentage(1),
    lambda: FormatTemplate.percentage(3, True),
    lambda: FormatTemplate.percentage(3, "yes"),
    lambda: Format(colour=1),
    lambda: Format(precision=-1),
    lambda: Format(precision=1.5),
    lambda: Format(scheme="q"),
    lambda: Format(fill="ab"),
    lambda: Format(fill=1),
    lambda: Format().groups([]),
    lambda: Format().groups([0]),
    lambda: Format().groups("3"),
    lambda: Format().groups([1.5]),
    lambda: Format(si_prefix=7),
    lambda: [list(Scheme), list(Prefix), Sign._fields, Align.center, repr(Trim), repr(Group)],
]
RESULT = [attempt(case) for case in cases]
"""


def test_format_and_format_template_give_what_dashs_give():
    assert livedash_run(FORMATS) == real_dash(FORMATS)


SENDS = """
import os, tempfile
from dash import dcc
def attempt(make):
    try:
        return make()
    except Exception as exc:
        return ["error", type(exc).__name__, str(exc)]
def to_csv(buffer, sep=","):
    buffer.write(sep.join(["a", "b"]) + "\\n")
    buffer.close()
def to_excel(buffer):
    buffer.write(b"\\x00\\xffxl")
def to_markdown(buffer):
    buffer.write("x")
folder = tempfile.mkdtemp()
with open(os.path.join(folder, "data.bin"), "wb") as f:
    f.write(bytes(range(256)))
RESULT = [
    dcc.send_string("a,b\\n1,2", "x.csv"), dcc.send_string("é", "x.txt", type="text/plain"),
    dcc.send_string(to_csv, "w.csv", sep=";"), dcc.send_bytes(b"\\x00\\x01", "x.bin"),
    dcc.send_bytes(to_excel, "x.xlsx", "application/vnd.ms-excel"),
    dcc.send_file(os.path.join(folder, "data.bin")), dcc.send_file(os.path.join(folder, "data.bin"), "y.bin", "t"),
    dcc.send_data_frame(to_csv, "df.csv"), dcc.send_data_frame(to_excel, "df.xlsx"),
    attempt(lambda: dcc.send_data_frame(to_markdown, "df.md")),
    attempt(lambda: dcc.send_file(os.path.join(folder, "missing.txt")))[:2],
]
"""


def test_send_helpers_give_what_dashs_give():
    assert livedash_run(SENDS) == real_dash(SENDS)


def test_send_file_of_a_missing_file_says_why():
    with pytest.raises(FileNotFoundError, match="only the files the app wrote itself exist"):
        dcc.send_file("/no/such/file.csv")


# A class written as Dash's generator (3.x/4.x) writes a library's, against livedash's `dash`.
LIBRARY = """
import typing
from dash.development.base_component import Component, _explicitize_args
from dash import html, Dash

class Widget(Component):
    _children_props = ["footer"]
    _base_nodes = ["footer", "children"]
    _namespace = "my_widgets"
    _type = "Widget"

    def __init__(self, children=None, id=Component.UNDEFINED, label=Component.REQUIRED, footer=None, **kwargs):
        self._prop_names = ["children", "id", "footer", "label", "data-*"]
        self._valid_wildcard_attributes = ["data-"]
        self.available_properties = ["children", "id", "footer", "label", "data-*"]
        self.available_wildcard_properties = ["data-"]
        _explicit_args = kwargs.pop("_explicit_args")
        _locals = locals()
        _locals.update(kwargs)
        args = {k: _locals[k] for k in _explicit_args if k != "children"}
        for k in ["label"]:
            if k not in args:
                raise TypeError("Required argument `" + k + "` was not specified.")
        super(Widget, self).__init__(children=children, **args)

setattr(Widget, "__init__", _explicitize_args(Widget.__init__))

class Old(Component):
    _namespace = "my_widgets"
    _type = "Old"
    _explicitize_dash_init = True     # Dash 3.0.3's generator: the metaclass wraps __init__
    def __init__(self, id=None, **kwargs):
        self._prop_names = ["id"]
        self._valid_wildcard_attributes = []
        _explicit_args = kwargs.pop("_explicit_args")
        _locals = locals()
        _locals.update(kwargs)
        super(Old, self).__init__(**{k: _locals[k] for k in _explicit_args})

RESULT = [
    outcome(lambda: Widget("hi", "w", "L", html.B("f", id="foot"), **{"data-x": 1})),
    outcome(lambda: Widget(label="L")),
    outcome(lambda: Widget()),
    outcome(lambda: Widget(label="L", colour=1)),
    outcome(lambda: Widget(label="L", id="w2", footer2=html.B())),
    outcome(lambda: Widget(label=html.B())),
    outcome(lambda: Widget(label="L", id=1)),
    outcome(lambda: Widget("a", "b", "c", "d", "e")),
    outcome(lambda: Old(id="o")),
    outcome(lambda: Old(colour=1)),
    outcome(lambda: str(Component.UNDEFINED) + repr(Component.REQUIRED)),
]
"""


def test_a_library_class_written_by_dashs_generator_works_as_in_dash():
    script = OUTCOME + LIBRARY
    ours = livedash_run(script)
    assert ours == real_dash(script)
    assert ours[0]["repr"] == "Widget(children='hi', id='w', footer=B(children='f', id='foot'), label='L', data-x=1)"


def test_component_types_keep_their_hooks():
    assert base.Component._on_mount(html.Div()) is None
    assert not hasattr(dcc.Markdown("# t"), "_json_extra")  # Dash's own component draws it in the page


def test_a_slider_returned_in_its_json_form_reports_drag_value():
    """A component a callback returns in its JSON form (as read from a State, or written by hand) is made again
    with livedash's own class: a Slider reports drag_value as soon as it is drawn, as Dash's does."""
    c = client("""
        app = Dash()
        app.layout = html.Div([html.Button(id="b"), html.Div(id="holder")])

        @callback(Output("holder", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def draw(n):
            props = {"id": "s", "min": 0, "max": 10, "value": 3}
            return {"type": "Slider", "namespace": "dash_core_components", "props": props}
    """)
    c.click("b")
    assert c.prop("s", "drag_value") == 3
