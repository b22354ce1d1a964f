"""The notices of the third-party software a built site redistributes, written by write_site_assets (assets.py)
from what it copied into the assets folder, beside those files:

- ``<assets_path>/THIRD_PARTY_NOTICES.txt``: each package whose files the folder holds, with its exact version,
  its licence (SPDX), where the files came from (npm package, wheel), which files of the folder are its, and the
  licence texts and notices it ships (an npm package's LICENSE, a wheel's dist-info licence files, the
  ``.LICENSE.txt`` notes webpack left beside Dash's bundles).
- ``<assets_path>/pyodide/NOTICE.txt`` when Pyodide is self-hosted: Pyodide's MPL-2.0 notice and where its
  source is (its npm package ships no licence file).

An npm package's licence is the one its pin records (NpmPackage.licence), Dash's is dash_wheel.LICENCE, a
wheel's is what its metadata says. THIRD_PARTY_NOTICES.md at the repository root says the same of the course.
"""

import email.message
import email.parser
import textwrap
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from packaging.utils import canonicalize_name

from .. import __version__
from . import dash_wheel
from .npm_cache import PYODIDE, NpmPackage, ensure
from .wheels import PYODIDE_MARKERS

FILE = "THIRD_PARTY_NOTICES.txt"
PYODIDE_NOTICE = "pyodide/NOTICE.txt"
# The Python inside Pyodide's files (pyodide.asm.wasm, python_stdlib.zip).
PYTHON_VERSION = PYODIDE_MARKERS["python_full_version"]
_LICENCE_FILES = ("LICENSE", "LICENCE", "COPYING", "NOTICE")  # (as wheels.py finds a library's licence files)
_RULE = "-" * 100
# Trove classifiers that name one licence -> its SPDX id (for wheels whose metadata has no License-Expression).
_CLASSIFIERS = {
    "MIT License": "MIT",
    "Apache Software License": "Apache-2.0",
    "ISC License (ISCL)": "ISC",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "Python Software Foundation License": "PSF-2.0",
    "The Unlicense (Unlicense)": "Unlicense",
}


@dataclass(frozen=True)
class Notice:
    name: str  # as its registry names it (npm, PyPI)
    version: str
    licence: str  # an SPDX expression; NOASSERTION when the package states none that is one
    origin: str  # where the files came from
    files: tuple[str, ...]  # what it covers, relative to the assets folder (a folder ends with "/")
    texts: tuple[tuple[str, str], ...] = ()  # (the file it comes from, its text) as the package ships them
    note: str = ""


def _is_licence_file(path: str) -> bool:
    return path.rsplit("/", 1)[-1].upper().startswith(_LICENCE_FILES)


def npm_notice(package: NpmPackage, files, origin: str = "", note: str = "") -> Notice:
    """The notice of an npm package's files, with the licence texts among its cached members."""
    folder = ensure(package)
    texts = tuple(
        (f"{package.name}@{package.version}/{member}", (folder / member).read_text(encoding="utf-8", errors="replace"))
        for member in package.members
        if not member.endswith("/") and _is_licence_file(member)
    )
    return Notice(
        package.name,
        package.version,
        package.licence,
        origin or f"the npm package {package.name}@{package.version} (`npm pack`, tarball sha256 {package.sha256})",
        tuple(files),
        texts,
        note,
    )


