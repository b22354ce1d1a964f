"""Measure the built course in real Chromium and print one table. Times are medians of several runs, side
by side in one run, because these machines are noisy; read the ratios more than the milliseconds."""

import argparse
import base64
import functools
import gzip
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "runtime"))

from livedash.dash_version import DASH_VERSION  # noqa: E402
from tests.browser import ARGS, CHROMIUM, chromium  # noqa: E402
from tests.differential.runner import HEADER, Case, DashSide, LivedashSide, RealDash, page_markdown  # noqa: E402
from tests.server import SiteServer  # noqa: E402
from tests.sites import build, build_course, make_site  # noqa: E402

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


STARTED = time.monotonic()


def progress(message):
    print(f"[bench {time.monotonic() - STARTED:5.0f} s] {message}", file=sys.stderr, flush=True)


def build_site(out, url):
    result = build_course(out, url, strict=False)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    (out / "bench").mkdir(exist_ok=True)
    (out / "bench" / "index.html").write_text(BARE_PAGE)
    (out / "bench" / "bare-worker.js").write_text(BARE_WORKER)


def copy_without_snapshots(site, out):
    """The built site again with config.js saying `"snapshot": false` (as the plugin's `snapshot: false`
    writes it), files hard-linked; served from another port, it is another origin with storage of its own."""
    shutil.copytree(site, out, copy_function=os.link)
    config = out / "assets/livedash/config.js"
    head, _, body = config.read_text(encoding="utf-8").partition("export default ")
    settings = json.loads(body.strip().rstrip(";"))
    settings["snapshot"] = False
    config.unlink()  # (a hard link: writing through it would change the original's too)
    config.write_text(f"{head}export default {json.dumps(settings, indent=2)};\n", encoding="utf-8")


# A returning reader's Python is restored from a memory snapshot that the page's first boot stored (Cache
# Storage, vouched for by this localStorage key once stored).
SNAPSHOT_SAVED = "() => Object.keys(localStorage).some((k) => k.startsWith('livedash:snapshot:'))"
FORGET_SNAPSHOT = """() => { for (const k of Object.keys(localStorage))
  if (k.startsWith('livedash:snapshot:')) localStorage.removeItem(k); }"""


def wait_snapshot_saved(page, timeout=60_000):
    try:
        page.wait_for_function(SNAPSHOT_SAVED, timeout=timeout, polling=100)
    except Exception:
        sys.exit(
            f"bench: no Python snapshot was saved within {timeout / 1000:.0f} s of the first boot "
            f"({page.url}); is the snapshot broken?"
        )


def boot_kind(page):
    """How the page's first widget's Python booted: the status's data-boot, "snapshot" or "fresh"."""
    try:
        return page.wait_for_function(
            "() => document.querySelector('.livedash-status')?.dataset.boot", timeout=10_000
        ).json_value()
    except Exception:
        return "unknown"


def expect_boot(page, wanted, what):
    """Fail loudly when a load did not boot as the row says (a snapshot silently not used must not look
    like a fast boot)."""
    kind = boot_kind(page)
    if kind != wanted:
        notes = "".join(f"\n  console: {note}" for note in page.context.livedash_notes)
        sys.exit(f"bench: {what}: Python booted {kind!r}, expected {wanted!r} (data-boot of .livedash-status)" + notes)


def probed_context(browser, on_disk=False):
    """A new browser context (a new profile) whose pages get READY_PROBE; it keeps what livedash says on the
    console of its pages and workers (why a snapshot was not used) as ``livedash_notes``. ``on_disk``: a
    profile in a folder, as a reader's browser has, rather than Playwright's in-memory one, whose HTTP cache
    keeps no file as large as Pyodide's 9.6 MB wasm (so a warm load would download and compile it again)."""
    if on_disk:
        folder = tempfile.mkdtemp(prefix="livedash-bench-profile-")
        context = browser.browser_type.launch_persistent_context(folder, executable_path=CHROMIUM, args=ARGS)
        context.on("close", lambda _: shutil.rmtree(folder, ignore_errors=True))
    else:
        context = browser.new_context()
    context.add_init_script(READY_PROBE)
    context.livedash_notes = []
    context.on(
        "console", lambda message: message.text.startswith("livedash:") and context.livedash_notes.append(message.text)
    )
    return context


