"""What a first visit fetches and keeps: Pyodide's standard library is served without its comments and still
compiles in the reader's Python; mermaid waits until the apps have started; an app hydrated from the build's
server render keeps the server's elements while the worker's answers update it."""

import zipfile

from tests.e2e.conftest import drawn_diagram, one_example, wait_ready

HEADER = "from dash import Dash, html, dcc, callback, Input, Output, State\n\napp = Dash()\n"

COMPILE_STDLIB = (
    HEADER
    + """
import sys

app.layout = html.Div([html.Button("Compile", id="go"), html.P(id="result")])


@callback(Output("result", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def compile_all(n):
    import zipfile
    archive = next(path for path in sys.path if path.endswith(".zip") and "python3" in path)
    failed, count = [], 0
    with zipfile.ZipFile(archive) as z:
        for name in z.namelist():
            if name.endswith(".py"):
                count += 1
                try:
                    compile(z.read(name), name, "exec")
                except SyntaxError as exc:
                    failed.append(f"{name}: {exc}")
    return f"compiled {count}, failed {len(failed)} {failed[:3]}"
"""
)


def test_the_sites_standard_library_is_pyodides_without_comments(tmp_path, page):
    from livedash.mkdocs.npm_cache import PYODIDE, ensure

    with one_example(page, tmp_path, COMPILE_STDLIB) as widget:
        served = tmp_path / "site" / "assets" / "livedash" / "pyodide" / "python_stdlib.zip"
        with zipfile.ZipFile(ensure(PYODIDE) / "python_stdlib.zip") as original, zipfile.ZipFile(served) as slim:
            assert slim.namelist() == original.namelist()
            for name in original.namelist():
                before, after = original.read(name), slim.read(name)
                if name.endswith(".py"):
                    # every line keeps its number; docstrings stay
                    assert after.count(b"\n") == before.count(b"\n"), name
                else:
                    assert after == before, name
            assert b"# Copyright" in original.read("textwrap.py")
            assert b"# Copyright" not in slim.read("textwrap.py")
            assert slim.read("textwrap.py").startswith(b'"""Text wrapping and filling.')
        assert served.stat().st_size < 0.85 * (ensure(PYODIDE) / "python_stdlib.zip").stat().st_size
        # Python 3.14 in the page compiles every module of the served library
        widget.locator("#go").click()
        result = widget.locator("#result")
        result.filter(has_text="compiled").wait_for(timeout=120_000)
        text = result.text_content()
        assert "failed 0 " in text, text
        assert int(text.split()[1].rstrip(",")) > 500, text


# Before any page script: when the first widget says ready (performance.now()).
READY_AT = """
window.__readyAt = null;
new MutationObserver(() => {
  if (window.__readyAt === null && document.querySelector('.livedash-status[data-state="ready"]')) {
    window.__readyAt = performance.now();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
"""


def test_mermaid_is_fetched_once_the_apps_have_started(browser, course):
    context = browser.new_context()
    try:
        context.add_init_script(READY_AT)
        page = context.new_page()
        page.goto(course + "lessons/01-first-callback/")
        widget = page.locator(".livedash").first
        wait_ready(widget)
        drawn_diagram(widget)
        fetched = page.evaluate("""() => performance.getEntriesByType('resource')
            .filter((e) => e.name.includes('/vendor/mermaid/')).map((e) => e.startTime)""")
        ready = page.evaluate("window.__readyAt")
        assert fetched and ready is not None
        assert min(fetched) >= ready, (min(fetched), ready)
    finally:
        context.close()


SLIDER = (
    HEADER
    + """
app.layout = html.Div([html.Button("Next", id="b"), dcc.Slider(1, 5, 1, value=2, id="k"), dcc.Store(id="s"),
                       html.P(id="out")])


@callback(Output("s", "data"), Output("k", "value"), Input("b", "n_clicks"), State("k", "value"))
def step(n, k):
    value = (n or 0) % 5 + 1
    return {"total": (n or 0) * value}, value


@callback(Output("out", "children"), Input("s", "data"), State("k", "value"))
def show(d, k):
    return f"total {d['total']} at x{k}"
"""
)

# Before any page script: every shown element of each app pane as the build's server render wrote it, taken
# once the document is parsed (before the page's modules run and React hydrates). (An element the server drew
# hidden, the Slider's hidden input, is the component's own to replace: it does so with or without us.)
SERVER_NODES = """
window.__serverNodes = [];
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  window.__serverNodes = [...document.querySelectorAll(".livedash-app *")]
    .filter((node) => node.style.display !== "none");
});
"""


def test_a_hydrated_app_keeps_the_server_elements_while_its_answers_update_it(tmp_path, page):
    page.context.add_init_script(SERVER_NODES)
    with one_example(page, tmp_path, SLIDER) as widget:
        assert page.evaluate("window.__serverNodes.length") > 10
        # clicks at once, while lazy parts may still be hydrating, and later, when React has finished
        for n in range(1, 7):
            widget.locator("#b").click()
            widget.locator("#out").filter(has_text=f"total {n * (n % 5 + 1)} at x{n % 5 + 1}").wait_for(timeout=20_000)
        page.wait_for_function("(w) => w.livedash.idle()", arg=widget.element_handle())
        dropped = page.evaluate("""() => window.__serverNodes.filter((node) => !node.isConnected)
            .map((node) => node.outerHTML.slice(0, 80))""")
        assert dropped == []
        assert page.errors == []
