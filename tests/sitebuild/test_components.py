"""Dash component libraries from the plugin's `packages:`: resolved without `dash`, their browser files found
in their wheels (without importing them) and served from the site, listed in components.json."""

import json
import zipfile
from pathlib import Path

import pytest

from livedash.mkdocs import dash_wheel, wheels
from tests.sites import ROOT, build, make_site

DBC = "dash-bootstrap-components==2.0.4"
BOOTSTRAP_URL = "https://cdn.jsdelivr.net/npm/bootstrap@5.3.6/dist/css/bootstrap.min.css"

# What examples/dbc_button.py would be with dbc; the pipeline test's example does not import dbc (see below).
DBC_BUTTON = """\
from dash import Dash, html, callback, Input, Output
import dash_bootstrap_components as dbc

app = Dash(external_stylesheets=[dbc.themes.BOOTSTRAP])
app.layout = html.Div([dbc.Button("Click", id="btn", color="primary"), html.P(id="count")])


@callback(Output("count", "children"), Input("btn", "n_clicks"))
def update(n):
    return f"Count: {n or 0}"
"""
PLAIN = (
    DBC_BUTTON.replace("import dash_bootstrap_components as dbc\n", "")
    .replace("external_stylesheets=[dbc.themes.BOOTSTRAP]", "")
    .replace('dbc.Button("Click", id="btn", color="primary")', 'html.Button("Click", id="btn")')
)


def dbc_site(root, code):
    return make_site(
        root,
        {"index.md": '# dbc\n\n```dash file="examples/app.py"\n```\n'},
        {"app.py": code},
        plugin={"packages": [DBC], "pyodide": "cdn"},
    )


@pytest.fixture(scope="module")
def dbc_built(tmp_path_factory):
    """A site with `packages: [dash-bootstrap-components]` whose example does not import dbc (the pipeline:
    resolution, files, manifest)."""
    root = dbc_site(tmp_path_factory.mktemp("dbc"), PLAIN)
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site" / "assets" / "livedash"


def test_a_library_is_served_without_dash_and_its_dependencies(dbc_built):
    # dbc requires dash (and through it Flask, plotly, ...): livedash provides dash, so only dbc is shipped
    assert sorted(p.name for p in (dbc_built / "packages").iterdir()) == [
        "dash_bootstrap_components-2.0.4-py3-none-any.whl"
    ]
    assert "dash_bootstrap_components-2.0.4-py3-none-any.whl" in (dbc_built / "config.js").read_text()


def test_the_manifest_lists_the_library_bundle_and_its_files_exist(dbc_built):
    manifest = json.loads((dbc_built / "components.json").read_text())
    assert manifest["namespaces"]["dash_bootstrap_components"] == {
        "scripts": ["libraries/dash_bootstrap_components/_components/dash_bootstrap_components.min.js"],
        "async": [],
        "styles": [],
    }
    bundle = dbc_built / manifest["namespaces"]["dash_bootstrap_components"]["scripts"][0]
    assert bundle.stat().st_size > 100_000 and b"dash_bootstrap_components" in bundle.read_bytes()
    assert "Apache" in (dbc_built / "libraries" / "dash_bootstrap_components" / "LICENSE").read_text()
    assert {"dash_html_components", "dash_core_components", "dash_table"} <= set(manifest["namespaces"])


def test_the_bootstrap_theme_url_is_served_from_the_site(dbc_built):
    manifest = json.loads((dbc_built / "components.json").read_text())
    assert manifest["stylesheets"][BOOTSTRAP_URL] == "libraries/bootstrap/bootstrap.min.css"
    css = (dbc_built / "libraries" / "bootstrap" / "bootstrap.min.css").read_text()
    assert css.startswith("@charset") and "Bootstrap  v5.3.6" in css
    assert (dbc_built / "libraries" / "bootstrap" / "LICENSE").is_file()
    assert all((dbc_built / path).is_file() for path in manifest["stylesheets"].values())


def test_an_example_using_dbc_builds(tmp_path):
    result = build(dbc_site(tmp_path, DBC_BUTTON))
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "index.html").read_text()
    assert '<p id="count">Count: 0</p>' in html
    assert "libraries/dash_bootstrap_components/_components/dash_bootstrap_components.min.js" in html  # preloaded


# ---- without a build ---------------------------------------------------------------------------------------


def real_dash():
    found = sorted(ROOT.glob(".venv-dash/lib/python3*/site-packages/dash"))
    if not found:
        pytest.skip(".venv-dash (real Dash) is not installed")
    return found[0]


def test_the_dash_files_are_what_dash_own_js_dist_serves():
    """dash_wheel's lists against the `_js_dist` of Dash 4.4.1's html, dcc and dash_table (read by the same
    reader as libraries' lists): the scripts in Dash's order, the async chunks, no dev-only or .map file."""
    dash = real_dash()
    for namespace, folder in (
        ("dash_html_components", "html"),
        ("dash_core_components", "dcc"),
        ("dash_table", "dash_table"),
    ):
        package_json = json.loads((dash / folder / "package-info.json").read_text())
        dists = wheels.read_dists(
            (dash / folder / "__init__.py").read_text(), folder, {"__name__": f"dash.{folder}"}, package_json
        )
        entries = [
            e
            for e in dists["_js_dist"]
            if "relative_package_path" in e and not e["relative_package_path"].endswith(".map")
        ]
        scripts = [f"dash/{e['relative_package_path']}" for e in entries if not e.get("async")]
        chunks = [f"dash/{e['relative_package_path']}" for e in entries if e.get("async")]
        assert dash_wheel.NAMESPACES[namespace]["scripts"] == scripts
        assert sorted(dash_wheel.NAMESPACES[namespace]["async"]) == sorted(chunks)
        assert dists.get("_css_dist", []) == []


