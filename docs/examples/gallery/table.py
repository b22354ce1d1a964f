"""Gallery: dash_table.DataTable with editable cells, sorting and row selection, and callbacks reading
its data, its active cell and its selected rows."""
from dash import Dash, html, dash_table, callback, Input, Output, State

app = Dash()

COLUMNS = [
    {"name": "Item", "id": "item"},
    # Only the quantity can be edited; "numeric" makes the edited text a number.
    {"name": "Quantity", "id": "qty", "type": "numeric", "editable": True},
    {"name": "Price (£)", "id": "price", "type": "numeric"},
]
ROWS = [
    {"item": "apples", "qty": 4, "price": 0.5},
    {"item": "bread", "qty": 1, "price": 2.0},
    {"item": "cheese", "qty": 2, "price": 3.5},
    {"item": "dates", "qty": 10, "price": 0.25},
]

app.layout = html.Div([
    dash_table.DataTable(id="basket", columns=COLUMNS, data=ROWS, sort_action="native",
                         row_selectable="single", selected_rows=[]),
    html.P(id="total"),
    html.P("No cell chosen.", id="cell"),
    html.P("No row selected.", id="selected"),
])


# data changes after every edit: recompute the total.
@callback(Output("total", "children"), Input("basket", "data"))
def total(rows):
    amount = sum((row["qty"] or 0) * row["price"] for row in rows)
    return f"Total: £{amount:.2f}"


# active_cell's row counts the rows as shown (sorted or not): read the value from the shown rows.
@callback(Output("cell", "children"), Input("basket", "active_cell"), State("basket", "derived_viewport_data"),
          prevent_initial_call=True)
def show_cell(cell, shown):
    if cell is None:
        return "No cell chosen."
    value = shown[cell["row"]][cell["column_id"]]
    return f"Cell: row {cell['row']}, column {cell['column_id']}, value {value}"


# selected_rows, on the contrary, are positions in data, whatever the sorting.
@callback(Output("selected", "children"), Input("basket", "selected_rows"), State("basket", "data"))
def show_selected(selected, rows):
    if not selected:
        return "No row selected."
    return f"Selected: {rows[selected[0]]['item']}"


if __name__ == "__main__":
    app.run(debug=True)
