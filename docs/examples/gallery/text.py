"""Gallery: dcc.Markdown drawing what you type into a dcc.Textarea, and dcc.Clipboard copying it."""
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

SOURCE = """\
## Shopping

| item  | how many |
|-------|---------:|
| eggs  | 6        |
| flour | 1 kg     |

Mix with `whisk(eggs, flour)`, or read [Dash's documentation](https://dash.plotly.com/).
"""

app.layout = html.Div([
    html.Div([
        dcc.Textarea(id="source", value=SOURCE, rows=9, style={"width": "90%"}),
        # The Clipboard draws a copy icon; a click copies the text of the component named by target_id.
        dcc.Clipboard(id="copy", target_id="source", title="Copy the text"),
    ], style={"display": "flex", "alignItems": "flex-start", "gap": "0.5em"}),
    html.P("Not copied yet.", id="copy-text"),
    dcc.Markdown(id="preview", link_target="_blank"),   # links open in a new tab
])


@callback(Output("preview", "children"), Input("source", "value"))
def preview(text):
    return text


@callback(Output("copy-text", "children"), Input("copy", "n_clicks"), prevent_initial_call=True)
def copied(n_clicks):
    return f"Copied {n_clicks} time{'s' if n_clicks != 1 else ''}."


if __name__ == "__main__":
    app.run(debug=True)
