"""Lesson 3: one callback, three outputs: a number, its colour, and a note that changes rarely."""
from dash import Dash, html, callback, Input, Output, no_update

app = Dash()

app.layout = html.Div([
    html.Button("+", id="up"),
    html.Button("−", id="down"),
    html.P(id="number"),
    html.P("No milestone yet (milestones are multiples of 5)", id="milestone"),
])


def colour_of(value):
    if value > 0:
        return "green"
    if value < 0:
        return "red"
    return "grey"


@callback(
    Output("number", "children"),
    Output("number", "style"),
    Output("milestone", "children"),
    Input("up", "n_clicks"),
    Input("down", "n_clicks"),
)
def update(up_clicks, down_clicks):
    value = (up_clicks or 0) - (down_clicks or 0)
    style = {"color": colour_of(value), "fontSize": "2em"}
    if value != 0 and value % 5 == 0:
        note = f"Milestone reached: {value}"
    else:
        note = no_update  # nothing new to say: leave the note as it is
    return str(value), style, note


if __name__ == "__main__":
    app.run(debug=True)
