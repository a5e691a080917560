"""Playwright driving Debian's Chromium (never a downloaded browser), with the network cut:
every request to a host other than the loopback interface is recorded and aborted."""

import shutil
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
NAVIGATION_TIMEOUT_MS = 90_000
"""Room for a page whose kernel starts cold while other kernels start beside it."""
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # Module scope: Playwright's sync API keeps an asyncio loop marked running on this
    # thread while it is open, which would make the widgets' debouncers defer their
    # updates in the Python-only tests collected after the browser tests.
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class OfflinePage:
    """A browser page whose non-loopback requests are aborted and listed in ``external``."""

    def __init__(self, page: Page) -> None:
        self.page = page
        # Voila streams a page while its kernel runs the notebook, so "load" waits for the
        # kernel: on a loaded 2-core machine a cold one takes longer than Playwright's 30 s
        page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        self.external: list[str] = []
        page.route("**/*", self._only_loopback)

    def _only_loopback(self, route: Route) -> None:
        url = route.request.url
        if urlparse(url).scheme in {"http", "https", "ws", "wss"} and (
            urlparse(url).hostname not in LOOPBACK
        ):
            self.external.append(url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[OfflinePage]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield OfflinePage(context.new_page())
    finally:
        context.close()
