"""Which files of a folder's assets/ go with an example (the page loads them, Download zips them)."""

from livedash.mkdocs.examples import used_assets

CODE = """from dash import Dash, html, clientside_callback, ClientsideFunction, Input, Output
app = Dash()
app.layout = html.Div([html.Button("b", id="btn", className="big shout"), html.P(id="out")])
clientside_callback(ClientsideFunction(namespace="course", function_name="f"), Output("out", "children"),
                    Input("btn", "n_clicks"))
"""


def write(folder, files):
    paths = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def test_scripts_go_with_the_examples_that_name_their_namespace(tmp_path):
    paths = write(
        tmp_path,
        {
            "course.js": "window.dash_clientside = Object.assign({}, window.dash_clientside, {course: {f: (n) => n}});",
            "other.js": "window.dash_clientside.other = {g: () => 1};",
        },
    )
    assert [p.name for p in used_assets(CODE, paths)] == ["course.js"]
    assert used_assets("from dash import Dash\napp = Dash()\n", paths) == []


def test_a_stylesheet_goes_when_it_names_the_apps_classes_or_styles_any_app(tmp_path):
    paths = write(
        tmp_path,
        {
            "classes.css": ".shout { text-transform: uppercase } #nowhere { color: #fff }",
            "unused.css": ".nowhere, #nothing p { color: red }\n@media (max-width: 1px) { .x { a: b } }",
            "elements.css": "/* .shout */ button { background: red }",
            "keyframes.css": "@keyframes spin { from { a: b } 50% { c: d } to { e: f } } .spin { x: y }",
        },
    )
    assert [p.name for p in used_assets(CODE, paths)] == ["classes.css", "elements.css"]
