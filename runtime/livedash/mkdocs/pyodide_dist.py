"""The pinned Pyodide core: fetched once with the npm client into a cache, verified, then copied into sites.

    python -m livedash.mkdocs.pyodide_dist      # fill the cache (scripts/fetch-pyodide calls this)
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "314.0.7"
# sha256 of the npm tarball pyodide-314.0.7.tgz, checked after every download.
TARBALL_SHA256 = "66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0"
# What the browser needs from the core (13.5 MB): no wheels, since livedash imports none.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


class PyodideUnavailable(RuntimeError):
    pass


def cache_dir():
    root = os.environ.get("LIVEDASH_CACHE") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "livedash"
    return Path(root) / f"pyodide-{VERSION}"


def is_complete(folder):
    return all((folder / name).is_file() for name in CORE_FILES)


def ensure(log=print):
    """The folder with the core files, fetching them with ``npm pack`` when the cache is empty."""
    folder = cache_dir()
    if is_complete(folder):
        return folder
    npm = shutil.which("npm")
    if npm is None:
        raise PyodideUnavailable(
            f"Pyodide {VERSION} is not in {folder} and npm is not installed to fetch it. Install Node.js "
            "with npm and run scripts/fetch-pyodide, or set the plugin option `pyodide: cdn`.")
    log(f"livedash: fetching Pyodide {VERSION} with npm into {folder}")
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([npm, "pack", f"pyodide@{VERSION}", "--silent", "--pack-destination", tmp],
                                capture_output=True, text=True)
        tarballs = list(Path(tmp).glob("pyodide-*.tgz"))
        if result.returncode != 0 or not tarballs:
            raise PyodideUnavailable(f"`npm pack pyodide@{VERSION}` failed:\n{result.stderr.strip()}")
        digest = hashlib.sha256(tarballs[0].read_bytes()).hexdigest()
        if digest != TARBALL_SHA256:
            raise PyodideUnavailable(f"pyodide-{VERSION}.tgz has sha256 {digest}, expected {TARBALL_SHA256}")
        staging = folder.with_name(folder.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        with tarfile.open(tarballs[0]) as tar:
            for name in CORE_FILES:
                member = tar.getmember(f"package/{name}")
                with tar.extractfile(member) as src, open(staging / name, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    return folder


def copy_into(target):
    """Copy the core files into ``target`` (a folder of the built site), skipping unchanged ones."""
    source = ensure()
    target.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        src, dst = source / name, target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size or dst.stat().st_mtime < src.stat().st_mtime:
            shutil.copy2(src, dst)


if __name__ == "__main__":
    try:
        print(ensure())
    except PyodideUnavailable as exc:
        sys.exit(str(exc))
