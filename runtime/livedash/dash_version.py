"""The Dash version whose behaviour livedash follows (and reports as ``dash.__version__``).

The one place it is written: the dash wheel whose React components sites serve (mkdocs/dash_wheel.py, which
pins that wheel's sha256 by version), the stamp of the generated component tables (components/*_table.py,
written by scripts/gen-components, checked by tests/unit/test_pins.py) and real Dash's venv for the
differential tests (scripts/lib/venv.sh reads this line) all follow it.
"""

DASH_VERSION = "4.4.1"
