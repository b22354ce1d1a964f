"""Gallery: picking from a list, with dcc.Dropdown (one value or many), dcc.Checklist and dcc.RadioItems."""
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

FRUIT = ["apple", "banana", "cherry", "damson", "elderberry"]

app.layout = html.Div([
    html.Div(["Main fruit", dcc.Dropdown(FRUIT, "apple", id="main-fruit", clearable=False)]),
    # multi=True: the value is a list.
    html.Div(["On the side", dcc.Dropdown(FRUIT, ["cherry"], id="side-fruit", multi=True)]),
    # Options can be plain values, or dicts when the label should differ from the value.
    dcc.Checklist(["nuts", "honey", "yoghurt"], ["honey"], id="toppings", inline=True),
    dcc.RadioItems([{"label": "small", "value": "S"}, {"label": "medium", "value": "M"},
                    {"label": "large", "value": "L"}], "M", id="size", inline=True),
    html.P(id="order"),
])

SIZES = {"S": "small", "M": "medium", "L": "large"}


@callback(Output("order", "children"), Input("main-fruit", "value"), Input("side-fruit", "value"),
          Input("toppings", "value"), Input("size", "value"))
def describe(main, side, toppings, size):
    side_text = ", ".join(side) if side else "nothing"
    topping_text = " and ".join(toppings) if toppings else "no topping"
    return f"A {SIZES[size]} bowl of {main or 'nothing'}, with {side_text} on the side, {topping_text}."


if __name__ == "__main__":
    app.run(debug=True)
