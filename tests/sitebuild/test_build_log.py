"""What a build prints: one line per fact, not one per page (mkdocs-mermaid2 repeats itself on every page with a
diagram), and the mermaid version the site really carries."""

import yaml

from livedash.mkdocs.npm_cache import MERMAID
from tests.sites import COUNTER, build, make_site

PAGE = '# Page {n}\n\n```dash file="examples/counter.py"\n```\n'


def test_mermaid2_says_once_that_it_loads_the_pinned_mermaid(tmp_path):
    pages = {f"p{n}.md": PAGE.format(n=n) for n in range(3)}
    root = make_site(tmp_path, pages, {"counter.py": COUNTER})
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["plugins"].append("mermaid2")
    config["markdown_extensions"] = [
        {"pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": "!!mermaid"}]}}
    ]
    text = yaml.safe_dump(config, sort_keys=False).replace("'!!mermaid'", "!!python/name:mermaid2.fence_mermaid_custom")
    (root / "mkdocs.yml").write_text(text)
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    log = result.stderr
    assert log.count("Custom loader activated") == 1, log
    assert f"Using javascript library ({MERMAID.version})" in log, log
