"""The Dash version whose behaviour livedash follows (and reports as ``dash.__version__``)."""

DASH_VERSION = "4.4.1"
