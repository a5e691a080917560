"""Every painmood widget renders in the published app that shows it, in real Chromium
served by Voila, with the network cut: its heading and its own educational notice."""

import pytest
from playwright.sync_api import expect

from tests.browser.widget_pages import APP_BY_NAME, open_app, page_problems

# the heading each widget draws, by the app that publishes it
WIDGET_HEADINGS = {
    "simulator": ("Simulator: chronic pain and depression week by week",),
    "symptom_checker": ("Symptom checker: depression, chronic pain, or both?",),
    "assessment": (
        "PHQ-9: Patient Health Questionnaire (depression)",
        "BPI short form: Brief Pain Inventory (pain severity and interference)",
        "PEG: pain, enjoyment of life, general activity",
    ),
    "case_explorer": ("Case study: Maria",),
    "treatment_planner": ("Treatment planner: the 7-step roadmap",),
}


@pytest.mark.parametrize("name", WIDGET_HEADINGS)
def test_each_widget_renders_in_its_app_offline(apps_url, offline_page, name):
    page = offline_page.page
    watch = open_app(page, apps_url, APP_BY_NAME[name])
    headings = WIDGET_HEADINGS[name]
    for heading in headings:
        expect(page.get_by_role("heading", level=3, name=heading)).to_be_visible()
    # one educational notice per widget, drawn by the widget itself
    expect(page.locator(".painmood-notice")).to_have_count(len(headings))
    assert page.get_by_text("Educational, not diagnostic").count() >= 1
    assert page_problems(page, watch) == []
    assert offline_page.external == []
