"""Components: the base class, every html, dcc and dash_table component of Dash (from generated tables), and
what component libraries need (libraries.py)."""
