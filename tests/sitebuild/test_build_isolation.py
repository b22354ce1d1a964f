"""Builds with examples that misbehave: each example runs in a child process of its own, time-limited, and
whatever it does is reported as its error; pages take code only from docs_dir; placeholders stay ours."""

import os
import re
import subprocess
import sys

import pytest

from tests.exercise_fixture import CHECKS, NAV, SOLUTION, exercise_pages
from tests.sites import COUNTER, make_site

FAST = {"pyodide": "cdn", "timeout": 2}  # no Pyodide copy; a runaway example is stopped after 2 s


def build(root, strict=True):
    """`mkdocs build` in ``root``. Without isolation some of these examples hang the build: the limit
    turns that into a failed test (it is far above any build here, and no assertion depends on it)."""
    command = [sys.executable, "-m", "mkdocs", "build"] + (["--strict"] if strict else [])
    try:
        return subprocess.run(
            command,
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the build hung")


def site_text(root):
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in (root / "site").rglob("*.html"))


CALLBACK = (
    "from dash import Dash, html, callback, Input, Output\n{imports}app = Dash()\n"
    "app.layout = html.Div([html.P(id='a'), html.P(id='b')])\n\n"
    "@callback(Output('b', 'children'), Input('a', 'children'))\ndef f(a):\n    {body}\n"
)

# file: (code, line reported, kind reported)
EXITS = {
    "sys_exit.py": ("from dash import Dash\nimport sys\nsys.exit(0)\n", 3, "SystemExit"),
    "os_exit.py": ("import os\n\nos._exit(0)\n", 3, "SystemExit"),
    "interrupt.py": ("x = 1\nraise KeyboardInterrupt\n", 2, "KeyboardInterrupt"),
    "callback_exit.py": (CALLBACK.format(imports="import sys\n", body="sys.exit(0)"), 8, "SystemExit"),
}


def fences(files, options=""):
    return "# Page\n\n" + "".join(f'```dash file="examples/{name}"{options}\n```\n\n' for name in files)


def test_an_example_that_exits_fails_the_strict_build_with_its_line(tmp_path):
    names = sorted(EXITS)
    root = make_site(tmp_path, {"index.md": fences(names)}, {name: EXITS[name][0] for name in names}, plugin=FAST)
    result = build(root)
    assert result.returncode != 0
    for number, name in enumerate(names):
        _code, line, kind = EXITS[name]
        assert (
            f"docs/examples/{name}:{line}: the example on docs/index.md:{3 + 3 * number} failed: {kind}"
            in result.stderr
        ), name


def test_without_strict_an_example_that_exits_shows_its_error_and_the_page_goes_on(tmp_path):
    root = make_site(
        tmp_path,
        {"index.md": fences(["os_exit.py", "counter.py"]) + "After the examples.\n"},
        {"os_exit.py": EXITS["os_exit.py"][0], "counter.py": COUNTER},
        plugin=FAST,
    )
    assert build(root, strict=False).returncode == 0
    html = (root / "site" / "index.html").read_text()
    boxes = re.findall(r'<div class="livedash-error"( hidden)?>(.*?)</div>', html, re.S)
    assert boxes[0][0] == "" and "SystemExit" in boxes[0][1] and "(line 3)" in boxes[0][1]
    assert boxes[1][0] == " hidden"
    assert '<p id="count">Count: 0</p>' in html and "After the examples." in html


# file: (code, line reported); each loop on one line, so the line is the same wherever it is stopped
LOOPS = {
    "import_loop.py": ("from dash import Dash\nx = 0\nwhile True: x += 1\n", 3),
    "callback_loop.py": (CALLBACK.format(imports="", body="while True: a = (a or 0) + 1"), 7),
}


def test_an_example_that_runs_for_ever_is_stopped_at_the_time_limit_with_its_line(tmp_path):
    names = sorted(LOOPS)
    looping = SOLUTION.replace('return f"Count: {n or 0}"', 'while n: n += 1\n    return f"Count: {n or 0}"')
    pages = {
        **exercise_pages(solution=looping),
        "index.md": fences(names) + '```dash exercise="exercises/count"\n```\n',
    }
    root = make_site(tmp_path, pages, {name: LOOPS[name][0] for name in names}, plugin=FAST, nav=NAV)
    result = build(root)
    assert result.returncode != 0
    for number, name in enumerate(names):
        assert (
            f"docs/examples/{name}:{LOOPS[name][1]}: the example on docs/index.md:{3 + 3 * number} failed: "
            "TimeoutError: the code did not finish within 2 s" in result.stderr
        ), name
    assert (
        "docs/index.md:9: exercise exercises/count: the checks could not run on solution.py: TimeoutError "
        "at docs/exercises/count/solution.py:9" in result.stderr
    )


