"""Lesson 10: a to-do list whose items are created by a callback and matched by pattern ids."""
from dash import Dash, html, dcc, callback, Input, Output, State, Patch, MATCH, ALL

app = Dash()

app.layout = html.Div([
    dcc.Input(id="new-item", placeholder="Something to do"),
    html.Button("Add", id="add"),
    html.Div([], id="items"),  # an empty list to append to (a Patch cannot append to nothing)
    html.P(id="summary"),
])


# Each click appends one item (and empties the box). The item's ids are dicts:
# the same "type" for all items, a new "index" for each.
@callback(
    Output("items", "children"),
    Output("new-item", "value"),
    Input("add", "n_clicks"),
    State("new-item", "value"),
    prevent_initial_call=True,
)
def add_item(n_clicks, text):
    items = Patch()  # change the current children instead of sending them all again
    items.append(html.Div([
        dcc.Checklist(id={"type": "done", "index": n_clicks}, options=[{"label": "done", "value": "done"}],
                      value=[], inline=True),
        html.Span(text or "(nothing)", id={"type": "text", "index": n_clicks}),
    ]))
    return items, ""


# MATCH: one call per item, with that item's checkbox and that item's text.
@callback(Output({"type": "text", "index": MATCH}, "style"), Input({"type": "done", "index": MATCH}, "value"))
def strike(value):
    return {"textDecoration": "line-through" if value else "none"}


# ALL: one call with the values of every checkbox, as a list.
@callback(Output("summary", "children"), Input({"type": "done", "index": ALL}, "value"))
def count_done(values):
    done = sum(1 for v in values if v)
    return f"{done} of {len(values)} done"


if __name__ == "__main__":
    app.run(debug=True)
