"""Dash's own browser files (React, the html, dcc and dash_table bundles), taken from the pinned `dash` wheel:
fetched once with pip into the cache (checked against a pinned sha256), only the files below extracted, then
copied into every built site under ``<assets_path>/dash/`` with the wheel's layout (``dash/deps/...``,
``dash/dcc/...``): webpack loads a bundle's async chunks from the bundle's own folder.

Which files, and in which order, is what Dash 4.4.1's index page serves (``_dash_renderer._js_dist_dependencies``
and the ``_js_dist`` of dash/html, dash/dcc and dash/dash_table, ``serve_locally``, not ``eager_loading``,
not ``dev_bundles``): the ``async`` chunks are not in the page but fetched by their bundle on demand;
``dash_renderer`` is not needed (livedash keeps its own scheduler), nor the ``.map`` files, dcc's
``proptypes.js`` (``dev_only``), or dash_table's ``commons.js``/``runtime.js``/``demo.js``/``*_test.*.js``
(its own test builds: ``bundle.js`` never loads them). tests/sitebuild/test_components.py checks these
lists against the wheel's own ``_js_dist``.
"""

import hashlib
import shutil
import tempfile
import zipfile
from pathlib import Path

from ..dash_version import DASH_VERSION
from .npm_cache import (
    BABEL_POLYFILL_LICENCE,
    PROP_TYPES_LICENCE,
    REACT_DOM_SERVER,
    REACT_LICENCE,
    PackageUnavailable,
    cache_root,
)
from .wheels import pip_download

VERSION = DASH_VERSION  # (dash_version.py is the one place the version is written)
# The sha256 of dash-<version>-py3-none-any.whl, by version: a new DASH_VERSION needs its wheel's hash here
# (ensure() refuses to fetch a wheel it cannot check).
WHEEL_SHA256 = {
    "4.4.1": "72120a91b10ee4d73f9446efd5d6a4ec218086feed7b1b479d2259844d1f658f",
}
SHA256 = WHEEL_SHA256.get(VERSION)
LICENCE = "MIT"

# Dash's prod dependencies, in its order. The @babel/polyfill comes first in Dash's page and is needed: dcc's
# and dash_table's bundles call the global `regeneratorRuntime` it defines (dcc when a lazy component such
# as Slider has loaded its chunk).
REACT = [
    "dash/deps/polyfill@7.12.1.min.js",
    "dash/deps/react@18.3.1.min.js",
    "dash/deps/react-dom@18.3.1.min.js",
    "dash/deps/prop-types@15.8.1.min.js",
]
# The npm package each of those files is a build of (the version in its name): the wheel carries no licence
# text for them, so the site's notices take it from that package (notices.py; tests/unit/test_pins.py checks
# the names and versions).
DEPENDENCIES = {
    "dash/deps/polyfill@7.12.1.min.js": BABEL_POLYFILL_LICENCE,
    "dash/deps/react@18.3.1.min.js": REACT_LICENCE,
    "dash/deps/react-dom@18.3.1.min.js": REACT_DOM_SERVER,
    "dash/deps/prop-types@15.8.1.min.js": PROP_TYPES_LICENCE,
}

# The JS namespace each bundle registers (window[namespace], the components' `_namespace`) -> its files, paths
# relative to the site's assets folder. "scripts" in the order Dash's page loads them; "async": chunks the
# bundle fetches itself from its own folder.
NAMESPACES = {
    "dash_html_components": {"scripts": ["dash/html/dash_html_components.min.js"], "async": [], "styles": []},
    "dash_core_components": {
        "scripts": ["dash/dcc/dash_core_components.js", "dash/dcc/dash_core_components-shared.js"],
        "async": [
            f"dash/dcc/async-{name}.js"
            for name in ("datepicker", "dropdown", "graph", "highlight", "markdown", "mathjax", "slider", "upload")
        ],
        "styles": [],
    },
    "dash_table": {
        "scripts": ["dash/dash_table/bundle.js"],
        "async": [f"dash/dash_table/async-{name}.js" for name in ("export", "table", "highlight")],
        "styles": [],
    },
}

