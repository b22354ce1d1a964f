"""Component libraries: a small control panel made of dash-daq's instruments."""
from dash import Dash, html, callback, Input, Output
import dash_daq as daq

app = Dash()

app.layout = html.Div([
    html.Div([
        daq.BooleanSwitch(id="power", on=False, label="Power", labelPosition="top"),
        daq.Indicator(id="lamp", value=True, color="#bdbdbd", label="Running", labelPosition="top"),
        daq.Knob(id="throttle", value=4, min=0, max=10, size=120, label="Throttle"),
    ], style={"display": "flex", "gap": "24px", "alignItems": "center"}),
    html.Div([
        daq.Gauge(id="speed", value=0, min=0, max=100, units="km/h", showCurrentValue=True, size=160,
                  label="Speed"),
        daq.LEDDisplay(id="rpm", value="0000", label="Engine rpm", color="#ff5722"),
    ], style={"display": "flex", "gap": "24px", "alignItems": "center"}),
])


# The switch and the knob drive the instruments: with the power off, nothing moves and the lamp is grey.
@callback(
    Output("speed", "value"), Output("rpm", "value"), Output("lamp", "color"),
    Input("power", "on"), Input("throttle", "value"),
)
def drive(on, throttle):
    speed = round(throttle * 10) if on else 0
    return speed, f"{speed * 45:04d}", "#2e7d32" if on else "#bdbdbd"


if __name__ == "__main__":
    app.run(debug=True)