def load_ready(page, url):
    """Load ``url`` and wait for its first widget to be ready; ms from navigation start to ready."""
    page.goto(url)
    page.wait_for_function("() => window.__ready.length > 0", timeout=300_000)
    return page.evaluate("window.__ready[0]")


# --- Chromium's processes: CPU time, and a slower CPU ---------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid):
    """(parent pid, user+system CPU ticks) of a process, or None once it has gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), int(fields[11]) + int(fields[12])


def chromium_processes():
    """pid -> (command line, CPU ticks) of the Chromium processes this script started (its descendants:
    the browser under Playwright's driver, and the zygotes, renderers, GPU and utility processes under it)."""
    children, ticks = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))):
            children.setdefault(stat[0], []).append(int(entry))
            ticks[int(entry)] = stat[1]
    found, todo = {}, [os.getpid()]
    while todo:
        for pid in children.get(todo.pop(), []):
            todo.append(pid)
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if "chromium" in command.split(" ")[0]:
                found[pid] = (command, ticks[pid])
    return found


def chromium_cpu_ms():
    """CPU time (user + system) Chromium's live processes have used so far, ms."""
    return sum(ticks for _, ticks in chromium_processes().values()) * 1000 / TICK


class CpuWindow:
    """CPU ms Chromium uses in the ``seconds`` after start() (read by a timer at that moment, whatever the
    caller is waiting for; a process that ends within the window takes its time with it)."""

    def __init__(self, seconds):
        self.seconds, self.before, self.after = seconds, None, None
        self.done = threading.Event()

    def start(self):
        self.before = chromium_cpu_ms()
        threading.Timer(self.seconds, self._read).start()
        return self

    def _read(self):
        self.after = chromium_cpu_ms()
        self.done.set()

    def result(self):
        self.done.wait()
        return self.after - self.before


class SlowCpu:
    """Chromium's renderer processes (the page and its dedicated workers) run at 1/rate speed: every 20 ms
    they get SIGCONT for 20/rate ms and SIGSTOP for the rest. DevTools' Emulation.setCPUThrottlingRate
    cannot do this: it slows only the renderer's main thread (Blink's ThreadCPUThrottler), and a worker's
    own target refuses it ("Operation is only supported for pages, not workers"); Pyodide boots in workers."""

    PERIOD = 0.02

    def __init__(self, rate):
        self.rate = rate
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _renderers():
        return [pid for pid, (command, _) in chromium_processes().items() if "--type=renderer" in command]

    @staticmethod
    def _signal(pids, sig):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    def _run(self):
        pids, scanned = [], 0.0
        try:
            while not self.stopping.is_set():
                if time.monotonic() - scanned > 0.25:  # (a new page or context may get a new renderer)
                    pids, scanned = self._renderers(), time.monotonic()
                self._signal(pids, signal.SIGCONT)
                time.sleep(self.PERIOD / self.rate)
                self._signal(pids, signal.SIGSTOP)
                time.sleep(self.PERIOD * (self.rate - 1) / self.rate)
        finally:
            self._signal(self._renderers(), signal.SIGCONT)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join()


def stop_recovery(page):
    """Make lesson 1's callback loop forever, click, wait a second, press Stop: ms until it is ready again."""
    widget = page.locator(".livedash").first
    code = widget.evaluate("(w) => w.livedash.code()")
    if "while n_clicks" not in code:
        widget.evaluate(
            "(w, text) => w.livedash.setCode(text)",
            code.replace('    return f"', '    while n_clicks:\n        pass\n    return f"', 1),
        )
        widget.locator(".livedash-run").click()
        widget.locator('.livedash-status[data-state="ready"]').wait_for(timeout=60_000)
    widget.locator("#btn").click()
    page.wait_for_timeout(1000)
    start = page.evaluate("performance.now()")
    widget.locator(".livedash-stop").click()
    page.wait_for_function(
        "(w) => w.querySelector('.livedash-status').dataset.state === 'ready'",
        arg=widget.element_handle(),
        timeout=60_000,
        polling=10,
    )
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
    except Exception:  # (playwright's TargetClosedError: a request that finished as the context closed)
        return 0


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def finished(request):
    """(url, body bytes, epoch ms when it started) of a finished request."""
    try:
        started = request.timing["startTime"]
    except Exception:  # (as body_size)
        started = time.time() * 1000
    return request.url, body_size(request), started


@functools.cache
def gzip_size(path):
    return len(gzip.compress(path.read_bytes(), 6))


