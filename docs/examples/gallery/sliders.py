"""Gallery: dcc.Slider (one value, with labelled marks) and dcc.RangeSlider (two handles)."""
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.P("Volume"),
    dcc.Slider(id="volume", min=0, max=10, step=1, value=3, marks={0: "silent", 5: "half", 10: "loud"}),
    html.P("Opening hours"),
    dcc.RangeSlider(id="hours", min=0, max=24, step=1, value=[9, 17],
                    marks={hour: f"{hour}h" for hour in range(0, 25, 6)}),
    html.P(id="volume-text"),
    html.P(id="hours-text"),
])


@callback(Output("volume-text", "children"), Input("volume", "value"))
def show_volume(volume):
    return f"Volume {volume} of 10"


# A RangeSlider's value is a list: [low, high].
@callback(Output("hours-text", "children"), Input("hours", "value"))
def show_hours(hours):
    start, end = hours
    return f"Open {start}:00 to {end}:00, {end - start} hours"


if __name__ == "__main__":
    app.run(debug=True)
