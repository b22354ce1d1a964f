"""The callback diagram comes alive in the browser: runs light up in order, errors turn red, a cycle is drawn
red with its error, edited code gives a new diagram; the trace panel lists every run."""

from playwright.sync_api import expect

from tests.e2e.conftest import code_of, drawn_diagram, eventually, one_example, set_code
from tests.server import SiteServer
from tests.sites import build, make_site

HEADER = "from dash import Dash, html, dcc, callback, Input, Output, State\n\napp = Dash()\n"

CHAIN = (
    HEADER
    + """
app.layout = html.Div([html.Button("Add", id="add"), dcc.Store(id="total", data=0),
                       html.P(id="shown"), html.P(id="doubled")])


@callback(Output("total", "data"), Input("add", "n_clicks"), State("total", "data"), prevent_initial_call=True)
def add_one(n, total):
    return total + 1


@callback(Output("shown", "children"), Input("total", "data"))
def show_total(total):
    return f"total {total}"


@callback(Output("doubled", "children"), Input("total", "data"))
def show_double(total):
    if total == 2:
        raise ValueError("two is not allowed")
    return f"double {2 * total}"
"""
)

# Records, in order, each callback node (by its function name) the first time it lights up, each component
# node that flashes, and each node that turns red.
RECORD = """(widget) => {
  const svg = widget.querySelector('.livedash-mermaid[data-drawn] svg');
  window.fired = []; window.flashed = []; window.failed = [];
  const name = (node) => node.querySelector('.nodeLabel').textContent;
  new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target;
      if (!node.classList.contains('node')) continue;
      // (one lighting makes two records: the classes are reset, then set)
      if (node.classList.contains('ld-fire') && window.fired.at(-1) !== name(node)) window.fired.push(name(node));
      if (node.classList.contains('ld-flash') && !window.flashed.includes(name(node))) window.flashed.push(name(node));
      if (node.classList.contains('ld-error') && !window.failed.includes(name(node))) window.failed.push(name(node));
    }
  }).observe(svg, { subtree: true, attributes: true, attributeFilter: ['class'] });
}"""


def settle(page, widget):
    page.wait_for_function("(w) => w.livedash.idle()", arg=widget.element_handle())
    page.wait_for_timeout(1500)  # the lights of one chain go out within about a second


def test_a_chain_lights_up_in_order_and_an_error_turns_red(page, tmp_path):
    with one_example(page, tmp_path, CHAIN) as widget:
        drawn_diagram(widget)
        settle(page, widget)  # the initial calls light up too
        widget.evaluate(RECORD)
        widget.locator("#add").click()
        settle(page, widget)
        eventually(
            lambda: page.evaluate("window.fired"),
            lambda fired: fired[:1] == ["add_one"] and sorted(fired[1:]) == ["show_double", "show_total"],
            "the callbacks lit, in order",
        )
        # kind + id, no <br>
        eventually(lambda: set(page.evaluate("window.flashed")), {"Storetotal", "Pshown", "Pdoubled"}, "flashed")
        assert page.evaluate("window.failed") == []
        expect(widget.locator(".livedash-diagram .ld-fire"), "the lights go out").to_have_count(0)

        widget.locator("#add").click()  # total 2: show_double raises
        settle(page, widget)
        eventually(lambda: page.evaluate("window.failed"), ["show_double"], "the callbacks turned red")
        red = widget.locator(".livedash-diagram g.node.ld-error")
        expect(red).to_have_count(1)
        expect(red).to_contain_text("show_double")

        widget.locator("#add").click()  # total 3: it runs cleanly again, and is no longer red
        settle(page, widget)
        expect(widget.locator(".livedash-diagram g.node.ld-error")).to_have_count(0)


