"""Gallery: dcc.ConfirmDialog (opened by a callback) and dcc.ConfirmDialogProvider (opened by a click on
what it wraps). Both use the browser's own OK/Cancel box."""
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

app.layout = html.Div([
    dcc.Button("Empty the bin", id="empty"),
    # Invisible until a callback sets displayed=True.
    dcc.ConfirmDialog(id="empty-confirm", message="Empty the bin? (Nothing is really deleted.)"),
    html.P("The bin is full.", id="empty-text"),
    # The provider asks before its child's click counts.
    dcc.ConfirmDialogProvider(dcc.Button("Publish"), id="publish", message="Publish the page now?"),
    html.P("Not published.", id="publish-text"),
])


@callback(Output("empty-confirm", "displayed"), Input("empty", "n_clicks"), prevent_initial_call=True)
def ask(n_clicks):
    return True


@callback(Output("empty-text", "children"), Input("empty-confirm", "submit_n_clicks"),
          Input("empty-confirm", "cancel_n_clicks"), prevent_initial_call=True)
def emptied(ok, cancel):
    return f"Emptied {ok or 0} time(s), kept {cancel or 0} time(s)."


@callback(Output("publish-text", "children"), Input("publish", "submit_n_clicks"),
          Input("publish", "cancel_n_clicks"), prevent_initial_call=True)
def published(ok, cancel):
    return f"Published {ok or 0} time(s), cancelled {cancel or 0} time(s)."


if __name__ == "__main__":
    app.run(debug=True)
