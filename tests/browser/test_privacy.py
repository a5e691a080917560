"""Nothing a learner enters is written to disk or to the server's log.

The apps promise "What you enter stays on this computer and is not saved". This test
serves ``notebooks/apps/`` as a room does (``voila.json``: its log level, no tracebacks),
answers the assessment app's three questionnaires and types a value into a simulator
slider in real Chromium, then reads the whole server log (Voila's lines and its kernels'
output) and lists the repository's files. The log must hold none of what was entered: not
the answers' labels, not the sentences the apps derived from them (computed here by the
apps' own state classes), not the value typed, and no widget message at all; and no file
under the repository (``notebooks/`` included) may have appeared, changed or gone, not
even an ``.ipynb_checkpoints`` folder.
"""

import json
import os
import re
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from painmood_widgets import model, scales
from painmood_widgets.state.forms import BpiState, PegState, Phq9State
from painmood_widgets.state.simulator import SimulatorState
from tests.browser.conftest import OfflinePage
from tests.browser.widget_pages import (
    APP_BY_NAME,
    RENDER_TIMEOUT_MS,
    STATUS,
    UPDATE_TIMEOUT_MS,
    open_app,
    page_problems,
    radio_item,
)
from tests.conftest import APPS_DIR, ROOT, voila_logged

PHQ9_ANSWERS = (2, 3, 1, 2, 3, 1, 2, 3, 0)
BPI_ANSWERS = (7, 3, 5, 6, 6, 7, 5, 8, 4, 6, 7)
PEG_ANSWERS = (7, 4, 9)
OPIOID = model.SCENARIO_FIELDS["opioid_days"]
OPIOID_DAYS = 613
"""Typed into the simulator's opioid readout: a number no log line holds by chance."""

NOT_OURS = {".git", "__pycache__", ".hypothesis", ".pytest_cache", ".ruff_cache"}
"""Folders only git, Python's bytecode cache and the test tools write to, never Voila."""
TOOL_OUTPUT = {ROOT / "benchmarks" / "results", ROOT / "tests" / "browser" / "artifacts"}
"""What the benchmarks and the browser tests themselves write (both ignored by git)."""


def _files(top: Path) -> dict[str, tuple[int, int] | None]:
    """Every folder (None) and file ((mtime in ns, size)) under ``top``, by relative path."""
    found: dict[str, tuple[int, int] | None] = {}
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = [
            name
            for name in subfolders
            if name not in NOT_OURS and Path(folder, name) not in TOOL_OUTPUT
        ]
        for name in subfolders:
            found[os.path.relpath(Path(folder, name), top)] = None
        for name in files:
            path = Path(folder, name)
            try:
                stat = path.lstat()
            except FileNotFoundError:  # removed while listed
                continue
            found[os.path.relpath(path, top)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _changes(before: dict, after: dict) -> list[str]:
    """What appeared, went or changed between two listings of :func:`_files`."""
    return sorted(
        [f"new: {path}" for path in after.keys() - before.keys()]
        + [f"gone: {path}" for path in before.keys() - after.keys()]
        + [
            f"changed: {path}"
            for path in before.keys() & after.keys()
            if before[path] != after[path]
        ]
    )


def _wait_for_pools(log: Path, notebooks: int) -> None:
    """Wait until every notebook's pre-heated kernel is ready, as the server's log says."""
    deadline = time.monotonic() + RENDER_TIMEOUT_MS / 1000
    while log.read_text(errors="replace").count("is filled with") < notebooks:
        assert time.monotonic() < deadline, "the kernel pools did not fill"
        time.sleep(0.5)


def _kernel_id(page: Page) -> str:
    return json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]


def _answer_phq9(page: Page, answers: tuple[int, ...]) -> None:
    for item, score in enumerate(answers, 1):
        option = f"{score} {scales.PHQ9_ANSWERS[score]}"
        radio_item(page, f"Item {item} (0-3 points)").get_by_role(
            "radio", name=option, exact=True
        ).check()


