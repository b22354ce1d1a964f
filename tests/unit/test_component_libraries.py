"""Dash component libraries (dash-bootstrap-components 2.0.4, dash-mantine-components 2.8.1) against livedash:
their generated classes subclass livedash's Component through the `dash` alias, give the JSON real Dash gives,
and their components take part in callbacks. The wheels come by pip into livedash's cache (mkdocs/wheels.py)."""

import json
import sys
import zipfile

import pytest

from livedash.components.base import children_props_of
from livedash.components.libraries import dash_for_libraries
from livedash.testing import Client

from .helpers import OUTCOME, livedash_run, real_dash

REQUIREMENTS = ["dash-bootstrap-components==2.0.4", "dash-mantine-components==2.8.1"]
LIBRARIES = ("dash_bootstrap_components", "dash_mantine_components")


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    """Folders holding the unpacked wheels (dmc reads its package-info.json from its folder: not a zip)."""
    from livedash.mkdocs.wheels import WheelsUnavailable, ensure

    try:
        folder = ensure(REQUIREMENTS, log=lambda *args: None)
    except WheelsUnavailable as exc:
        pytest.skip(f"pip could not fetch {', '.join(REQUIREMENTS)} into livedash's cache: {str(exc)[:500]}")
    target = tmp_path_factory.mktemp("libraries")
    found = []
    for wheel in sorted(folder.glob("*.whl")):
        unpacked = target / wheel.name.split("-")[0]
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(unpacked)
        found.append(str(unpacked))
    assert len(found) == 2, found
    try:
        import plotly  # noqa: F401 - dmc's __init__ imports plotly (Dash brings it; dmc does not ask for it)
    except ImportError:
        pytest.skip("dash-mantine-components needs plotly, which is not installed")
    before_path, before_modules = list(sys.path), set(sys.modules)
    yield found
    sys.path[:] = before_path
    for name in set(sys.modules) - before_modules:
        if name.split(".")[0] in LIBRARIES:
            del sys.modules[name]


def _script(paths, body):
    return f"import sys\nsys.path[:0] = {paths!r}\n" + body


LAYOUTS = (
    OUTCOME
    + """
import dash_bootstrap_components as dbc
import dash_mantine_components as dmc
from dash import html, dcc
RESULT = [
    outcome(lambda: dbc.Button("Go", id="b", color="primary")),
    outcome(lambda: dbc.Alert("Careful", id="a", color="warning", dismissable=True)),
    outcome(lambda: dmc.MantineProvider(dmc.Button("x", id="m"))),
    outcome(lambda: dmc.Button("x", id="m2", leftSection=html.Span("L", id="ls"),
                               loaderProps={"children": html.B("l")})),
    outcome(lambda: dbc.Tabs([dbc.Tab(html.P("one"), label="A", tab_id="a")], id="tabs", active_tab="a")),
    outcome(lambda: html.Div([dbc.Row(dbc.Col(dcc.Input(id="i"), width=6)), dmc.Text("t", size="sm")])),
    outcome(lambda: dmc.MantineProvider(theme={"primaryColor": "indigo"}, children=[dmc.Text("t")])),
    outcome(lambda: dbc.Button(colour="red")),
    outcome(lambda: dbc.Button("a", "b", "c")),
    outcome(lambda: dbc.Button(id=3)),
    outcome(lambda: dmc.Select(data=["a"], value=html.B())),
    outcome(lambda: dmc.Button(leftSection=html.B(), rightSection=dmc.Badge("r"))),
    outcome(lambda: [dbc.__version__, dmc.__version__, dbc.themes.BOOTSTRAP]),
]
"""
)


def test_library_components_give_what_real_dash_gives(paths):
    script = _script(paths, LAYOUTS)
    with dash_for_libraries():
        ours = livedash_run(script)
    theirs = real_dash(script)
    assert len(ours) == len(theirs)
    for mine, real in zip(ours, theirs, strict=True):
        assert mine == real
    assert ours[0]["json"][0] == ["props", [["children", "Go"], ["id", "b"], ["color", "primary"]]]


def test_library_classes_subclass_livedashs_component_and_dash_comes_back(paths):
    from livedash.components.base import Component

    before = sys.modules.get("dash")
    with dash_for_libraries():
        _app, namespace = _run(
            paths,
            "import dash_bootstrap_components as dbc\nimport dash\n"
            "from dash import Dash\napp = Dash()\napp.layout = dbc.Button('Go')\n",
        )
        assert sys.modules["dash"].__name__ == "livedash.dash"
    assert isinstance(namespace["app"].layout, Component)
    assert sys.modules.get("dash") is before  # nothing left behind


def _run(paths, body):
    from livedash.sandbox import execute

    return execute(_script(paths, body), "app.py")


APP = """
import dash_bootstrap_components as dbc
import dash_mantine_components as dmc
from dash import Dash, html, Input, Output, callback

app = Dash()
app.layout = dmc.MantineProvider(dbc.Container([
    dbc.Button("Go", id="b", color="primary", n_clicks=0),
    html.Div(id="out"),
    dbc.Alert("", id="alert", is_open=False),
    dmc.Button("M", id="m", leftSection=html.Span("0", id="left")),
]))


@callback(Output("out", "children"), Output("alert", "is_open"), Output("alert", "children"),
          Input("b", "n_clicks"))
def show(n):
    return f"clicked {n}", n > 0, dbc.Badge(str(n), id="badge", color="info")


@callback(Output("left", "children"), Input("m", "n_clicks"), prevent_initial_call=True)
def left(n):
    return f"clicked {n}"
"""


def test_callbacks_on_library_components(paths):
    with dash_for_libraries():
        client = Client(_script(paths, APP), "app.py")
    assert client.text("out") == "clicked 0" and client.prop("alert", "is_open") is False
    client.click("b")
    assert client.text("out") == "clicked 1"
    assert client.prop("alert", "is_open") is True
    assert client.component("badge").color == "info"  # a library component a callback returned
    # An id inside a children prop (dmc.Button's leftSection) is in the layout: callbacks can target it.
    client.set("m", n_clicks=1)
    assert client.prop("left", "children") == "clicked 1"
    layout = client.session.store.layout
    table = children_props_of(layout)
    assert table["dash_mantine_components"]["Button"] == ["leftSection", "rightSection", "loaderProps.children"]
    assert table["dash_bootstrap_components"] == {"Container": [], "Button": [], "Alert": [], "Badge": []}
    assert table["dash_html_components"] == {"Div": [], "Span": []}
    json.dumps(client.session.layout_json())


def test_typing_extensions_stand_in_when_it_is_missing(paths, monkeypatch):
    """Pyodide has no typing_extensions unless loaded: the libraries' generated modules import it."""
    for name in [n for n in sys.modules if n.split(".")[0] in LIBRARIES]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "typing_extensions", None)  # `import typing_extensions` fails
    with dash_for_libraries():
        assert sys.modules["typing_extensions"].NotRequired is not None
        ours = livedash_run(
            _script(
                paths,
                OUTCOME + "import dash_bootstrap_components as dbc\n"
                "RESULT = [outcome(lambda: dbc.Button('Go', id='b'))]\n",
            )
        )
    assert sys.modules["typing_extensions"] is None  # put back as it was
    assert ours == [
        {
            "json": [
                ["props", [["children", "Go"], ["id", "b"]]],
                ["type", "Button"],
                ["namespace", "dash_bootstrap_components"],
            ],
            "repr": "Button(children='Go', id='b')",
        }
    ]
