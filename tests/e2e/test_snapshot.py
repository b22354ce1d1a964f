"""The Python snapshot kept in the browser (web/snapshot.js): a returning reader's Python is restored from it;
a stale, corrupt or planted one is refused and the page boots as on a first visit; without storage there is
simply none; Stop works with and without one."""

import json

import pytest

from tests.browser import ARGS, CHROMIUM
from tests.e2e.conftest import wait_ready
from tests.e2e.test_link_security import assert_no_script_ran, packed
from tests.e2e.test_stop import RUNAWAY
from tests.server import SiteServer
from tests.sites import COUNTER, build, make_site

RECORD = "Object.entries(localStorage).find(([k]) => k.startsWith('livedash:snapshot:'))?.[1] ?? null"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(
        tmp_path_factory.mktemp("snapshot"),
        {
            "index.md": '```dash file="examples/counter.py"\n```\n',
            "stop.md": '```dash file="examples/runaway.py"\n```\n\n```dash file="examples/counter.py"\n```\n',
        },
        {"counter.py": COUNTER, "runaway.py": RUNAWAY},
    )
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    with SiteServer(root / "site") as server:
        server.site = root / "site"
        yield server


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def visit(context, url):
    """Open ``url`` in a new tab of ``context`` and wait until its first widget is ready; gives the page."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.goto(url)
    wait_ready(page.locator(".livedash").first)
    return page


def boot_of(page, index=0):
    """(how the widget's Python started, why not from a snapshot)."""
    status = page.locator(".livedash-status").nth(index)
    return status.get_attribute("data-boot"), status.get_attribute("data-snapshot")


def record(page):
    text = page.evaluate(RECORD)
    return json.loads(text) if text else None


def wait_saved(page, after=0):
    """Wait until the page has recorded a snapshot stored after ``after`` (ms since the epoch); gives it."""
    page.wait_for_function(f"(after) => JSON.parse({RECORD})?.saved > after", arg=after, timeout=60_000)
    return record(page)


def counts(page, index=0):
    widget = page.locator(".livedash").nth(index)
    widget.locator("#btn").click()
    page.wait_for_function(
        "(w) => w.querySelector('#count').textContent === 'Count: 1'", arg=widget.element_handle(), timeout=10_000
    )


def snapshot_saved(context, url):
    """A first visit that stored its snapshot; gives (its record, the runtime digest in the cache's key)."""
    page = visit(context, url)
    assert boot_of(page) == ("fresh", "none")
    saved = wait_saved(page)
    keys = page.evaluate("async () => (await (await caches.open('livedash-snapshots')).keys()).map((r) => r.url)")
    page.close()
    assert len(keys) == 1 and keys[0].endswith(f"/314.0.7/{keys[0].split('/')[-2]}/{saved['digest']}")
    return saved, keys[0].split("/")[-2]


def refused_then_replaced(context, url, saved, reason):
    """The next visit boots as a first one (the snapshot refused for ``reason``) and works; it stores a new
    snapshot, from which the visit after it starts."""
    page = visit(context, url)
    assert boot_of(page) == ("fresh", reason)
    counts(page)
    wait_saved(page, after=saved["saved"])
    page.close()
    page = visit(context, url)
    assert boot_of(page) == ("snapshot", None), "the refused snapshot was replaced by a good one"
    counts(page)
    return page


def test_a_returning_reader_starts_from_the_snapshot_in_a_new_tab_and_on_reload(context, site):
    saved, _ = snapshot_saved(context, site.url)
    assert set(saved) == {"pyodide", "digest", "saved"} and len(saved["digest"]) == 64
    page = visit(context, site.url)
    assert boot_of(page) == ("snapshot", None)
    counts(page)
    page.reload()
    wait_ready(page.locator(".livedash").first)
    assert boot_of(page) == ("snapshot", None)
    counts(page)
    assert record(page) == saved, "a restored worker stores no new snapshot"
    assert page.errors == []


def test_a_snapshot_made_for_another_runtime_is_stale_and_replaced(context, site):
    saved, runtime = snapshot_saved(context, site.url)
    config = site.site / "assets/livedash/config.js"
    original = config.read_text()
    other = "0" * len(runtime)
    # The runtime changes (a new build), but the stored snapshot and the page's record of it say it is theirs.
    page = context.new_page()
    page.goto(site.url + "assets/livedash/config.js")
    page.evaluate(
        """async ([runtime, other]) => {
        const cache = await caches.open('livedash-snapshots');
        const [request] = await cache.keys();
        await cache.put(request.url.replace(runtime, other), await cache.match(request));
        localStorage.setItem('livedash:snapshot:' + other, localStorage.getItem('livedash:snapshot:' + runtime));
    }""",
        [runtime, other],
    )
    page.close()
    assert f'"version": "{runtime}"' in original
    config.write_text(original.replace(f'"version": "{runtime}"', f'"version": "{other}"'))
    try:
        refused_then_replaced(context, site.url, saved, "stale")
    finally:
        config.write_text(original)


def test_a_corrupt_snapshot_is_refused_and_replaced_even_when_its_record_was_forged_to_match(context, site):
    # (bytes changed without the record: the share-link test below)
    saved, _ = snapshot_saved(context, site.url)
    page = visit(context, site.url)
    page.evaluate("""async () => {
        const cache = await caches.open('livedash-snapshots');
        const [request] = await cache.keys();
        const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
        bytes[bytes.length >> 1] ^= 0xff;
        bytes.fill(0, 0, 4);   // (not even the packing's magic)
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const key = Object.keys(localStorage).find((k) => k.startsWith('livedash:snapshot:'));
        const record = JSON.parse(localStorage.getItem(key));
        const forged = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
        await cache.put(request.url.replace(record.digest, forged), new Response(bytes));
        record.digest = forged;
        localStorage.setItem(key, JSON.stringify(record));
    }""")
    page.close()
    refused_then_replaced(context, site.url, saved, "corrupt")


def test_code_from_a_share_link_can_neither_record_nor_plant_a_snapshot(context, site):
    saved, _ = snapshot_saved(context, site.url)
    # Link code runs in a worker of its own, on the site's origin: it posts a forged record and overwrites the
    # stored snapshot with bytes that would run a script if anything took them for HTML or JavaScript.
    forged = {"type": "snapshot", "pyodide": "314.0.7", "digest": "ab" * 32}
    evil = "<img src=x onerror=\\\"window.__pwned = 1; localStorage.setItem('pwned', '1')\\\">"
    code = COUNTER.replace(
        "app = Dash()",
        "import js\n"
        f"js.postMessage(js.JSON.parse({json.dumps(json.dumps(forged))}))\n"
        "js.eval(\"caches.open('livedash-snapshots').then((c) => c.keys().then((keys) => "
        f'Promise.all(keys.map((k) => c.put(k, new Response(`{evil}`))))))")\n'
        "app = Dash()",
    )
    page = context.new_page()
    page.goto(f"{site.url}#livedash=index/0~{packed(code)}")
    widget = page.locator(".livedash").first
    wait_ready(widget)
    assert widget.evaluate("(w) => w.livedash.trusted()") is False
    page.wait_for_function(
        """async () => {
        const cache = await caches.open('livedash-snapshots');
        const [request] = await cache.keys();
        return (await (await cache.match(request)).text()).includes('onerror');
    }""",
        timeout=10_000,
    )
    assert record(page) == saved, "the page keeps no record a link's worker sends"
    page.close()
    page = refused_then_replaced(context, site.url, saved, "corrupt")
    assert_no_script_ran(page)


def storage_full(context, site):
    """Give the site's origin a 1 MB quota (for as long as the tab holding the DevTools session stays open)."""
    page = context.new_page()
    page.goto(site.url + "assets/livedash/config.js")
    context.new_cdp_session(page).send(
        "Storage.overrideQuotaForOrigin", {"origin": site.url.rstrip("/"), "quotaSize": 1_000_000}
    )
    return page


def test_an_origin_without_cache_storage_boots_as_always(browser, site):
    # Plain HTTP on a host name is not a secure context: no Cache Storage, no crypto.subtle.
    host = site.url.replace("127.0.0.1", "course.test")
    other = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*ARGS, "--host-resolver-rules=MAP course.test 127.0.0.1"]
    )
    try:
        context = other.new_context()
        page = visit(context, host)
        assert page.evaluate("[window.isSecureContext, typeof caches]") == [False, "undefined"]
        assert boot_of(page) == ("fresh", "none")
        counts(page)
        page.wait_for_timeout(2000)
        assert record(page) is None
        page.reload()
        wait_ready(page.locator(".livedash").first)
        assert boot_of(page) == ("fresh", "none")
    finally:
        other.close()


