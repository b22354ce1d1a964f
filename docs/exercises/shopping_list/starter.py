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


# TODO 1: a MATCH callback that makes an item's name grey ({"color": "grey"}) once its box is ticked,
# and black ({"color": "black"}) otherwise.


# TODO 2: an ALL callback that writes "2 of 3 in the basket" (with the right numbers) into "summary".


if __name__ == "__main__":
    app.run(debug=True)
