"""When a page cannot be shown, the learner reads what happened in plain words, finds the
way back to the apps, and sees nothing of the error itself.

Voila renders the painmood template's ``error.html`` for an HTTP error: 404 for a
notebook that does not exist, 400 or 500 for one it cannot load. A notebook whose cell
raises is served as a page (200) with its error output stripped (``show_tracebacks``
false in ``voila.json``). Each case is served from a folder of notebooks written here,
with the index app beside them so the page's link home leads somewhere; the error pages
are also opened in Chromium, which must not be asked to fetch anything off the machine.
"""

import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator

import nbformat
import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, OfflinePage
from tests.conftest import APPS_DIR, voila_server

SECRET = "".join(("pin", "ea", "pple-", "4242"))
"""In the exceptions below; joined at run time, so no notebook's source holds it."""
PYTHON = {"name": "python3", "display_name": "Python 3", "language": "python"}
HOME = "voila/render/index.ipynb"
CAVEAT = "Educational, not diagnostic."
# what an exception shows: its traceback, its type, its message
ERROR_WORDS = ("Traceback", "ValueError", "NotJSONError", "No Jupyter kernel", SECRET)


def _notebook(code: str, kernelspec: dict) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# A broken app"),
        nbformat.v4.new_code_cell(code),
    ]
    notebook.metadata.kernelspec = kernelspec
    return notebook


@pytest.fixture(scope="module")
def broken_apps(tmp_path_factory) -> Iterator[str]:
    """Base URL of Voila serving the index app beside notebooks that fail."""
    folder = tmp_path_factory.mktemp("broken_apps")
    shutil.copy(APPS_DIR / "index.ipynb", folder)
    secret = f"''.join({list(SECRET)!r})"
    nbformat.write(
        _notebook(f"print('ran', 6 * 7)\nraise ValueError({secret})", PYTHON),
        folder / "raises.ipynb",
    )
    # no kernel for its language: Voila answers 500
    unknown = {"name": "no-such-kernel", "display_name": "?", "language": SECRET}
    nbformat.write(_notebook("print(1)", unknown), folder / "no_kernel.ipynb")
    # not JSON: Voila answers 400
    (folder / "unreadable.ipynb").write_text("{ " + SECRET)
    with voila_server(folder) as url:
        yield url


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _shown_error_words(page: str) -> list[str]:
    return [word for word in ERROR_WORDS if word in page]


def test_a_missing_page_says_so_in_plain_words_and_links_to_the_apps(broken_apps):
    status, page = _get(f"{broken_apps}/voila/render/no_such_app.ipynb")
    assert status == 404
    assert "<h1>Page not found</h1>" in page
    assert f'<a href="/{HOME}">Back to all apps</a>' in page
    assert CAVEAT in page
    # nor the server's own message (it names the missing file)
    assert _shown_error_words(page) == []
    assert "does not exist" not in page
    assert "no_such_app" not in page


@pytest.mark.parametrize(("notebook", "status"), [("no_kernel", 500), ("unreadable", 400)])
def test_a_notebook_voila_cannot_load_shows_something_went_wrong_and_no_error(
    broken_apps, notebook, status
):
    served, page = _get(f"{broken_apps}/voila/render/{notebook}.ipynb")
    assert served == status
    assert "<h1>Something went wrong</h1>" in page
    assert f'<a href="/{HOME}">Back to all apps</a>' in page
    assert CAVEAT in page
    assert _shown_error_words(page) == []


def test_a_notebook_that_raises_shows_no_traceback_or_exception_text(broken_apps):
    status, page = _get(f"{broken_apps}/voila/render/raises.ipynb")
    assert status == 200
    assert "ran 42" in page, "the notebook did not run up to its error"
    assert _shown_error_words(page) == []


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    # module scope, as tests/browser/conftest.py's browser: Playwright's sync API keeps an
    # asyncio loop marked running while open, which must not reach the Python-only tests
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("notebook", ["no_such_app", "no_kernel"])
def test_an_error_page_fetches_nothing_off_the_machine_and_its_link_leads_home(
    broken_apps, chromium, notebook
):
    context = chromium.new_context()
    try:
        offline = OfflinePage(context.new_page())
        page = offline.page
        page.goto(f"{broken_apps}/voila/render/{notebook}.ipynb")
        page.wait_for_load_state("networkidle")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert offline.external == []
        page.get_by_role("link", name="Back to all apps").click()
        page.get_by_text("Pick an app").first.wait_for(timeout=90_000)
        assert page.url == f"{broken_apps}/{HOME}"
        assert offline.external == []
    finally:
        context.close()