def byte_counts(site, requests, part=lambda url: True):
    """(raw, gzip -6 estimate) bytes of the site's files among ``requests`` whose URL ``part`` accepts."""
    raw = packed = 0
    for request_url, size, _ in requests:
        if not part(request_url):
            continue
        path = site / request_url.split("/", 3)[3].split("?")[0]
        if path.is_dir():
            path = path / "index.html"
        raw += size
        if size and path.is_file():  # (a response from the HTTP cache fetched nothing: size 0)
            packed += gzip_size(path)
    return raw, packed


def returning_reader(context, page, url, snapshots, timings):
    """After lesson 1's first load in ``page``: load it again in the same tab with the snapshot forgotten
    (HTTP cache only), then, once a snapshot is saved, in a new tab (a returning reader); appends to
    ``timings["warm"]`` and ``timings["returning"]``."""
    if snapshots:
        wait_snapshot_saved(page)
        page.evaluate(FORGET_SNAPSHOT)
    timings["warm"].append(load_ready(page, url + LESSON_1))
    if not snapshots:
        return
    expect_boot(page, "fresh", "warm load with the snapshot forgotten")
    wait_snapshot_saved(page)
    page.close()
    page = context.new_page()
    timings["returning"].append(load_ready(page, url + LESSON_1))
    expect_boot(page, "snapshot", "returning reader")


def bare_boots(browser, url, runs, cpu=None, seconds=10):
    """ms of the bare Pyodide page's boot, ``runs`` times; with ``cpu`` (a list), also Chromium's CPU ms in
    its first ``seconds``."""
    times = []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        window = CpuWindow(seconds).start() if cpu is not None else None
        page.goto(url + "bench/")
        page.wait_for_function("() => window.bareBootMs !== undefined", timeout=300_000)
        times.append(page.evaluate("window.bareBootMs"))
        if window:
            cpu.append(window.result())
        context.close()
    return times


