"""The MkDocs plugin (the only part of livedash that imports mkdocs)."""
