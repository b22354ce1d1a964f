"""Real Dash 4.4.1 and livedash, side by side in Chromium, case by case (see runner.py and cases.py)."""

import re

import pytest

from tests.server import SiteServer
from tests.sites import build, make_site

from .cases import CASES, EXAMPLE_STEPS, EXAMPLES
from .runner import DashSide, LivedashSide, RealDash, page_markdown

pytestmark = pytest.mark.browser  # Chromium drives both sides (and the first test)

INDEX = {case.name: number for number, case in enumerate(CASES)}


def test_case_names_are_unique():
    assert len(INDEX) == len(CASES)


def test_every_lesson_example_has_reader_steps():
    assert {p.stem for p in EXAMPLES.glob("*.py")} == set(EXAMPLE_STEPS), "add the reader's steps for each example"


@pytest.fixture(scope="module")
def real_dash():
    host = RealDash()
    yield host
    host.close()


@pytest.fixture(scope="module")
def livedash_site(tmp_path_factory):
    examples = {f"{case.name}.py": case.source for case in CASES}
    examples.update({f"assets/{name}": text for case in CASES for name, text in case.assets.items()})
    root = make_site(
        tmp_path_factory.mktemp("differential"), {"index.md": page_markdown(CASES)}, examples, plugin={"diagram": False}
    )
    result = build(root, strict=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_react_takes_over_every_cases_first_view_without_a_difference(browser, livedash_site):
    """The build's server render and the page's React render agree, over every case's first view: React
    hydrates each app with no mismatch (host.js reports one as "the server render differs") and the reader's
    text is unchanged. JavaScript alone: Python never loads here."""
    html = (livedash_site / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<div class="livedash-app" data-livedash-rendered="1"', html)) == len(CASES)
    with SiteServer(livedash_site) as server:
        page = browser.new_page()
        differs = []
        page.on("console", lambda m: differs.append(m.text) if "server render differs" in m.text else None)
        page.route(re.compile(r".*pyodide\.asm\.wasm$"), lambda route: route.abort())  # JavaScript alone
        page.goto(server.url, wait_until="domcontentloaded")
        before = page.evaluate("() => [...document.querySelectorAll('.livedash-app')].map((e) => e.innerText)")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.livedash-app')].every((e) => e.dataset.livedashReact)",
            timeout=60_000,
        )
        page.wait_for_timeout(1500)  # (lazy components hydrate once their chunk is in)
        after = page.evaluate("() => [...document.querySelectorAll('.livedash-app')].map((e) => e.innerText)")
        page.close()
    assert differs == []
    for case, first, drawn in zip(CASES, before, after, strict=True):
        # (plotly draws a graph only in the page; dcc.Loading shows its spinner first, as in Dash, then the content)
        if "Graph" not in case.source and "Loading" not in case.source:
            assert drawn == first, case.name


@pytest.fixture(scope="module")
def livedash_page(browser, livedash_site):
    with SiteServer(livedash_site) as server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        yield page
        context.close()


@pytest.fixture
def dash_page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_same_as_real_dash(case, real_dash, livedash_page, dash_page):
    url = real_dash.start(case)
    try:
        dash = DashSide(dash_page, url)
        ours = LivedashSide(livedash_page, INDEX[case.name])
        same(ours.observe(), dash.observe(), "after loading")
        if case.problems:
            assert ours.problems() == dash.problems(), "the load-time problems shown differ (livedash, real Dash)"
        for number, step in enumerate(case.steps, 1):
            dash.act(step)
            ours.act(step)
            same(ours.observe(), dash.observe(), f"after step {number}: {step}")
    finally:
        real_dash.stop(case)


def same(ours, dash, when):
    """Equal observations, or a short account of each component that differs."""
    if ours == dash:
        return
    lines = [f"{when}: livedash and real Dash differ"]
    for key in sorted(set(ours) | set(dash), key=str):
        if ours.get(key) != dash.get(key):
            lines.append(f"  {key}:\n    livedash:  {ours.get(key)}\n    real Dash: {dash.get(key)}")
    pytest.fail("\n".join(lines))


def test_a_downloaded_example_runs_in_real_dash(real_dash, livedash_page, dash_page, tmp_path):
    """Download gives a file that real Dash runs as it is: after the reader's edit, both pages agree."""
    case = next(c for c in CASES if c.name == "example_counter")
    ours = LivedashSide(livedash_page, INDEX[case.name])
    edited = case.source.replace('f"Count: {', 'f"Clicks: {')
    ours.handle.evaluate("(w, text) => w.livedash.setCode(text)", edited)
    ours.root.locator(".livedash-run").click()
    ours.settle()
    with livedash_page.expect_download() as download:
        ours.root.locator(".livedash-download").click()
    # The counter uses none of its folder's assets (lesson 9's JavaScript): a plain .py, as Dash needs nothing else.
    assert download.value.suggested_filename == f"{case.name}.py"
    path = tmp_path / f"{case.name}.py"
    download.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and text.endswith(edited)
    downloaded = type(case)("downloaded_counter", text, case.steps, whole=True)
    url = real_dash.start(downloaded)
    try:
        dash = DashSide(dash_page, url)
        same(ours.observe(), dash.observe(), "after loading")
        assert "Clicks: 0" in str(dash.observe())
        for step in case.steps:
            dash.act(step)
            ours.act(step)
        same(ours.observe(), dash.observe(), "after the steps")
    finally:
        real_dash.stop(downloaded)