def test_an_exercise_whose_checks_exit_is_reported_with_the_line(tmp_path):
    checks = CHECKS.replace('    "The count starts at 0."\n', '    "The count starts at 0."\n    raise SystemExit(1)\n')
    root = make_site(tmp_path, exercise_pages(checks=checks), plugin=FAST, nav=NAV)
    result = build(root)
    assert result.returncode != 0
    assert (
        "exercise exercises/count: the checks could not run on solution.py: SystemExit at "
        "docs/exercises/count/checks.py:3" in result.stderr
    )


POISON = """\
import builtins
import livedash.exercises
import livedash.prerender
from dash import Dash, html

livedash.prerender.render = lambda node: "<b>pwned</b>"
livedash.prerender.render_app = lambda *args, **kwargs: ("<b>pwned</b>", [], [], None)
livedash.exercises.run_checks = lambda *args, **kwargs: []
builtins.POISONED = True

app = Dash()
app.layout = html.P("poisoner")
"""

VICTIM = """\
import builtins
from dash import Dash, dcc, html

app = Dash()
app.layout = html.Div([html.P(str(hasattr(builtins, "POISONED")), id="flag"), dcc.Markdown("*fine*", id="md")])
"""


def apps(html):
    """The pre-rendered app of each widget of a page."""
    return re.findall(r'<div class="livedash-app"[^>]*>(.*?)</div><div class="livedash-error"', html, re.S)


def test_an_example_that_replaces_livedash_functions_changes_no_other_example(tmp_path):
    pages = {
        **exercise_pages(),
        "index.md": fences(["poison.py", "victim.py"]),
        "other.md": fences(["victim.py"]) + '```dash exercise="exercises/count"\n```\n',
    }
    root = make_site(tmp_path, pages, {"poison.py": POISON, "victim.py": VICTIM}, plugin=FAST, nav=NAV)
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]  # the exercise is verified by the real checks
    poisoner, victim = apps((root / "site" / "index.html").read_text())
    assert poisoner == "<p>poisoner</p>"  # the page is drawn by the build, which the example cannot reach
    for drawn in (victim, apps((root / "site" / "other" / "index.html").read_text())[0]):
        assert '<p id="flag">False</p>' in drawn and "<em>fine</em>" in drawn and "pwned" not in drawn


SECRET = COUNTER.replace("Click", "TOP-SECRET-TEXT")


def outside_file(tmp_path):
    """A readable Python file beside the site, outside its docs_dir, with an assets/ folder next to it."""
    (tmp_path / "elsewhere" / "assets").mkdir(parents=True)
    (tmp_path / "elsewhere" / "assets" / "x.js").write_text("window.x = 1;\n")
    (tmp_path / "elsewhere" / "secret.py").write_text(SECRET)
    for name, code in (("starter.py", SECRET), ("solution.py", SECRET), ("checks.py", CHECKS)):
        (tmp_path / "elsewhere" / "exercise" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "elsewhere" / "exercise" / name).write_text(code)
    return tmp_path / "elsewhere"


def outside_option(case, docs, outside):
    """The fence options of each way to reach the files outside docs_dir."""
    if case == "relative":
        return 'file="../../elsewhere/secret.py"'
    if case == "absolute":
        return f'file="{outside / "secret.py"}"'
    if case == "symlink":
        (docs / "examples" / "link.py").symlink_to(outside / "secret.py")
        return 'file="examples/link.py"'
    if case == "exercise":
        return 'exercise="../../elsewhere/exercise"'
    (docs / "ex").mkdir()  # an exercise folder in docs whose files are links to files outside
    for name in ("starter.py", "solution.py", "checks.py"):
        (docs / "ex" / name).symlink_to(outside / "exercise" / name)
    return 'exercise="ex"'


@pytest.mark.parametrize("case", ["relative", "absolute", "symlink", "exercise", "exercise_file"])
def test_files_outside_docs_dir_are_refused_with_the_page_line(tmp_path, case):
    root = make_site(tmp_path / "root", {"index.md": "# x\n"}, plugin=FAST)
    option = outside_option(case, root / "docs", outside_file(tmp_path))
    (root / "docs" / "index.md").write_text(f"# x\n\n```dash {option}\n```\n")
    result = build(root, strict=False)
    assert result.returncode != 0
    assert "docs/index.md:3: " in result.stderr and "is outside docs_dir (docs)" in result.stderr
    assert "Traceback" not in result.stderr and "TOP-SECRET-TEXT" not in result.stderr
    assert not (root / "site").exists() or "TOP-SECRET-TEXT" not in site_text(root)


