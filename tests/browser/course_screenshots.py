"""Screenshots of the course in JupyterLab, network cut: ``make screenshots`` writes them.

Starts JupyterLab on ``notebooks/`` as ``make lab`` does (loopback only, the offline
settings of ``jupyter_lab_offline.json``), on a free port with a one-off token, in
Debian's Chromium with every non-loopback request aborted and listed. For each lesson it
runs all cells as a learner would (*Run > Run All Cells*), waits until the kernel is done,
answers the first multiple-choice self-check with its first option and checks it, and
saves two PNGs into ``docs/img/course/``: ``<lesson>.png`` (the lesson's first chart,
or widget, with what surrounds it) and ``<lesson>_check.png`` (the self-check with its
feedback). It fails if a cell shows an error or the page asks the network for anything.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, OfflinePage
from tests.conftest import ROOT, free_port, stop_server

IMAGES = ROOT / "docs" / "img" / "course"
LESSONS = sorted(path.stem for path in (ROOT / "notebooks").glob("0[1-9]_*.ipynb"))
RUN_TIMEOUT_MS = 240_000
"""Room for a lesson's kernel to start and run every cell on a loaded 2-core machine."""

# JupyterLab settings for the run, by plugin: every cell rendered, not only those in view,
# so a screenshot can scroll to any of them; no autosave, so the outputs of the run never
# reach the committed notebooks; no question about fetching news.
_SETTINGS = {
    "notebook-extension/tracker": {"windowingMode": "none"},
    "docmanager-extension/plugin": {"autosave": False},
    "apputils-extension/notification": {"fetchNews": "false"},
}


# Scrolls the lesson's first chart into the middle of the window; in a lesson without a
# chart, its first widget that is not a self-check.
_SHOW_FIRST_CHART_OR_WIDGET = """() => {
  const outputs = '.jp-OutputArea-output';
  const target = document.querySelector(`${outputs} .vega-embed`)
    || [...document.querySelectorAll(`${outputs} .jupyter-widgets`)]
      .find(widget => !widget.closest('.painmood-selfcheck'));
  target.scrollIntoView({block: 'center'});
}"""


@contextmanager
def jupyterlab() -> Iterator[str]:
    """JupyterLab on ``notebooks/`` as ``make lab`` starts it; yield a lesson's URL template.

    Its settings and workspaces live in temporary folders, so the run neither reads nor
    leaves anything in the user's JupyterLab configuration.
    """
    token = secrets.token_hex(16)
    port = free_port()
    with (
        tempfile.TemporaryDirectory() as settings,
        tempfile.TemporaryDirectory() as workspaces,
        tempfile.TemporaryFile() as log,
    ):
        for plugin, values in _SETTINGS.items():
            path = Path(settings, "@jupyterlab", f"{plugin}.jupyterlab-settings")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterlab",
                f"--config={ROOT / 'jupyter_lab_offline.json'}",
                "--ip=127.0.0.1",
                f"--port={port}",
                "--no-browser",
                f"--IdentityProvider.token={token}",
                f"--notebook-dir={ROOT / 'notebooks'}",
                f"--LabApp.workspaces_dir={workspaces}",
                *(["--allow-root"] if os.geteuid() == 0 else []),
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "JUPYTERLAB_SETTINGS_DIR": settings},
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError(log.read().decode()[-2000:]) from None
                    time.sleep(0.5)
            # one fresh workspace per lesson: only that notebook open, nothing restored
            yield f"{url}/lab/workspaces/{{lesson}}/tree/{{lesson}}.ipynb?reset&token={token}"
        finally:
            stop_server(server)


def run_all(page: Page) -> None:
    """Run every cell from the Run menu and wait until none is queued or running.

    Waits first for the kernel to be idle, as a learner waits for the status bar to say
    so: before that the menu's command finds no kernel to run the cells in.
    """
    idle = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle$"))
    expect(idle.first).to_be_visible(timeout=RUN_TIMEOUT_MS)
    page.locator(".jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(
        """() => {
          const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
          return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=RUN_TIMEOUT_MS,
    )
    page.wait_for_timeout(3_000)  # let Vega draw and widgets settle


def errors(page: Page) -> list[str]:
    """The text of every error output on the page."""
    return page.locator(".jp-OutputArea-output[data-mime-type*='error']").all_inner_texts()


def take_screenshots(folder: Path = IMAGES) -> list[Path]:
    """Save two PNGs per lesson into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    with jupyterlab() as lesson_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        for lesson in LESSONS:
            print(lesson, file=sys.stderr)
            offline = OfflinePage(context.new_page())
            page = offline.page
            page.goto(lesson_url.format(lesson=lesson))
            expect(page.locator(".jp-Notebook")).to_be_visible(timeout=RUN_TIMEOUT_MS)
            run_all(page)
            if problems := errors(page):
                raise RuntimeError(f"{lesson}: error output {problems}")
            page.evaluate(_SHOW_FIRST_CHART_OR_WIDGET)
            page.wait_for_timeout(1_000)
            path = folder / f"{lesson}.png"
            page.screenshot(path=path)
            saved.append(path)
            card = page.locator(".painmood-selfcheck:has(input[type=radio])").first
            card.evaluate("el => el.scrollIntoView({block: 'center'})")
            card.get_by_role("radio").first.check()
            card.get_by_role("button", name="Check answer").click()
            expect(card.get_by_role("status")).not_to_have_text("", timeout=30_000)
            path = folder / f"{lesson}_check.png"
            card.screenshot(path=path)
            saved.append(path)
            if offline.external:
                raise RuntimeError(f"{lesson}: the page asked the network for {offline.external}")
            page.close()
        browser.close()
    return saved


if __name__ == "__main__":
    for written in take_screenshots():
        print(written.relative_to(ROOT), file=sys.stdout)
