"""Gallery: dcc.Location and dcc.Link, two pages in one app chosen by the URL's path."""
from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

app.layout = html.Div([
    dcc.Location(id="url"),
    html.Nav([dcc.Link("Home", href="/", id="to-home"), " | ",
              dcc.Link("Recipes", href="/recipes", id="to-recipes")]),
    html.Div(id="page"),
    html.P(id="address"),
])


# The Location's pathname is the app's address; a Link changes it without reloading.
@callback(Output("page", "children"), Output("address", "children"), Input("url", "pathname"))
def route(pathname):
    if pathname == "/recipes":
        page = [html.H3("Recipes"), html.P("Pancakes, soup, and more pancakes.")]
    elif pathname == "/":
        page = [html.H3("Home"), html.P("Welcome. Try the Recipes link.")]
    else:
        page = [html.H3("Not found"), html.P("Nothing lives here.")]
    return page, f"This app's path: {pathname}"


if __name__ == "__main__":
    app.run(debug=True)
