import pytest

from livedash.components import dcc, html
from livedash.components.html_table import ELEMENTS
from livedash.exceptions import LivedashUnsupported
from livedash.store import to_json


def test_every_html_element_of_dash_exists_with_the_common_props():
    assert len(ELEMENTS) == 125
    for name in ELEMENTS:
        element = getattr(html, name)(id="x", className="c", n_clicks=0, **{"data-x": "1", "aria-label": "l"})
        assert element.to_plotly_json()["type"] == name
        assert element.to_plotly_json()["namespace"] == "dash_html_components"


def test_positional_arguments_follow_dash_order():
    assert html.Div("hi", "the-id").to_plotly_json()["props"] == {"children": "hi", "id": "the-id"}
    assert dcc.Slider(0, 10, 2, None, 4).to_plotly_json()["props"] == {"min": 0, "max": 10, "step": 2, "marks": None, "value": 4}


def test_unknown_prop_is_a_type_error_with_dash_message():
    with pytest.raises(TypeError) as err:
        html.Div(id="x", colour="red")
    message = str(err.value)
    assert message.startswith('The `html.Div` component (version 4.4.1) with the ID "x" received an '
                              "unexpected keyword argument: `colour`\nAllowed arguments: ")
    assert "className" in message and "data-*" in message
    with pytest.raises(TypeError, match="unexpected keyword argument: `foo`"):
        dcc.Input(foo=1)


def test_component_in_a_non_children_prop_is_refused():
    with pytest.raises(TypeError, match="detected a Component for a prop other than `children`"):
        html.Div("a", html.Span("b"))


def test_ids_must_be_strings_or_flat_dicts():
    with pytest.raises(TypeError, match="`id` prop must be a string or dict"):
        html.Div(id=3)
    with pytest.raises(TypeError, match="dict id values must be strings, numbers or bools"):
        html.Div(id={"a": [1]})
    assert html.Div(id={"type": "x", "index": 1}).id == {"type": "x", "index": 1}


def test_store_requires_an_id():
    with pytest.raises(TypeError, match="Required argument `id` was not specified."):
        dcc.Store(data=1)


def test_store_kinds_livedash_does_not_keep_are_refused_not_ignored():
    assert dcc.Store(id="s", storage_type="memory", data=1).data == 1
    with pytest.raises(LivedashUnsupported, match="storage_type='local'"):
        dcc.Store(id="s", storage_type="local")


def test_unset_props_are_unknown_not_defaulted():
    button = html.Button("Go", id="b")
    assert "n_clicks" not in button.to_plotly_json()["props"]
    with pytest.raises(AttributeError):
        button.n_clicks


def test_unsupported_dcc_component_says_so():
    with pytest.raises(LivedashUnsupported, match="dcc.Upload is not supported by livedash yet"):
        dcc.Upload


def test_nested_components_become_json():
    tree = html.Div([html.P("a", id="p"), ("t", 1)])
    assert to_json(tree) == {"props": {"children": [
        {"props": {"children": "a", "id": "p"}, "type": "P", "namespace": "dash_html_components"}, ["t", 1]]},
        "type": "Div", "namespace": "dash_html_components"}
    with pytest.raises(TypeError, match="not JSON serializable"):
        to_json({1, 2})