# The async chunk a component's bundle fetches when it is first drawn: (namespace, type) -> chunk (the page
# preloads those of its apps' first layouts). dcc's shared chunk is loaded as a script already.
ASYNC_BY_TYPE = {
    **{
        ("dash_core_components", kind): f"dash/dcc/async-{chunk}.js"
        for kind, chunk in (
            ("Slider", "slider"),
            ("RangeSlider", "slider"),
            ("Dropdown", "dropdown"),
            ("Graph", "graph"),
            ("DatePickerSingle", "datepicker"),
            ("DatePickerRange", "datepicker"),
            ("Upload", "upload"),
            ("Markdown", "markdown"),
        )
    },
    ("dash_table", "DataTable"): "dash/dash_table/async-table.js",
}

LICENCE_FILE = "dash/LICENSE"  # the wheel's dist-info licence, put beside the files it covers


def files():
    """Every file of the wheel the site needs (its path in the wheel, which is also its path in the site)."""
    return REACT + [path for entry in NAMESPACES.values() for key in ("scripts", "async") for path in entry[key]]


def folder():
    return cache_root() / f"dash-{VERSION}"


def ensure(log=print):
    """The cache folder holding ``dash/...`` (the files above, their ``.LICENSE.txt`` notes and Dash's
    LICENSE), fetched with ``pip download`` when it is not there yet."""
    if SHA256 is None:
        raise PackageUnavailable(
            f"no sha256 is pinned for the dash {VERSION} wheel (DASH_VERSION in livedash/dash_version.py): "
            "add it to WHEEL_SHA256 in livedash/mkdocs/dash_wheel.py"
        )
    target = folder()
    if (target / ".complete").is_file():
        return target
    log(f"livedash: fetching the dash {VERSION} wheel with pip into {target}")
    with tempfile.TemporaryDirectory() as tmp:
        requirements = Path(tmp) / "requirements.txt"
        requirements.write_text(f"dash=={VERSION} --hash=sha256:{SHA256}\n")
        result = pip_download(tmp, "--require-hashes", "-r", str(requirements))
        wheels = list(Path(tmp).glob("dash-*.whl"))
        if result.returncode != 0 or not wheels:
            raise PackageUnavailable(
                f"`pip download dash=={VERSION}` failed (run scripts/fetch-packages where pip "
                f"can reach the package index):\n{result.stderr.strip()[-2000:]}"
            )
        digest = hashlib.sha256(wheels[0].read_bytes()).hexdigest()
        if digest != SHA256:
            raise PackageUnavailable(f"{wheels[0].name} has sha256 {digest}, expected {SHA256}")
        staging = target.with_name(target.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        with zipfile.ZipFile(wheels[0]) as wheel:
            names = set(wheel.namelist())
            wanted = {name: name for name in files()}
            wanted.update(
                {f"{name}.LICENSE.txt": f"{name}.LICENSE.txt" for name in files() if f"{name}.LICENSE.txt" in names}
            )
            wanted[f"dash-{VERSION}.dist-info/licenses/LICENSE"] = LICENCE_FILE
            missing = sorted(set(wanted) - names)
            if missing:
                raise PackageUnavailable(f"the dash {VERSION} wheel lacks {', '.join(missing)}")
            for member, path in wanted.items():
                (staging / path).parent.mkdir(parents=True, exist_ok=True)
                (staging / path).write_bytes(wheel.read(member))
    (staging / ".complete").write_text(SHA256)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


def copy_into(target):
    """Copy ``dash/...`` from the cache into ``target`` (the site's assets folder), skipping unchanged files."""
    from .npm_cache import copy_tree

    copy_tree(ensure(), target)