def test_the_trace_lists_each_run_and_can_be_cleared(page, tmp_path):
    with one_example(page, tmp_path, CHAIN, options="trace=open") as widget:
        trace = widget.locator(".livedash-trace")
        assert trace.get_attribute("open") is not None
        rows = trace.locator(".ld-trace-run")
        # (the trace follows each answer in a task of its own)
        expect(rows).to_have_count(2)  # the two initial calls (add_one is prevent_initial_call)
        widget.locator("#add").click()
        settle(page, widget)
        expect(rows).to_have_count(5)
        for part in ("add_one", "by add.n_clicks", "total.data = 1", " ms", "add.n_clicks = 1"):
            expect(rows.nth(2)).to_contain_text(part)
        widget.locator("#add").click()
        settle(page, widget)
        failed = trace.locator('.ld-trace-run[data-status="error"]')
        expect(failed).to_have_count(1)
        expect(failed).to_contain_text("raised ValueError: two is not allowed")
        expect(trace.locator("summary")).to_contain_text("(8 runs)")
        trace.locator(".livedash-trace-clear").click()
        expect(rows).to_have_count(0)
        expect(trace.locator("summary")).to_contain_text("no runs yet")


def test_the_trace_is_capped_and_shortens_long_values(page, tmp_path):
    with one_example(page, tmp_path, CHAIN) as widget:
        result = widget.evaluate("""async (widget) => {
          const url = new URL('assets/livedash/trace.js', document.baseURI).href;
          const { TracePanel, shorten } = await import(url);
          const box = widget.querySelector('.livedash-trace').cloneNode(true);
          const panel = new TracePanel(box);
          const run = { function: 'f', triggered: ['a.value'], inputs: { 'a.value': 'x'.repeat(500) },
                        outputs: { 'b.children': { type: 'Div', namespace: 'dash_html_components',
                                                   props: { id: 'i' } } },
                        status: 'ok', ms: 1 };
          panel.add(Array.from({ length: 250 }, () => run));
          return [box.querySelectorAll('.ld-trace-run').length, box.querySelector('summary').textContent,
                  box.querySelector('.ld-trace-in').textContent.length, box.querySelector('.ld-trace-out').textContent,
                  shorten([1, 2])];
        }""")
        assert result[0] == 200 and "250 runs, last 200 shown" in result[1]
        assert result[2] < 80 and result[3] == 'out: b.children = "<Div \\"i\\">"' and result[4] == "[1,2]"


def test_running_edited_code_redraws_the_diagram(page, tmp_path):
    with one_example(page, tmp_path, CHAIN) as widget:
        svg = drawn_diagram(widget)
        assert "show_total" in svg.text_content() and "Doubled" not in svg.text_content()
        set_code(
            widget,
            code_of(widget).replace("show_total", "print_total")
            + '\n\n@callback(Output("doubled", "title"), Input("shown", "children"))\n'
            "def hover_text(text):\n    return text\n",
        )
        widget.locator(".livedash-run").click()
        page.wait_for_function(
            "(w) => w.querySelector('.livedash-mermaid[data-drawn] svg')?.textContent.includes('hover_text')",
            arg=widget.element_handle(),
            timeout=20_000,
        )
        text = drawn_diagram(widget).text_content()
        assert "print_total" in text and "show_total" not in text
        # The new diagram lights up too.
        settle(page, widget)
        widget.evaluate(RECORD)
        widget.locator("#add").click()
        settle(page, widget)
        eventually(
            lambda: page.evaluate("window.fired"),
            lambda fired: fired[:1] == ["add_one"] and "hover_text" in fired,
            "the callbacks lit",
        )


CYCLE = (
    HEADER
    + """
app.layout = html.Div([dcc.Input(id="celsius", value="0"), dcc.Input(id="fahrenheit")])


@callback(Output("fahrenheit", "value"), Input("celsius", "value"))
def to_fahrenheit(c):
    return str(float(c) * 9 / 5 + 32)


@callback(Output("celsius", "value"), Input("fahrenheit", "value"))
def to_celsius(f):
    return str((float(f) - 32) * 5 / 9)
"""
)


