"""Pinned npm packages, fetched once with the npm client (`npm pack`) into the cache (~/.cache/livedash, or
$LIVEDASH_CACHE), each tarball checked against its sha256, only the files listed in `members` kept. Copied into
built sites: Pyodide, mermaid, plotly.js, Ace, and Bootstrap's stylesheet when a component library names it
(wheels.py). For the build only: React's server renderer (prerender.py, ssr.mjs) and the licence texts of the
React, prop-types and @babel/polyfill builds that the dash wheel ships (notices.py); for the tests only:
axe-core. Each records its licence (SPDX), which the site's notices name (notices.py). Nothing large is
committed.

    python -m livedash.mkdocs.npm_cache      # fill the cache, and the dash wheel's files (scripts/fetch-packages)
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    sha256: str  # of the tarball `npm pack` downloads
    members: tuple  # files, or folders ending in "/", inside the package, kept in the cache
    licence: str

    @property
    def folder(self):
        return cache_root() / f"{self.name}-{self.version}"


# What the browser needs from Pyodide's core (13.5 MB): no wheels, since livedash imports none.
PYODIDE = NpmPackage(
    "pyodide",
    "314.0.7",
    "66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0",
    ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"),
    "MPL-2.0",
)
# The ES-module build: a page loads the core and only the chunks of the diagram types it draws.
MERMAID = NpmPackage(
    "mermaid",
    "11.17.2",
    "6ad2f42c3fc26bbf9e45cbb6d11898972573ea52b33a5f4ff51952899f950ffd",
    ("dist/mermaid.esm.min.mjs", "dist/chunks/mermaid.esm.min/", "LICENSE"),
    "MIT",
)
# plotly.js for dcc.Graph: the version Dash 4.4.1 draws with (plotly.py 7.1.0 bundles 4.1.1). A page loads it
# only when it shows a graph.
PLOTLY = NpmPackage(
    "plotly.js-dist-min",
    "4.1.1",
    "4169ed8fc581f2331f0aeb201c66debf48ab50721b6e64a8dcea45d42827464a",
    ("plotly.min.js", "LICENSE"),
    "MIT",
)
# The code editor: loaded only when a reader starts editing (the code is shown highlighted until then).
ACE = NpmPackage(
    "ace-builds",
    "1.45.2",
    "5260354a14533fa8e94572597b1ff53025b1bb0a9b2e25d50ecf2a01e57aa9e0",
    (
        "src-min-noconflict/ace.js",
        "src-min-noconflict/mode-python.js",
        "src-min-noconflict/theme-github_light_default.js",
        "src-min-noconflict/theme-github_dark.js",
        "LICENSE",
    ),
    "BSD-3-Clause",
)
# For the tests only (never copied into a site): the accessibility checker run on the lesson pages.
AXE = NpmPackage(
    "axe-core",
    "4.14.1",
    "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745",
    ("axe.min.js", "LICENSE"),
    "MPL-2.0",
)
# The Bootstrap stylesheet dash-bootstrap-components' `themes.BOOTSTRAP` names on a CDN (dbc 2.0.4: this
# version), served from the site when a site's `packages:` hold dbc (wheels.py maps the URL to it).
BOOTSTRAP = NpmPackage(
    "bootstrap",
    "5.3.6",
    "d5ef667cd6fcf9adb36de7ffd547e7beccdf5d90ef06a298380c45fd3a7e750a",
    ("dist/css/bootstrap.min.css", "dist/css/bootstrap-grid.min.css", "LICENSE"),
    "MIT",
)
# For the build only (never copied into a site): React's server renderer, to draw Dash's components into the
# pre-rendered page (with the React 18.3.1 of the dash wheel, dash_wheel.py).
REACT_DOM_SERVER = NpmPackage(
    "react-dom",
    "18.3.1",
    "031d4427a99f2f3f6cac18bbbf308594a67e4f47d10f4896fdec446505b040e0",
    (
        "umd/react-dom-server.browser.production.min.js",
        "umd/react-dom-server-legacy.browser.production.min.js",
        "LICENSE",
    ),
    "MIT",
)
# For the notices only (nothing but their LICENSE is kept): the packages whose builds the dash wheel ships in
# dash/deps/ without a licence text (dash_wheel.DEPENDENCIES); react-dom's is REACT_DOM_SERVER's, the same
# package and version.
REACT_LICENCE = NpmPackage(
    "react",
    "18.3.1",
    "8d9bed01a672e7eaf387942d781ad47c6a43089a30a0306060f9fd5ac7870347",
    ("LICENSE",),
    "MIT",
)
PROP_TYPES_LICENCE = NpmPackage(
    "prop-types",
    "15.8.1",
    "1c739eb05d8a462c286a4e9dd02f2ce5485c6fa3529244e9ff9b13a3671aa557",
    ("LICENSE",),
    "MIT",
)
BABEL_POLYFILL_LICENCE = NpmPackage(
    "@babel/polyfill",
    "7.12.1",
    "f6278ae18075a16e1749f308a9daf60b67028df8b8782d21a8ed8b9f9a207710",
    ("LICENSE",),
    "MIT",
)
PACKAGES = (
    PYODIDE,
    MERMAID,
    PLOTLY,
    ACE,
    AXE,
    BOOTSTRAP,
    REACT_DOM_SERVER,
    REACT_LICENCE,
    PROP_TYPES_LICENCE,
    BABEL_POLYFILL_LICENCE,
)


class PackageUnavailable(RuntimeError):
    pass


def cache_root():
    base = (
        os.environ.get("LIVEDASH_CACHE") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "livedash"
    )
    return Path(base)


def _wanted(package, name):
    return any(
        name == m or (m.endswith("/") and name.startswith(m) and not name.endswith(".map")) for m in package.members
    )


def ensure(package, log=print):
    """The cache folder of ``package``, fetched with ``npm pack`` when it is not there yet."""
    folder = package.folder
    if (folder / ".complete").is_file():
        return folder
    npm = shutil.which("npm")
    if npm is None:
        raise PackageUnavailable(
            f"{package.name} {package.version} is not in {folder} and npm is not installed to fetch it. "
            "Install Node.js with npm and run scripts/fetch-packages."
        )
    log(f"livedash: fetching {package.name} {package.version} with npm into {folder}")
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [npm, "pack", f"{package.name}@{package.version}", "--silent", "--pack-destination", tmp],
            capture_output=True,
            text=True,
        )
        tarballs = list(Path(tmp).glob("*.tgz"))
        if result.returncode != 0 or not tarballs:
            raise PackageUnavailable(f"`npm pack {package.name}@{package.version}` failed:\n{result.stderr.strip()}")
        digest = hashlib.sha256(tarballs[0].read_bytes()).hexdigest()
        if digest != package.sha256:
            raise PackageUnavailable(f"{tarballs[0].name} has sha256 {digest}, expected {package.sha256}")
        staging = folder.with_name(folder.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        with tarfile.open(tarballs[0]) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix("package/")
                if member.isfile() and _wanted(package, name):
                    (staging / name).parent.mkdir(parents=True, exist_ok=True)
                    with tar.extractfile(member) as src, open(staging / name, "wb") as dst:
                        shutil.copyfileobj(src, dst)
        missing = [m for m in package.members if not (staging / m).exists()]
        if missing:
            raise PackageUnavailable(f"{package.name} {package.version} lacks {', '.join(missing)}")
        (staging / ".complete").write_text(package.sha256)
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    return folder


def copy_into(package, target, strip=""):
    """Copy the cached files of ``package`` into ``target`` (skipping unchanged ones); ``strip`` is a
    leading folder to drop from the paths (``dist/``). Pyodide's standard library goes without its comments
    (stdlib.py: a fifth of the bytes every first visit fetches before an app answers)."""
    folder = ensure(package)
    instead = {"python_stdlib.zip": slim_stdlib(folder)} if package is PYODIDE else {}
    copy_tree(folder, target, strip, instead)


def slim_stdlib(folder):
    """The cached copy of ``folder``'s python_stdlib.zip without comments, made on first use."""
    from .stdlib import FORMAT, slim_zip

    slim = folder.with_name(f"{folder.name}-python_stdlib-slim{FORMAT}.zip")
    if not slim.is_file():
        slim_zip(folder / "python_stdlib.zip", slim)
    return slim


def copy_tree(source, target, strip="", instead=None):
    """Copy the files under ``source`` (but its ``.complete`` mark) into ``target``, skipping unchanged ones;
    ``instead``: relative path -> the file to copy in its place."""
    source = Path(source)
    for path in source.rglob("*"):
        if not path.is_file() or path.name == ".complete":
            continue
        relative = str(path.relative_to(source)).removeprefix(strip)
        path = Path((instead or {}).get(relative, path))
        dst = Path(target) / relative
        if not dst.exists() or dst.stat().st_size != path.stat().st_size:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dst)


if __name__ == "__main__":
    from . import dash_wheel

    try:
        for pkg in PACKAGES:
            print(ensure(pkg))
        print(dash_wheel.ensure())
    except PackageUnavailable as exc:
        sys.exit(str(exc))
