"""Every published app renders its widgets in real Chromium served by Voila, with the
network cut, under one title and one educational notice: the page's own. The widgets'
headings nest under that title without skipping a level, so a screen reader's outline
of the page has no gap."""

import itertools

import pytest
from playwright.sync_api import expect

from tests.browser.widget_pages import APP_BY_NAME, APPS, open_app, page_problems

# the assessment page holds three forms; each titles itself, under the page's title
FORM_HEADINGS = (
    "PHQ-9: Patient Health Questionnaire (depression)",
    "BPI short form: Brief Pain Inventory (pain severity and interference)",
    "PEG: pain, enjoyment of life, general activity",
)

# the levels of the headings shown on the page, in order
_HEADING_LEVELS = """() => [...document.querySelectorAll(
    '#rendered_cells :is(h1, h2, h3, h4, h5, h6)')]
  .filter(heading => heading.getClientRects().length > 0)
  .map(heading => Number(heading.tagName[1]))"""


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_each_app_renders_under_one_title_and_one_notice_offline(apps_url, offline_page, app):
    page = offline_page.page
    watch = open_app(page, apps_url, app)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_text("Educational, not diagnostic")).to_have_count(1)
    expect(page.locator(".painmood-notice")).to_have_count(0)
    levels = page.evaluate(_HEADING_LEVELS)
    assert levels[0] == 1, levels
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels)), levels
    assert page_problems(page, watch) == []
    assert offline_page.external == []


def test_the_assessment_titles_each_of_its_forms(apps_url, offline_page):
    page = offline_page.page
    open_app(page, apps_url, APP_BY_NAME["assessment"])
    for heading in FORM_HEADINGS:
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