def test_a_cycle_is_drawn_red_with_its_error_under_it(page, tmp_path):
    # (not one_example: that waits for "ready", and the status says the error while it shows)
    root = make_site(
        tmp_path, {"index.md": '```dash file="examples/app.py" expect_error=true\n```\n'}, {"app.py": CYCLE}
    )
    assert build(root).returncode == 0
    with SiteServer(root / "site") as server:
        page.goto(server.url)
        widget = page.locator(".livedash").first
        widget.locator('.livedash-status:is([data-state="ready"], [data-state="error"])').wait_for(timeout=60_000)
        figure = widget.locator(".livedash-diagram")
        drawn_diagram(figure)
        settle(page, widget)  # (a lit edge is orange for a moment)
        note = figure.locator(".livedash-diagram-note")
        expect(note).to_be_visible()
        expect(note).to_contain_text("Dependency Cycle Found")
        red = """(f) => [...f.querySelectorAll('path.flowchart-link')]
            .filter((p) => getComputedStyle(p).stroke === 'rgb(209, 36, 47)').length"""
        eventually(lambda: figure.evaluate(red), 4, "red edges")
        expect(widget.locator(".livedash-error")).to_contain_text("Circular Dependencies")


def test_the_palette_toggle_recolours_an_open_diagram(page, course):
    page.goto(course + "lessons/01-first-callback/")
    figure = page.locator(".livedash-diagram").first
    drawn_diagram(figure)
    fill = "(f) => getComputedStyle(f.querySelector('g.node.component > rect')).fill"
    light = figure.evaluate(fill)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.wait_for_function(f"() => ({fill})(document.querySelector('.livedash-diagram')) !== {light!r}")
    dark = figure.evaluate(fill)
    assert dark == "rgb(28, 42, 74)", dark  # --ld-component-fill of the dark palette
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"() => ({fill})(document.querySelector('.livedash-diagram')) === {light!r}")


# Every diagram drawn on a page: its smallest label as rendered (font size times the svg's scale), whether
# it scrolls sideways, the height the build reserved for it and the height it was drawn at.
SOURCES = (
    "[...document.querySelectorAll('.livedash-mermaid')].filter((m) => m.textContent.trim())"  # (not: no callbacks)
)
RESERVED = (
    """() => """
    + SOURCES
    + """.map((m) =>
    m.dataset.drawn === undefined ? m.getBoundingClientRect().height : null)"""
)
DRAWN = (
    """() => """
    + SOURCES
    + """.map((m) => {
  const svg = m.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('.nodeLabel, .edgeLabel p')].filter((l) => l.textContent.trim())
    .map((l) => parseFloat(getComputedStyle(l).fontSize) * scale);
  return { smallest: Math.min(...sizes), labels: sizes.length, height: m.getBoundingClientRect().height,
           scrolls: m.scrollWidth > m.clientWidth, direction: m.dataset.direction, focusable: m.tabIndex === 0,
           name: m.getAttribute('aria-label') };
})"""
)
ALL_DRAWN = "() => " + SOURCES + ".every((m) => m.dataset.drawn !== undefined)"


