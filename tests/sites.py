"""Make small MkDocs sites on disk and build them for real (used by the build and browser tests)."""

import os
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import yaml

ROOT = Path(__file__).resolve().parent.parent

COUNTER = """\
from dash import Dash, html, callback, Input, Output

app = Dash()
app.layout = html.Div([html.Button("Click", id="btn"), html.P(id="count")])


@callback(Output("count", "children"), Input("btn", "n_clicks"))
def update(n):
    return f"Count: {n or 0}"


if __name__ == "__main__":
    app.run(debug=True)
"""


def make_site(root, pages, examples=None, theme="material", plugin=None, nav=None, extra=None):
    """Write mkdocs.yml, docs/<pages> and docs/examples/<examples> under ``root``; returns root. ``extra``:
    more settings of mkdocs.yml (``extra_css``)."""
    root = Path(root)
    docs = root / "docs"
    (docs / "examples").mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(dedent(text), encoding="utf-8")
    for name, text in (examples or {}).items():
        (docs / "examples" / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / "examples" / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "test site",
        "theme": {"name": theme, **({"features": ["navigation.instant"]} if theme == "material" else {})},
        "plugins": [{"livedash": plugin or {}}],
        "nav": nav or list(pages),
        **(extra or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def build_course(site_dir, site_url, strict=True):
    """Build the repository's own course into ``site_dir`` as if published at ``site_url`` (Material's
    instant navigation only takes over links that match the sitemap's host, port and path)."""
    site_dir = Path(site_dir)
    config = site_dir.parent / f"{site_dir.name}-mkdocs.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "INHERIT": str(ROOT / "mkdocs.yml"),
                "docs_dir": str(ROOT / "docs"),
                "site_url": site_url,
                "site_dir": str(site_dir),
            }
        ),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)] + (["--strict"] if strict else [])
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )


def build(root, strict=True):
    """Run `mkdocs build` in ``root``; returns the CompletedProcess (stdout and stderr merged)."""
    command = [sys.executable, "-m", "mkdocs", "build"] + (["--strict"] if strict else [])
    return subprocess.run(
        command, cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
