"""Gallery: what the browser keeps and tells: dcc.Store in local storage (kept across reloads),
dcc.Interval (a callback every second, a few times) and dcc.Geolocation (where you are, if you allow it)."""
from dash import Dash, html, dcc, callback, Input, Output, State

# The Geolocation is only put in the page when asked for (see locate below): its callbacks name a
# component that is not in the first layout, which Dash accepts with suppress_callback_exceptions.
app = Dash(suppress_callback_exceptions=True)

app.layout = html.Div([
    # storage_type="local": the browser keeps data after a reload, and after closing the tab.
    dcc.Store(id="visits", storage_type="local"),
    dcc.Button("I was here", id="here"),
    dcc.Button("Forget me", id="forget"),
    html.P(id="visits-text"),
    # Counts 5 times, one second apart, then stops.
    dcc.Interval(id="tick", interval=1000, max_intervals=5),
    dcc.Button("Count again", id="again"),
    html.P(id="tick-text"),
    dcc.Button("Where am I?", id="locate"),
    html.Div(id="geo-slot"),
    html.P("Position not asked for yet.", id="geo-text"),
])


@callback(Output("visits", "data"), Input("here", "n_clicks"), State("visits", "data"),
          prevent_initial_call=True)
def count_visit(n_clicks, visits):
    return (visits or 0) + 1


@callback(Output("visits", "clear_data"), Input("forget", "n_clicks"), prevent_initial_call=True)
def forget(n_clicks):
    return True


# modified_timestamp changes whenever the Store's data is written, also when it is read back from the
# browser's storage on a reload: a good Input for showing a stored value.
@callback(Output("visits-text", "children"), Input("visits", "modified_timestamp"), State("visits", "data"))
def show_visits(timestamp, visits):
    return f"You pressed the button {visits or 0} time(s), over all your visits."


@callback(Output("tick-text", "children"), Input("tick", "n_intervals"))
def show_tick(n):
    return f"Tick {n} of 5"


# Setting n_intervals back to 0 starts the counting again.
@callback(Output("tick", "n_intervals"), Input("again", "n_clicks"), prevent_initial_call=True)
def restart(n_clicks):
    return 0


# A Geolocation asks the browser for the position as soon as it is drawn, and again whenever a callback
# sets update_now=True. The browser first asks you whether to allow it.
@callback(Output("geo-slot", "children"), Input("locate", "n_clicks"), prevent_initial_call=True)
def locate(n_clicks):
    return dcc.Geolocation(id="geo", update_now=True)


@callback(Output("geo-text", "children"), Input("geo", "position"), Input("geo", "position_error"),
          prevent_initial_call=True)
def show_position(position, error):
    if error:
        return f"No position: error {error['code']} ({error['message']})"
    if position:
        return f"Latitude {position['lat']:.3f}, longitude {position['lon']:.3f} (within {position['accuracy']:.0f} m)"
    return "Asking..."


if __name__ == "__main__":
    app.run(debug=True)
