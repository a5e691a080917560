"""Screenshots of every widget for the README: ``make screenshots`` writes ``docs/img/``.

Serves the same widget pages as the browser tests with Voila, opens each in Debian's
Chromium with the network cut, and saves a PNG of the rendered widget.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, OfflinePage
from tests.browser.widget_pages import WIDGET_PAGES, write_pages
from tests.conftest import ROOT, voila_server

IMAGES = ROOT / "docs" / "img"


def take_screenshots(folder: Path = IMAGES) -> list[Path]:
    """Save ``<widget>.png`` for every widget page into ``folder``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    with (
        tempfile.TemporaryDirectory() as pages,
        voila_server(Path(pages)) as url,
        sync_playwright() as playwright,
    ):
        write_pages(Path(pages))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # Tall enough that every widget, chart included, is drawn without scrolling.
        context = browser.new_context(viewport={"width": 1100, "height": 4000})
        for widget_page in WIDGET_PAGES:
            offline = OfflinePage(context.new_page())
            offline.page.goto(f"{url}/voila/render/{widget_page.name}.ipynb")
            offline.page.get_by_text(widget_page.marker).first.wait_for(timeout=90_000)
            charts = offline.page.locator(".vega-embed svg.marks")
            for index in range(charts.count()):
                charts.nth(index).wait_for(timeout=30_000)
            offline.page.wait_for_timeout(1_000)  # let Vega finish drawing
            if offline.external:
                raise RuntimeError(f"{widget_page.name} asked the network for {offline.external}")
            path = folder / f"{widget_page.name}.png"
            offline.page.locator(".jp-OutputArea-output").first.screenshot(path=path)
            saved.append(path)
            offline.page.close()
        browser.close()
    return saved


if __name__ == "__main__":
    for written in take_screenshots():
        print(written.relative_to(ROOT), file=sys.stdout)
