"""The published apps respond in real Chromium as a learner drives them, network cut.

Each test opens an app as served by Voila (``notebooks/apps/``), moves its controls with
the keyboard or the mouse, and checks what the page shows against what the app's state
class computes for the same input in Python: the browser must show the library's
sentence, not merely a different one.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from painmood_widgets import model, symptoms
from painmood_widgets.describe.safety import CRISIS_HEADLINE, CRISIS_RESOURCES
from painmood_widgets.state.forms import Phq9State
from painmood_widgets.state.simulator import SimulatorState
from painmood_widgets.state.symptoms import SymptomState
from tests.browser.widget_pages import (
    APP_BY_NAME,
    APPS,
    CHART,
    SAFETY_PANEL,
    STATUS,
    UPDATE_TIMEOUT_MS,
    open_app,
    page_problems,
    radio_item,
    slider_handle,
)

SLEEP = model.SCENARIO_FIELDS["sleep_hours"]
SLEEP_LABEL = f"{SLEEP.label} ({SLEEP.unit})"
PHQ9_ITEMS = 9


def _simulator_summary(**fields: object) -> str:
    """The summary the simulator app shows for the default scenario with ``fields`` changed."""
    return SimulatorState(model.Scenario().replace(**fields)).summary


def _leading(text: str) -> re.Pattern[str]:
    """A pattern for a text that starts with ``text``."""
    return re.compile("^" + re.escape(text))


def test_keyboard_moves_on_a_simulator_slider_change_the_chart_and_the_summary(
    apps_url, offline_page
):
    page = offline_page.page
    watch = open_app(page, apps_url, APP_BY_NAME["simulator"])
    chart, summary = page.locator(CHART), page.locator(STATUS)
    expect(summary).to_have_text(_simulator_summary(), timeout=UPDATE_TIMEOUT_MS)
    expect(chart).to_have_attribute("aria-label", _leading(_simulator_summary()))
    handle = slider_handle(page, SLEEP_LABEL)

    handle.focus()
    page.keyboard.press("Home")
    expect(handle).to_have_attribute("aria-valuenow", f"{SLEEP.minimum:.1f}")
    lowest = _simulator_summary(sleep_hours=SLEEP.minimum)
    expect(summary).to_have_text(lowest, timeout=UPDATE_TIMEOUT_MS)
    expect(chart).to_have_attribute("aria-label", _leading(lowest))

    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    one_hour_more = _simulator_summary(sleep_hours=SLEEP.minimum + 2 * SLEEP.step)
    assert one_hour_more != lowest
    expect(summary).to_have_text(one_hour_more, timeout=UPDATE_TIMEOUT_MS)
    expect(chart).to_have_attribute("aria-label", _leading(one_hour_more))

    page.keyboard.press("End")
    most = _simulator_summary(sleep_hours=SLEEP.maximum)
    expect(summary).to_have_text(most, timeout=UPDATE_TIMEOUT_MS)
    expect(chart).to_have_attribute("aria-label", _leading(most))
    assert page_problems(page, watch) == []
    assert offline_page.external == []


def test_ticking_symptoms_updates_the_checker(apps_url, offline_page):
    page = offline_page.page
    watch = open_app(page, apps_url, APP_BY_NAME["symptom_checker"])
    state = SymptomState()
    labels = {key: symptom.label for key, symptom in symptoms.load_symptoms().items()}
    summary = page.locator(STATUS)
    expect(summary).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
    safety = page.locator(SAFETY_PANEL)
    for key in ("sleep_disturbance", "depressed_mood", "persistent_pain"):
        page.get_by_role("checkbox", name=labels[key], exact=True).check()
        state.ticked = state.ticked | {key}
        expect(summary).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
        # the ticked symptom is listed in its group under the summary
        expect(page.get_by_role("listitem").filter(has_text=labels[key])).to_have_count(1)
    expect(safety).to_be_hidden()

    page.get_by_role("checkbox", name=labels["thoughts_of_death"], exact=True).check()
    state.ticked = state.ticked | {"thoughts_of_death"}
    expect(summary).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
    expect(safety).to_be_visible()

    page.get_by_role("button", name="Untick all symptoms").click()
    expect(summary).to_have_text(SymptomState().summary, timeout=UPDATE_TIMEOUT_MS)
    expect(safety).to_be_hidden()
    assert page_problems(page, watch) == []
    assert offline_page.external == []


def _answer(page: Page, item: int, option: str) -> None:
    """Pick ``option`` (its visible text) for PHQ-9 item ``item`` (1-based)."""
    radio_item(page, f"Item {item} (0-3 points)").get_by_role(
        "radio", name=option, exact=True
    ).check()


def test_phq9_item9_above_0_shows_the_forms_safety_panel_whatever_the_total(apps_url, offline_page):
    page = offline_page.page
    watch = open_app(page, apps_url, APP_BY_NAME["assessment"])
    # the page's own crisis resources, shown from the start, are not the form's panel
    expect(page.get_by_role("complementary", name="Crisis resources")).to_be_visible()
    panel = page.locator(SAFETY_PANEL)
    expect(panel).to_have_count(1)
    expect(panel).to_be_hidden()
    expect(panel).to_have_attribute("role", "alert")
    phq9_summary = page.locator(STATUS).first
    state = Phq9State()

    # item 9 alone: the form cannot be scored, yet the panel shows
    _answer(page, 9, "1 Several days")
    state.answers = (None,) * (PHQ9_ITEMS - 1) + (1,)
    expect(phq9_summary).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(CRISIS_HEADLINE)
    expect(panel).to_contain_text(CRISIS_RESOURCES)

    # every other item 0: the lowest total there is with item 9 above 0
    for item in range(1, PHQ9_ITEMS):
        _answer(page, item, "0 Not at all")
    state.answers = (0,) * (PHQ9_ITEMS - 1) + (1,)
    assert state.result.total == 1
    expect(phq9_summary).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
    expect(panel).to_be_visible()

    for option, score in (("2 More than half the days", 2), ("3 Nearly every day", 3)):
        _answer(page, 9, option)
        state.answers = (0,) * (PHQ9_ITEMS - 1) + (score,)
        expect(phq9_summary).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
        expect(panel).to_be_visible()

    _answer(page, 9, "0 Not at all")
    state.answers = (0,) * PHQ9_ITEMS
    expect(phq9_summary).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
    expect(panel).to_be_hidden()
    assert "safety" not in phq9_summary.inner_text()

    _answer(page, 9, "Not answered")
    state.answers = (0,) * (PHQ9_ITEMS - 1) + (None,)
    expect(phq9_summary).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
    expect(panel).to_be_hidden()
    # the page's crisis resources stay whatever the form holds
    expect(page.get_by_role("complementary", name="Crisis resources")).to_be_visible()
    assert page_problems(page, watch) == []
    assert offline_page.external == []


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_no_request_leaves_the_machine(apps_url, offline_page, app):
    page = offline_page.page
    watch = open_app(page, apps_url, app)
    page.wait_for_load_state("networkidle")
    assert page_problems(page, watch) == []
    assert offline_page.external == []
