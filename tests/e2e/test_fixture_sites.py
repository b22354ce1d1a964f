"""Browser checks on small sites: a broken example in a non-strict build, and the default mkdocs theme."""

from tests.e2e.conftest import wait_ready
from tests.server import SiteServer
from tests.sites import COUNTER, build, make_site

BROKEN = "from dash import Dash, html\napp = Dash()\napp.layout = html.Div(colour='red')\n"


def test_broken_example_shows_its_error_and_the_rest_of_the_page_works(page, tmp_path):
    root = make_site(tmp_path, {"index.md": '# Page\n\n```dash file="examples/broken.py"\n```\n\n'
                                            'After.\n\n```dash file="examples/counter.py"\n```\n'},
                     {"broken.py": BROKEN, "counter.py": COUNTER})
    assert build(root, strict=False).returncode == 0
    with SiteServer(root / "site") as server:
        page.goto(server.url)
        broken, working = page.locator(".livedash").nth(0), page.locator(".livedash").nth(1)
        assert "unexpected keyword argument: `colour`" in broken.locator(".livedash-error").inner_text()
        assert broken.locator(".livedash-status").get_attribute("data-state") == "error"
        wait_ready(working)
        working.locator("#btn").click()
        page.wait_for_function("() => document.querySelectorAll('.livedash')[1].querySelector('#count').textContent === 'Count: 1'")
        assert page.errors == []
