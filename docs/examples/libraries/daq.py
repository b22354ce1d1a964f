"""Component libraries: a small engine panel made of dash-daq's instruments."""
from dash import Dash, html, callback, Input, Output
import dash_daq as daq

app = Dash()

app.layout = html.Div([
    html.Div([
        daq.Knob(id="throttle", value=4, min=0, max=10, size=120, label="Throttle"),
        html.Div([
            html.P("Gear"),
            daq.Slider(id="gear", value=1, min=1, max=4, step=1, marks={str(g): str(g) for g in range(1, 5)}),
        ]),
        daq.Indicator(id="lamp", value=True, color="#bdbdbd", label="Running", labelPosition="top"),
    ], style={"display": "flex", "gap": "32px", "alignItems": "center"}),
    html.Div([
        daq.Gauge(id="speed", value=0, min=0, max=120, units="km/h", showCurrentValue=True, size=160,
                  label="Speed"),
        daq.LEDDisplay(id="rpm", value="0000", label="Engine rpm", color="#ff5722"),
    ], style={"display": "flex", "gap": "32px", "alignItems": "center"}),
])


# The knob and the gear drive the instruments; with the throttle at 0 the engine stops and the lamp turns grey.
@callback(
    Output("speed", "value"), Output("rpm", "value"), Output("lamp", "color"),
    Input("throttle", "value"), Input("gear", "value"),
)
def drive(throttle, gear):
    rpm = round(throttle * 600)
    speed = round(rpm * gear / 200)
    return speed, f"{rpm:04d}", "#2e7d32" if rpm else "#bdbdbd"


if __name__ == "__main__":
    app.run(debug=True)
