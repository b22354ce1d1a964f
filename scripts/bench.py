"""Measure the built course in real Chromium and print one table. Times are medians of several runs, side
by side in one run, because these machines are noisy; read the ratios more than the milliseconds."""

import argparse
import base64
import gzip
import statistics
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "runtime"))

from tests.browser import chromium  # noqa: E402
from tests.server import SiteServer  # noqa: E402
from tests.sites import build, build_course, make_site  # noqa: E402
from tests.differential.runner import HEADER, Case, DashSide, LivedashSide, RealDash, page_markdown  # noqa: E402

LESSON_1 = "lessons/01-first-callback/"
LESSON_2 = "lessons/02-several-inputs/"
LESSON_4 = "lessons/04-same-inputs/"

BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare pyodide</title><script type="module">
const start = performance.now();
const worker = new Worker(new URL("./bare-worker.js", import.meta.url), {type: "module"});
worker.onmessage = (e) => { window.bareBootMs = performance.now() - start; window.bareInside = e.data; };
</script>"""
BARE_WORKER = """const base = new URL("../assets/livedash/pyodide/", import.meta.url).href;
const { loadPyodide } = await import(base + "pyodide.mjs");
const t0 = performance.now();
const py = await loadPyodide({ indexURL: base });
py.runPython("1 + 1");
postMessage(performance.now() - t0);
"""

# Installed before any page script: records when each widget first reports "ready", and the layout shifts
# inside app panes (the build's server render swapped for React's must move nothing).
READY_PROBE = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.sources?.some((s) => s.node && s.node.closest?.(".livedash-app"))) window.__shift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
window.__ready = [];
window.__readyBy = {};   // widget key -> when it was first ready
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === "attributes" && r.target.dataset.state === "ready" && !r.target.__seen) {
      r.target.__seen = true; window.__ready.push(performance.now());
      window.__readyBy[r.target.closest(".livedash")?.dataset.livedashKey] = performance.now();
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
"""

CLICKS = """async ([n, rootSelector, index, selector, target]) => {
  const widget = document.querySelectorAll(rootSelector)[index];
  const btn = widget.querySelector(selector), out = widget.querySelector(target);
  const times = [];
  for (let i = 0; i < n; i++) {
    const before = out.textContent;
    const t0 = performance.now();
    await new Promise((resolve) => {
      const mo = new MutationObserver(() => { if (out.textContent !== before) { mo.disconnect(); resolve(); } });
      mo.observe(widget, {subtree: true, childList: true, characterData: true});
      btn.click();
    });
    times.push(performance.now() - t0);
  }
  return times;
}"""


def build_site(out, url):
    result = build_course(out, url, strict=False)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    (out / "bench").mkdir(exist_ok=True)
    (out / "bench" / "index.html").write_text(BARE_PAGE)
    (out / "bench" / "bare-worker.js").write_text(BARE_WORKER)


def stop_recovery(page):
    """Make lesson 1's callback loop forever, click, wait a second, press Stop: ms until it is ready again."""
    widget = page.locator(".livedash").first
    code = widget.evaluate("(w) => w.livedash.code()")
    if "while n_clicks" not in code:
        widget.evaluate("(w, text) => w.livedash.setCode(text)", code.replace('    return f"', "    while n_clicks:\n        pass\n    return f\"", 1))
        widget.locator(".livedash-run").click()
        widget.locator('.livedash-status[data-state="ready"]').wait_for(timeout=60_000)
    widget.locator("#btn").click()
    page.wait_for_timeout(1000)
    start = page.evaluate("performance.now()")
    widget.locator(".livedash-stop").click()
    page.wait_for_function("(w) => w.querySelector('.livedash-status').dataset.state === 'ready'",
                           arg=widget.element_handle(), timeout=60_000, polling=10)
    return page.evaluate("performance.now()") - start


COUNTER_CODE = (ROOT / "docs/examples/counter.py").read_text(encoding="utf-8")


