"""livedash: Dash apps that run in the reader's browser, in MkDocs course sites."""

__version__ = "0.1.0"