GENERATED = """\
import json
import os as _os
import sys as _sys

import dash as _dash
from ._imports_ import *

_basepath = _os.path.dirname(__file__)
_filepath = _os.path.abspath(_os.path.join(_basepath, "package-info.json"))
with open(_filepath) as f:
    package = json.load(f)

package_name = package["name"].replace(" ", "_").replace("-", "_")
__version__ = package["version"]
_this_module = _sys.modules[__name__]
async_resources = ["chart", "editor"]

_js_dist = [
    {
        "relative_package_path": "{}.min.js".format(package_name),
        "external_url": "https://unpkg.com/{0}@{2}/{1}/{1}.min.js".format(package_name, __name__, __version__),
        "namespace": package_name,
    },
    {"relative_package_path": f"{package_name}.min.js.map", "namespace": package_name, "dynamic": True},
]
_js_dist.extend([{"relative_package_path": f"async-{name}.js", "namespace": package_name,
                  "async": name != "never", "external_url": _unknown_cdn + name} for name in async_resources])
_js_dist += [{"dev_package_path": "proptypes.js", "dev_only": True, "namespace": package_name}]
_css_dist = [{"relative_package_path": "style.css", "namespace": package_name},
             {"external_url": "https://cdn.example/theme.css", "external_only": True}]

for _component in __all__:
    setattr(locals()[_component], "_js_dist", _js_dist)
"""


def make_wheel(folder, name, files, requires=()):
    wheel = Path(folder) / f"{name}-1.0.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
        metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0.0\n" + "".join(
            f"Requires-Dist: {r}\n" for r in requires
        )
        archive.writestr(f"{name}-1.0.0.dist-info/METADATA", metadata)
        archive.writestr(f"{name}-1.0.0.dist-info/licenses/LICENSE", "MIT License\n")
    return wheel


def test_a_generated_library_is_read_without_importing_it(tmp_path):
    files = {
        "my_lib/__init__.py": GENERATED,
        "my_lib/package-info.json": json.dumps({"name": "my-lib", "version": "1.0.0"}),
        "my_lib/Chart.py": "class Chart:\n    _namespace = 'my_lib'\n    _type = 'Chart'\n",
        **{
            f"my_lib/{n}": "x"
            for n in (
                "my_lib.min.js",
                "my_lib.min.js.map",
                "async-chart.js",
                "async-editor.js",
                "style.css",
                "proptypes.js",
            )
        },
    }
    make_wheel(tmp_path, "my_lib", files)
    [library] = wheels.component_libraries(tmp_path)
    assert (library.namespace, library.package) == ("my_lib", "my_lib")
    assert library.manifest() == {
        "scripts": ["libraries/my_lib/my_lib.min.js"],
        "async": ["libraries/my_lib/async-chart.js", "libraries/my_lib/async-editor.js"],
        "styles": ["libraries/my_lib/style.css"],
    }
    assert set(library.files.values()) == {
        "libraries/my_lib/my_lib.min.js",
        "libraries/my_lib/async-chart.js",
        "libraries/my_lib/async-editor.js",
        "libraries/my_lib/style.css",
        "libraries/my_lib/LICENSE",
    }
    assert library.not_served == [("https://cdn.example/theme.css", "an external URL only")]


def test_a_library_whose_lists_cannot_be_read_is_refused_with_the_line(tmp_path):
    source = "from ._paths import bundle\n\n_js_dist = [{'relative_package_path': bundle(), 'namespace': 'x'}]\n"
    make_wheel(tmp_path, "odd_lib", {"odd_lib/__init__.py": "import os\n" + source})
    with pytest.raises(
        wheels.LibraryError,
        match=r"odd_lib/__init__.py: livedash could not read the "
        r"relative_package_path",
    ):
        wheels.component_libraries(tmp_path)
    with pytest.raises(wheels.LibraryError, match=r"__init__.py:2: livedash could not read _js_dist"):
        wheels.read_dists("import x\n_js_dist = x.resources()\n", "__init__.py", {})
    assert wheels.read_dists("VERSION = '1'\n", "__init__.py", {}) == {}  # not a component library


def test_dependencies_are_read_for_pyodide_with_the_asked_extras(tmp_path):
    wheel = make_wheel(
        tmp_path,
        "some_lib",
        {},
        requires=[
            "dash>=3",
            "numpy; extra == 'pandas'",
            "tzdata; sys_platform == 'win32'",
            "exceptiongroup; python_version < '3.11'",
            "typing-extensions>=4; python_version >= '3.9'",
        ],
    )

    def names(extras):
        return [r.name for r in wheels._dependencies(wheel, extras)]

    assert names(set()) == ["dash", "typing-extensions"]  # dash is dropped by the resolver (PROVIDED)
    assert names({"pandas"}) == ["dash", "numpy", "typing-extensions"]
    assert "dash" in wheels.PROVIDED
