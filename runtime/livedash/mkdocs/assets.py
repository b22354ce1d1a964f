"""The files a built site needs for its widgets: the web modules, the runtime zip, config.js, Pyodide."""

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

from .npm_cache import ACE, MERMAID, PLOTLY, PYODIDE, copy_into
from .wheels import copy_into as copy_wheels

PACKAGE = Path(__file__).resolve().parent.parent   # runtime/livedash
WEB = PACKAGE / "web"
CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE.version}/full/"
# Where mermaid goes in the site (mkdocs-mermaid2-plugin is pointed at it by the plugin).
MERMAID_PATH = "vendor/mermaid/mermaid.esm.min.mjs"


def runtime_zip():
    """The pure-Python runtime as a zip for the worker (``livedash/`` at its root, no plugin, no web)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(PACKAGE.rglob("*.py")):
            relative = path.relative_to(PACKAGE)
            if relative.parts[0] in ("mkdocs", "web"):
                continue
            info = zipfile.ZipInfo(str(Path("livedash") / relative), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def write_site_assets(site_dir, assets_path, pyodide_mode, pyodide_url=None, wheels_folder=None, exercises=None):
    """Copy everything into ``site_dir/assets_path``; returns the folder. ``exercises``: page URL (relative
    to this folder) -> the ids of its exercises, for the progress shown in the navigation."""
    target = Path(site_dir) / assets_path
    target.mkdir(parents=True, exist_ok=True)
    for path in WEB.iterdir():
        if path.is_file() and path.suffix in (".js", ".css"):
            shutil.copy2(path, target / path.name)
    copy_into(MERMAID, target / "vendor" / "mermaid", strip="dist/")
    copy_into(PLOTLY, target / "vendor" / "plotly")
    copy_into(ACE, target / "vendor" / "ace", strip="src-min-noconflict/")
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
    packages = copy_wheels(wheels_folder, target / "packages") if wheels_folder else []
    config = {"version": digest, "runtime": "./" + runtime_name, "pyodide": pyodide,
              "packages": [f"./packages/{name}" for name in packages], "exercises": exercises or {}}
    (target / "config.js").write_text(
        "// Written by the livedash MkDocs plugin at build time.\n"
        f"export default {json.dumps(config, indent=2)};\n", encoding="utf-8")
    return target
