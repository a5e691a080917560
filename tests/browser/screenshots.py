"""Screenshots of the published apps for the README: ``make screenshots`` writes ``docs/img/``.

Serves ``notebooks/apps/`` with Voila as ``make serve`` does, opens each app in Debian's
Chromium with the network cut, puts it in a telling state through the browser, as a
learner would (keys on sliders, clicks on boxes and answers), and saves one PNG per app,
``<app>.png``.
"""

import sys
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from painmood_widgets import model, plan, scales, symptoms
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, OfflinePage
from tests.browser.widget_pages import (
    APPS,
    CHART,
    STATUS,
    UPDATE_TIMEOUT_MS,
    open_app,
    page_problems,
    radio_item,
    slider_handle,
)
from tests.conftest import APPS_DIR, ROOT, voila_server

IMAGES = ROOT / "docs" / "img"


def _settled(page: Page, before: str) -> None:
    """Wait until the app's summaries differ from ``before`` and Vega has drawn."""
    expect(page.locator(STATUS).first).not_to_have_text(before, timeout=UPDATE_TIMEOUT_MS)
    page.wait_for_timeout(1_000)


def _simulator(page: Page) -> None:
    """Sleep cut to 5 hours, with CBT and exercise, compared with usual care."""
    before = page.locator(STATUS).first.inner_text()
    sleep = model.SCENARIO_FIELDS["sleep_hours"]
    handle = slider_handle(page, f"{sleep.label} ({sleep.unit})")
    handle.press("Home")
    for _ in range(round((5 - sleep.minimum) / sleep.step)):
        handle.press("ArrowRight")
    for name in ("cbt", "exercise"):
        page.get_by_role("checkbox", name=model.TREATMENT_LABELS[name], exact=True).check()
    page.get_by_role("checkbox", name="Compare with usual care").check()
    _settled(page, before)


def _symptom_checker(page: Page) -> None:
    """Overlapping symptoms ticked: loss of interest, sleep, fatigue, persistent pain."""
    before = page.locator(STATUS).first.inner_text()
    labels = {key: symptom.label for key, symptom in symptoms.load_symptoms().items()}
    for key in ("anhedonia", "sleep_disturbance", "fatigue", "persistent_pain"):
        page.get_by_role("checkbox", name=labels[key], exact=True).check()
    _settled(page, before)


def _assessment(page: Page) -> None:
    """PHQ-9 answered but for item 9, so the total is prorated."""
    before = page.locator(STATUS).first.inner_text()
    for item, score in enumerate((2, 2, 1, 2, 1, 1, 2, 1), 1):
        option = f"{score} {scales.PHQ9_ANSWERS[score]}"  # as the form labels its answers
        radio_item(page, f"Item {item} (0-3 points)").get_by_role(
            "radio", name=option, exact=True
        ).check()
    _settled(page, before)


def _treatment_planner(page: Page) -> None:
    """A plan of assessment, medication review, therapy and exercise."""
    before = page.locator(STATUS).first.inner_text()
    titles = {step.name: step.title for step in plan.roadmap()}
    for name in ("medication_review", "therapy", "exercise"):
        page.get_by_role("checkbox", name=titles[name], exact=True).check()
    _settled(page, before)


def _as_opened(page: Page) -> None:
    """The app as a learner first sees it."""
    page.wait_for_timeout(1_000)  # let Vega finish drawing


def _fit_to_content(page: Page) -> None:
    """Make the window as tall as the app, so one screenshot holds all of it.

    Voila's lab template scrolls inside the page rather than the page itself, so a
    full-page screenshot alone would stop at the window's edge.
    """
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('body, body *')].map(el => el.scrollHeight))"
    )
    page.set_viewport_size({"width": page.viewport_size["width"], "height": int(height)})
    page.wait_for_timeout(500)  # let the layout follow the new size


TELLING_STATES: dict[str, Callable[[Page], None]] = {
    "simulator": _simulator,
    "symptom_checker": _symptom_checker,
    "assessment": _assessment,
    "treatment_planner": _treatment_planner,
}


def take_screenshots(folder: Path = IMAGES) -> list[Path]:
    """Save ``<app>.png`` for every published app into ``folder``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    with voila_server(APPS_DIR) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        for app in APPS:
            offline = OfflinePage(context.new_page())
            watch = open_app(offline.page, url, app)
            TELLING_STATES.get(app.name, _as_opened)(offline.page)
            for chart in offline.page.locator(CHART).all():
                chart.wait_for(timeout=UPDATE_TIMEOUT_MS)
            problems = page_problems(offline.page, watch)
            if offline.external or problems:
                raise RuntimeError(f"{app.name}: {problems}, network asked: {offline.external}")
            path = folder / f"{app.name}.png"
            _fit_to_content(offline.page)
            offline.page.screenshot(path=path, full_page=True)
            saved.append(path)
            offline.page.close()
        browser.close()
    return saved


if __name__ == "__main__":
    for written in take_screenshots():
        print(written.relative_to(ROOT), file=sys.stdout)
