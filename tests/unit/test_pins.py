"""Issue 15: one source for each pin. Dash's version is written once (livedash/dash_version.py) and everything
that depends on it follows: the dash wheel the plugin serves (and its pinned sha256), the generated component
tables' stamp, real Dash's venv for the differential tests. And THIRD_PARTY_NOTICES.md says what the pins say."""

import email.parser
import re
import subprocess

import pytest

from livedash.components import dash_table_table, dcc_table, html_table
from livedash.dash_version import DASH_VERSION
from livedash.mkdocs import dash_wheel, notices
from livedash.mkdocs.npm_cache import ACE, BOOTSTRAP, MERMAID, PLOTLY, PYODIDE
from tests.sites import ROOT


def test_the_dash_wheel_follows_dash_version_and_has_a_pinned_hash():
    assert dash_wheel.VERSION == DASH_VERSION
    # a DASH_VERSION bump without the new wheel's hash fails here (and ensure() refuses to fetch it)
    assert DASH_VERSION in dash_wheel.WHEEL_SHA256, "add the new dash wheel's sha256 to dash_wheel.WHEEL_SHA256"
    assert dash_wheel.SHA256 == dash_wheel.WHEEL_SHA256[DASH_VERSION]
    assert len(dash_wheel.SHA256) == 64 and int(dash_wheel.SHA256, 16) >= 0


def test_a_version_without_a_pinned_hash_is_refused_clearly(monkeypatch):
    monkeypatch.setattr(dash_wheel, "VERSION", "99.0.0")
    monkeypatch.setattr(dash_wheel, "SHA256", dash_wheel.WHEEL_SHA256.get("99.0.0"))
    with pytest.raises(dash_wheel.PackageUnavailable, match=r"no sha256 is pinned for the dash 99\.0\.0 wheel"):
        dash_wheel.ensure(log=lambda _text: None)


def test_the_generated_tables_were_generated_from_this_dash_version():
    """Regenerate them (`.venv-dash/bin/python scripts/gen-components`) when Dash's version changes."""
    for table in (html_table, dcc_table, dash_table_table):
        assert table.GENERATED_FROM_DASH == DASH_VERSION, table.__name__
    assert "GENERATED_FROM_DASH = {version!r}" in (ROOT / "scripts" / "gen-components").read_text()


def test_real_dash_venv_reads_the_version_from_dash_version_py():
    script = ROOT / "scripts" / "lib" / "venv.sh"
    assert "4.4.1" not in script.read_text() and DASH_VERSION not in script.read_text()
    shown = subprocess.run(
        ["bash", "-c", f'. "{script}" && printf %s "$DASH_VERSION"'], cwd="/", capture_output=True, text=True
    )
    assert shown.returncode == 0 and shown.stdout == DASH_VERSION, shown.stderr


# ---- third-party notices -------------------------------------------------------------------------------------

COURSE_TABLE = re.compile(r"^\| `([^`]+)` \| ([^ |]+) \| ([^|]+?) \|", re.M)


def notices_md_rows():
    """(package, version, licence) of each row of THIRD_PARTY_NOTICES.md's table of the course."""
    text = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    section = text.split("## The course, as configured", 1)[1].split("\n## ", 1)[0]
    rows = COURSE_TABLE.findall(section)
    assert len(rows) == len(set(rows)), "a package is listed twice"
    return set(rows)


def course_packages():
    """The course's `packages:` pins in mkdocs.yml: {distribution: version}."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "pyodide: cdn" not in config  # (the table says Pyodide is self-hosted)
    listed = re.search(r"^\s+packages:\s*\[(.*)\]\s*$", config, re.M).group(1)
    pins = [item.strip() for item in listed.split(",")]
    assert all("==" in pin for pin in pins), f"the course's packages are pinned exactly: {pins}"
    return dict(pin.split("==") for pin in pins)


def test_the_notices_table_of_the_course_follows_the_pins_in_the_code():
    """Bumping a pin (npm_cache.py, dash_version.py, dash_wheel.py's deps, mkdocs.yml's packages) without the
    same change in THIRD_PARTY_NOTICES.md fails here."""
    rows = notices_md_rows()
    expected = {(p.name, p.version, p.licence) for p in (PYODIDE, MERMAID, PLOTLY, ACE)}
    expected |= {("CPython", notices.PYTHON_VERSION, "PSF-2.0"), ("dash", DASH_VERSION, dash_wheel.LICENCE)}
    expected |= {(p.name, p.version, p.licence) for p in dash_wheel.DEPENDENCIES.values()}
    pins = course_packages()
    if "dash-bootstrap-components" in pins:  # its themes.BOOTSTRAP is served from the site (wheels.py)
        expected.add((BOOTSTRAP.name, BOOTSTRAP.version, BOOTSTRAP.licence))
    wheels = {(name, version) for name, version, _licence in rows if name in pins}
    assert wheels == set(pins.items())  # (their licences: tests/sitebuild/test_notices.py, from the wheels)
    assert {row for row in rows if row[0] not in pins} == expected


def test_each_dash_deps_file_names_the_npm_package_its_licence_comes_from():
    assert list(dash_wheel.DEPENDENCIES) == dash_wheel.REACT
    for path, package in dash_wheel.DEPENDENCIES.items():
        name, version = re.fullmatch(r"dash/deps/(.+)@([^@]+)\.min\.js", path).groups()
        assert (name, version) == (package.name.rsplit("/", 1)[-1], package.version), path
        assert package.members == ("LICENSE",) or "LICENSE" in package.members


def test_a_wheel_licence_is_read_as_spdx():
    def metadata(text):
        return email.parser.Parser().parsestr(text)

    assert notices.wheel_licence(metadata("License-Expression: Apache-2.0 OR BSD-2-Clause\n")) == (
        "Apache-2.0 OR BSD-2-Clause"
    )
    assert notices.wheel_licence(metadata("License: MIT\n")) == "MIT"
    # dash-bootstrap-components 2.0.4: a License field that is not SPDX, and a classifier that is clear
    apache = "License: Apache License\nClassifier: License :: OSI Approved :: Apache Software License\n"
    assert notices.wheel_licence(metadata(apache)) == "Apache-2.0"
    assert notices.wheel_licence(metadata("Classifier: License :: OSI Approved :: BSD License\n")) == "NOASSERTION"
    both = (
        "Classifier: License :: OSI Approved :: MIT License\n"
        "Classifier: License :: OSI Approved :: ISC License (ISCL)\n"
    )
    assert notices.wheel_licence(metadata(both)) == "NOASSERTION"


def test_the_notices_file_reads_back():
    entries = [
        notices.Notice("a", "1.0", "MIT", "the npm package a@1.0", ("vendor/a/",), (("a@1.0/LICENSE", "MIT\n\nx"),)),
        notices.Notice("b", "2.0", "Apache-2.0", "the wheel b", ("packages/b.whl", "libraries/b/"), note="n"),
    ]
    parsed = notices.parse(notices.render(entries))
    assert [(e["Package"], e["Version"], e["Licence"], e["Files"], e.get("Note")) for e in parsed] == [
        ("a", "1.0", "MIT", ["vendor/a/"], None),
        ("b", "2.0", "Apache-2.0", ["packages/b.whl", "libraries/b/"], "n"),
    ]
    assert "=== a@1.0/LICENSE ===\n\nMIT\n\nx" in parsed[0]["text"]
