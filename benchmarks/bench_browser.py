"""What a learner feels, in Debian's Chromium against Voila, as ratios to a bare page.

Time to first widget, and a keyboard slider move until the chart is redrawn, each against
a bare one-slider page timed in the same run (the machine is shared and noisy: read the
ratios).

The bare page links an ``IntSlider`` to a ``Label`` through a kernel observer: the round
trip every widget pays. The simulator is ``notebooks/apps/simulator.ipynb`` as served.
A move counts as redrawn when the chart's root element (``role="graphics-document"``,
whose ``aria-label`` is the chart's text alternative) carries the new description.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.conftest import voila_server  # noqa: E402

REPEATS = 7
BARE = (
    "import ipywidgets as widgets\n"
    "slider = widgets.IntSlider(0, 0, 100, description='Bare slider')\n"
    "label = widgets.Label('0').add_class('bare-value')\n"
    "slider.observe(lambda change: setattr(label, 'value', f\"value {change['new']}\"), 'value')\n"
    "widgets.VBox([slider, label])"
)

# Resolves with the milliseconds from the key press until the watched text changes.
_TIME_KEY = """async ([selector, attribute, key]) => {
  const target = () => document.querySelector(selector);
  const read = () => attribute ? target().getAttribute(attribute) : target().textContent;
  const before = read();
  const handle = document.querySelector('.noUi-handle');
  handle.focus();
  const start = performance.now();
  handle.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
  while (read() === before) {
    if (performance.now() - start > 20000) return -1;
    await new Promise(requestAnimationFrame);
  }
  return performance.now() - start;
}"""


def _first_widget_ms(page: Page, url: str, marker: str) -> float:
    page.goto("about:blank")
    page.goto(url)
    page.get_by_text(marker).first.wait_for(timeout=120_000)
    return page.evaluate("() => performance.now()")


def _moves_ms(page: Page, selector: str, attribute: str | None) -> list[float]:
    times = []
    for index in range(REPEATS):
        key = "ArrowRight" if index % 2 == 0 else "ArrowLeft"
        times.append(page.evaluate(_TIME_KEY, [selector, attribute, key]))
        page.wait_for_timeout(600)  # quiet again, as between a learner's moves
    return times


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="painmood_bench_"))
    nbformat.write(new_notebook(cells=[new_code_cell(BARE)]), folder / "bare.ipynb")
    shutil.copy(ROOT / "notebooks" / "apps" / "simulator.ipynb", folder / "simulator.ipynb")
    with voila_server(folder) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        first = {"bare": [], "simulator": []}
        for _ in range(3):
            first["bare"].append(
                _first_widget_ms(page, f"{url}/voila/render/bare.ipynb", "Bare slider")
            )
            first["simulator"].append(
                _first_widget_ms(
                    page, f"{url}/voila/render/simulator.ipynb", "Lifestyle and biology"
                )
            )
        page.goto(f"{url}/voila/render/bare.ipynb")
        page.get_by_text("Bare slider").wait_for(timeout=120_000)
        bare_moves = _moves_ms(page, ".bare-value", None)
        page.goto(f"{url}/voila/render/simulator.ipynb")
        page.get_by_text("Lifestyle and biology").wait_for(timeout=120_000)
        page.locator("[role=graphics-document]").first.wait_for(timeout=60_000)
        chart_moves = _moves_ms(page, "[role=graphics-document]", "aria-label")
        browser.close()
    shutil.rmtree(folder, ignore_errors=True)

    def row(what: str, values: list[float], base: float) -> str:
        median = statistics.median(values)
        return f"{what:<58}{median:>9.0f} ms{median / base:>12.1f}"

    print("painmood browser benchmark: Chromium against Voila, medians")
    print(f"{'what':<58}{'time':>12}{'x baseline':>12}")
    base_first = statistics.median(first["bare"])
    print(row("first widget, bare one-slider page (baseline)", first["bare"], base_first))
    print(row("first widget, simulator app", first["simulator"], base_first))
    base_move = statistics.median(bare_moves)
    print(row("key press -> label updated, bare slider (baseline)", bare_moves, base_move))
    print(row("key press -> chart redrawn, simulator", chart_moves, base_move))


if __name__ == "__main__":
    main()