def pyodide_notice_text() -> str:
    """pyodide/NOTICE.txt: the MPL-2.0 notice (Exhibit A) and where the Source Code Form is."""
    return (
        f"Pyodide {PYODIDE.version} (https://pyodide.org): the files of this folder but this one, from the npm\n"
        f"package pyodide@{PYODIDE.version} (`npm pack pyodide@{PYODIDE.version}`).\n\n"
        "This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the\n"
        "MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.\n\n"
        f"Source code: https://github.com/pyodide/pyodide (release {PYODIDE.version}); the npm package above also\n"
        "carries the source maps of pyodide.mjs.\n\n"
        f"pyodide.asm.wasm and python_stdlib.zip hold CPython {PYTHON_VERSION} (Python Software Foundation\n"
        f"License, PSF-2.0: https://docs.python.org/{_minor(PYTHON_VERSION)}/license.html, which also lists the\n"
        "licences of the code Python includes). python_stdlib.zip is served without the comments of the standard\n"
        "library's modules (removed by livedash's build; every line keeps its number, and a module whose syntax\n"
        "tree would change is kept as shipped); every other file is as Pyodide ships it.\n\n"
        "See ../THIRD_PARTY_NOTICES.txt for the other third-party software of this site.\n"
    )


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def pyodide_notices() -> list[Notice]:
    """Pyodide's files (self-hosted), and the CPython inside them."""
    pyodide = npm_notice(
        PYODIDE,
        ["pyodide/"],
        note=(
            f"Pyodide ships no licence file; its notice, and where its source is, are in {PYODIDE_NOTICE} (also "
            f"below). Source: https://github.com/pyodide/pyodide (release {PYODIDE.version})."
        ),
    )
    pyodide = replace(pyodide, texts=((PYODIDE_NOTICE, pyodide_notice_text()),))
    python = Notice(
        "CPython",
        PYTHON_VERSION,
        "PSF-2.0",
        f"inside the npm package pyodide@{PYODIDE.version} (Python compiled to WebAssembly, and its standard library)",
        ("pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip"),
        note=(
            f"Python's licence, and those of the code it includes: https://docs.python.org/{_minor(PYTHON_VERSION)}"
            "/license.html (Pyodide's package carries no copy). python_stdlib.zip is served without the comments "
            "of the standard library's modules (removed by livedash's build, livedash/mkdocs/stdlib.py)."
        ),
    )
    return [pyodide, python]


