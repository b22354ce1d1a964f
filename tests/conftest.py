import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "runtime"))  # the tests use the checkout, installed or not

from tests.browser import CHROMIUM, chromium  # noqa: E402


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, started once for the browser tests (e2e and differential)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does it when run as root)")
    with chromium() as browser:
        yield browser


def pytest_collection_modifyitems(items):
    """Every test that drives Chromium (the ``browser`` fixture, directly or through another fixture) is marked
    ``browser``, wherever it is (e2e, differential, the server render's sitebuild tests)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
