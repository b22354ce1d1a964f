"""Pure-Python wheels an author asks for (`packages:` in the plugin options), fetched with pip into a cache
and served from the site; the worker installs them before it loads any app. Compiled packages cannot run
here (they would need pyodide-build): pip is asked for py3-none-any wheels only, and says so when there is none."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from .npm_cache import cache_root

PYODIDE_PYTHON = "3.14"


class WheelsUnavailable(RuntimeError):
    pass


def ensure(requirements, log=print):
    """The folder holding pure-Python wheels for ``requirements`` and their dependencies."""
    key = hashlib.sha256("\n".join(sorted(requirements)).encode()).hexdigest()[:16]
    folder = cache_root() / "wheels" / key
    if (folder / ".complete").is_file():
        return folder
    log(f"livedash: fetching pure-Python wheels with pip: {', '.join(requirements)}")
    staging = folder.with_name(key + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
               "--dest", str(staging), "--only-binary=:all:", "--python-version", PYODIDE_PYTHON,
               "--implementation", "py", "--abi", "none", "--platform", "any", *requirements]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise WheelsUnavailable(
            f"pip found no pure-Python (py3-none-any) wheels for {', '.join(requirements)} and their dependencies; "
            f"a compiled package cannot run in livedash's browser Python.\n{result.stderr.strip()[-2000:]}")
    (staging / ".complete").write_text("\n".join(requirements))
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    return folder


def copy_into(folder, target):
    """Copy the wheels into ``target``; returns their file names."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for wheel in sorted(Path(folder).glob("*.whl")):
        names.append(wheel.name)
        if not (target / wheel.name).exists():
            shutil.copy2(wheel, target / wheel.name)
    return names
