"""Make small MkDocs sites on disk and build them for real (used by the build and browser tests)."""

import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import yaml

COUNTER = '''\
from dash import Dash, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Click", id="btn"), html.P(id="count")])


@callback(Output("count", "children"), Input("btn", "n_clicks"))
def update(n):
    return f"Count: {n or 0}"


if __name__ == "__main__":
    app.run(debug=True)
'''


def make_site(root, pages, examples=None, theme="material", plugin=None, nav=None):
    """Write mkdocs.yml, docs/<pages> and docs/examples/<examples> under ``root``; returns root."""
    root = Path(root)
    docs = root / "docs"
    (docs / "examples").mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(dedent(text), encoding="utf-8")
    for name, text in (examples or {}).items():
        (docs / "examples" / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "test site",
        "theme": {"name": theme, **({"features": ["navigation.instant"]} if theme == "material" else {})},
        "plugins": [{"livedash": plugin or {}}],
        "nav": nav or list(pages),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def build(root, strict=True):
    """Run `mkdocs build` in ``root``; returns the CompletedProcess (stdout and stderr merged)."""
    command = [sys.executable, "-m", "mkdocs", "build"] + (["--strict"] if strict else [])
    return subprocess.run(command, cwd=root, capture_output=True, text=True,
                          env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
