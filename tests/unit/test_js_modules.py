"""The page's pure modules (protocol checking, share links) under Node's own test runner, and the protocol
version that the page and the runtime must share."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from livedash.protocol import PROTOCOL_VERSION

ROOT = Path(__file__).resolve().parents[2]


def test_the_page_and_the_runtime_speak_the_same_protocol_version():
    text = (ROOT / "runtime/livedash/web/protocol.js").read_text(encoding="utf-8")
    assert int(re.search(r"export const PROTOCOL_VERSION = (\d+);", text).group(1)) == PROTOCOL_VERSION


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_javascript_unit_tests_pass():
    files = sorted(str(path) for path in (ROOT / "tests/js").glob("*.test.mjs"))
    assert files, "no JavaScript unit tests found"
    result = subprocess.run(["node", "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"# pass [1-9]", result.stdout), result.stdout[-2000:]
