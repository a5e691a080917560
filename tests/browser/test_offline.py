"""The served toolkit renders in real Chromium with the network cut (no CDN, no internet)."""


def test_home_page_lists_the_course_without_leaving_the_machine(voila_url, offline_page):
    page = offline_page.page
    page.goto(voila_url, wait_until="networkidle")
    page.get_by_text("00_start_here.ipynb").wait_for(timeout=30_000)
    assert offline_page.external == []


def test_start_notebook_runs_in_the_app_without_leaving_the_machine(voila_url, offline_page):
    page = offline_page.page
    page.goto(f"{voila_url}/voila/render/00_start_here.ipynb", wait_until="networkidle")
    # the scored example (a code cell's output) and the PHQ-9 form (a widget) both render
    page.get_by_text("Phq9Result(total=12").wait_for(timeout=60_000)
    page.get_by_text("Item 9 (0-3 points)").wait_for(timeout=60_000)
    assert page.get_by_text("Educational, not diagnostic").count() >= 1
    assert offline_page.external == []
