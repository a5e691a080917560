"""The core imports neither ipywidgets nor Altair: a state can be driven, and a score or a
course computed, in a process that never loads a widget or a chart."""

import subprocess
import sys

import pytest

CORE = (
    "scales",
    "model",
    "evidence",
    "dynamics",
    "cohort",
    "describe",
    "describe.charts",
    "state",
    "case",
)


@pytest.mark.parametrize("module", CORE)
def test_the_core_imports_no_widget_and_no_chart_library(module):
    code = (
        f"import sys, painmood_widgets.{module}; "
        "print(sorted(name for name in ('ipywidgets', 'altair', 'anywidget', 'vl_convert') "
        "if name in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"


def test_charts_and_widgets_switch_offline_rendering_on():
    code = (
        "import altair as alt, painmood_widgets.charts; "
        "print(alt.renderers.active, alt.JupyterChart._is_offline)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert shown == "jupyter True"
