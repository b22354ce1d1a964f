"""Screenshots of every page of the built course: <out>/<page>-<width>-<palette>.png, taken once each page's
apps are ready and their callback diagrams drawn. Also prints, per page and width, the smallest rendered size
of a diagram label (the font size times the drawing's scale): the course wants every label at 12 px or more,
or a diagram the reader can scroll at that size."""

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "runtime"))

from tests.browser import chromium  # noqa: E402
from tests.server import SiteServer  # noqa: E402
from tests.sites import build_course  # noqa: E402

WIDTHS = (1280, 360)
PALETTES = ("light", "dark")

# Settled: every widget idle (or showing an error), every diagram drawn (or none to draw).
SETTLED = """() => [...document.querySelectorAll('.livedash[data-livedash-key]')].every((w) =>
    w.livedash && (w.livedash.idle() || w.querySelector('.livedash-status').dataset.state === 'error'))
  && [...document.querySelectorAll('.livedash-mermaid')].every((m) => !m.textContent.trim()
    || m.dataset.drawn !== undefined || m.closest('figure').querySelector('.livedash-diagram-error'))"""

# The smallest rendered label of the page's diagrams, in CSS px: each label's computed font size times the
# scale mermaid's svg is drawn at (its width on the page over its viewBox width).
SMALLEST_LABEL = """() => {
  let smallest = null;
  for (const svg of document.querySelectorAll('.livedash-mermaid svg')) {
    const box = svg.viewBox.baseVal;
    if (!box || !box.width) continue;
    const scale = svg.getBoundingClientRect().width / box.width;
    for (const label of svg.querySelectorAll('.nodeLabel, .edgeLabel, text')) {
      if (!label.textContent.trim()) continue;
      const size = parseFloat(getComputedStyle(label).fontSize) * scale;
      if (smallest === null || size < smallest) smallest = size;
    }
  }
  return smallest;
}"""


def pages():
    """The course's pages in navigation order, as (name, path under the site)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!!python/name:", ""))
    found = []

    def walk(items):
        for item in items:
            for _title, value in item.items() if isinstance(item, dict) else [(item, item)]:
                if isinstance(value, list):
                    walk(value)
                else:
                    path = "" if value == "index.md" else value.removesuffix(".md") + "/"
                    found.append((Path(value).stem, path))

    walk(config["nav"])
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "screenshots"), help="folder for the PNGs")
    parser.add_argument("--only", default="", help="only pages whose file name contains this")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        server = SiteServer(site)
        result = build_course(site, server.url, strict=False)
        if result.returncode:
            sys.exit(result.stderr[-3000:])
        with server, chromium() as browser:
            print(f"{'page':32} {'width':>5}  smallest diagram label")
            for name, path in pages():
                if args.only not in name:
                    continue
                for width in WIDTHS:
                    smallest = None
                    for palette in PALETTES:
                        context = browser.new_context(
                            viewport={"width": width, "height": 900}, color_scheme=palette, device_scale_factor=1
                        )
                        page = context.new_page()
                        page.goto(server.url + path)
                        try:
                            page.wait_for_function(SETTLED, timeout=90_000)
                        except Exception:
                            print(f"  ({name} at {width} px did not settle in 90 s: shot as it is)")
                        page.wait_for_timeout(300)  # a lit diagram node fades
                        smallest = page.evaluate(SMALLEST_LABEL)
                        page.screenshot(path=str(out / f"{name}-{width}-{palette}.png"), full_page=True)
                        context.close()
                    label = "no diagram" if smallest is None else f"{smallest:.1f} px"
                    print(f"{name:32} {width:>5}  {label}")
    print(f"PNGs in {out}")


if __name__ == "__main__":
    main()
