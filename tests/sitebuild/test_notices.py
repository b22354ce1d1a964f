"""Issue 15: a built site carries the notices of the third-party software its build copied, beside those files
(assets/livedash/THIRD_PARTY_NOTICES.txt, and pyodide/NOTICE.txt with Pyodide), and they list exactly what is
there: every file of the assets folder that is not livedash's own belongs to a listed package, every listed
package's files are there, with its version, its licence and the licence texts the package ships.
THIRD_PARTY_NOTICES.md says the same of the course."""

import json
import re
import shutil
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name, parse_wheel_filename

from livedash.mkdocs import notices
from tests.sites import COUNTER, build, build_course, make_site
from tests.unit.test_pins import notices_md_rows

# livedash's own files at the top of the assets folder (the web modules, config.js, components.json, the runtime)
OWN = re.compile(r"[^/]+\.(?:js|css)|components\.json|livedash-runtime-[0-9a-f]+\.zip|THIRD_PARTY_NOTICES\.txt")
SPDX = re.compile(r"[A-Za-z0-9.+-]+(?: (?:AND|OR|WITH) [A-Za-z0-9.+-]+)*")
VERSION = re.compile(r"\d+(?:\.\d+)+")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The repository's course, built as configured (Pyodide self-hosted, dbc and dash-daq in `packages:`)."""
    site = tmp_path_factory.mktemp("course") / "site"
    result = build_course(site, "http://127.0.0.1:8000/", strict=False)  # (notices do not depend on warnings)
    assert result.returncode == 0, result.stderr[-3000:]
    return site / "assets" / "livedash"


def served(assets):
    return sorted(p.relative_to(assets).as_posix() for p in assets.rglob("*") if p.is_file())


def listed(assets):
    path = assets / notices.FILE
    assert path.is_file(), f"no {notices.FILE} beside the files it covers"
    return notices.parse(path.read_text(encoding="utf-8"))


def covers(pattern, path):
    return path == pattern or (pattern.endswith("/") and path.startswith(pattern))


def check_notices(assets):
    """What every build must satisfy; returns the entries."""
    entries = listed(assets)
    files = served(assets)
    for entry in entries:
        name = entry["Package"]
        assert VERSION.fullmatch(entry["Version"]), (name, entry["Version"])
        assert SPDX.fullmatch(entry["Licence"]) and entry["Licence"] != "NOASSERTION", (name, entry["Licence"])
        assert entry["From"] and entry["Files"], name
        for pattern in entry["Files"]:  # no listed package is absent from the build
            assert any(covers(pattern, path) for path in files), f"{name} lists {pattern}, which the site lacks"
    assert len({e["Package"] for e in entries}) == len(entries), "a package is listed twice"
    # every file that is not livedash's own belongs to a listed package
    patterns = [pattern for entry in entries for pattern in entry["Files"]]
    unlisted = [path for path in files if not OWN.fullmatch(path) and not any(covers(p, path) for p in patterns)]
    assert not unlisted, f"files of no listed package: {unlisted}"
    # the licence texts and notices that travel with the files are reproduced
    text = (assets / notices.FILE).read_text(encoding="utf-8")
    for path in files:
        base = path.rsplit("/", 1)[-1].upper()
        if base.startswith(("LICENSE", "LICENCE", "NOTICE", "COPYING")) or base.endswith(".LICENSE.TXT"):
            shipped = (assets / path).read_text(encoding="utf-8", errors="replace").rstrip("\n")
            assert shipped in text, f"the text of {path} is not in {notices.FILE}"
    # what the files themselves say: the wheels served, the builds in dash/deps/
    by_name = {e["Package"]: e for e in entries}
    for path in files:
        if path.startswith("packages/") and path.endswith(".whl"):
            name, version, _build, _tags = parse_wheel_filename(path.split("/", 1)[1])
            entry = by_name.get(str(canonicalize_name(name)))
            assert entry is not None and entry["Version"] == str(version) and path in entry["Files"], path
        match = re.fullmatch(r"dash/deps/(.+)@([^@/]+)\.min\.js", path)
        if match:
            entry = next((e for e in entries if path in e["Files"]), None)
            assert entry is not None and entry["Package"].rsplit("/", 1)[-1] == match[1], path
            assert entry["Version"] == match[2] and "=== " in entry["text"], path  # (with its licence text)
    return entries


def test_the_course_carries_the_notices_of_what_it_serves(course):
    entries = check_notices(course)
    names = {e["Package"] for e in entries}
    assert {"pyodide", "CPython", "dash", "react", "react-dom", "mermaid", "plotly.js-dist-min", "ace-builds"} <= names
    assert {"dash-bootstrap-components", "dash-daq", "bootstrap"} <= names
    by_name = {e["Package"]: e for e in entries}
    # the versions the files carry
    assert f'"{by_name["pyodide"]["Version"]}"' in (course / "pyodide" / "pyodide.mjs").read_text(errors="replace")
    lock = json.loads((course / "pyodide" / "pyodide-lock.json").read_text())
    assert by_name["CPython"]["Version"] == lock["info"]["python"]
    assert "Apache License" in by_name["dash-bootstrap-components"]["text"]
    assert "NOTICE.txt ===" in by_name["dash-bootstrap-components"]["text"]  # (Apache-2.0: the NOTICE travels)


def test_the_pyodide_folder_carries_its_mpl_notice_and_where_the_source_is(course):
    notice = (course / notices.PYODIDE_NOTICE).read_text(encoding="utf-8")
    version = next(e["Version"] for e in listed(course) if e["Package"] == "pyodide")
    assert f"Pyodide {version}" in notice
    assert "Mozilla Public License, v. 2.0" in notice and "https://mozilla.org/MPL/2.0/" in notice
    assert f"https://github.com/pyodide/pyodide (release {version})" in notice
    assert "python_stdlib.zip is served without the comments" in notice  # (what the build changed, said)


def test_the_repository_notices_say_what_the_course_build_lists(course):
    """THIRD_PARTY_NOTICES.md's table of the course against the notices its build wrote."""
    assert notices_md_rows() == {(e["Package"], e["Version"], e["Licence"]) for e in listed(course)}


def test_a_site_lists_only_what_it_copied(tmp_path):
    """Pyodide from a CDN and no `packages:`: no Pyodide, CPython, wheels or libraries in the notices."""
    page = '# A\n\n```dash file="examples/counter.py"\n```\n'
    root = make_site(tmp_path, {"index.md": page}, {"counter.py": COUNTER}, plugin={"pyodide": "cdn"})
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    assets = Path(root) / "site" / "assets" / "livedash"
    assert not (assets / "pyodide").exists()
    entries = check_notices(assets)
    assert {e["Package"] for e in entries} == {
        "mermaid",
        "plotly.js-dist-min",
        "ace-builds",
        "dash",
        "@babel/polyfill",
        "react",
        "react-dom",
        "prop-types",
    }
    assert "pyodide/" not in (assets / notices.FILE).read_text()


def test_the_checks_fail_on_a_file_of_no_listed_package(course, tmp_path):
    """The check above can fail: a copy of the course's assets with one more vendored file is refused."""
    copy = tmp_path / "assets"
    shutil.copytree(course, copy)
    (copy / "vendor" / "other").mkdir()
    (copy / "vendor" / "other" / "other.min.js").write_text("/* someone else's code */\n")
    with pytest.raises(AssertionError, match="files of no listed package"):
        check_notices(copy)
