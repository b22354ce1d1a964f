"""The files a built site needs for its widgets: the web modules, the runtime zip, config.js, Pyodide, and
Dash's React components (React, the html/dcc/dash_table bundles from the dash wheel, and those of the
component libraries in `packages:`), listed for the page in components.json; and the notices of the
third-party software among them (notices.py)."""

import hashlib
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

from . import dash_wheel, notices
from .npm_cache import ACE, MERMAID, PLOTLY, PYODIDE, copy_into
from .wheels import LibraryError
from .wheels import copy_into as copy_wheels

PACKAGE = Path(__file__).resolve().parent.parent  # runtime/livedash
WEB = PACKAGE / "web"
CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE.version}/full/"
# Where mermaid goes in the site (mkdocs-mermaid2-plugin is pointed at it by the plugin).
MERMAID_PATH = "vendor/mermaid/mermaid.esm.min.mjs"
PLOTLY_PATH = "vendor/plotly/plotly.min.js"


def _normal(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _wheel_entries(folder, names):
    """config.js's `packages`: for each wheel, its URL, the top-level modules it provides (the worker loads it
    the first time code imports one of them) and the site's other wheels it requires (Requires-Dist)."""
    info = {}
    for name in names:
        with zipfile.ZipFile(Path(folder) / name) as archive:
            files = archive.namelist()
            metadata = next((f for f in files if f.endswith(".dist-info/METADATA")), None)
            text = archive.read(metadata).decode("utf-8", "replace") if metadata else ""
        modules = set()
        for file in files:
            first = file.split("/")[0]
            if file.endswith(".py") and not first.endswith((".dist-info", ".data")):  # (a package or a module)
                modules.add(first[:-3] if "/" not in file else first)
        requires = {
            _normal(re.split(r"[\s;<>=!~\[(]", line.split(":", 1)[1].strip())[0])
            for line in text.splitlines()
            if line.startswith("Requires-Dist:")
        }
        info[_normal(name.split("-")[0])] = (name, sorted(modules), requires)
    return [
        {
            "url": f"./packages/{name}",
            "modules": modules,
            "requires": [f"./packages/{info[r][0]}" for r in sorted(requires) if r in info],
        }
        for name, modules, requires in info.values()
    ]


def runtime_zip():
    """The pure-Python runtime as a zip for the worker (``livedash/`` at its root, no plugin, no web): it
    imports nothing outside the standard library."""
    files = [
        (str(Path("livedash") / path.relative_to(PACKAGE)), path)
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in ("mkdocs", "web")
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in files:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def components_manifest(libraries=()):
    """What the page loads to draw Dash's components, paths relative to the assets folder: ``react`` (the
    scripts every app needs first, in order), ``plotly`` (for dcc.Graph), ``namespaces`` (the JS namespace a
    bundle registers, ``window[namespace]``, which is its components' ``namespace`` in the layout -> its
    ``scripts`` in order, the ``async`` chunks it fetches itself from its own folder, its ``styles``) and
    ``stylesheets`` (a CDN URL a library's Python names, such as dbc.themes.BOOTSTRAP -> the site's copy)."""
    namespaces = {
        name: {key: list(paths) for key, paths in entry.items()} for name, entry in dash_wheel.NAMESPACES.items()
    }
    stylesheets = {}
    for library in libraries:
        if library.namespace in namespaces:
            raise LibraryError(
                f"{library.distribution} registers the JS namespace {library.namespace}, "
                "which another bundle of the site registers already"
            )
        namespaces[library.namespace] = library.manifest()
        stylesheets.update(library.stylesheets)
    return {
        "react": list(dash_wheel.REACT),
        "plotly": PLOTLY_PATH,
        "namespaces": namespaces,
        "stylesheets": stylesheets,
    }


def copy_libraries(libraries, target):
    """Copy each component library's browser files out of its wheel, and the stylesheets it maps, into
    ``target`` (skipping unchanged files)."""
    target = Path(target)
    for library in libraries:
        with zipfile.ZipFile(library.wheel) as wheel:
            for member, path in library.files.items():
                dst = target / path
                if not dst.exists() or dst.stat().st_size != wheel.getinfo(member).file_size:
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    dst.write_bytes(wheel.read(member))
        for package, strip, folder in library.npm:
            copy_into(package, target / folder, strip=strip)


def write_site_assets(
    site_dir,
    assets_path,
    pyodide_mode,
    pyodide_url=None,
    wheels_folder=None,
    exercises=None,
    libraries=(),
    snapshot=True,
):
    """Copy everything into ``site_dir/assets_path``; returns the folder. ``exercises``: page URL (relative
    to this folder) -> the ids of its exercises, for the progress shown in the navigation. ``libraries``:
    the Dash component libraries among the wheels (wheels.component_libraries). ``snapshot``: may the
    browser keep a Python memory snapshot for returning readers (web/snapshot.js)."""
    target = Path(site_dir) / assets_path
    target.mkdir(parents=True, exist_ok=True)
    for path in WEB.iterdir():
        if path.is_file() and path.suffix in (".js", ".css"):
            shutil.copy2(path, target / path.name)
    copy_into(MERMAID, target / "vendor" / "mermaid", strip="dist/")
    copy_into(PLOTLY, target / "vendor" / "plotly")
    copy_into(ACE, target / "vendor" / "ace", strip="src-min-noconflict/")
    found = [
        notices.npm_notice(MERMAID, ["vendor/mermaid/"]),
        notices.npm_notice(PLOTLY, ["vendor/plotly/"]),
        notices.npm_notice(ACE, ["vendor/ace/"]),
    ]
    dash_wheel.copy_into(target)
    found += notices.dash_notices()
    copy_libraries(libraries, target)
    data = runtime_zip()
    digest = hashlib.sha256(data).hexdigest()[:12]
    runtime_name = f"livedash-runtime-{digest}.zip"
    for old in target.glob("livedash-runtime-*.zip"):
        if old.name != runtime_name:
            old.unlink()
    (target / runtime_name).write_bytes(data)
    if pyodide_mode == "cdn":
        pyodide = pyodide_url or CDN
    else:
        copy_into(PYODIDE, target / "pyodide")
        pyodide = "./pyodide/"
        found += notices.pyodide_notices()
    packages = copy_wheels(wheels_folder, target / "packages") if wheels_folder else []
    found += notices.wheel_notices(target / "packages", packages, libraries)
    notices.write(target, found, pyodide=pyodide_mode != "cdn")
    wheels = _wheel_entries(target / "packages", packages)
    config = {
        "version": digest,
        "runtime": "./" + runtime_name,
        "pyodide": pyodide,
        "packages": wheels,
        "exercises": exercises or {},
        "snapshot": snapshot,
    }
    (target / "config.js").write_text(
        f"// Written by the livedash MkDocs plugin at build time.\nexport default {json.dumps(config, indent=2)};\n",
        encoding="utf-8",
    )
    (target / "components.json").write_text(
        json.dumps(components_manifest(libraries), indent=1) + "\n", encoding="utf-8"
    )
    return target