def stop_the_loop(page):
    """On the stop page: make the first app loop for ever, press Stop, and wait until both apps are back."""
    runaway, counter = page.locator(".livedash").nth(0), page.locator(".livedash").nth(1)
    wait_ready(counter)
    runaway.locator("#loop").click()
    page.wait_for_timeout(1000)
    runaway.locator(".livedash-stop").click()
    wait_ready(runaway, timeout=30_000)
    wait_ready(counter, timeout=30_000)


def test_stop_boots_its_replacement_from_the_snapshot(context, site):
    snapshot_saved(context, site.url)
    page = visit(context, site.url + "stop/")
    assert boot_of(page) == ("snapshot", None)
    stop_the_loop(page)
    assert boot_of(page, 1) == ("snapshot", None)
    counts(page, 1)
    assert page.errors == []


def test_a_full_storage_keeps_no_snapshot_and_stop_takes_a_spare(context, site):
    storage_full(context, site)
    page = visit(context, site.url + "stop/")
    assert boot_of(page) == ("fresh", "none")
    stop_the_loop(page)  # (no snapshot: the spare booted while the loop ran takes over)
    assert boot_of(page, 1) == ("fresh", "none")
    counts(page, 1)
    assert record(page) is None, "the snapshot did not fit and nothing says otherwise"
    page.reload()
    wait_ready(page.locator(".livedash").nth(1))
    assert boot_of(page) == ("fresh", "none")
    counts(page, 1)
    assert page.errors == []
