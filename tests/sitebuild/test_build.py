"""Real `mkdocs build` runs of small sites: widgets, pre-rendering, assets, and broken examples."""

import json
import re

import pytest

from tests.sites import COUNTER, build, make_site

PAGES = {
    "index.md": """\
        # Home

        ```dash file="examples/counter.py" height=200
        ```
        """,
    "plain.md": "# No examples here\n",
}


def widget_data(html):
    raw = re.search(r'<template class="livedash-data">(.*?)</template>', html, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw  # no markup inside the template
    return json.loads(raw)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    root = make_site(
        tmp_path_factory.mktemp("ok"),
        PAGES,
        {"counter.py": COUNTER},
        nav=list(PAGES),
        extra={"extra_css": ["extra.css"]},
    )
    (root / "docs" / "extra.css").write_text("p { color: teal; }\n", encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_example_is_prerendered_with_its_initial_callbacks(built_site):
    html = (built_site / "index.html").read_text()
    assert '<p id="count">Count: 0</p>' in html
    assert '<button id="btn">Click</button>' in html
    data = widget_data(html)
    assert data["code"] == COUNTER and data["filename"] == "counter.py" and data["error"] is None
    assert data["layout"]["props"]["children"][1]["props"]["children"] == "Count: 0"
    assert 'style="min-height:200px"' in html


def test_assets_only_on_pages_with_examples(built_site):
    html = (built_site / "index.html").read_text()
    assert "livedash.js" in html
    # Python's boot starts ahead of the widgets, its module's imports preloaded
    start = html.index('<script type="module" async src="assets/livedash/start.js">')
    assert start < html.index('class="livedash"') and start < html.index("livedash.js")
    assert all(
        f'<link rel="modulepreload" href="assets/livedash/{name}">' in html[:start]
        for name in ("kernel.js", "config.js", "protocol.js")
    )
    assert "livedash.js" not in (built_site / "plain" / "index.html").read_text()


def test_site_carries_the_runtime_config_and_pinned_pyodide(built_site):
    assets = built_site / "assets" / "livedash"
    config = (assets / "config.js").read_text()
    runtime = re.search(r'"runtime": "\./(livedash-runtime-[0-9a-f]+\.zip)"', config).group(1)
    assert (assets / runtime).stat().st_size > 10_000
    assert '"pyodide": "./pyodide/"' in config
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (assets / "pyodide" / name).is_file()
    for name in ("livedash.js", "worker.js", "host.js", "widget.js", "kernel.js", "livedash.css"):
        assert (assets / name).is_file(), name


def test_site_carries_dash_components_and_their_manifest(built_site):
    from livedash.mkdocs import dash_wheel

    assets = built_site / "assets" / "livedash"
    manifest = json.loads((assets / "components.json").read_text())
    assert manifest["react"] == [
        "dash/deps/polyfill@7.12.1.min.js",
        "dash/deps/react@18.3.1.min.js",
        "dash/deps/react-dom@18.3.1.min.js",
        "dash/deps/prop-types@15.8.1.min.js",
    ]
    assert manifest["plotly"] == "vendor/plotly/plotly.min.js"
    namespaces = manifest["namespaces"]
    assert set(namespaces) == {"dash_html_components", "dash_core_components", "dash_table"}
    assert namespaces["dash_html_components"]["scripts"] == ["dash/html/dash_html_components.min.js"]
    assert namespaces["dash_core_components"]["scripts"] == [
        "dash/dcc/dash_core_components.js",
        "dash/dcc/dash_core_components-shared.js",
    ]
    assert "dash/dcc/async-slider.js" in namespaces["dash_core_components"]["async"]
    assert namespaces["dash_table"] == {
        "scripts": ["dash/dash_table/bundle.js"],
        "styles": [],
        "async": [
            "dash/dash_table/async-export.js",
            "dash/dash_table/async-table.js",
            "dash/dash_table/async-highlight.js",
        ],
    }
    assert manifest["stylesheets"] == {}
    listed = (
        manifest["react"]
        + [manifest["plotly"]]
        + [path for entry in namespaces.values() for paths in entry.values() for path in paths]
    )
    for path in listed:
        assert (assets / path).stat().st_size > 1000, path
    assert sorted(listed[:4] + listed[5:]) == sorted(dash_wheel.files())
    # the licence texts travel with the files; nothing else of the wheel does
    assert "MIT" in (assets / "dash" / "LICENSE").read_text()
    assert (assets / "dash" / "dcc" / "dash_core_components.js.LICENSE.txt").is_file()
    shipped = {p.relative_to(assets).as_posix() for p in (assets / "dash").rglob("*") if p.is_file()}
    assert {p for p in shipped if not p.endswith(".LICENSE.txt")} == set(dash_wheel.files()) | {"dash/LICENSE"}


def test_pages_preload_what_their_apps_load_first(built_site):
    html = (built_site / "index.html").read_text()
    preloaded = re.findall(r'<link rel="preload" as="script" href="([^"]+)">', html)
    assert preloaded == [
        "assets/livedash/dash/deps/polyfill@7.12.1.min.js",
        "assets/livedash/dash/deps/react@18.3.1.min.js",
        "assets/livedash/dash/deps/react-dom@18.3.1.min.js",
        "assets/livedash/dash/deps/prop-types@15.8.1.min.js",
        "assets/livedash/dash/html/dash_html_components.min.js",
    ]  # the counter has html only
    assert 'as="script"' not in (built_site / "plain" / "index.html").read_text()


def test_preloads_follow_the_namespaces_and_lazy_components_of_the_first_layouts(tmp_path):
    code = (
        "from dash import Dash, html, dcc\napp = Dash()\n"
        "app.layout = html.Div([dcc.Slider(0, 5, value=1), html.Div(dcc.Graph(figure={}))])\n"
    )
    root = make_site(tmp_path, {"index.md": "```dash\n" + code + "```\n"}, plugin={"pyodide": "cdn"})
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    preloaded = re.findall(
        r'<link rel="preload" as="script" href="assets/livedash/([^"]+)">', (root / "site" / "index.html").read_text()
    )
    assert preloaded[4:] == [
        "dash/html/dash_html_components.min.js",
        "dash/dcc/dash_core_components.js",
        "dash/dcc/dash_core_components-shared.js",
        "dash/dcc/async-graph.js",
        "dash/dcc/async-slider.js",
        "vendor/plotly/plotly.min.js",
    ]


def test_theme_stylesheets_go_into_a_cascade_layer(built_site):
    """The course theme's stylesheets (Material's, extra_css) are imported into the layer livedash-theme, in
    their order, and still preloaded; livedash.css stays an ordinary stylesheet. Every page, so that
    instant navigation from a page without examples keeps the same cascade."""
    for page in ("index.html", "plain/index.html"):
        html = (built_site / page).read_text()
        head = html[: html.index("</head>")]
        assert 'rel="stylesheet"' not in head
        style = re.search(r"<style>@layer livedash-theme, livedash-reset;\n(.*?)</style>", head, re.S).group(1)
        imported = re.findall(r'@import url\("([^"]+)"\) layer\(livedash-theme\);', style)
        prefix = "../" if page != "index.html" else ""
        assert len(imported) == len(style.strip().splitlines()) >= 3
        assert imported[0].startswith(f"{prefix}assets/stylesheets/main.") and imported[-1] == f"{prefix}extra.css"
        preloaded = [
            h.replace("&amp;", "&") for h in re.findall(r'<link rel="preload" as="style" href="([^"]+)">', head)
        ]
        assert preloaded == imported
    html = (built_site / "index.html").read_text()
    assert '<link rel="stylesheet" href="assets/livedash/livedash.css" data-livedash-css>' in html


def attributes(tag):
    return {name.lower(): value for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag)}


def test_the_course_theme_is_layered_on_every_page(tmp_path):
    """The built course (mermaid2 parses and writes each page again after livedash: the rewrite survives)."""
    from tests.sites import build_course

    site = tmp_path / "site"
    result = build_course(site, "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr[-3000:]
    for page in ("index.html", "lessons/01-first-callback/index.html", "404.html"):
        html = (site / page).read_text()
        head = html[: html.index("</head>")]
        links = [attributes(tag) for tag in re.findall(r"<link\b[^>]*>", head)]
        assert not [link for link in links if link.get("rel") == "stylesheet"], page
        style = re.search(r"<style>@layer livedash-theme, livedash-reset;\n(.*?)</style>", head, re.S).group(1)
        imported = re.findall(r'@import url\("([^"]+)"\) layer\(livedash-theme\);\n', style)
        assert [i.rsplit("/", 1)[-1].split(".")[0] for i in imported] == ["main", "palette", "extra"], page
        assert [
            link["href"] for link in links if link.get("rel") == "preload" and link.get("as") == "style"
        ] == imported
    lesson = (site / "lessons/01-first-callback/index.html").read_text()
    assert "livedash.css" in lesson and "assets/livedash/dash/deps/react@18.3.1.min.js" in lesson


def test_the_stylesheet_rewrite_keeps_what_it_must_not_touch():
    from livedash.mkdocs.plugin import layered_stylesheets

    page = (
        '<html><head><link rel="icon" href="a.png"><link rel=stylesheet href=\'x.css?v="1"\' media="print">'
        '<link rel="alternate stylesheet" title="t" href="alt.css">'
        '<link rel="stylesheet" href="s.css" integrity="sha384-x" crossorigin>'
        '<link href="assets/livedash/livedash.css" rel="stylesheet"></head>'
        '<body><link rel="stylesheet" href="body.css"></body></html>'
    )
    out = layered_stylesheets(page)
    assert '<link rel="preload" as="style" href="x.css?v=&quot;1&quot;">' in out
    assert '@import url("x.css?v=\\"1\\"") layer(livedash-theme) print;' in out
    for kept in (
        '<link rel="icon" href="a.png">',
        '<link rel="alternate stylesheet" title="t" href="alt.css">',
        'integrity="sha384-x"',
        '<link href="assets/livedash/livedash.css" rel="stylesheet">',
        '<link rel="stylesheet" href="body.css">',
    ):
        assert kept in out
    assert layered_stylesheets("<p>no head</p>") == "<p>no head</p>"


def test_props_containing_html_are_text(tmp_path):
    root = make_site(
        tmp_path,
        {
            "index.md": """\
        ```dash
        from dash import Dash, html
        app = Dash()
        app.layout = html.Div([html.P("<b>x</b>", id="p"), html.P(id="q", title='"><script>')])
        ```
        """
        },
    )
    assert build(root).returncode == 0
    html = (root / "site" / "index.html").read_text()
    assert '<p id="p">&lt;b&gt;x&lt;/b&gt;</p>' in html
    assert 'title="&quot;&gt;&lt;script&gt;"' in html
    assert widget_data(html)["layout"]["props"]["children"][0]["props"]["children"] == "<b>x</b>"


BROKEN = {
    "syntax": (
        "examples/broken.py",
        "from dash import Dash, html\napp = Dash(\napp.layout = html.Div()\n",
        "docs/examples/broken.py:2",
        "SyntaxError",
    ),
    "initial": (
        "examples/broken.py",
        "from dash import Dash, html, callback, Input, Output\napp = Dash()\n"
        "app.layout = html.Div([html.P(id='a'), html.P(id='b')])\n\n"
        "@callback(Output('b', 'children'), Input('a', 'children'))\ndef f(a):\n    return a.upper()\n",
        "docs/examples/broken.py:7",
        "AttributeError",
    ),
    "unknown_prop": (
        "examples/broken.py",
        "from dash import Dash, html\napp = Dash()\n\napp.layout = html.Div(colour='red')\n",
        "docs/examples/broken.py:4",
        "TypeError",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_example_fails_the_strict_build_with_file_and_line(tmp_path, case):
    file, code, location, kind = BROKEN[case]
    root = make_site(tmp_path, {"index.md": f'# Broken\n\n```dash file="{file}"\n```\n'}, {"broken.py": code})
    result = build(root, strict=True)
    assert result.returncode != 0
    assert location in result.stderr and kind in result.stderr
    assert "docs/index.md:3" in result.stderr


def test_inline_example_errors_point_into_the_markdown_page(tmp_path):
    root = make_site(
        tmp_path,
        {
            "index.md": (
                "# Page\n\nText.\n\n```dash\nfrom dash import Dash\napp = Dash()\nraise ValueError('boom')\n```\n"
            )
        },
    )
    result = build(root, strict=True)
    assert result.returncode != 0
    assert "docs/index.md:8" in result.stderr and "ValueError: boom" in result.stderr


def test_non_strict_build_shows_an_error_box_and_keeps_the_rest_of_the_page(tmp_path):
    file, code, location, kind = BROKEN["initial"]
    root = make_site(
        tmp_path,
        {
            "index.md": f'# Broken\n\n```dash file="{file}"\n```\n\nAfter the example.\n'
            '\n```dash file="examples/counter.py"\n```\n'
        },
        {"broken.py": code, "counter.py": COUNTER},
    )
    result = build(root, strict=False)
    assert result.returncode == 0
    html = (root / "site" / "index.html").read_text()
    boxes = re.findall(r'<div class="livedash-error"( hidden)?>(.*?)</div>', html, re.S)
    # (the page gives the line as the reader's editor numbers it, with its text; the build log names the file)
    line = location.rsplit(":", 1)[1]
    assert boxes[0][0] == "" and "AttributeError" in boxes[0][1] and f"(line {line})" in boxes[0][1]
    assert f"File &quot;broken.py&quot;, line {line}" in boxes[0][1] and location in result.stderr
    assert boxes[1][0] == " hidden"
    assert "After the example." in html and '<p id="count">Count: 0</p>' in html


def test_bad_fence_options_are_reported_with_the_page_line(tmp_path):
    root = make_site(tmp_path, {"index.md": '# x\n\n```dash file="examples/nope.py"\n```\n'})
    result = build(root)
    assert result.returncode != 0 and "docs/index.md:3" in result.stderr and "not found" in result.stderr
    root = make_site(tmp_path / "b", {"index.md": "# x\n\n```dash heigth=3\n```\n"})
    result = build(root)
    assert result.returncode != 0 and "unknown dash fence option(s) heigth" in result.stderr


def test_cdn_mode_points_at_the_cdn_and_copies_no_pyodide(tmp_path):
    root = make_site(tmp_path, PAGES, {"counter.py": COUNTER}, plugin={"pyodide": "cdn"})
    assert build(root).returncode == 0
    assets = root / "site" / "assets" / "livedash"
    assert '"pyodide": "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"' in (assets / "config.js").read_text()
    assert not (assets / "pyodide").exists()


def test_mermaid2_is_pointed_at_the_self_hosted_mermaid(tmp_path):
    root = make_site(tmp_path, {"index.md": '# Diagram\n\n<div class="mermaid">graph LR; a-->b</div>\n'})
    config = (root / "mkdocs.yml").read_text().replace("- livedash: {}", "- livedash: {}\n- mermaid2: {}")
    (root / "mkdocs.yml").write_text(config)
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (root / "site" / "index.html").read_text()
    assert "assets/livedash/vendor/mermaid/mermaid.esm.min.mjs" in html and "unpkg" not in html
    assert (root / "site" / "assets" / "livedash" / "vendor" / "mermaid" / "mermaid.esm.min.mjs").is_file()


def test_a_compiled_package_is_refused_with_a_clear_message(tmp_path):
    root = make_site(tmp_path, PAGES, {"counter.py": COUNTER}, plugin={"packages": ["pyyaml==6.0.2"]})
    result = build(root)
    assert result.returncode != 0
    assert "pip found no pure-Python (py3-none-any) wheels for pyyaml==6.0.2" in result.stderr


def test_expect_error_lets_a_failing_example_build_and_requires_an_error(tmp_path):
    file, code, location, kind = BROKEN["initial"]
    root = make_site(
        tmp_path, {"index.md": f'# Mistakes\n\n```dash file="{file}" expect_error=true\n```\n'}, {"broken.py": code}
    )
    result = build(root, strict=True)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (root / "site" / "index.html").read_text()
    assert kind in re.search(r'<div class="livedash-error">(.*?)</div>', html, re.S).group(1)
    root = make_site(
        tmp_path / "b",
        {"index.md": '# x\n\n```dash file="examples/counter.py" expect_error=true\n```\n'},
        {"counter.py": COUNTER},
    )
    result = build(root, strict=True)
    assert result.returncode != 0
    assert "docs/index.md:3: the example has expect_error=true but loads and runs without an error" in result.stderr


def test_an_initial_call_that_raises_leaves_the_rest_of_the_app_drawn(tmp_path):
    code = (
        "from dash import Dash, html, callback, Input, Output\napp = Dash()\n"
        "app.layout = html.Div([html.Button('b', id='b'), html.P('kept', id='out')])\n\n"
        "@callback(Output('out', 'children'), Input('b', 'n_clicks'))\ndef f(n):\n    return 1 / 0\n"
    )
    root = make_site(tmp_path, {"index.md": '```dash file="examples/x.py" expect_error=true\n```\n'}, {"x.py": code})
    assert build(root, strict=True).returncode == 0
    html = (root / "site" / "index.html").read_text()
    assert '<p id="out">kept</p>' in html and "ZeroDivisionError" in html
    assert widget_data(html)["layout"] is not None


def test_show_diagram_gives_the_graph_alone(tmp_path):
    root = make_site(
        tmp_path,
        {"index.md": '# Graph\n\n```dash file="examples/counter.py" show=diagram\n```\n'},
        {"counter.py": COUNTER},
    )
    assert build(root, strict=True).returncode == 0
    html = (root / "site" / "index.html").read_text()
    assert '<figure class="livedash-diagram"' in html and "flowchart LR" in html
    assert 'class="livedash"' not in html and "livedash-data" not in html
    assert "livedash.js" in html and "livedash.css" in html  # drawn after instant navigation, and coloured
    assert "start.js" not in html and "modulepreload" not in html, "no Python is started for a diagram"


def test_fence_option_values_are_checked(tmp_path):
    root = make_site(
        tmp_path, {"index.md": '# x\n\n```dash file="examples/counter.py" show=both\n```\n'}, {"counter.py": COUNTER}
    )
    result = build(root)
    assert result.returncode != 0 and "docs/index.md:3: show must be app or diagram, not 'both'" in result.stderr


def test_an_exercise_is_verified_at_build_time(tmp_path):
    from tests.exercise_fixture import NAV, SOLUTION, STARTER, exercise_pages

    root = make_site(tmp_path / "ok", exercise_pages(), nav=NAV)
    result = build(root, strict=True)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (root / "site" / "index.html").read_text()
    data = widget_data(html)
    assert data["code"] == STARTER and data["exercise"]["solution"] == SOLUTION
    assert 'data-livedash-exercise="exercises/count"' in html and 'class="livedash-check"' in html
    config = (root / "site" / "assets" / "livedash" / "config.js").read_text()
    assert json.loads(config[config.index("{") : config.rindex("}") + 1])["exercises"] == {"../..": ["exercises/count"]}

    broken = exercise_pages(solution=STARTER)
    result = build(make_site(tmp_path / "bad-solution", broken, nav=NAV), strict=True)
    assert result.returncode != 0
    assert (
        "exercise exercises/count: the solution fails check_counts_clicks (after two clicks the text is "
        "'Count: 0', not 'Count: 2')" in result.stderr
    )
    result = build(make_site(tmp_path / "easy", exercise_pages(starter=SOLUTION), nav=NAV), strict=True)
    assert result.returncode != 0 and "the starter code already passes every check" in result.stderr
    pages = exercise_pages()
    del pages["exercises/count/checks.py"]
    result = build(make_site(tmp_path / "missing", pages, nav=NAV), strict=True)
    assert result.returncode != 0 and "lacks checks.py" in result.stderr


def test_a_rebuild_runs_only_the_examples_that_changed(tmp_path, monkeypatch):
    """As `mkdocs serve` does: the config is loaded again for each rebuild; the plugin (kept alive by its
    on_startup) builds again only the example whose code changed."""
    import os

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from livedash.mkdocs import plugin as plugin_module
    from livedash.mkdocs.examples import build_json

    other = COUNTER.replace("Count: ", "Total: ")
    root = make_site(
        tmp_path,
        {"index.md": '```dash file="examples/a.py"\n```\n\n```dash file="examples/b.py"\n```\n'},
        {"a.py": COUNTER, "b.py": other},
    )
    built = []  # the examples sent to a child process to be built
    real_run = plugin_module.run_isolated

    def run_isolated(calls, timeout, **options):
        built.extend(call.args[0].filename for call in calls if call.task is build_json)
        return real_run(calls, timeout, **options)

    monkeypatch.setattr(plugin_module, "run_isolated", run_isolated)
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def rebuild():
        config = load_config(config_file=os.path.join(root, "mkdocs.yml"), site_dir=str(root / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build(config)

    rebuild()
    assert sorted(built) == ["a.py", "b.py"]
    (root / "docs" / "examples" / "b.py").write_text(other.replace("Total: ", "Sum: "), encoding="utf-8")
    rebuild()
    assert sorted(built) == ["a.py", "b.py", "b.py"], "only the changed example ran again"
    assert "Sum: 0" in (root / "site" / "index.html").read_text()


CLIENTSIDE_BAR = """\
from dash import Dash, html, dcc, clientside_callback, ClientsideFunction, Input, Output

app = Dash()
app.layout = html.Div([dcc.Slider(0, 100, value=30, id="s"), html.Div(id="bar")])
clientside_callback(ClientsideFunction(namespace="course", function_name="bar"), Output("bar", "children"),
                    Input("s", "value"))
"""
STYLED = COUNTER.replace('html.P(id="count")', 'html.P(id="count", className="big shout")')
ASSETS = {
    # the course's way: Object.assign over what is there
    "assets/course.js": "window.dash_clientside = Object.assign({}, window.dash_clientside, {\n"
    "    course: {bar: function(v) { return v + '%'; }},\n});\n",
    "assets/other.js": "window.dash_clientside = window.dash_clientside || {};\n"
    "window.dash_clientside.other = {f: function() { return 1; }};\n",
    "assets/look.css": "/* .bar is only named in this comment */\n.shout { text-transform: uppercase; color: #c00; }\n",
    "assets/unused.css": "#nothing-here { color: red; }\n",
}


def test_each_example_gets_only_the_assets_its_code_uses(tmp_path):
    pages = {name: f'```dash file="examples/{name[:-3]}.py"\n```\n' for name in ("counter.md", "bar.md", "styled.md")}
    root = make_site(tmp_path, pages, {"counter.py": COUNTER, "bar.py": CLIENTSIDE_BAR, "styled.py": STYLED, **ASSETS})
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]

    def assets_of(page):
        return widget_data((root / "site" / page / "index.html").read_text())["assets"]

    assert assets_of("counter") == []  # Download: a plain counter.py
    assert assets_of("bar") == ["../examples/assets/course.js"]  # its ClientsideFunction namespace
    assert assets_of("styled") == ["../examples/assets/look.css"]  # className="big shout" names .shout
    assert (root / "site" / "examples" / "assets" / "course.js").is_file()


def test_the_course_clientside_lesson_gets_course_js_and_the_counter_nothing():
    from pathlib import Path

    from livedash.mkdocs.examples import used_assets

    examples = Path(__file__).resolve().parents[2] / "docs" / "examples"
    assets = sorted((examples / "assets").glob("*.js"))
    assert [p.name for p in used_assets((examples / "clientside_function.py").read_text(), assets)] == ["course.js"]
    assert used_assets((examples / "counter.py").read_text(), assets) == []
