"""painmood's charts render in real Chromium with the network cut, in Voila and JupyterLab.

One notebook displays every chart from ``painmood_widgets.charts``, a plain ``alt.Chart``
built in the notebook, the overlap table and two live chart widgets that buttons update in
place: one given a new chart, one given new data only (``replace_data``). Each chart
must be drawn by vega-embed as an SVG carrying the chart's description as its ARIA label,
with no request leaving the machine.
"""

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest

from painmood_widgets import charts
from painmood_widgets.paths import DATASETS_DIR
from tests.conftest import ROOT, free_port, stop_server, voila_server

SETUP = f"""\
import altair as alt
import ipywidgets as widgets
import numpy as np
import pandas as pd
from painmood_widgets import charts
from painmood_widgets.rendering import chart_widget, enable_offline_rendering, replace_data

enable_offline_rendering()
weeks = np.arange(13)


def course(pain_end, phq9_end):
    share = weeks / 12
    return pd.DataFrame({{
        "week": weeks,
        "pain": 7 + (pain_end - 7) * share,
        "phq9": 15 + (phq9_end - 15) * share,
    }})


treated, untreated = course(4.0, 8.0), course(6.5, 14.0)
summary = pd.DataFrame({{"week": weeks}})
for measure, top in (("pain", 10), ("phq9", 27)):
    summary[f"{{measure}}_p10"] = (treated[measure] - 2).clip(0, top)
    summary[f"{{measure}}_p50"] = treated[measure]
    summary[f"{{measure}}_p90"] = (treated[measure] + 3).clip(0, top)
rng = np.random.default_rng(0)
cohort = pd.DataFrame({{"patient": np.arange(150), "week": 12}})
cohort["pain"] = rng.normal(5, 1.5, 150).clip(0, 10)
cohort["phq9"] = rng.normal(11, 4, 150).clip(0, 27)
levers = pd.DataFrame({{
    "lever": ["sleep_hours", "activity_minutes", "crp_mg_l"],
    "low": [4.0, 0.0, 0.5],
    "high": [9.0, 300.0, 10.0],
    "outcome_low": [15.1, 13.9, 11.4],
    "outcome_high": [10.2, 10.9, 13.7],
}})
overlap = pd.read_csv({str(DATASETS_DIR / "overlap.csv")!r})
dose = pd.DataFrame({{
    "lever": "sleep_hours",
    "value": [3.0, 5.0, 7.0, 9.0],
    "week": 12,
    "pain": [5.8, 5.1, 4.4, 4.4],
    "phq9": [10.3, 9.3, 8.4, 8.4],
    "reference": 7.0,
}})
"""

DISPLAYS = [
    "charts.trajectory_chart(treated, summary)",
    "charts.comparison_chart(untreated, treated)",
    "charts.tornado_chart(levers, 12.0, outcome='PHQ-9 at week 12')",
    "charts.cohort_distribution_chart(cohort, 12)",
    "charts.feedback_loop_chart()",
    "charts.dose_response_chart(dose, current=5.0)",
    # a plain Altair chart, as a learner would write one in a notebook
    "alt.Chart(treated).mark_line().encode(x='week', y='pain')"
    ".properties(title='Plain chart', description='A plain Altair chart of pain by week.')",
    "widgets.HTML(charts.overlap_table_html(overlap))",
    """\
live = chart_widget(charts.comparison_chart(untreated, treated))
live.add_class("painmood-live")
button = widgets.Button(description="Compare lifestyle only")


def show_lifestyle_only(_):
    live.chart = charts.comparison_chart(
        untreated, course(5.0, 11.0), labels=("baseline", "lifestyle only")
    )


button.on_click(show_lifestyle_only)
widgets.VBox([button, live])""",
    """\
swapped = chart_widget(charts.trajectory_chart(treated, summary))
swapped.add_class("painmood-swapped")
swap_button = widgets.Button(description="Show a worse course")


def show_a_worse_course(_):
    data = charts.trajectory_data(course(6.5, 21.0), summary)
    replace_data(swapped, data.datasets, data.description)


swap_button.on_click(show_a_worse_course)
widgets.VBox([swap_button, swapped])""",
]

# How each chart's ARIA label (its description) begins, in page order.
LABELS = [
    "Typical patient, weeks 0 to 12",
    "Two scenarios from week 0 to week 12",
    "Tornado chart of PHQ-9 at week 12",
    "PHQ-9 at week 12 across 150 simulated patients",
    "Feedback loop of Pain",
    "Sleep from 3 to 9 hours per night, typical patient at week 12",
    "A plain Altair chart of pain by week.",
    "Two scenarios from week 0 to week 12",
    "Typical patient, weeks 0 to 12",
]
DRAWN_CHARTS = ".vega-embed .chart-wrapper[role='graphics-document']:has(svg.marks)"