def share_fragment(key, code):
    """The fragment of a share link to widget ``key`` carrying ``code`` (as sharelink.js packs it)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = base64.urlsafe_b64encode(deflate.compress(code.encode()) + deflate.flush()).decode().rstrip("=")
    return f"livedash={key}~{packed}"


def body_size(request):
    """A finished request's body size (0 when its page has closed meanwhile)."""
    try:
        return request.sizes()["responseBodySize"]
    except Exception:   # (playwright's TargetClosedError: a request that finished as the context closed)
        return 0


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def measure(browser, url, site, runs, clicks):
    rows = {}
    bare, bare_inside = [], []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "bench/")
        page.wait_for_function("() => window.bareBootMs !== undefined", timeout=120_000)
        bare.append(page.evaluate("window.bareBootMs"))
        bare_inside.append(page.evaluate("window.bareInside"))
        context.close()
    rows["bare Pyodide boot (worker start → loadPyodide done)"] = statistics.median(bare)

    cold, warm, fcp, second, transferred = [], [], [], [], []
    for _ in range(runs):
        context = browser.new_context()
        context.add_init_script(READY_PROBE)
        page = context.new_page()
        sizes = []
        page.on("requestfinished", lambda r: sizes.append((r.url, body_size(r))))
        page.goto(url + LESSON_1)
        page.wait_for_function("() => window.__ready.length > 0", timeout=120_000)
        cold.append(page.evaluate("window.__ready[0]"))
        fcp.append(page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN"))
        page.locator(".livedash-diagram svg g.node").first.wait_for(timeout=60_000)   # mermaid's chunks too
        transferred.append(sum(size for _, size in sizes))
        first_load = list(sizes)
        # second page through Material's instant navigation
        start = page.evaluate("performance.now()")
        page.locator('a[href$="02-several-inputs/"]').first.click()
        page.wait_for_function("() => window.__ready.length > 1", timeout=60_000)
        second.append(page.evaluate("window.__ready[1]") - start)
        # warm: the same context (HTTP cache filled) loads the lesson again
        page.goto(url + LESSON_1)
        page.wait_for_function("() => window.__ready.length > 0", timeout=120_000)
        warm.append(page.evaluate("window.__ready[0]"))
        context.close()
    rows["first paint of the pre-rendered app (FCP), lesson 1"] = statistics.median(fcp)
    shifts = {}
    for label, path in (("lesson 5 (slider)", "lessons/05-chained-callbacks/"), ("component gallery", "gallery/")):
        values = []
        for _ in range(runs):
            context = browser.new_context()
            context.add_init_script(READY_PROBE)
            page = context.new_page()
            page.goto(url + path)
            expected = page.locator('.livedash-status:not([data-state="error"])').count()
            page.wait_for_function("(n) => window.__ready.length >= n", timeout=120_000, arg=expected)
            page.wait_for_timeout(500)
            values.append(page.evaluate("window.__shift"))
            context.close()
        shifts[label] = statistics.median(values)
    rows["time to interactive, lesson 1, cold profile"] = statistics.median(cold)
    rows["time to interactive, lesson 1, warm (HTTP cache)"] = statistics.median(warm)
    rows["time to interactive, lesson 2 after instant navigation"] = statistics.median(second)

    # A share link: its code runs in a worker of its own (security), booted beside the page's shared one. On a
    # page of several widgets (lesson 4), compare with the same page opened without a link.
    target = f"{LESSON_4.rstrip('/')}/0"
    for label, fragment in (("opened plainly", ""), ("from a share link", "#" + share_fragment(target, COUNTER_CODE))):
        first, others = [], []
        for _ in range(runs):
            context = browser.new_context()
            context.add_init_script(READY_PROBE)
            page = context.new_page()
            page.goto(url + LESSON_4 + fragment)
            # (a widget that fails on purpose is drawn with its error and never becomes ready)
            expected = page.locator('.livedash-status:not([data-state="error"])').count()
            page.wait_for_function("(n) => Object.keys(window.__readyBy).length >= n", timeout=120_000, arg=expected)
            ready = page.evaluate("window.__readyBy")
            first.append(ready.pop(target))
            others.append(max(ready.values()))
            context.close()
        rows[f"time to interactive, lesson 4 {label}: its first widget"] = statistics.median(first)
        rows[f"time to interactive, lesson 4 {label}: its last other widget"] = statistics.median(others)

    context = browser.new_context()
    context.add_init_script(READY_PROBE)
    page = context.new_page()
    page.goto(url + LESSON_1)
    page.wait_for_function("() => window.__ready.length > 0", timeout=120_000)
    times = page.evaluate(CLICKS, [clicks, ".livedash", 0, "#btn", "#count"])
    rows["Stop on an endless loop → the app ready again"] = statistics.median(
        stop_recovery(page) for _ in range(runs))
    context.close()
    latency = (percentile(times, 50), percentile(times, 95))

    gz, mermaid_raw, mermaid_gz, dash_raw, dash_gz = 0, 0, 0, 0, 0
    for request_url, size in first_load:
        path = site / request_url.split("/", 3)[3].split("?")[0]
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            packed = len(gzip.compress(path.read_bytes(), 6))
            gz += packed
            if "/vendor/mermaid/" in request_url:   # what the callback diagram costs a page
                mermaid_raw, mermaid_gz = mermaid_raw + size, mermaid_gz + packed
            if "/livedash/dash/" in request_url:     # Dash's own components: React, html, dcc and chunks
                dash_raw, dash_gz = dash_raw + size, dash_gz + packed
    sizes = {"all": (statistics.median(transferred), gz), "mermaid": (mermaid_raw, mermaid_gz),
             "dash": (dash_raw, dash_gz)}
    return rows, latency, sizes, statistics.median(bare), shifts


# Apps measured in real Dash and in livedash: (name, source, button selector, output selector).
LATENCY_APPS = [
    ("counter", (ROOT / "docs/examples/counter.py").read_text(), "#btn", "#count"),
    ("chained Store", HEADER + """
app = Dash()
app.layout = html.Div([html.Button("go", id="b"), dcc.Slider(1, 5, 1, value=2, id="k"), dcc.Store(id="s"),
                       html.P(id="out")])

@callback(Output("s", "data"), Input("b", "n_clicks"), Input("k", "value"))
def compute(n, k):
    return {"total": (n or 0) * k}

@callback(Output("out", "children"), Input("s", "data"), State("k", "value"))
def show(d, k):
    return f"total {d['total']} at x{k}"
""", "#b", "#out"),
    ("MATCH list of 100 items", HEADER + """
app = Dash()
app.layout = html.Div([html.Div([html.Button("+", id={"type": "b", "i": i}), html.Span(id={"type": "s", "i": i})])
                       for i in range(100)])

@callback(Output({"type": "s", "i": MATCH}, "children"), Input({"type": "b", "i": MATCH}, "n_clicks"))
def f(n):
    return f"{n or 0} clicks"
""", '[id=\'{"i":50,"type":"b"}\']', '[id=\'{"i":50,"type":"s"}\']'),
    ("ALL aggregate over 1,000 components", HEADER + """
app = Dash()
app.layout = html.Div([html.Button("+", id={"type": "b", "i": i}) for i in range(1000)] + [html.P(id="total")])

@callback(Output("total", "children"), Input({"type": "b", "i": ALL}, "n_clicks"))
def f(clicks):
    return f"{sum(c or 0 for c in clicks)} clicks"
""", '[id=\'{"i":500,"type":"b"}\']', "#total"),
]


def latency_side_by_side(browser, clicks):
    """Click -> DOM latency of the same apps in real Dash (served locally) and in livedash, one run."""
    cases = [Case(f"bench{n}", source, whole=True) for n, (_, source, _, _) in enumerate(LATENCY_APPS)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), {"index.md": page_markdown(cases)}, {f"{c.name}.py": c.source for c in cases},
                         plugin={"diagram": False})
        result = build(root)
        if result.returncode:
            sys.exit(result.stderr[-3000:])
        host = RealDash()
        with SiteServer(root / "site") as server:
            context = browser.new_context()
            ours = context.new_page()
            ours.goto(server.url)
            for index, ((name, _, button, target), case) in enumerate(zip(LATENCY_APPS, cases)):
                LivedashSide(ours, index)
                ours_times = ours.evaluate(CLICKS, [clicks, ".livedash", index, button, target])
                dash_page = context.new_page()
                DashSide(dash_page, host.start(case))
                dash_times = dash_page.evaluate(CLICKS, [clicks, "#react-entry-point", 0, button, target])
                dash_page.close()
                host.stop(case)
                rows.append((name, percentile(ours_times, 50), percentile(ours_times, 95),
                             percentile(dash_times, 50), percentile(dash_times, 95)))
            context.close()
        host.close()
    return rows


