"""Lesson 10: ALLSMALLER gives each row the values of the rows before it, for a running total."""
from dash import Dash, html, dcc, callback, Input, Output, MATCH, ALLSMALLER

app = Dash()

# Four rows, each with an amount and its running total; the index is the row number.
app.layout = html.Div([
    html.Div([
        html.Label([f"Amount {i + 1} ", dcc.Input(id={"type": "amount", "index": i}, value=str(i + 1), size="5")]),
        html.Span(id={"type": "total", "index": i}),
    ])
    for i in range(4)
])


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


# For row i: MATCH is row i's own amount; ALLSMALLER is the list of amounts of rows 0 .. i-1.
@callback(
    Output({"type": "total", "index": MATCH}, "children"),
    Input({"type": "amount", "index": MATCH}, "value"),
    Input({"type": "amount", "index": ALLSMALLER}, "value"),
)
def running_total(own, before):
    total = number(own) + sum(number(v) for v in before)
    return f" running total: {total:g}"


if __name__ == "__main__":
    app.run(debug=True)