def dash_notices() -> list[Notice]:
    """Dash's component bundles (the dash wheel) and the builds of React & co. it ships in dash/deps/."""
    folder = dash_wheel.ensure()
    deps = set(dash_wheel.DEPENDENCIES)
    covered = sorted({"/".join(path.split("/")[:2]) + "/" for path in dash_wheel.files() if path not in deps})
    texts = [
        (
            f"dash-{dash_wheel.VERSION}.dist-info/licenses/LICENSE (in this folder: {dash_wheel.LICENCE_FILE})",
            (folder / dash_wheel.LICENCE_FILE).read_text(encoding="utf-8"),
        )
    ]
    texts += [
        (path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8", errors="replace"))
        for path in sorted(folder.rglob("*.LICENSE.txt"))
    ]
    found = [
        Notice(
            "dash",
            dash_wheel.VERSION,
            dash_wheel.LICENCE,
            f"the wheel dash-{dash_wheel.VERSION}-py3-none-any.whl from PyPI (sha256 {dash_wheel.SHA256})",
            (*covered, dash_wheel.LICENCE_FILE),
            tuple(texts),
            note=(
                "Dash's html, dcc and dash_table components, as Dash serves them. The .LICENSE.txt beside a bundle "
                "(reproduced below) holds the notices of the packages webpack bundled into it."
            ),
        )
    ]
    for path, package in dash_wheel.DEPENDENCIES.items():
        notice = npm_notice(
            package,
            [path],
            origin=(
                f"inside the wheel dash-{dash_wheel.VERSION}-py3-none-any.whl ({path}), which carries no licence "
                f"text for it: the text below is from the npm package {package.name}@{package.version}"
            ),
            note=(
                "A build of @babel/polyfill, which bundles core-js 2 and regenerator-runtime (both MIT)."
                if package.name == "@babel/polyfill"
                else ""
            ),
        )
        found.append(notice)
    return found


def wheel_licence(metadata: email.message.Message) -> str:
    """A wheel's licence as an SPDX expression: its License-Expression, else its License field when that is
    one, else the one licence its classifiers name; NOASSERTION otherwise (its texts are listed anyway)."""
    expression = (metadata.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (metadata.get("License") or "").strip()
    if field and "\n" not in field:
        try:
            from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

            return str(canonicalize_license_expression(field))
        except (ImportError, InvalidLicenseExpression):
            pass
    named = {
        _CLASSIFIERS[text.split(" :: ")[-1]]
        for text in metadata.get_all("Classifier") or []
        if text.startswith("License :: ") and text.split(" :: ")[-1] in _CLASSIFIERS
    }
    return named.pop() if len(named) == 1 else "NOASSERTION"


def wheel_notice(wheel: Path, files) -> Notice:
    """The notice of a wheel served from the site (and of the files taken out of it)."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(n for n in names if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        metadata = email.parser.Parser().parsestr(archive.read(info).decode("utf-8", "replace"))
        texts = tuple(
            (f"{wheel.name}/{name}", archive.read(name).decode("utf-8", "replace"))
            for name in sorted(names)
            if ".dist-info/" in name and not name.endswith("/") and _is_licence_file(name)
        )
    name, version = canonicalize_name(metadata["Name"]), metadata["Version"]
    return Notice(
        name,
        version,
        wheel_licence(metadata),
        f"the wheel {wheel.name}, fetched with pip (`pip download {name}=={version}`)",
        tuple(files),
        texts,
    )


def wheel_notices(folder, names, libraries=()) -> list[Notice]:
    """The wheels ``names`` of ``folder`` (served under packages/), each with the files of the component
    libraries it holds (under libraries/), then the npm packages those libraries brought (a stylesheet)."""
    found = []
    for name in names:
        files = [f"packages/{name}"]
        for library in libraries:
            if Path(library.wheel).name == name:
                files += sorted({"/".join(path.split("/")[:2]) + "/" for path in library.files.values()})
        found.append(wheel_notice(Path(folder) / name, dict.fromkeys(files)))
    seen = set()
    for library in libraries:
        for package, _strip, site in library.npm:
            if (package.name, site) in seen:
                continue
            seen.add((package.name, site))
            urls = [url for url, path in library.stylesheets.items() if path.startswith(site)]
            found.append(
                npm_notice(
                    package,
                    [site],
                    note=f"Served in place of {', '.join(urls)}, which {library.distribution} names.",
                )
            )
    return found


def render(notices) -> str:
    """THIRD_PARTY_NOTICES.txt."""
    out = [
        "Third-party software in this folder",
        "===================================",
        "",
        *textwrap.wrap(
            f"This folder holds what a site built with livedash {__version__} serves for its live Dash examples. "
            "The packages listed below are other people's software, redistributed under their licences: each "
            "entry gives the package, its exact version, its licence (an SPDX expression), where its files came "
            "from, which files of this folder are its, and the licence texts and notices it ships. The livedash "
            "MkDocs plugin wrote this file when it built the site, from what it copied here.",
            100,
        ),
        "",
        *textwrap.wrap(
            "livedash's own files here (the .js and .css files at the top of this folder, config.js, "
            "components.json and livedash-runtime-*.zip) are livedash's, under the MIT licence. The site's theme "
            "(MkDocs and its theme's files, outside this folder) is not covered here.",
            100,
        ),
        "",
        f"{'Package':<28} {'Version':<10} {'Licence':<28} Files",
    ]
    out += [f"{n.name:<28} {n.version:<10} {n.licence:<28} {' '.join(n.files)}" for n in notices]
    for notice in notices:
        out += [
            "",
            _RULE,
            f"Package: {notice.name}",
            f"Version: {notice.version}",
            f"Licence: {notice.licence}",
            f"From: {notice.origin}",
            f"Files: {' '.join(notice.files)}",
        ]
        if notice.note:
            out.append(f"Note: {notice.note}")
        for source, text in notice.texts:
            out += ["", f"=== {source} ===", "", text.rstrip("\n")]
    return "\n".join(out) + "\n"


def parse(text: str) -> list[dict]:
    """The entries of a THIRD_PARTY_NOTICES.txt: {"Package", "Version", "Licence", "From", "Files" (a list),
    "Note", "text" (the rest)} (the tests read the built file with it)."""
    entries = []
    for part in text.split(f"\n{_RULE}\n")[1:]:
        head, _, rest = part.partition("\n\n")
        entry: dict = {"text": rest}
        for line in head.splitlines():
            key, _, value = line.partition(": ")
            entry[key] = value
        entry["Files"] = entry.get("Files", "").split()
        entries.append(entry)
    return entries


def write(target, notices, pyodide=False) -> None:
    """Write the notices into the assets folder ``target`` (and Pyodide's notice into its folder)."""
    target = Path(target)
    (target / FILE).write_text(render(notices), encoding="utf-8")
    if pyodide:
        (target / PYODIDE_NOTICE).write_text(pyodide_notice_text(), encoding="utf-8")