LESSON_8 = "lessons/08-background-callbacks/"


def background_job_side_by_side(browser, url, runs):
    """ms from Start to the result of lesson 8's job, in the course (a reader who read for a few seconds
    first) and in real Dash with DiskcacheManager; medians of ``runs``."""
    ours, dash = [], []
    case = Case.from_example(ROOT / "docs/examples/background_job.py", [])
    host = RealDash()
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + LESSON_8)
        page.locator('.livedash-status[data-state="ready"]').first.wait_for(timeout=120_000)
        page.wait_for_timeout(4000)
        ours.append(page.evaluate(CLICKS, [1, ".livedash", 0, "#start", "#result"])[0])
        dash_page = context.new_page()
        DashSide(dash_page, host.start(case))
        dash_page.wait_for_timeout(1000)
        dash.append(dash_page.evaluate(CLICKS, [1, "#react-entry-point", 0, "#start", "#result"])[0])
        host.stop(case)
        context.close()
    host.close()
    return statistics.median(ours), statistics.median(dash)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="page loads per measurement (median is shown)")
    parser.add_argument("--clicks", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        server = SiteServer(site)
        build_site(site, server.url)
        with server, chromium() as browser:
            rows, (p50, p95), sizes, bare, shifts = measure(browser, server.url, site, args.runs, args.clicks)
            latency = latency_side_by_side(browser, args.clicks)
            job_ours, job_dash = background_job_side_by_side(browser, server.url, args.runs)
    print(f"\nlivedash bench — Chromium, site served on 127.0.0.1, median of {args.runs} runs\n")
    print("| measurement | ms | × bare Pyodide boot |")
    print("|---|---:|---:|")
    for name, ms in rows.items():
        print(f"| {name} | {ms:,.0f} | {ms / bare:.2f} |")
    print(f"| click → DOM latency over {args.clicks} clicks, p50 / p95 | {p50:.1f} / {p95:.1f} | |")
    raw_bytes, gz_bytes = sizes["all"]
    print(f"| bytes on first load of lesson 1 (raw / gzip -6 estimate) | {raw_bytes / 1e6:.2f} MB / {gz_bytes / 1e6:.2f} MB | |")
    raw_bytes, gz_bytes = sizes["mermaid"]
    print(f"| of which mermaid, for the callback diagram (raw / gzip -6) | {raw_bytes / 1e6:.2f} MB / {gz_bytes / 1e6:.2f} MB | |")
    raw_bytes, gz_bytes = sizes["dash"]
    print(f"| of which Dash's components (React, html, dcc; raw / gzip -6) | {raw_bytes / 1e3:,.0f} KB / {gz_bytes / 1e3:,.0f} KB | |")
    for label, shift in shifts.items():
        print(f"| layout shift in app panes, first paint → interactive, {label} (CLS units) | {shift:.4f} | |")
    print(f"\nclick → DOM latency, {args.clicks} clicks each, livedash vs real Dash 4.4.1 (Flask on 127.0.0.1, dev tools on)\n")
    print("| app | livedash p50 / p95 ms | real Dash p50 / p95 ms | p50 ratio |")
    print("|---|---:|---:|---:|")
    for name, p50, p95, d50, d95 in latency:
        print(f"| {name} | {p50:.1f} / {p95:.1f} | {d50:.1f} / {d95:.1f} | {d50 / p50:.1f}× faster |")
    print("\nlesson 8's background job (5 × 0.3 s of sleep), Start → result, median of "
          f"{args.runs}: livedash {job_ours:,.0f} ms, real Dash with DiskcacheManager {job_dash:,.0f} ms "
          f"({job_dash / job_ours:.2f}×)")


if __name__ == "__main__":
    main()
