"""A kernel whose page a learner closed is shut down within about a minute (Voila's
culling of idle kernels with no connection, ``voila.json``) and its pool refills; a page
left open keeps its kernel, however long the learner thinks."""

import json

import psutil

from tests.browser.conftest import OfflinePage
from tests.conftest import APPS_DIR, kernel_of, kernels_of, voila_process

RENDER_TIMEOUT_MS = 90_000
CULL_WAIT_S = 150  # cull_idle_timeout 60 s + cull_interval 15 s, with room for a slow CI


def _open(browser, url: str) -> OfflinePage:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = OfflinePage(context.new_page())
    page.page.goto(f"{url}/voila/render/symptom_checker.ipynb")
    page.page.get_by_text("Insomnia or hypersomnia").first.wait_for(timeout=RENDER_TIMEOUT_MS)
    return page


def _kernel_id(page: OfflinePage) -> str:
    return json.loads(page.page.locator("#jupyter-config-data").text_content())["kernelId"]


def test_a_closed_page_frees_its_kernel_and_an_open_one_keeps_it(browser):
    with voila_process(APPS_DIR) as (url, server):
        left = _open(browser, url)
        stays = _open(browser, url)
        left_kernel = kernel_of(server, _kernel_id(left))
        staying_kernel = kernel_of(server, _kernel_id(stays))
        assert left_kernel != staying_kernel, "each open page has its own kernel"
        left.page.context.close()
        _gone, alive = psutil.wait_procs([left_kernel], timeout=CULL_WAIT_S)
        assert alive == [], "the closed page's kernel is still running"
        assert staying_kernel.is_running()
        assert stays.page.get_by_text("Insomnia or hypersomnia").first.is_visible()
        assert left.external == stays.external == []
        # the pool has refilled: a kernel waits for the next learner, beside the open page's
        others = set(kernels_of(server)) - {staying_kernel}
        assert len(others) >= len(list(APPS_DIR.glob("*.ipynb")))
        stays.page.context.close()
