"""The published apps as browser pages, for the browser tests and the README screenshots.

Each app is a notebook of ``notebooks/apps/`` served by Voila; :data:`APPS` says what it
must show once rendered. The helpers open an app, find its controls as a learner does
(by their visible labels), and watch for what must never happen: an error output, a
traceback, a kernel that died or lost its connection, or an exception the kernel
reported over its websocket (a widget callback's error shows nowhere on the page).
"""

import json
import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, WebSocket, expect

RENDER_TIMEOUT_MS = 90_000
"""Room for a cold kernel on a loaded 2-core machine."""

UPDATE_TIMEOUT_MS = 30_000
"""Room for one model run after a control moves (debounced, then simulated)."""

ERROR_OUTPUT = ".jp-OutputArea-output [data-mime-type*='error']"
CHART = "[role=graphics-document]"
STATUS = "[role=status]"
SAFETY_PANEL = ".painmood-safety"
"""A form's own crisis panel (PHQ-9 item 9, criterion A9), not the page's crisis aside."""

# words Voila, JupyterLab's services or Python put on a page when something broke
TROUBLE_WORDS = ("Traceback", "Kernel is dead", "Kernel died", "Dead kernel", "disconnected")


@dataclass(frozen=True)
class AppPage:
    """One published app: its notebook, its link on the index and text it must show."""

    name: str
    link: str
    markers: tuple[str, ...]
    charts: int = 0

    @property
    def path(self) -> str:
        """The app's page under Voila's base URL."""
        return f"/voila/render/{self.name}.ipynb"


APPS = (
    AppPage("index", "", ("Pick an app", "Crisis resources.")),
    AppPage(
        "simulator",
        "Simulator",
        ("Simulator: chronic pain and depression", "Lifestyle and biology"),
        charts=1,
    ),
    AppPage(
        "symptom_checker",
        "Symptom checker",
        ("Symptom checker: depression, chronic pain, or both", "Insomnia or hypersomnia"),
    ),
    AppPage(
        "assessment",
        "Assessment",
        (
            "PHQ-9: Patient Health Questionnaire",
            "Over the last 2 weeks",
            "BPI short form: Brief Pain Inventory",
            "Pain interference",
            "PEG: pain, enjoyment of life, general activity",
        ),
    ),
    AppPage(
        "case_explorer",
        "Case explorer",
        ("Case explorer: Maria", "Her treatments in the model."),
        1,
    ),
    AppPage(
        "treatment_planner",
        "Treatment planner",
        ("Treatment planner: the 7-step roadmap", "Assessment: measure PHQ-9 and pain"),
        charts=1,
    ),
)
APP_BY_NAME = {app.name: app for app in APPS}


class KernelWatch:
    """Kernel errors reported over a page's websockets: error replies and tracebacks.

    Attach before the page opens. ``errors`` lists, in order, each kernel message of
    type ``error`` (its exception name and value) and each stderr stream that holds a
    traceback; ``closed`` lists the kernel websockets that closed while the page was open.
    """

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.closed: list[str] = []
        page.on("websocket", self._watch)

    def _watch(self, socket: WebSocket) -> None:
        if "/api/kernels/" not in socket.url:
            return
        socket.on("framereceived", self._read)
        socket.on("close", lambda closed: self.closed.append(closed.url))

    def _read(self, frame: str | bytes) -> None:
        text = frame if isinstance(frame, str) else frame.decode("utf-8", "replace")
        if re.search(r'"msg_type":\s*"error"', text) or (
            re.search(r'"name":\s*"stderr"', text) and "Traceback" in text
        ):
            self.errors.append(_content(text) or text[-500:])


def _content(text: str) -> str:
    """The content of a kernel message frame (the last JSON object in it), shortened."""
    start = text.rfind('{"')
    try:
        content = json.loads(text[start:])
    except ValueError:
        return ""
    if "ename" in content:
        return f"{content['ename']}: {content.get('evalue', '')}"
    return str(content.get("text", ""))[-500:]


def open_app(page: Page, base_url: str, app: AppPage) -> KernelWatch:
    """Open ``app`` and wait until its widgets (and charts) are drawn; watch its kernel."""
    watch = KernelWatch(page)
    page.goto(base_url + app.path)
    for marker in app.markers:
        page.get_by_text(marker).first.wait_for(timeout=RENDER_TIMEOUT_MS)
    if app.charts:
        expect(page.locator(CHART)).to_have_count(app.charts, timeout=RENDER_TIMEOUT_MS)
    return watch


def page_problems(page: Page, watch: KernelWatch | None = None) -> list[str]:
    """What is wrong on the page now: error outputs, trouble words, kernel errors."""
    problems = [
        f"error output: {text[:300]}" for text in page.locator(ERROR_OUTPUT).all_inner_texts()
    ]
    body = page.locator("body").inner_text()
    problems += [f"the page says {word!r}" for word in TROUBLE_WORDS if word in body]
    if watch is not None:
        problems += [f"kernel error: {error}" for error in watch.errors]
        problems += [f"kernel connection closed: {url}" for url in watch.closed]
    return problems


def slider_handle(page: Page, label: str) -> Locator:
    """The keyboard handle of the slider whose visible label is ``label``."""
    return (
        page.locator(".widget-slider")
        .filter(has=page.locator(".widget-label", has_text=re.compile(f"^{re.escape(label)}$")))
        .locator(".noUi-handle")
    )


def radio_item(page: Page, label: str) -> Locator:
    """The radio group of the questionnaire item whose visible label is ``label``."""
    return page.locator(".widget-radio").filter(
        has=page.locator(".widget-label", has_text=re.compile(f"^{re.escape(label)}$"))
    )


def statuses(page: Page) -> str:
    """Every live status sentence on the page, in order, as one text."""
    return "\n".join(page.locator(STATUS).all_inner_texts())
