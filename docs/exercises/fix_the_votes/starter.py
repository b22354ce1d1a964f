"""Exercise (lesson 11): two mistakes from this lesson keep this app from working. Fix them."""
from dash import Dash, html, callback, Input, Output

app = Dash()

app.layout = html.Div([
    html.Button("Like", id="like"),
    html.Button("Dislike", id="dislike"),
    html.P("Likes: 0", id="likes"),
    html.P("No votes yet.", id="message"),
])


@callback(
    Output("likes", "children"),
    Output("message", "children"),
    Input("like", "n_clicks"),
    prevent_initial_call=True,
)
def like(n_clicks):
    return f"Likes: {n_clicks}"


@callback(
    Output("message", "children"),
    Input("dislike", "n_clicks"),
    prevent_initial_call=True,
    allow_duplicate_output=True,
)
def dislike(n_clicks):
    return "Sorry to hear that."


if __name__ == "__main__":
    app.run(debug=True)