def write_notebook(folder: Path) -> str:
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in [SETUP, *DISPLAYS]],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(notebook, folder / "charts.ipynb")
    return "charts.ipynb"


def wait_for_every_chart(page, timeout_ms: int) -> list[str]:
    page.wait_for_function(
        f"document.querySelectorAll({json.dumps(DRAWN_CHARTS)}).length >= {len(LABELS)}",
        timeout=timeout_ms,
    )
    return page.locator(DRAWN_CHARTS).evaluate_all(
        "wrappers => wrappers.map(w => w.getAttribute('aria-label'))"
    )


def assert_every_chart_is_labelled(labels: list[str]) -> None:
    assert len(labels) == len(LABELS)
    for label, start in zip(labels, LABELS, strict=True):
        assert label.startswith(start), (label, start)


def test_charts_render_in_voila_without_the_network(tmp_path, offline_page):
    name = write_notebook(tmp_path)
    page = offline_page.page
    with voila_server(tmp_path) as url:
        page.goto(f"{url}/voila/render/{name}")
        assert_every_chart_is_labelled(wait_for_every_chart(page, timeout_ms=60_000))

        table = page.locator("table.painmood-overlap")
        assert table.locator("caption").inner_text() == "Chronic pain and depression side by side"
        assert table.locator("tbody tr").count() == 14

        # the live widget redraws in place: same element, new specification
        live = page.locator(".painmood-live")
        element = live.element_handle()
        page.get_by_role("button", name="Compare lifestyle only").click()
        page.locator(".painmood-live .chart-wrapper[aria-label*='lifestyle only']").wait_for(
            timeout=20_000
        )
        assert element.evaluate("node => node.isConnected")
        assert live.count() == 1
        assert page.locator(DRAWN_CHARTS).count() == len(LABELS)

        # new data only: the same element redraws the new numbers and description
        swapped = page.locator(".painmood-swapped")
        element = swapped.element_handle()
        marks = swapped.locator("svg.marks").inner_html()
        page.get_by_role("button", name="Show a worse course").click()
        page.locator(".painmood-swapped .chart-wrapper[aria-label*='to 21 (severe)']").wait_for(
            timeout=20_000
        )
        assert element.evaluate("node => node.isConnected")
        assert swapped.locator("svg.marks").inner_html() != marks
        assert page.locator(DRAWN_CHARTS).count() == len(LABELS)
    assert offline_page.external == []


@contextmanager
def jupyterlab_server(folder: Path, timeout_s: float = 60) -> Iterator[str]:
    """JupyterLab serving ``folder`` on a free loopback port, with its own config and state.

    Configured as ``make lab`` configures it (``jupyter_lab_offline.json``: no news,
    update checks or PyPI extension manager, so JupyterLab has no reason to reach the
    internet), and the app object is exposed to the page so the test can run every cell.
    Stopped by its PID afterwards.
    """
    state = folder / ".jupyter-state"
    (state / "config").mkdir(parents=True)
    lab_config = json.loads((ROOT / "jupyter_lab_offline.json").read_text())
    lab_config["LabApp"]["expose_app_in_browser"] = True
    (state / "config" / "jupyter_server_config.json").write_text(json.dumps(lab_config))
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(state / "config"),
        "JUPYTERLAB_SETTINGS_DIR": str(state / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(state / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(state / "runtime"),
    }
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.token=",
        "--ServerApp.password=",
        f"--notebook-dir={folder}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers often run tests as root
    log_path = state / "jupyterlab.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/api/status", timeout=2):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(f"JupyterLab did not start:\n{log_path.read_text()[-2000:]}")
                    time.sleep(0.25)
            yield url
        finally:
            stop_server(server)


def test_charts_render_in_jupyterlab_without_the_network(tmp_path, offline_page):
    name = write_notebook(tmp_path)
    page = offline_page.page
    with jupyterlab_server(tmp_path) as url:
        page.goto(f"{url}/lab/tree/{name}")
        page.wait_for_function(
            "window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel"
            "?.status === 'idle'",
            timeout=60_000,
        )
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        assert_every_chart_is_labelled(wait_for_every_chart(page, timeout_ms=60_000))
        assert page.locator(".jp-OutputArea table.painmood-overlap").count() == 1
    assert offline_page.external == []


def test_the_notebook_shows_every_chart_function():
    shown = {name for name in charts.__all__ if name.endswith(("_chart", "_html"))}
    used = {name for name in shown if any(f"charts.{name}(" in cell for cell in DISPLAYS)}
    assert used == shown - {"save_chart"}
