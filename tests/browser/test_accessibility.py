"""Every published app works for a learner on the keyboard alone or with a screen reader.

axe-core (the npm package, from ``node_modules``, never a CDN) finds no serious or
critical violation on any app, as opened and after the learner has opened what is
folded away; every slider handle is named by its label and says its value in the
state's words; and a walk with the Tab key alone reaches every control once, in the
order of the page, where the keys a learner expects operate it.
"""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from painmood_widgets import model, symptoms
from painmood_widgets.state.forms import Phq9State
from painmood_widgets.state.simulator import SimulatorState
from painmood_widgets.state.symptoms import SymptomState
from tests.browser.widget_pages import (
    APP_BY_NAME,
    APPS,
    STATUS,
    UPDATE_TIMEOUT_MS,
    AppPage,
    open_app,
    page_problems,
    slider_handle,
)
from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}
SLEEP = model.SCENARIO_FIELDS["sleep_hours"]
SLEEP_LABEL = f"{SLEEP.label} ({SLEEP.unit})"

# Marks every control a learner can reach, in page order, and says what it is: one entry
# per radio group (the browser gives a named group one tab stop), none for hidden ones.
_MARK_CONTROLS = """() => {
  const selector = [
    'a[href]', 'button', 'input', 'select', 'textarea', 'summary',
    '[contenteditable=true]', '[tabindex]:not([tabindex="-1"])',
  ].join(', ');
  const seen = new Set();
  const controls = [];
  for (const element of document.querySelectorAll(`#rendered_cells :is(${selector})`)) {
    if (element.disabled || element.getClientRects().length === 0) continue;
    if (element.closest('.lm-mod-hidden, [aria-hidden=true]')) continue;
    const group = element.type === 'radio' ? element.name : '';
    if (group && seen.has(group)) continue;
    if (group) seen.add(group);
    element.dataset.walk = String(controls.length);
    controls.push({group, text: (element.getAttribute('aria-label')
      || element.textContent || element.outerHTML).trim().slice(0, 80)});
  }
  return controls;
}"""