def test_a_file_that_is_not_utf8_is_named_with_the_page_line(tmp_path):
    root = make_site(tmp_path, {"index.md": fences(["latin.py"])}, plugin=FAST)
    (root / "docs" / "examples" / "latin.py").write_bytes(COUNTER.replace("Click", "Cliqu\xe9").encode("latin-1"))
    result = build(root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/index.md:3: docs/examples/latin.py is not UTF-8 text" in result.stderr

    root = make_site(tmp_path / "exercise", exercise_pages(), plugin=FAST, nav=NAV)
    (root / "docs" / "exercises" / "count" / "checks.py").write_bytes(b"# \xff\n" + CHECKS.encode())
    result = build(root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/index.md:3: docs/exercises/count/checks.py is not UTF-8 text" in result.stderr


def test_prose_with_the_old_placeholder_stays_text_and_each_widget_lands_at_its_fence(tmp_path):
    first, second = COUNTER.replace("Count: ", "First: "), COUNTER.replace("Count: ", "Second: ")
    page = (
        "# Page\n\nBefore: LIVEDASH-WIDGET-0 and LIVEDASH-WIDGET-1\n\nLIVEDASH-WIDGET-1\n\n"
        '```dash file="examples/first.py"\n```\n\nBetween\n\nLIVEDASH-WIDGET-0\n\n'
        '```dash file="examples/second.py"\n```\n\nAfter\n'
    )
    root = make_site(tmp_path, {"index.md": page}, {"first.py": first, "second.py": second}, plugin=FAST)
    assert build(root).returncode == 0
    html = (root / "site" / "index.html").read_text()
    order = [
        "<p>Before: LIVEDASH-WIDGET-0 and LIVEDASH-WIDGET-1</p>",
        "<p>LIVEDASH-WIDGET-1</p>",
        '<p id="count">First: 0</p>',
        "<p>Between</p>",
        "<p>LIVEDASH-WIDGET-0</p>",
        '<p id="count">Second: 0</p>',
        "<p>After</p>",
    ]
    assert all(html.count(text) == 1 for text in order), [html.count(text) for text in order]
    assert [html.index(text) for text in order] == sorted(html.index(text) for text in order)


@pytest.mark.parametrize("value", [0, -1, "soon", True])
def test_the_timeout_option_must_be_a_positive_number_of_seconds(tmp_path, value):
    root = make_site(tmp_path, {"index.md": "# x\n"}, plugin={"pyodide": "cdn", "timeout": value})
    result = build(root)
    assert result.returncode != 0
    assert "expected a positive number of seconds" in result.stderr and "Traceback" not in result.stderr


def test_a_widget_whose_placeholder_another_extension_dropped_is_an_error_naming_its_fence():
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from livedash.mkdocs.plugin import LivedashPlugin

    plugin = LivedashPlugin()
    plugin._placeholder = "livedash-widget-0123456789abcdef"
    plugin._pages["index.md"] = [("docs/index.md:3", "<div>one</div>"), ("docs/index.md:7", "<div>two</div>")]
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"), url="")
    with pytest.raises(PluginError, match="docs/index.md:7: the example could not be put in the page"):
        plugin.on_page_content("<p>livedash-widget-0123456789abcdef-0</p>", page=page, config=None, files=None)


def test_a_crash_a_kill_and_a_loop_beside_other_threads_are_reported_from_the_child():
    from livedash.mkdocs.examples import Example, build_call, built_from
    from livedash.mkdocs.isolation import run

    codes = {
        "abort.py": "import os\n\nos.abort()\n",
        "kill.py": "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n",
        "threads.py": "import threading\n\ndef spin():\n    while True: pass\n\n"
        "threading.Thread(target=spin, daemon=True).start()\nwhile True: pass\n",
    }
    calls = [
        build_call(Example(key=name, code=code, filename=name, source=f"docs/examples/{name}", first_line=1))
        for name, code in codes.items()
    ]
    abort, kill, threads = (built_from(outcome).error for outcome in run(calls, timeout=2))
    assert (abort["kind"], abort["filename"], abort["line"]) == ("Crash", "docs/examples/abort.py", 3)
    assert kill["kind"] == "SystemExit" and "killed by SIGKILL" in kill["message"]
    assert (threads["kind"], threads["line"]) == ("TimeoutError", 7)  # the main thread's line, not spin's
