"""`make serve` serves the toolkit with Voila on the loopback interface only."""

import json
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.status, response.read().decode()


def test_voila_config_listens_on_loopback_without_tracebacks():
    config = json.loads((ROOT / "voila.json").read_text())
    assert config["Voila"]["ip"] == "127.0.0.1"
    assert config["Voila"]["port"] == 8866
    assert config["VoilaConfiguration"]["show_tracebacks"] is False


def test_served_index_is_the_voila_home(voila_url):
    status, page = _get(voila_url)
    assert status == 200
    assert "<title>" in page and "Voil" in page


def test_start_notebook_runs_and_renders_as_an_app(voila_url):
    status, page = _get(f"{voila_url}/voila/render/00_start_here.ipynb")
    assert status == 200
    assert "Educational, not diagnostic" in page
    # the code cell ran in the app's kernel: its PHQ-9 result is in the page
    assert "Phq9Result(total=12, severity=" in page
    assert "There was an error when executing cell" not in page
