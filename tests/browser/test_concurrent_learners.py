"""A room of learners at once: ten simulator pages open together in one Chromium, each in
its own browser context (its own cookies, its own kernel), all render (at most two after
one reload: a known fault of bursts on a 2-core machine) and respond, each
with its own learner's answer, none shows a problem, and once they close, Voila's culling
of idle kernels (``voila.json``) shuts every one of their kernels down within about 90 s.

The server is started once for the module as a room's would be, serving
``notebooks/apps/`` with the room's pool of pre-heated simulator kernels (``voila.json``),
so the learners beyond the pool get kernels started as they arrive, as in a room; the
other apps get none, since no learner here opens them.
"""

import json
import subprocess
import time
import warnings
from collections.abc import Iterator

import psutil
import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from painmood_widgets import model
from painmood_widgets.state.simulator import SimulatorState
from tests.browser.conftest import OfflinePage
from tests.browser.widget_pages import (
    APP_BY_NAME,
    CHART,
    RENDER_TIMEOUT_MS,
    STATUS,
    UPDATE_TIMEOUT_MS,
    KernelWatch,
    page_problems,
    slider_handle,
)
from tests.conftest import APPS_DIR, ROOT, kernel_of, voila_logged

LEARNERS = 10
ROOM_RENDER_TIMEOUT_MS = 180_000
"""Room for ten pages drawn side by side, and six kernels started, on a loaded 2-core machine."""
CULL_WAIT_S = 90
"""cull_idle_timeout 60 s + cull_interval 15 s, and room to shut ten kernels down."""
SIMULATOR = APP_BY_NAME["simulator"]
SLEEP = model.SCENARIO_FIELDS["sleep_hours"]
SLEEP_LABEL = f"{SLEEP.label} ({SLEEP.unit})"
ROOM_POOL = json.loads((ROOT / "voila.json").read_text())["VoilaKernelManager"][
    "kernel_pools_config"
]["simulator.ipynb"]["pool_size"]


def _sleep_values() -> list[float]:
    """One sleep setting per learner, each a number of steps up from the slider's minimum
    and none the default, so every learner's summary differs from the start and from
    every other learner's."""
    steps = round((SLEEP.maximum - SLEEP.minimum) / SLEEP.step)
    values = [SLEEP.minimum + step * SLEEP.step for step in range(steps + 1)]
    return [value for value in values if value != SLEEP.default][:LEARNERS]


def _summary(**fields: object) -> str:
    return SimulatorState(model.Scenario().replace(**fields)).summary


@pytest.fixture(scope="module")
def room(tmp_path_factory) -> Iterator[tuple[str, subprocess.Popen]]:
    """A Voila server for the room, once its pre-heated simulator kernels are ready."""
    log = tmp_path_factory.mktemp("room") / "voila.log"
    pools = {"default": {"pool_size": 0}, "simulator.ipynb": {"pool_size": ROOM_POOL}}
    with voila_logged(APPS_DIR, log, pools=pools) as (url, server):
        filled = f"Kernel pool of simulator.ipynb is filled with {ROOM_POOL} kernel(s)"
        deadline = time.monotonic() + RENDER_TIMEOUT_MS / 1000
        while filled not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, "the simulator's kernel pool did not fill"
            time.sleep(0.5)
        yield url, server


class Learner:
    """One learner: a browser context of their own, its simulator page and its kernel."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.offline = OfflinePage(self.context.new_page())
        self.page: Page = self.offline.page
        self.watch = KernelWatch(self.page)
        self.reloaded = False
        # Asked for without waiting: page.goto would return only with the server's first
        # byte, which a learner beyond the pool gets once a kernel has started for them, so
        # the learners would arrive one after the other instead of all at once.
        self.page.evaluate(
            "url => { setTimeout(() => window.location.assign(url)); }", url + SIMULATOR.path
        )

    def wait_until_rendered(self) -> None:
        """Wait for the simulator; if it never comes, reload once, as a learner would.

        On the 2-core CI machine, now and then one page of a burst never renders (the
        benchmark saw 4 of 20; docs/performance.md): a known fault, not yet fixed. A
        learner reloads such a page; the test does the same, once, and counts it.
        """
        try:
            self._rendered(ROOM_RENDER_TIMEOUT_MS)
        except PlaywrightTimeoutError:
            self.reloaded = True
            self.page.reload()
            self.watch.errors.clear()
            self.watch.closed.clear()  # the abandoned load's socket, closed by the reload
            self._rendered(ROOM_RENDER_TIMEOUT_MS)

    def _rendered(self, timeout_ms: int) -> None:
        for marker in SIMULATOR.markers:
            self.page.get_by_text(marker).first.wait_for(timeout=timeout_ms)
        expect(self.page.locator(CHART)).to_have_count(SIMULATOR.charts, timeout=timeout_ms)

    @property
    def kernel_id(self) -> str:
        config = self.page.locator("#jupyter-config-data").text_content()
        return json.loads(config)["kernelId"]

    def set_sleep(self, hours: float) -> None:
        """Move the sleep slider to ``hours`` with the keyboard: Home, then arrow steps."""
        handle = slider_handle(self.page, SLEEP_LABEL)
        handle.focus()
        self.page.keyboard.press("Home")
        for _step in range(round((hours - SLEEP.minimum) / SLEEP.step)):
            self.page.keyboard.press("ArrowRight")


def test_ten_learners_at_once_all_get_a_working_simulator_and_free_their_kernels(browser, room):
    url, server = room
    hours = _sleep_values()
    assert len(hours) == LEARNERS
    assert len({_summary(sleep_hours=value) for value in hours}) == LEARNERS
    learners: list[Learner] = []
    try:
        for _learner in range(LEARNERS):
            learners.append(Learner(browser, url))
        for learner in learners:
            learner.wait_until_rendered()
        reloads = sum(learner.reloaded for learner in learners)
        if reloads:
            warnings.warn(
                f"{reloads} of {LEARNERS} pages rendered only after a reload", stacklevel=1
            )
        assert reloads <= 2, f"{reloads} of {LEARNERS} pages needed a reload to render"
        for learner in learners:
            expect(learner.page.locator(STATUS)).to_have_text(_summary(), timeout=UPDATE_TIMEOUT_MS)
        kernels = [kernel_of(server, learner.kernel_id) for learner in learners]
        assert len(set(kernels)) == LEARNERS, "each learner has a kernel of their own"

        # every learner moves the slider before any page is checked: ten kernels at work
        for learner, value in zip(learners, hours, strict=True):
            learner.set_sleep(value)
        for learner, value in zip(learners, hours, strict=True):
            expect(slider_handle(learner.page, SLEEP_LABEL)).to_have_attribute(
                "aria-valuenow", f"{value:.1f}"
            )
            expect(learner.page.locator(STATUS)).to_have_text(
                _summary(sleep_hours=value), timeout=UPDATE_TIMEOUT_MS
            )
        problems = {
            number: page_problems(learner.page, learner.watch)
            for number, learner in enumerate(learners)
        }
        assert {number: found for number, found in problems.items() if found} == {}
        assert [learner.offline.external for learner in learners] == [[]] * LEARNERS
    finally:
        for learner in learners:
            learner.context.close()

    _gone, alive = psutil.wait_procs(kernels, timeout=CULL_WAIT_S)
    assert alive == [], f"{len(alive)} closed pages' kernels are still running"
