"""Every widget renders and responds in real Chromium, served by Voila, with the network cut."""

import pytest

from tests.browser.widget_pages import WIDGET_PAGES, write_pages
from tests.conftest import voila_server

RENDER_TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def pages_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("widget_pages")
    write_pages(folder)
    with voila_server(folder) as url:
        yield url


@pytest.mark.parametrize("widget_page", WIDGET_PAGES, ids=lambda page: page.name)
def test_widget_renders_offline(pages_url, offline_page, widget_page):
    page = offline_page.page
    page.goto(f"{pages_url}/voila/render/{widget_page.name}.ipynb")
    page.get_by_text(widget_page.marker).first.wait_for(timeout=RENDER_TIMEOUT_MS)
    assert page.get_by_text("Educational, not diagnostic").count() >= 1
    assert page.locator(".jp-OutputArea-output [data-mime-type*='error']").count() == 0
    assert offline_page.external == []


def test_phq9_item9_clicked_in_the_browser_shows_the_crisis_panel(pages_url, offline_page):
    page = offline_page.page
    page.goto(f"{pages_url}/voila/render/phq9_form.ipynb")
    safety = page.get_by_role("alert").filter(has_text="988")
    page.get_by_text("Over the last 2 weeks").first.wait_for(timeout=RENDER_TIMEOUT_MS)
    assert not safety.is_visible()
    item9 = page.locator(".widget-radio-box").nth(8)
    item9.get_by_text("Several days").click()
    safety.wait_for(state="visible", timeout=10_000)
    assert offline_page.external == []
