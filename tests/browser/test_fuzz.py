"""A browser fuzz of every published app: controls to their extremes and seeded random values.

As PhET fuzzes a simulation before release: on each app, every slider goes to its ends
with the keyboard (Home, End), then a fixed number of seeded random actions follow
(arrow and page keys on slider handles, text typed into slider readouts and any number
or text box, out of range, empty and not a number, check boxes, radio and toggle
buttons, drop-downs, the apps' own buttons). Afterwards the page must show no error
output, no traceback, no sign of a dead or disconnected kernel, the kernel must have
reported no exception, and the app must still respond: one last move of its first
control changes what it says. The seed is fixed, and a failure lists the actions taken,
so it reproduces.
"""

import random
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page

from tests.browser.widget_pages import (
    APPS,
    CHART,
    STATUS,
    UPDATE_TIMEOUT_MS,
    AppPage,
    open_app,
    page_problems,
)

SEED = 20240607
RANDOM_ACTIONS = 30
SETTLE_MS = 1_500  # past the widgets' debounce window and one model run

SLIDER_KEYS = ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown")
# out of range, empty, not a number, odd spellings of a number
ODD_TEXTS = ("", "abc", "-1", "-1e9", "1e9", "1e400", "NaN", "inf", "0x10", " 5 ", "3,5", "½")

CONTROLS = {
    "slider": ".noUi-handle",
    "readout": ".widget-readout[contenteditable='true']",
    "checkbox": "input[type='checkbox']",
    "radio": ".widget-radio-box input[type='radio']",
    "toggle": ".widget-toggle-buttons button, .widget-toggle-button",
    "dropdown": "select",
    "text": "input[type='number'], input[type='text'], textarea",
    "button": ".widget-button",
}


def _visible(page: Page, selector: str) -> list[Locator]:
    return [control for control in page.locator(selector).all() if control.is_visible()]


def _slide(rng: random.Random, handle: Locator) -> str:
    key = rng.choice(SLIDER_KEYS)
    presses = rng.randint(1, 6)
    for _ in range(presses):
        handle.press(key)
    return f"{key} x{presses}"


def _type_into(rng: random.Random, box: Locator) -> str:
    text = rng.choice((*ODD_TEXTS, str(rng.uniform(-50, 800)), str(rng.randint(-5, 1000))))
    box.click()
    box.press("Control+A")
    box.press_sequentially(text)
    box.press("Enter")
    return f"typed {text!r}"


def _choose(rng: random.Random, select: Locator) -> str:
    options = select.locator("option").all_inner_texts()
    option = rng.choice(options)
    select.select_option(label=option)
    return f"chose {option!r}"


def _click(_rng: random.Random, control: Locator) -> str:
    control.click()
    return "clicked"


ACTIONS: dict[str, Callable[[random.Random, Locator], str]] = {
    "slider": _slide,
    "readout": _type_into,
    "checkbox": _click,
    "radio": _click,
    "toggle": _click,
    "dropdown": _choose,
    "text": _type_into,
    "button": _click,
}


def _name(control: Locator) -> str:
    """A short name of a control for the action log: its label, and its option's."""
    name = control.evaluate(
        """el => {
            const group = el.closest('.widget-radio, .widget-toggle-buttons, .widget-inline-hbox');
            const label = group?.querySelector(':scope > .widget-label')?.textContent || '';
            const own = el.closest('label')?.textContent
                || (el.tagName === 'BUTTON' ? el.textContent : '') || '';
            return [label, own].map(text => text.replace('\\u200b', '').trim())
                .filter(Boolean).join(': ');
        }"""
    )
    return " ".join(str(name).split())[:80]


def _said(page: Page) -> str:
    """What the app says now: its status sentences and its charts' text alternatives."""
    charts = [chart.get_attribute("aria-label") or "" for chart in page.locator(CHART).all()]
    return "\n".join([*page.locator(STATUS).all_inner_texts(), *charts])


def _final_move(page: Page) -> str:
    """Move the app's first control so that what it says must change; describe the move."""
    first = page.locator(", ".join((CONTROLS["slider"], CONTROLS["checkbox"], CONTROLS["radio"])))
    control = next(control for control in first.all() if control.is_visible())
    if control.get_attribute("role") == "slider":
        at_top = control.get_attribute("aria-valuenow") == control.get_attribute("aria-valuemax")
        key = "Home" if at_top else "End"
        control.press(key)
        return f"slider {_name(control)!r}: {key}"
    if control.get_attribute("type") == "radio":
        # answered <-> not answered changes the count of missing items, so the summary
        group = control.locator("xpath=ancestor::div[contains(@class,'widget-radio-box')]")
        radios = group.locator("input[type='radio']")
        target = radios.last if radios.first.is_checked() else radios.first
        target.check()
        return f"radio {_name(control)!r}: answered <-> not answered"
    control.click()
    return f"checkbox {_name(control)!r}: clicked"


def _changes(page: Page, before: str, timeout_ms: int = UPDATE_TIMEOUT_MS) -> bool:
    """Whether what the app says differs from ``before`` within ``timeout_ms``."""
    for _ in range(timeout_ms // 250):
        if _said(page) != before:
            return True
        page.wait_for_timeout(250)
    return _said(page) != before


def fuzz(page: Page, rng: random.Random, actions: int) -> list[str]:
    """Push every slider to both ends, then take ``actions`` seeded random actions."""
    log = []
    for handle in _visible(page, CONTROLS["slider"]):
        for key in ("End", "Home", "End"):
            handle.press(key)
        log.append(f"slider {_name(handle)!r}: End, Home, End")
    controls = {kind: _visible(page, selector) for kind, selector in CONTROLS.items()}
    kinds = [kind for kind, found in controls.items() if found]
    # buttons reset or clear everything: rarely, so the random values have their turn
    weights = [1 if kind == "button" else 6 for kind in kinds]
    for _ in range(actions if kinds else 0):
        kind = rng.choices(kinds, weights)[0]
        control = rng.choice(controls[kind])
        log.append(f"{kind} {_name(control)!r}: {ACTIONS[kind](rng, control)}")
        if rng.random() < 0.2:
            page.wait_for_timeout(rng.randint(50, 600))  # bursts and pauses alike
    return log


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_fuzzing_every_control_breaks_nothing(apps_url, offline_page, app: AppPage):
    page = offline_page.page
    watch = open_app(page, apps_url, app)
    log = fuzz(page, random.Random(f"{SEED}-{app.name}"), RANDOM_ACTIONS)
    page.wait_for_timeout(SETTLE_MS)
    steps = "\n".join(log)
    assert page_problems(page, watch) == [], f"after seed {SEED}, actions:\n{steps}"

    if log:  # the index has no controls: nothing to move
        before = _said(page)
        move = _final_move(page)
        assert _changes(page, before), f"no response to {move} after seed {SEED}:\n{steps}"
    assert page_problems(page, watch) == [], f"after seed {SEED}, actions:\n{steps}"
    assert offline_page.external == []