# Which marked control has the focus (its radio group's first radio standing for the group).
_FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || !element.closest('#rendered_cells')) return null;
  if (element.dataset.walk !== undefined) return Number(element.dataset.walk);
  const first = element.name && document.querySelector(
    `input[name="${element.name}"][data-walk]`);
  return first ? Number(first.dataset.walk) : -1;
}"""


def _axe_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    if page.evaluate("typeof axe") == "undefined":
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{rule['impact']} {rule['id']}: {rule['help']} ({node['html'][:120]})"
        for rule in result["violations"]
        if rule["impact"] in BLOCKING_IMPACTS
        for node in rule["nodes"]
    ]


def _unfold(page: Page) -> None:
    """Open what the app folds away (evidence panels), with the keyboard."""
    headers = page.locator(".jupyter-widget-Collapse-header")
    for index in range(headers.count()):
        header = headers.nth(index)
        if header.is_visible() and header.get_attribute("aria-expanded") == "false":
            header.press("Enter")
            expect(header).to_have_attribute("aria-expanded", "true")


def test_axe_core_is_installed_from_the_lock_file():
    # make test installs it (npm ci); a missing file must fail, not skip, the checks below
    assert AXE.is_file(), f"{AXE} is missing: run `make test`, which runs `npm ci`"


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_axe_finds_no_serious_or_critical_violation(apps_url, offline_page, app: AppPage):
    page = offline_page.page
    watch = open_app(page, apps_url, app)
    assert _axe_violations(page) == []
    _unfold(page)
    assert _axe_violations(page) == []
    assert page_problems(page, watch) == []
    assert offline_page.external == []


def test_every_slider_is_named_by_its_label_and_says_its_value_in_words(apps_url, offline_page):
    page = offline_page.page
    watch = open_app(page, apps_url, APP_BY_NAME["simulator"])
    words = SimulatorState().control_words
    for name, field in model.SCENARIO_FIELDS.items():
        handle = slider_handle(page, f"{field.label} ({field.unit})")
        expect(handle).to_have_accessible_name(f"{field.label} ({field.unit})")
        expect(handle).to_have_attribute("aria-valuetext", words[name])

    handle = slider_handle(page, SLEEP_LABEL)
    handle.focus()
    handle.press("Home")
    lowest = SimulatorState(model.Scenario().replace(sleep_hours=SLEEP.minimum)).control_words
    expect(handle).to_have_attribute(
        "aria-valuetext", lowest["sleep_hours"], timeout=UPDATE_TIMEOUT_MS
    )
    assert page_problems(page, watch) == []


def _walk(page: Page) -> tuple[list[dict], list[int]]:
    """Tab from the top of the page to its end; the controls, and the order they got focus."""
    controls = page.evaluate(_MARK_CONTROLS)
    page.locator("body").focus()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    reached: list[int] = []
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None and reached:
            break  # past the last control: focus left the page's cells
        if focused is not None and (not reached or reached[-1] != focused):
            reached.append(focused)
    return controls, reached


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_tab_alone_reaches_every_control_once_in_page_order(apps_url, offline_page, app: AppPage):
    page = offline_page.page
    watch = open_app(page, apps_url, app)
    controls, reached = _walk(page)
    assert controls, "the page shows no control at all"  # every app links home, at least
    missed = [controls[index]["text"] for index in range(len(controls)) if index not in reached]
    assert missed == [], f"never reached by Tab: {missed}"
    assert -1 not in reached, "focus stopped on something that is not a control"
    assert reached == sorted(reached) == list(range(len(controls))), reached
    assert page_problems(page, watch) == []


def _tab_to(page: Page, target: Locator, most: int = 200) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard-only learner does."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def test_the_simulator_runs_on_the_keyboard_alone(apps_url, offline_page):
    page = offline_page.page
    watch = open_app(page, apps_url, APP_BY_NAME["simulator"])
    summary = page.locator(STATUS).first
    _tab_to(page, slider_handle(page, SLEEP_LABEL))
    page.keyboard.press("ArrowLeft")
    less = SimulatorState(model.Scenario().replace(sleep_hours=SLEEP.default - SLEEP.step))
    expect(summary).to_have_text(less.summary, timeout=UPDATE_TIMEOUT_MS)

    cbt = page.get_by_role("checkbox", name=model.TREATMENT_LABELS["cbt"], exact=True)
    _tab_to(page, cbt)
    page.keyboard.press("Space")
    expect(cbt).to_be_checked()
    with_cbt = less.scenario.replace(treatments={"cbt"})
    expect(summary).to_have_text(SimulatorState(with_cbt).summary, timeout=UPDATE_TIMEOUT_MS)

    evidence = page.get_by_role("button", name=re.compile("evidence", re.IGNORECASE)).first
    _tab_to(page, evidence)
    page.keyboard.press("Enter")
    expect(evidence).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".painmood-evidence").first).to_be_visible()
    assert page_problems(page, watch) == []


def test_the_symptom_checker_ticks_on_the_keyboard_alone(apps_url, offline_page):
    page = offline_page.page
    watch = open_app(page, apps_url, APP_BY_NAME["symptom_checker"])
    key, symptom = next(iter(symptoms.load_symptoms().items()))
    box = page.get_by_role("checkbox", name=symptom.label, exact=True)
    _tab_to(page, box)
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    state = SymptomState(ticked={key})
    expect(page.locator(STATUS).first).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
    assert page_problems(page, watch) == []


def test_a_phq9_item_is_one_named_radio_group_answered_with_arrow_keys(apps_url, offline_page):
    page = offline_page.page
    watch = open_app(page, apps_url, APP_BY_NAME["assessment"])
    group = page.get_by_role("radiogroup", name="Item 1 (0-3 points)")
    expect(group).to_have_count(1)
    first = group.get_by_role("radio").first
    _tab_to(page, first)
    page.keyboard.press("ArrowRight")  # from "Not answered" to "0 Not at all"
    expect(group.get_by_role("radio", name="0 Not at all", exact=True)).to_be_checked()
    state = Phq9State()
    state.answers = (0,) + (None,) * 8
    expect(page.locator(STATUS).first).to_have_text(state.summary, timeout=UPDATE_TIMEOUT_MS)
    # one tab stop per item: the next Tab goes on to item 2, not to the next answer
    page.keyboard.press("Tab")
    item2 = page.get_by_role("radiogroup", name="Item 2 (0-3 points)")
    assert item2.evaluate("group => group.contains(document.activeElement)")
    assert page_problems(page, watch) == []
