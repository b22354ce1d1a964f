"""Issue 15: one source for each pin. Dash's version is written once (livedash/dash_version.py) and everything
that depends on it follows: the dash wheel the plugin serves (and its pinned sha256), the generated component
tables' stamp, real Dash's venv for the differential tests."""

import subprocess

import pytest

from livedash.components import dash_table_table, dcc_table, html_table
from livedash.dash_version import DASH_VERSION
from livedash.mkdocs import dash_wheel
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