def measure(browser, url, site, runs, clicks, plain_url, snapshots, rate, cpu_seconds):
    """rows: name -> (ms, the ms its ratio is taken against)."""
    rows = {}
    progress("bare Pyodide boot")
    bare_cpu = []
    bare = statistics.median(bare_boots(browser, url, runs, bare_cpu, cpu_seconds))
    rows["bare Pyodide boot (worker start → loadPyodide done)"] = (bare, bare)

    timings = {"cold": [], "warm": [], "returning": []}
    fcp, second, cpu, until, after = [], [], [], [], []
    for run in range(runs):
        progress(f"lesson 1: cold, lesson 2, warm{', returning reader' * snapshots} (run {run + 1} of {runs})")
        context = probed_context(browser, on_disk=True)
        page = context.new_page()
        requests = []
        page.on("requestfinished", lambda r, requests=requests: requests.append(finished(r)))
        window = CpuWindow(cpu_seconds).start()
        timings["cold"].append(load_ready(page, url + LESSON_1))
        ready_at = page.evaluate("performance.timeOrigin + window.__ready[0]")
        fcp.append(page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN"))
        if snapshots:
            expect_boot(page, "fresh", "first load")
        page.locator(".livedash-diagram svg g.node").first.wait_for(timeout=60_000)  # mermaid's chunks too
        first_load = list(requests)
        sooner = [r for r in first_load if r[2] < ready_at]  # (requests started before it was interactive)
        later = [r for r in first_load if r[2] >= ready_at]
        until.append(byte_counts(site, sooner))
        after.append(byte_counts(site, later))
        if any("/vendor/mermaid/" in r[0] for r in sooner):
            progress("note: some of mermaid was requested before lesson 1 was interactive")
        cpu.append(window.result())
        # second page through Material's instant navigation
        start = page.evaluate("performance.now()")
        page.locator('a[href$="02-several-inputs/"]').first.click()
        page.wait_for_function("() => window.__ready.length > 1", timeout=60_000)
        second.append(page.evaluate("window.__ready[1]") - start)
        returning_reader(context, page, url, snapshots, timings)
        context.close()
    rows["first paint of the pre-rendered app (FCP), lesson 1"] = (statistics.median(fcp), bare)
    rows["time to interactive, lesson 1, cold profile"] = (statistics.median(timings["cold"]), bare)
    rows["time to interactive, lesson 1, warm (HTTP cache, no snapshot)"] = (statistics.median(timings["warm"]), bare)
    if snapshots:
        rows[
            f"time to interactive, lesson 1, returning reader (data-boot=snapshot in {runs} of {runs}; "
            "HTTP cache warm too)"
        ] = (statistics.median(timings["returning"]), bare)
    rows["time to interactive, lesson 2 after instant navigation"] = (statistics.median(second), bare)

    shifts = {}
    for label, path in (("lesson 5 (slider)", "lessons/05-chained-callbacks/"), ("component gallery", "gallery/")):
        progress(f"layout shift, {label}")
        values = []
        for _ in range(runs):
            context = probed_context(browser)
            page = context.new_page()
            page.goto(url + path)
            expected = page.locator('.livedash-status:not([data-state="error"])').count()
            page.wait_for_function("(n) => window.__ready.length >= n", timeout=120_000, arg=expected)
            page.wait_for_timeout(500)
            values.append(page.evaluate("window.__shift"))
            context.close()
        shifts[label] = statistics.median(values)

    # A share link: its code runs in a worker of its own (security), booted beside the page's shared one. On a
    # page of several widgets (lesson 4), compare with the same page opened without a link.
    target = f"{LESSON_4.rstrip('/')}/0"
    for label, fragment in (("opened plainly", ""), ("from a share link", "#" + share_fragment(target, COUNTER_CODE))):
        progress(f"lesson 4 {label}")
        first, others = [], []
        for _ in range(runs):
            context = probed_context(browser)
            page = context.new_page()
            page.goto(url + LESSON_4 + fragment)
            # (a widget that fails on purpose is drawn with its error and never becomes ready)
            expected = page.locator('.livedash-status:not([data-state="error"])').count()
            page.wait_for_function("(n) => Object.keys(window.__readyBy).length >= n", timeout=120_000, arg=expected)
            ready = page.evaluate("window.__readyBy")
            first.append(ready.pop(target))
            others.append(max(ready.values()))
            context.close()
        rows[f"time to interactive, lesson 4 {label}: its first widget"] = (statistics.median(first), bare)
        rows[f"time to interactive, lesson 4 {label}: its last other widget"] = (statistics.median(others), bare)

    # Stop: with a snapshot saved, the replacement worker is restored on demand; without one (snapshot: false,
    # or a first visit before it is stored), a spare boots once a request has run for 400 ms.
    progress("click latency; Stop" + (" with a snapshot saved" if snapshots else ""))
    context = probed_context(browser)
    page = context.new_page()
    load_ready(page, url + LESSON_1)
    times = page.evaluate(CLICKS, [clicks, ".livedash", 0, "#btn", "#count"])
    if snapshots:
        wait_snapshot_saved(page)
        stops = [stop_recovery(page) for _ in range(runs)]
        expect_boot(page, "snapshot", "the worker that replaced a stopped one")
        rows["Stop on an endless loop → the app ready again, snapshot saved (restored on demand)"] = (
            statistics.median(stops),
            bare,
        )
    else:
        rows["Stop on an endless loop → the app ready again"] = (
            statistics.median(stop_recovery(page) for _ in range(runs)),
            bare,
        )
    context.close()
    latency = (percentile(times, 50), percentile(times, 95))
    if snapshots:
        progress("Stop without a snapshot (config.js: snapshot false)")
        context = probed_context(browser)
        page = context.new_page()
        load_ready(page, plain_url + LESSON_1)
        stops = [stop_recovery(page) for _ in range(runs)]
        expect_boot(page, "fresh", "the worker that replaced a stopped one, snapshot off")
        rows["Stop on an endless loop → the app ready again, snapshot off (the spare booted at 400 ms)"] = (
            statistics.median(stops),
            bare,
        )
        context.close()

    rows[f"CPU time of Chromium in the first {cpu_seconds} s of the bare Pyodide page (user+sys; × this)"] = (
        statistics.median(bare_cpu),
        statistics.median(bare_cpu),
    )
    rows[f"CPU time of Chromium in the first {cpu_seconds} s of lesson 1, cold (user+sys; × the bare page's)"] = (
        statistics.median(cpu),
        statistics.median(bare_cpu),
    )

    if rate > 1:
        with SlowCpu(rate):
            progress(f"CPU {rate}× slower: bare Pyodide boot")
            slow_bare = statistics.median(bare_boots(browser, url, runs))
            rows[f"CPU {rate}× slower: bare Pyodide boot"] = (slow_bare, slow_bare)
            slow = {"cold": [], "warm": [], "returning": []}
            for run in range(runs):
                progress(
                    f"CPU {rate}× slower: lesson 1 cold, warm{', returning reader' * snapshots} "
                    f"(run {run + 1} of {runs})"
                )
                context = probed_context(browser, on_disk=True)
                page = context.new_page()
                slow["cold"].append(load_ready(page, url + LESSON_1))
                returning_reader(context, page, url, snapshots, slow)
                context.close()
        rows[f"CPU {rate}× slower: time to interactive, lesson 1, cold profile"] = (
            statistics.median(slow["cold"]),
            slow_bare,
        )
        rows[f"CPU {rate}× slower: time to interactive, lesson 1, warm (HTTP cache, no snapshot)"] = (
            statistics.median(slow["warm"]),
            slow_bare,
        )
        if snapshots:
            rows[f"CPU {rate}× slower: time to interactive, lesson 1, returning reader (data-boot=snapshot)"] = (
                statistics.median(slow["returning"]),
                slow_bare,
            )

    sizes = {
        "until": tuple(statistics.median(c[i] for c in until) for i in (0, 1)),
        "after": tuple(statistics.median(c[i] for c in after) for i in (0, 1)),
        "mermaid": byte_counts(site, later, lambda u: "/vendor/mermaid/" in u),
        "dash": byte_counts(site, first_load, lambda u: "/livedash/dash/" in u),
    }
    return rows, latency, sizes, shifts


# Apps measured in real Dash and in livedash: (name, source, button selector, output selector).
LATENCY_APPS = [
    ("counter", (ROOT / "docs/examples/counter.py").read_text(), "#btn", "#count"),
    (
        "chained Store",
        HEADER
        + """
app = Dash()
app.layout = html.Div([html.Button("go", id="b"), dcc.Slider(1, 5, 1, value=2, id="k"), dcc.Store(id="s"),
                       html.P(id="out")])

@callback(Output("s", "data"), Input("b", "n_clicks"), Input("k", "value"))
def compute(n, k):
    return {"total": (n or 0) * k}

@callback(Output("out", "children"), Input("s", "data"), State("k", "value"))
def show(d, k):
    return f"total {d['total']} at x{k}"
""",
        "#b",
        "#out",
    ),
    (
        "MATCH list of 100 items",
        HEADER
        + """
app = Dash()
app.layout = html.Div([html.Div([html.Button("+", id={"type": "b", "i": i}), html.Span(id={"type": "s", "i": i})])
                       for i in range(100)])

@callback(Output({"type": "s", "i": MATCH}, "children"), Input({"type": "b", "i": MATCH}, "n_clicks"))
def f(n):
    return f"{n or 0} clicks"
""",
        '[id=\'{"i":50,"type":"b"}\']',
        '[id=\'{"i":50,"type":"s"}\']',
    ),
    (
        "ALL aggregate over 1,000 components",
        HEADER
        + """
app = Dash()
app.layout = html.Div([html.Button("+", id={"type": "b", "i": i}) for i in range(1000)] + [html.P(id="total")])

@callback(Output("total", "children"), Input({"type": "b", "i": ALL}, "n_clicks"))
def f(clicks):
    return f"{sum(c or 0 for c in clicks)} clicks"
""",
        '[id=\'{"i":500,"type":"b"}\']',
        "#total",
    ),
]


def latency_side_by_side(browser, clicks):
    """Click -> DOM latency of the same apps in real Dash (served locally) and in livedash, one run."""
    cases = [Case(f"bench{n}", source, whole=True) for n, (_, source, _, _) in enumerate(LATENCY_APPS)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(
            Path(tmp),
            {"index.md": page_markdown(cases)},
            {f"{c.name}.py": c.source for c in cases},
            plugin={"diagram": False},
        )
        result = build(root)
        if result.returncode:
            sys.exit(result.stderr[-3000:])
        host = RealDash()
        with SiteServer(root / "site") as server:
            context = browser.new_context()
            ours = context.new_page()
            ours.goto(server.url)
            for index, ((name, _, button, target), case) in enumerate(zip(LATENCY_APPS, cases, strict=True)):
                LivedashSide(ours, index)
                ours_times = ours.evaluate(CLICKS, [clicks, ".livedash", index, button, target])
                dash_page = context.new_page()
                DashSide(dash_page, host.start(case))
                dash_times = dash_page.evaluate(CLICKS, [clicks, "#react-entry-point", 0, button, target])
                dash_page.close()
                host.stop(case)
                rows.append(
                    (
                        name,
                        percentile(ours_times, 50),
                        percentile(ours_times, 95),
                        percentile(dash_times, 50),
                        percentile(dash_times, 95),
                    )
                )
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
    parser.add_argument(
        "--slow-cpu",
        type=int,
        default=4,
        metavar="RATE",
        help="also measure lesson 1 with Chromium's renderers at 1/RATE speed (1: not at all)",
    )
    parser.add_argument(
        "--cpu-seconds",
        type=int,
        default=10,
        metavar="S",
        help="Chromium's CPU time is summed over the first S seconds of a page load",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site, plain = Path(tmp) / "site", Path(tmp) / "site-without-snapshots"
        server = SiteServer(site)
        progress("building the course")
        build_site(site, server.url)
        snapshots = (site / "assets/livedash/snapshot.js").is_file()
        if not snapshots:
            progress("this runtime keeps no Python snapshot (no snapshot.js): returning-reader rows left out")
        copy_without_snapshots(site, plain)
        with server, SiteServer(plain) as plain_server, chromium() as browser:
            rows, (p50, p95), sizes, shifts = measure(
                browser,
                server.url,
                site,
                args.runs,
                args.clicks,
                plain_server.url,
                snapshots,
                args.slow_cpu,
                args.cpu_seconds,
            )
            progress("click latency, livedash vs real Dash")
            latency = latency_side_by_side(browser, args.clicks)
            progress("lesson 8's background job, livedash vs real Dash")
            job_ours, job_dash = background_job_side_by_side(browser, server.url, args.runs)
    print(f"\nlivedash bench — Chromium, site served on 127.0.0.1, median of {args.runs} runs\n")
    print("| measurement | ms | × bare Pyodide boot |")
    print("|---|---:|---:|")
    for name, (ms, base) in rows.items():
        print(f"| {name} | {ms:,.0f} | {ms / base:.2f} |")
    print(f"| click → DOM latency over {args.clicks} clicks, p50 / p95 | {p50:.1f} / {p95:.1f} | |")

    def mb(pair):
        return f"{pair[0] / 1e6:.2f} MB / {pair[1] / 1e6:.2f} MB"

    print(f"| bytes on first load of lesson 1 until interactive (raw / gzip -6 estimate) | {mb(sizes['until'])} | |")
    print(
        f"| bytes on first load of lesson 1 after interactive, until the callback diagram is drawn (raw / gzip -6; "
        f"of which mermaid {mb(sizes['mermaid'])}) | {mb(sizes['after'])} | |"
    )
    raw_bytes, gz_bytes = sizes["dash"]
    print(
        "| Dash's components on first load (React, html, dcc; raw / gzip -6) "
        f"| {raw_bytes / 1e3:,.0f} KB / {gz_bytes / 1e3:,.0f} KB | |"
    )
    for label, shift in shifts.items():
        print(f"| layout shift in app panes, first paint → interactive, {label} (CLS units) | {shift:.4f} | |")
    print(
        f"\n× column: against the bare Pyodide boot measured the same way (the CPU {args.slow_cpu}× slower rows: the "
        "bare boot on that CPU; the CPU time rows: the bare page's CPU time). A slower CPU: Chromium's renderer "
        "processes (page and workers) stopped and continued in turn, as DevTools' throttling slows only a "
        "page's main thread."
    )
    print(
        f"\nclick → DOM latency, {args.clicks} clicks each, livedash vs real Dash {DASH_VERSION} "
        "(Flask on 127.0.0.1, dev tools on)\n"
    )
    print("| app | livedash p50 / p95 ms | real Dash p50 / p95 ms | p50 ratio |")
    print("|---|---:|---:|---:|")
    for name, p50, p95, d50, d95 in latency:
        print(f"| {name} | {p50:.1f} / {p95:.1f} | {d50:.1f} / {d95:.1f} | {d50 / p50:.1f}× faster |")
    print(
        "\nlesson 8's background job (5 × 0.3 s of sleep), Start → result, median of "
        f"{args.runs}: livedash {job_ours:,.0f} ms, real Dash with DiskcacheManager {job_dash:,.0f} ms "
        f"({job_dash / job_ours:.2f}×)"
    )


if __name__ == "__main__":
    main()
