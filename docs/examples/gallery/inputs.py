"""Gallery: the components you type into, dcc.Input (text and number) and dcc.Textarea, and dcc.Button."""
from dash import Dash, html, dcc, callback, Input, Output, State

app = Dash()

app.layout = html.Div([
    html.Label(["Name: ", dcc.Input(id="name", type="text", placeholder="your name")]),
    # A number box: the arrows (and the arrow keys) move in steps of 2 between 0 and 10.
    html.Label(["Cups of tea (0 to 10, in steps of 2): ",
                dcc.Input(id="cups", type="number", min=0, max=10, step=2, value=4)]),
    html.Label(["A note:", dcc.Textarea(id="note", placeholder="anything you like", rows=3,
                                        style={"width": "100%"})]),
    dcc.Button("Send", id="send"),
    html.P(id="live"),
    html.P("Nothing sent yet.", id="sent"),
])


# Runs at every keystroke in either box.
@callback(Output("live", "children"), Input("name", "value"), Input("cups", "value"))
def show_live(name, cups):
    # A number box gives None while what it holds is not an allowed number (empty, 3, 12).
    cups_text = "not an allowed number of cups" if cups is None else f"{cups} cups"
    return f"{name or 'Nobody'}: {cups_text}"


# Runs only when the button is pressed; the boxes come along as State.
@callback(Output("sent", "children"), Input("send", "n_clicks"),
          State("name", "value"), State("cups", "value"), State("note", "value"),
          prevent_initial_call=True)
def send(n_clicks, name, cups, note):
    note = note or ""
    return f"Sent #{n_clicks}: {name or 'Nobody'}, {cups} cups, a note of {len(note)} characters."


if __name__ == "__main__":
    app.run(debug=True)
