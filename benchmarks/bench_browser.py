"""What a learner feels, in Debian's Chromium against Voila, as ratios to a bare page.

Every figure is printed beside a baseline measured in the same run, because the machine
is shared and noisy: read the ratios. Nothing is asserted; ``docs/performance.md`` says
what each figure means and what was measured on the reference machine.

1. First widget per app: from the page's navigation start until every one of the app's
   markers is visible text and its charts are drawn, recorded in the page itself (an
   init script watching the DOM), on a cold server (no pre-heated kernel) and on one
   pre-heated as ``voila.json`` configures, against the bare one-slider page served the
   same way.
2. A keyboard move of a slider until the simulator's chart is redrawn, timed in the page
   (its root element, ``role="graphics-document"``, carries the chart's text alternative
   as ``aria-label``; a redraw changes it), against the bare slider -> kernel observer ->
   label round trip.
3. Kernel memory per session: RSS (with child processes) of the simulator page's kernel
   once rendered, against the bare page's kernel.
4. Twenty learners at once: one Chromium, 20 browser contexts opening the simulator
   together, served as ``make serve`` serves it; first widget p50/p95/max and the peak
   RSS of Voila and all its kernels, against 20 opening the bare page (pool of 4 too).
5. Seconds from closing a page until its kernel process has exited (Voila's culling).

The bare page links an ``IntSlider`` to a ``Label`` through a kernel observer, after
``wait_for_request()`` as in the apps: the least any widget page costs.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import psutil
import voila
from nbformat.v4 import new_code_cell, new_notebook
from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.widget_pages import APPS, CHART, AppPage  # noqa: E402
from tests.conftest import (  # noqa: E402
    APPS_DIR,
    free_port,
    kernel_of,
    kernels_of,
    stop_server,
    voila_process,
)

FIRST_REPEATS = 2
"""Page loads per app and server mode (the bare page and the simulator get one more)."""
MOVES = 30
"""Keyboard moves per slider, alternating right and left."""
MOVE_GAP_MS = 500
"""Quiet between moves, as between a learner's (longer than the 0.25 s debounce)."""
LEARNERS = 20
SIMULATOR_POOL = 4
"""The simulator's pre-heated kernels in ``voila.json``; the bare burst gets as many."""
RENDER_TIMEOUT_MS = 240_000
CULL_TIMEOUT_S = 180
SAMPLE_S = 0.5
VIEWPORT = {"width": 1280, "height": 900}

BARE = AppPage("bare", "", ("Bare slider",))
SIMULATOR = next(app for app in APPS if app.name == "simulator")
BARE_SOURCE = (
    "import ipywidgets as widgets\n"
    "from voila.utils import wait_for_request\n"
    "\n"
    "wait_for_request()\n"
    "slider = widgets.IntSlider(0, 0, 100, description='Bare slider')\n"
    "label = widgets.Label('0').add_class('bare-value')\n"
    "slider.observe(lambda change: setattr(label, 'value', f\"value {change['new']}\"), 'value')\n"
    "widgets.VBox([slider, label])"
)

GOAL_FIRST_RATIO = 1.0
GOAL_MOVE_P95_MS = 100.0
GOAL_BURST_P95_S = 10.0
GOAL_CULL_S = 90.0

# Sets window.__painmoodFirstWidgetMs (ms since navigation start) the first time every
# marker is visible text (innerText skips what is not displayed; case and spacing are
# ignored, as get_by_text does) and ``charts`` chart roots have a box. Checked on each DOM
# change and every 20 ms, from before the page's own scripts run.
_FIRST_WIDGET_SCRIPT = """(() => {
  const markers = %s.map((m) => m.replace(/\\s+/g, ' ').toLowerCase());
  const charts = %d;
  const chart = %s;
  let timer = null;
  const check = () => {
    if (window.__painmoodFirstWidgetMs !== undefined || !document.body) return;
    const text = document.body.innerText.replace(/\\s+/g, ' ').toLowerCase();
    if (!markers.every((m) => text.includes(m))) return;
    const drawn = [...document.querySelectorAll(chart)].filter((e) => e.getClientRects().length);
    if (drawn.length < charts) return;
    window.__painmoodFirstWidgetMs = performance.now();
    observer.disconnect();
    clearInterval(timer);
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, attributes: true,
                              characterData: true});
  timer = setInterval(check, 20);
})();"""