def _rate(page: Page, labels: tuple[str, ...], answers: tuple[int, ...]) -> None:
    """Press the button of each 0-10 rating whose visible label is one of ``labels``."""
    for label, score in zip(labels, answers, strict=True):
        row = page.locator(".widget-toggle-buttons").filter(
            has=page.locator(
                ".widget-label", has_text=re.compile(f"^{re.escape(label)} \\(0-10\\)$")
            )
        )
        row.get_by_role("button", name=str(score), exact=True).click()


def _type_into_readout(page: Page, label: str, text: str) -> None:
    """Type ``text`` into the editable readout of the slider labelled ``label``, as a learner."""
    readout = (
        page.locator(".widget-slider")
        .filter(has=page.locator(".widget-label", has_text=re.compile(f"^{re.escape(label)}$")))
        .locator(".widget-readout")
    )
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def _state(kind, answers):
    state = kind()
    state.answers = answers
    return state


def test_what_a_learner_enters_is_neither_logged_nor_written_to_disk(browser, tmp_path):
    phq9 = _state(Phq9State, PHQ9_ANSWERS)
    bpi = _state(BpiState, BPI_ANSWERS)
    peg = _state(PegState, PEG_ANSWERS)
    simulated = SimulatorState(model.Scenario().replace(opioid_days=OPIOID_DAYS))
    log = tmp_path / "voila.log"
    before = _files(ROOT)

    with voila_logged(APPS_DIR, log) as (url, _server):
        _wait_for_pools(log, len(list(APPS_DIR.glob("*.ipynb"))))
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_navigation_timeout(RENDER_TIMEOUT_MS)
        try:
            forms = OfflinePage(context.new_page())
            watch = open_app(forms.page, url, APP_BY_NAME["assessment"])
            forms_kernel = _kernel_id(forms.page)
            _answer_phq9(forms.page, PHQ9_ANSWERS)
            _rate(
                forms.page, scales.BPI_SEVERITY_ITEMS + scales.BPI_INTERFERENCE_ITEMS, BPI_ANSWERS
            )
            _rate(forms.page, scales.PEG_ITEMS, PEG_ANSWERS)
            summaries = forms.page.locator(STATUS)
            for position, state in enumerate((phq9, bpi, peg)):
                expect(summaries.nth(position)).to_have_text(
                    state.summary, timeout=UPDATE_TIMEOUT_MS
                )
            assert page_problems(forms.page, watch) == []

            simulator = OfflinePage(context.new_page())
            watch = open_app(simulator.page, url, APP_BY_NAME["simulator"])
            simulator_kernel = _kernel_id(simulator.page)
            _type_into_readout(simulator.page, f"{OPIOID.label} ({OPIOID.unit})", str(OPIOID_DAYS))
            expect(simulator.page.locator(STATUS)).to_have_text(
                simulated.summary, timeout=UPDATE_TIMEOUT_MS
            )
            assert page_problems(simulator.page, watch) == []
            assert forms.external == simulator.external == []
        finally:
            context.close()
    after = _files(ROOT)

    text = log.read_text(errors="replace")
    # the log read is this server's, and covers both learners' sessions
    assert f"Using pre-heated kernel: {forms_kernel} for assessment.ipynb" in text
    assert f"Using pre-heated kernel: {simulator_kernel} for simulator.ipynb" in text
    entered = [
        *scales.PHQ9_ANSWERS[1:],  # "Not at all" is ordinary English; the others are labels
        phq9.summary,
        phq9.score_text,
        bpi.summary,
        bpi.score_text,
        peg.summary,
        peg.score_text,
        simulated.summary,
        simulated.control_words["opioid_days"],
    ]
    assert [words for words in entered if words in text] == []
    # the typed number on its own (not inside an id, a port or a duration)
    assert re.findall(rf"(?<![\w.]){OPIOID_DAYS}(?!\w)", text) == []
    # no widget message at all: no state, no update, no comm
    assert re.findall(r"""['"](?:method|comm_id|state)['"]:""", text) == []

    assert _changes(before, after) == []
    assert list((ROOT / "notebooks").rglob(".ipynb_checkpoints")) == []
