"""The apps `make serve` publishes: each renders as a page without code, says it is
educational, and the assessment page carries crisis resources before any answer."""

import re
import subprocess
import urllib.request

import nbformat
import pytest

from painmood_widgets.describe.safety import CRISIS_RESOURCES
from tests.conftest import APPS_DIR, ROOT

APPS = ("index", "simulator", "symptom_checker", "assessment", "case_explorer", "treatment_planner")


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=180) as response:
        assert response.status == 200
        return response.read().decode()


def test_the_apps_folder_holds_exactly_the_published_apps():
    assert sorted(path.stem for path in APPS_DIR.glob("*.ipynb")) == sorted(APPS)


@pytest.mark.parametrize("name", APPS)
def test_each_app_page_has_a_title_the_notice_and_links_home(name):
    notebook = nbformat.read(APPS_DIR / f"{name}.ipynb", as_version=4)
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "Educational, not diagnostic" in first.source
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    if name != "index":
        assert "**References**" in notebook.cells[-1].source
        assert "[All apps](index.ipynb)" in text
    imports, *shown = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    # no logic in an app: imports, the wait for a learner, then each widget shown
    voila, blank, *widgets, blank_too, wait = imports.splitlines()
    assert voila == "from voila.utils import wait_for_request"
    assert widgets and all(line.startswith("from painmood_widgets.widgets") for line in widgets)
    assert blank == blank_too == "" and wait.startswith("wait_for_request()")
    # each widget shown bare: the page gives its title and the notice, once
    assert shown and all(
        source == "crisis_resources()" or re.fullmatch(r"[A-Z]\w+\(embedded=True\)", source)
        for source in shown
    ), shown


def test_the_index_links_every_app_once_and_leaves_the_crisis_text_to_its_home():
    notebook = nbformat.read(APPS_DIR / "index.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for name in APPS[1:]:
        assert text.count(f"({name}.ipynb)") == 1, name
    assert "988" not in text  # shown by crisis_resources(), from describe.safety


@pytest.mark.parametrize("name", APPS)
def test_each_app_renders_without_code_or_error(apps_url, name):
    page = _get(f"{apps_url}/voila/render/{name}.ipynb")
    assert "Educational, not diagnostic" in page
    assert "There was an error when executing cell" not in page
    assert "from painmood_widgets" not in page  # sources stripped: no code visible
    if name != "index":
        assert "application/vnd.jupyter.widget-view+json" in page


@pytest.mark.parametrize("name", ["index", "assessment"])
def test_the_index_and_assessment_show_crisis_resources_before_any_answer(apps_url, name):
    page = _get(f"{apps_url}/voila/render/{name}.ipynb")
    assert "988" in page and "Crisis resources" in page
    assert CRISIS_RESOURCES.split(":")[0] in page


def test_make_serve_prints_the_url_and_warns_when_serving_a_room():
    def dry_run(*variables: str) -> str:
        return subprocess.run(
            ["make", "-n", "serve", *variables],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    alone = dry_run()
    assert "voila notebooks/apps --Voila.ip=127.0.0.1 --Voila.port=8866" in alone
    assert "http://127.0.0.1:8866/voila/render/index.ipynb" in alone
    room = dry_run("HOST=0.0.0.0")
    assert "--Voila.ip=0.0.0.0" in room and "WARNING" in room
