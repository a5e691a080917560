"""The published apps, opened from the index as a learner opens them, in real Chromium
with the network cut: each widget renders, nothing leaves the machine."""

import pytest

RENDER_TIMEOUT_MS = 90_000

# text only the rendered widget shows (not the page's own title or guidance)
APP_MARKERS = {
    "Simulator": "Lifestyle and biology",
    "Symptom checker": "Insomnia or hypersomnia",
    "Assessment": "Over the last 2 weeks",
    "Case explorer": "Her treatments in the model.",
    "Treatment planner": "Assessment: measure PHQ-9 and pain",
}


@pytest.mark.parametrize("link", APP_MARKERS, ids=lambda link: link.lower().replace(" ", "_"))
def test_each_app_opens_from_the_index_and_renders_offline(apps_url, offline_page, link):
    page = offline_page.page
    page.goto(f"{apps_url}/voila/render/index.ipynb")
    page.get_by_role("link", name=link, exact=True).click()
    page.get_by_text(APP_MARKERS[link]).first.wait_for(timeout=RENDER_TIMEOUT_MS)
    assert page.get_by_text("Educational, not diagnostic").count() >= 1
    assert page.locator(".jp-OutputArea-output [data-mime-type*='error']").count() == 0
    assert page.get_by_text("from painmood_widgets").count() == 0  # no code on the page
    assert offline_page.external == []
