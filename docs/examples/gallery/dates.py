"""Gallery: dcc.DatePickerSingle and dcc.DatePickerRange, on fixed dates in spring 2025."""
from datetime import date

from dash import Dash, html, dcc, callback, Input, Output

app = Dash()

# Fixed limits and a fixed first month, so that the calendars never depend on today's date.
FIRST, LAST = "2025-03-01", "2025-04-30"

app.layout = html.Div([
    html.P("Pick a day:"),
    dcc.DatePickerSingle(id="day", date="2025-03-14", min_date_allowed=FIRST, max_date_allowed=LAST,
                         initial_visible_month=FIRST),
    html.P(id="day-text"),
    html.P("Pick a stay, arrival then departure:"),
    dcc.DatePickerRange(id="stay", start_date="2025-03-10", end_date="2025-03-13", min_date_allowed=FIRST,
                        max_date_allowed=LAST, initial_visible_month=FIRST),
    html.P(id="stay-text"),
])


def parse(text):
    # The pickers give ISO dates as text, "2025-03-14" (only the first 10 characters are the date).
    return date.fromisoformat(text[:10])


@callback(Output("day-text", "children"), Input("day", "date"))
def show_day(day):
    if not day:
        return "No day picked."
    return f"{parse(day):%A %d %B %Y}"


@callback(Output("stay-text", "children"), Input("stay", "start_date"), Input("stay", "end_date"))
def show_stay(start, end):
    if not start or not end:
        return "Pick both dates."
    nights = (parse(end) - parse(start)).days
    return f"{nights} night{'s' if nights != 1 else ''}, from {parse(start):%d %B} to {parse(end):%d %B}"


if __name__ == "__main__":
    app.run(debug=True)
