"""Lesson 5: State gives a callback a value without making it a trigger."""
from dash import Dash, html, dcc, callback, Input, Output, State

app = Dash()

app.layout = html.Div([
    dcc.Input(id="name", placeholder="Your name"),
    html.Button("Greet", id="greet"),
    html.P("Type a name, then press Greet.", id="greeting"),
])


# Typing changes name.value but runs nothing: it is only State.
# A click on Greet runs the callback, which then reads the name as it is at that moment.
@callback(
    Output("greeting", "children"),
    Input("greet", "n_clicks"),
    State("name", "value"),
    prevent_initial_call=True,
)
def greet(n_clicks, name):
    return f"Hello, {name or 'stranger'}!"


if __name__ == "__main__":
    app.run(debug=True)
