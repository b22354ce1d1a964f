"""Exercise (lesson 10): a shopping list with one checkbox per item."""
from dash import Dash, html, dcc, callback, Input, Output, MATCH, ALL

app = Dash()

ITEMS = ["bread", "milk", "apples"]

app.layout = html.Div([
    html.Div([
        dcc.Checklist(id={"type": "got", "index": i}, options=[{"label": "got it", "value": "got"}], value=[],
                      inline=True),
        html.Span(name, id={"type": "name", "index": i}),
    ])
    for i, name in enumerate(ITEMS)
] + [html.P(id="summary")])


# One call per item: the box and the name with the same index.
@callback(Output({"type": "name", "index": MATCH}, "style"), Input({"type": "got", "index": MATCH}, "value"))
def grey_out(value):
    return {"color": "grey" if value else "black"}


# One call for the whole list: every box's value, in layout order.
@callback(Output("summary", "children"), Input({"type": "got", "index": ALL}, "value"))
def summary(values):
    got = sum(1 for v in values if v)
    return f"{got} of {len(values)} in the basket"


if __name__ == "__main__":
    app.run(debug=True)
