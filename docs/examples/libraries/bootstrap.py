"""Component libraries: a guest book made of dash-bootstrap-components, styled by Bootstrap's own stylesheet."""
from dash import Dash, callback, Input, Output, State, Patch, no_update
import dash_bootstrap_components as dbc

# dbc.themes.BOOTSTRAP is the address of Bootstrap's stylesheet; the app's components need it for their looks.
app = Dash(external_stylesheets=[dbc.themes.BOOTSTRAP])

app.layout = dbc.Container(dbc.Card([
    dbc.CardHeader(["Guest book ", dbc.Badge("0 signed", id="signed", color="secondary", pill=True)]),
    dbc.CardBody([
        dbc.Input(id="name", placeholder="Your name", type="text"),
        dbc.Button("Sign", id="sign", color="primary", class_name="mt-2"),
        dbc.Alert(id="thanks", is_open=False, class_name="mt-3"),
        dbc.ListGroup([], id="names", class_name="mt-3"),
    ]),
]), class_name="py-2")


# A click on Sign reads the name (State: typing alone calls nothing) and answers in the Alert.
@callback(
    Output("thanks", "children"), Output("thanks", "color"), Output("thanks", "is_open"),
    Output("signed", "children"), Output("names", "children"),
    Input("sign", "n_clicks"), State("name", "value"), State("names", "children"),
    prevent_initial_call=True,
)
def sign(n_clicks, name, names):
    if not name or not name.strip():
        return "Type your name first.", "warning", True, no_update, no_update
    # Patch adds one item to the list instead of sending the whole list back.
    more = Patch()
    more.append(dbc.ListGroupItem(name.strip()))
    count = len(names) + 1
    return f"Thank you, {name.strip()}!", "success", True, f"{count} signed", more


if __name__ == "__main__":
    app.run(debug=True)