_KERNEL_ID = "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"

# Resolves with the milliseconds from the key press until the watched text changes.
_TIME_KEY = """async (handle, [selector, attribute, key]) => {
  const target = () => document.querySelector(selector);
  const read = () => attribute ? target().getAttribute(attribute) : target().textContent;
  const before = read();
  handle.focus();
  const start = performance.now();
  handle.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
  while (read() === before) {
    if (performance.now() - start > 20000) return -1;
    await new Promise(requestAnimationFrame);
  }
  return performance.now() - start;
}"""


# --- processes: Voila as `make serve` starts it, its tree's memory and CPU ------------


@contextmanager
def serve_as_make_serve(served: Path, timeout_s: float = 90) -> Iterator[subprocess.Popen]:
    """Serve ``served`` as ``make serve`` does (``voila.json`` untouched) on a free port.

    Yields the server process; its URL is in ``server.url``. The helpers of
    ``tests/conftest.py`` always override the pools, so this one starts Voila itself.
    """
    port = free_port()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "voila", str(served), f"--port={port}"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        server.url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
        try:
            _wait_until_serving(server.url, server, timeout_s)  # type: ignore[attr-defined]
            yield server
        finally:
            stop_server(server)


def _wait_until_serving(url: str, server: subprocess.Popen, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Voila did not start on {url}") from None
            time.sleep(0.25)


def _processes(root: psutil.Process) -> list[psutil.Process]:
    """A process and all its descendants still running."""
    try:
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def tree_rss(root: psutil.Process) -> int:
    """Resident memory, in bytes, of a process and its descendants.

    Shared pages count in each process that maps them, as RSS does.
    """
    total = 0
    for process in _processes(root):
        with suppress(psutil.Error):
            total += process.memory_info().rss
    return total


def tree_cpu_s(root: psutil.Process) -> float:
    """CPU seconds (user + system) used so far by a process and its live descendants."""
    total = 0.0
    for process in _processes(root):
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def machine_cpu_s() -> float:
    """Busy CPU seconds of the whole machine so far, all cores."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def kernel_count(server: subprocess.Popen) -> int:
    """How many kernels the server runs, asked again when one exits while counted."""
    for _ in range(5):
        with suppress(psutil.Error):
            return len(kernels_of(server))
        time.sleep(0.05)
    return 0


def kernel_process(server: subprocess.Popen, kernel_id: str) -> psutil.Process:
    """The process of one kernel by its id, asked again when another exits meanwhile."""
    for _ in range(4):
        with suppress(psutil.Error):
            return kernel_of(server, kernel_id)
        time.sleep(0.05)
    return kernel_of(server, kernel_id)


async def wait_quiet(server: subprocess.Popen, kernels: int = 0, settle_s: float = 0) -> None:
    """Wait until the server has ``kernels`` kernels and its tree is nearly idle.

    ``settle_s`` first, so a pool's refill (``fill_delay`` after a kernel is taken) has
    begun; then until two half-second windows each used under 0.05 CPU seconds.
    """
    await asyncio.sleep(settle_s)
    root = psutil.Process(server.pid)
    quiet, deadline = 0, time.monotonic() + 120
    while quiet < 2 and time.monotonic() < deadline:
        before = tree_cpu_s(root)
        await asyncio.sleep(SAMPLE_S)
        busy = tree_cpu_s(root) - before
        enough = kernel_count(server) >= kernels
        quiet = quiet + 1 if busy < 0.05 and enough else 0


@dataclass
class MemorySampler:
    """Peak RSS of a server and its kernels, sampled in a thread every ``SAMPLE_S``."""

    server: subprocess.Popen
    peak: int = 0
    start: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> MemorySampler:
        """Take the first sample and start sampling."""
        root = psutil.Process(self.server.pid)
        self.start = self.peak = tree_rss(root)
        self._thread = threading.Thread(target=self._run, args=(root,), daemon=True)
        self._thread.start()
        return self

    def _run(self, root: psutil.Process) -> None:
        while not self._stop.wait(SAMPLE_S):
            self.peak = max(self.peak, tree_rss(root))

    def __exit__(self, *_exc: object) -> None:
        """Stop sampling."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


# --- pages ----------------------------------------------------------------------------


@dataclass
class Opened:
    """A page opened in its own browser context, with its first widget's time."""

    context: BrowserContext
    page: Page
    first_ms: float

    async def kernel_id(self) -> str:
        """The id of the kernel Voila gave this page."""
        return await self.page.evaluate(_KERNEL_ID)


def _first_widget_script(app: AppPage) -> str:
    return _FIRST_WIDGET_SCRIPT % (json.dumps(list(app.markers)), app.charts, json.dumps(CHART))


async def new_context(browser: Browser, app: AppPage) -> BrowserContext:
    """A fresh browser context (empty cache, as a first visit) that times ``app``."""
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(script=_first_widget_script(app))
    return context


async def open_timed(context: BrowserContext, url: str, app: AppPage) -> Opened:
    """Open ``app`` in ``context``; return once its first widget is shown."""
    page = await context.new_page()
    await page.goto(url + app.path, wait_until="commit", timeout=RENDER_TIMEOUT_MS)
    try:
        shown = await page.wait_for_function(
            "() => window.__painmoodFirstWidgetMs", polling=100, timeout=RENDER_TIMEOUT_MS
        )
    except PlaywrightTimeoutError:
        text = await page.evaluate("() => document.body ? document.body.innerText : ''")
        raise RuntimeError(
            f"{app.name}: not all of {app.markers} and {app.charts} chart(s) shown in "
            f"{RENDER_TIMEOUT_MS / 1000:.0f} s; the page ends: {text[-400:]!r}"
        ) from None
    return Opened(context, page, float(await shown.json_value()))


async def open_app_timed(browser: Browser, url: str, app: AppPage) -> Opened:
    """Open ``app`` in a new browser context; return once its first widget is shown."""
    return await open_timed(await new_context(browser, app), url, app)


async def moves_ms(page: Page, selector: str, attribute: str | None) -> tuple[str, list[float]]:
    """The first slider's label, and ms from each keyboard move of it until a change.

    The change watched is that of ``selector``'s ``attribute``, or of its text. The first
    slider whatever its label (the simulator's is sleep): labels are wording, which
    changes more often than this benchmark.
    """
    slider = page.locator(".widget-slider").first
    handle = slider.locator(".noUi-handle")
    label = await slider.locator(".widget-label").inner_text()
    times = []
    for index in range(MOVES):
        key = "ArrowRight" if index % 2 == 0 else "ArrowLeft"
        times.append(await handle.evaluate(_TIME_KEY, [selector, attribute, key]))
        await page.wait_for_timeout(MOVE_GAP_MS)
    return label, times


# --- the measurements -----------------------------------------------------------------


@dataclass
class Results:
    """Everything measured, in milliseconds, bytes and seconds."""

    first_pool: dict[str, list[float]] = field(default_factory=dict)
    first_cold: dict[str, list[float]] = field(default_factory=dict)
    cold_kernel_cpu_s: dict[str, list[float]] = field(default_factory=dict)
    slider: str = ""
    bare_moves: list[float] = field(default_factory=list)
    chart_moves: list[float] = field(default_factory=list)
    rss: dict[str, int] = field(default_factory=dict)
    cull_s: float | None = None
    bursts: dict[str, Burst] = field(default_factory=dict)


@dataclass
class Burst:
    """Many learners opening one page at once."""

    first_s: list[float]
    failed: list[str]
    wall_s: float
    idle_rss: int
    peak_rss: int
    server_cpu_s: float
    machine_cpu_s: float


def _watch_exit(process: psutil.Process, since: float, out: list[float]) -> threading.Thread:
    """A started thread appending to ``out`` the seconds from ``since`` until exit."""

    def run() -> None:
        gone, _alive = psutil.wait_procs([process], timeout=CULL_TIMEOUT_S)
        if gone:
            out.append(time.monotonic() - since)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


async def measure_pooled(browser: Browser, folder: Path, results: Results) -> None:
    """Figures 1 (pre-heated), 2, 3 and 5, on one server pre-heated as ``voila.json`` says."""
    pages = [BARE, *APPS]
    pool = len(pages) - 1 + SIMULATOR_POOL
    first = results.first_pool
    with serve_as_make_serve(folder) as server:
        url = server.url  # type: ignore[attr-defined]
        await wait_quiet(server, kernels=pool)
        bare = await open_app_timed(browser, url, BARE)
        first.setdefault(BARE.name, []).append(bare.first_ms)
        results.rss["bare"] = tree_rss(kernel_process(server, await bare.kernel_id()))
        _label, results.bare_moves = await moves_ms(bare.page, ".bare-value", None)
        await bare.context.close()

        await wait_quiet(server, kernels=pool, settle_s=3)
        simulator = await open_app_timed(browser, url, SIMULATOR)
        first.setdefault(SIMULATOR.name, []).append(simulator.first_ms)
        kernel = kernel_process(server, await simulator.kernel_id())
        results.rss["simulator"] = tree_rss(kernel)
        results.slider, results.chart_moves = await moves_ms(simulator.page, CHART, "aria-label")
        results.rss["simulator after moves"] = tree_rss(kernel)
        await simulator.context.close()
        culled: list[float] = []
        watcher = _watch_exit(kernel, time.monotonic(), culled)

        for _ in range(FIRST_REPEATS):
            for app in pages:
                await wait_quiet(server, kernels=pool, settle_s=3)
                opened = await open_app_timed(browser, url, app)
                first.setdefault(app.name, []).append(opened.first_ms)
                await opened.context.close()
        await asyncio.to_thread(watcher.join)
        results.cull_s = culled[0] if culled else None


async def measure_cold(browser: Browser, folder: Path, results: Results) -> None:
    """Figure 1 cold: no pre-heated kernel; each page starts its kernel on request."""
    pages = [BARE, *APPS]
    with voila_process(folder, timeout_s=90, pool_size=None) as (url, server):
        for repeat in range(FIRST_REPEATS + 1):
            for app in pages:
                if repeat == FIRST_REPEATS and app not in (BARE, SIMULATOR):
                    continue
                await wait_quiet(server)
                opened = await open_app_timed(browser, url, app)
                results.first_cold.setdefault(app.name, []).append(opened.first_ms)
                kernel = kernel_process(server, await opened.kernel_id())
                results.cold_kernel_cpu_s.setdefault(app.name, []).append(tree_cpu_s(kernel))
                await opened.context.close()


async def burst(
    browser: Browser, server: subprocess.Popen, url: str, app: AppPage, pool: int
) -> Burst:
    """``LEARNERS`` browser contexts opening ``app`` at once; first widgets and memory.

    Once the server's ``pool`` pre-heated kernels wait, idle. A page that never shows
    its first widget is counted in ``failed``, not timed.
    """
    await wait_quiet(server, kernels=pool)
    contexts = await asyncio.gather(*(new_context(browser, app) for _ in range(LEARNERS)))
    root = psutil.Process(server.pid)
    cpu_before, machine_before = tree_cpu_s(root), machine_cpu_s()
    with MemorySampler(server) as memory:
        start = time.monotonic()
        opened = await asyncio.gather(
            *(open_timed(context, url, app) for context in contexts), return_exceptions=True
        )
        wall = time.monotonic() - start
        await asyncio.sleep(2)  # the pool's refill, started meanwhile, counts too
    burst = Burst(
        first_s=[page.first_ms / 1000 for page in opened if isinstance(page, Opened)],
        failed=[str(page) for page in opened if not isinstance(page, Opened)],
        wall_s=wall,
        idle_rss=memory.start,
        peak_rss=memory.peak,
        server_cpu_s=tree_cpu_s(root) - cpu_before,
        machine_cpu_s=machine_cpu_s() - machine_before,
    )
    await asyncio.gather(*(context.close() for context in contexts))
    return burst


async def measure_bursts(browser: Browser, bare_only: Path, results: Results) -> None:
    """Figure 4: the simulator served as ``make serve`` serves it; the bare page likewise."""
    with serve_as_make_serve(APPS_DIR) as server:
        results.bursts["simulator"] = await burst(
            browser,
            server,
            server.url,  # type: ignore[attr-defined]
            SIMULATOR,
            pool=len(APPS) - 1 + SIMULATOR_POOL,
        )
    with voila_process(bare_only, timeout_s=90, pool_size=SIMULATOR_POOL) as (url, server):
        results.bursts["bare"] = await burst(browser, server, url, BARE, SIMULATOR_POOL)


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """Debian's Chromium, driven by Playwright, closed afterwards."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


# --- the report -----------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100), interpolated between the nearest ranks."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def machine(browser_version: str) -> list[str]:
    """Lines describing this machine and the software measured."""
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        f"CPUs: {os.cpu_count()} x {model}",
        f"RAM: {psutil.virtual_memory().total / 2**30:.1f} GiB",
        f"load average at start (1, 5, 15 min): {load}",
        f"Chromium {browser_version}, Voila {voila.__version__}, "
        f"Python {platform.python_version()} ({platform.system()} {platform.release()})",
    ]


@dataclass
class Table:
    """Plain-text rows: figure, value, baseline, ratio, goal."""

    rows: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, what: str, value: str, base: str = "", ratio: str = "", goal: str = ""):
        """One row; empty cells stay blank."""
        self.rows.append((what, value, base, ratio, goal))

    def lines(self) -> list[str]:
        """The rows, columns aligned."""
        header = ("figure", "measured", "baseline", "ratio", "goal")
        rows = [header, *self.rows]
        widths = [max(len(row[column]) for row in rows) for column in range(len(header))]

        def line(row: tuple[str, ...]) -> str:
            cells = [row[0].ljust(widths[0])]
            cells += [cell.rjust(width) for cell, width in zip(row[1:4], widths[1:4], strict=True)]
            return "  ".join([*cells, row[4]]).rstrip()

        rule = "-" * len(line(header))
        return [line(header), rule, *(line(row) for row in self.rows)]


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(results: Results, elapsed_s: float, machine_lines: list[str]) -> list[str]:
    """The table of figures, each beside its baseline and goal."""
    table = Table()
    median = statistics.median
    for mode, first in (("cold", results.first_cold), ("pool", results.first_pool)):
        base = median(first[BARE.name])
        table.add(f"first widget, {mode}: bare page (baseline)", f"{base / 1000:.2f} s")
        for app in APPS:
            ratio = median(first[app.name]) / base
            table.add(
                f"first widget, {mode}: {app.name}",
                f"{median(first[app.name]) / 1000:.2f} s",
                f"{base / 1000:.2f} s",
                f"{ratio:.2f}x",
                f"<= {GOAL_FIRST_RATIO:.1f}x bare: {_met(ratio <= GOAL_FIRST_RATIO)}",
            )
    cpu = results.cold_kernel_cpu_s
    table.add(
        "cold kernel CPU to first widget: simulator",
        f"{median(cpu[SIMULATOR.name]):.2f} s",
        f"{median(cpu[BARE.name]):.2f} s",
        f"{median(cpu[SIMULATOR.name]) / median(cpu[BARE.name]):.2f}x",
    )
    for q in (50, 95):
        chart, bare = percentile(results.chart_moves, q), percentile(results.bare_moves, q)
        goal = f"< {GOAL_MOVE_P95_MS:.0f} ms: {_met(chart < GOAL_MOVE_P95_MS)}" if q == 95 else ""
        table.add(
            f"slider -> chart redrawn, p{q} of {MOVES}",
            f"{chart:.0f} ms",
            f"{bare:.0f} ms",
            f"{chart / bare:.1f}x",
            goal,
        )
    mib = 2**20
    for what in ("simulator", "simulator after moves"):
        table.add(
            f"kernel RSS per session: {what}",
            f"{results.rss[what] / mib:.0f} MB",
            f"{results.rss['bare'] / mib:.0f} MB",
            f"{results.rss[what] / results.rss['bare']:.2f}x",
        )
    simulator, bare = results.bursts["simulator"], results.bursts["bare"]
    for name, q in (("p50", 50), ("p95", 95), ("max", 100)):
        value, base = percentile(simulator.first_s, q), percentile(bare.first_s, q)
        ok = value < GOAL_BURST_P95_S
        table.add(
            f"{LEARNERS} at once: first widget {name}",
            f"{value:.1f} s",
            f"{base:.1f} s",
            f"{value / base:.2f}x",
            f"< {GOAL_BURST_P95_S:.0f} s: {_met(ok)}" if name == "p95" else "",
        )
    table.add(
        f"{LEARNERS} at once: pages not shown in {RENDER_TIMEOUT_MS / 1000:.0f} s",
        str(len(simulator.failed)),
        str(len(bare.failed)),
    )
    table.add(
        f"{LEARNERS} at once: peak RSS, Voila + kernels",
        f"{simulator.peak_rss / mib:.0f} MB",
        f"{bare.peak_rss / mib:.0f} MB",
        f"{simulator.peak_rss / bare.peak_rss:.2f}x",
    )
    table.add(
        f"{LEARNERS} at once: peak RSS per learner",
        f"{simulator.peak_rss / mib / LEARNERS:.0f} MB",
        f"{bare.peak_rss / mib / LEARNERS:.0f} MB",
    )
    table.add(
        f"{LEARNERS} at once: added RSS per learner",
        f"{(simulator.peak_rss - simulator.idle_rss) / mib / LEARNERS:.0f} MB",
        f"{(bare.peak_rss - bare.idle_rss) / mib / LEARNERS:.0f} MB",
    )
    table.add(
        f"{LEARNERS} at once: CPU s, Voila + kernels",
        f"{simulator.server_cpu_s:.0f} s",
        f"{bare.server_cpu_s:.0f} s",
        f"{simulator.server_cpu_s / bare.server_cpu_s:.2f}x",
    )
    table.add(
        f"{LEARNERS} at once: CPU s, whole machine",
        f"{simulator.machine_cpu_s:.0f} s",
        f"{bare.machine_cpu_s:.0f} s",
        f"{simulator.machine_cpu_s / bare.machine_cpu_s:.2f}x",
    )
    cull = results.cull_s
    table.add(
        "closed page -> its kernel gone",
        f"{cull:.0f} s" if cull is not None else f"> {CULL_TIMEOUT_S} s",
        "",
        "",
        f"< {GOAL_CULL_S:.0f} s: {_met(cull is not None and cull < GOAL_CULL_S)}",
    )
    return [
        "painmood browser benchmark: Chromium against Voila (medians unless a percentile)",
        *machine_lines,
        "",
        *table.lines(),
        "",
        f"first widget: median of {FIRST_REPEATS} loads per app ({FIRST_REPEATS + 1} for "
        f"the bare page and the simulator), each in a fresh browser context",
        f"slider moved: the simulator's {results.slider!r}, by ArrowRight/ArrowLeft, "
        f"{MOVE_GAP_MS} ms apart",
        f"{LEARNERS} at once, wall clock until the last first widget: simulator "
        f"{simulator.wall_s:.1f} s, bare {bare.wall_s:.1f} s; idle RSS before: "
        f"{simulator.idle_rss / mib:.0f} MB, {bare.idle_rss / mib:.0f} MB",
        *(f"not shown: {failure}" for failure in [*simulator.failed, *bare.failed][:3]),
        f"whole run: {elapsed_s:.0f} s",
    ]


async def run(folder: Path, bare_only: Path) -> tuple[Results, list[str]]:
    """Every measurement, in one Chromium; results and the machine's description."""
    results = Results()
    async with chromium() as browser:
        machine_lines = machine(browser.version)
        print("measuring: pre-heated pages, slider moves, memory, culling ...", flush=True)
        await measure_pooled(browser, folder, results)
        print("measuring: cold pages ...", flush=True)
        await measure_cold(browser, folder, results)
        print(f"measuring: {LEARNERS} learners at once ...", flush=True)
        await measure_bursts(browser, bare_only, results)
    return results, machine_lines


def main() -> None:
    start = time.monotonic()
    # two folders: Voila pre-heats every notebook under the folder it serves
    folder = Path(tempfile.mkdtemp(prefix="painmood_bench_"))
    bare_only = Path(tempfile.mkdtemp(prefix="painmood_bench_bare_"))
    bare = new_notebook(cells=[new_code_cell(BARE_SOURCE)])
    for target in (folder, bare_only):
        nbformat.write(bare, target / "bare.ipynb")
    for app in APPS:
        shutil.copy(APPS_DIR / f"{app.name}.ipynb", folder / f"{app.name}.ipynb")
    try:
        results, machine_lines = asyncio.run(run(folder, bare_only))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(bare_only, ignore_errors=True)
    print("\n".join(report(results, time.monotonic() - start, machine_lines)))


if __name__ == "__main__":
    main()
