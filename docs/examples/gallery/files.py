"""Gallery: dcc.Upload (a file from your computer into a callback) and dcc.Download (a callback's
text saved as a file)."""
import base64

from dash import Dash, html, dcc, callback, Input, Output, State

app = Dash()

app.layout = html.Div([
    dcc.Upload(id="upload", children=html.Div(["Drop a file here, or ", html.A("choose one")]),
               style={"border": "2px dashed #999", "borderRadius": "6px", "padding": "1em",
                      "textAlign": "center"}),
    html.P("No file yet.", id="upload-text"),
    html.Label(["Text to save: ", dcc.Input(id="to-save", value="Hello from the gallery")]),
    dcc.Button("Download note.txt", id="save"),
    dcc.Download(id="download"),
])


# contents is a data URL: "data:<type>;base64,<the file's bytes in base64>".
@callback(Output("upload-text", "children"), Input("upload", "contents"), State("upload", "filename"),
          prevent_initial_call=True)
def describe(contents, filename):
    size = len(base64.b64decode(contents.split(",", 1)[1]))
    return f"{filename}: {size} bytes"


# send_string makes the dict that dcc.Download turns into a file for the browser to save.
@callback(Output("download", "data"), Input("save", "n_clicks"), State("to-save", "value"),
          prevent_initial_call=True)
def save(n_clicks, text):
    return dcc.send_string(text or "", "note.txt")


if __name__ == "__main__":
    app.run(debug=True)