def diagrams_at(browser, url, width):
    """(reserved heights before drawing, drawn diagrams) of the page at ``url`` in a ``width`` px viewport."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        reserved = page.evaluate(RESERVED)
        page.wait_for_function(ALL_DRAWN, timeout=120_000)
        return reserved, page.evaluate(DRAWN)
    finally:
        context.close()


PAGES = [
    "lessons/05-chained-callbacks/",
    "lessons/08-background-callbacks/",
    "lessons/10-pattern-matching/",
    "gallery/",
]


def test_labels_are_12px_or_more_and_wide_diagrams_scroll_and_nothing_jumps(browser, course):
    for path in PAGES:
        for width in (1280, 360):
            reserved, drawn = diagrams_at(browser, course + path, width)
            assert drawn and None not in reserved, (path, width)
            for before, diagram in zip(reserved, drawn, strict=True):
                where = (path, width, diagram)
                assert diagram["labels"] > 2 and diagram["smallest"] >= 12, where
                assert diagram["direction"] == ("TD" if width == 360 else "LR"), where
                # a drawing wider than the column scrolls, and the keyboard can reach it
                assert diagram["focusable"] == diagram["scrolls"], where
                if diagram["scrolls"]:
                    assert "scroll sideways" in diagram["name"], where
                # the space kept for it before it was drawn was its height, within a label's height or two
                assert abs(diagram["height"] - before) <= 40, (where, before)
            if path == "gallery/" and width == 360:
                assert any(d["scrolls"] for d in drawn), "some gallery graphs are wider than a phone"


def diagram_of(page, figure):
    """A LiveDiagram of its own on ``figure`` (the widget's is private), once the drawing is done."""
    return figure.evaluate_handle("""async (figure) => {
      const entry = document.querySelector('script[src$="livedash/livedash.js"]').src;
      const { LiveDiagram } = await import(new URL('diagram.js', entry).href);
      const diagram = new LiveDiagram(figure, JSON.parse(figure.closest('.livedash')
        .querySelector('template.livedash-data').content.textContent).diagram);
      await diagram.drawn;
      return diagram;
    }""")


def test_a_background_job_stays_lit_while_it_runs_and_stop_clears_it(page, course):
    page.goto(course + "lessons/08-background-callbacks/")
    widget = page.locator(".livedash").first
    drawn_diagram(widget, timeout=120_000)  # (drawn once Python has booted)
    job_node = widget.locator(".livedash-diagram g.node.background")
    assert "slow_sum" in job_node.text_content()
    settle(page, widget)
    # The widget passes each answer's runs to show(): the job's "running" run keeps it lit until it ends.
    widget.locator("#start").click()
    page.wait_for_function(
        "(w) => w.querySelector('g.node.background.ld-running')", arg=widget.element_handle(), timeout=60_000
    )
    expect(widget.locator(".livedash-diagram .flowchart-link.ld-running")).to_have_count(6)  # every edge of it
    page.wait_for_function(
        "(w) => /step 3/.test(w.querySelector('#progress').textContent)", arg=widget.element_handle(), timeout=60_000
    )
    assert "ld-running" in job_node.get_attribute("class"), "still lit well after a light would have gone out"
    page.wait_for_function(
        "(w) => /sum of 1 to 5/.test(w.querySelector('#result').textContent)",
        arg=widget.element_handle(),
        timeout=60_000,
    )
    page.wait_for_function("(w) => !w.querySelector('.livedash-diagram .ld-running')", arg=widget.element_handle())

    # The API the widget calls on Stop and on a job's start and end, driven here on a diagram of our own.
    figure = widget.locator(".livedash-diagram")
    diagram = diagram_of(page, figure)
    page.evaluate("(d) => d.running('result.children', true)", diagram)
    page.wait_for_timeout(1200)
    assert "ld-running" in job_node.get_attribute("class")
    page.evaluate("(d) => d.running('result.children', false)", diagram)
    page.wait_for_function("(w) => !w.querySelector('.livedash-diagram .ld-running')", arg=widget.element_handle())
    page.evaluate(
        """(d) => { d.running('result.children', true);
      d.show([{ callback: 'result.children', status: 'ok', outputs: {}, job: 7 },
              { callback: 'result.children', status: 'running', outputs: {}, job: 8 }]); }""",
        diagram,
    )
    expect(figure.locator(".ld-fire, .ld-running").first).to_be_attached()
    page.evaluate("(d) => d.stopAll()", diagram)
    page.wait_for_timeout(1200)  # nothing queued comes back on after Stop
    assert figure.locator(".ld-fire, .ld-running, .ld-flash").count() == 0


def test_a_lit_edge_label_is_boxed_not_underlined(page, tmp_path):
    with one_example(page, tmp_path, CHAIN) as widget:
        drawn_diagram(widget)
        settle(page, widget)
        page.evaluate(
            """(d) => d.show([{ callback: 'total.data', status: 'ok', outputs: {} }])""",
            diagram_of(page, widget.locator(".livedash-diagram")),
        )
        label = widget.locator(".livedash-diagram g.edgeLabel.ld-fire").first
        label.wait_for()
        style = label.evaluate("""(g) => {
          const box = getComputedStyle(g.querySelector('.ld-label-box')), text = g.querySelector('p');
          const rect = g.querySelector('.ld-label-box').getBBox(), words = g.querySelector('foreignObject').getBBox();
          return { stroke: box.stroke, fill: box.fill, decoration: getComputedStyle(text).textDecorationLine,
                   around: rect.x < words.x && rect.width > words.width && rect.height > words.height };
        }""")
        assert style["decoration"] == "none" and style["stroke"] != "none" and style["fill"] != "none", style
        assert style["around"], "the box is larger than the text: its border never crosses a letter"
