"""The core imports neither ipywidgets nor Altair: a state can be driven, and a score or a
course computed, in a process that never loads a widget or a chart."""

import json
import pkgutil
import subprocess
import sys

import pytest

import painmood_widgets

VIEW_SIDE = ("charts", "widgets", "quiz", "exercises", "theme", "rendering")
"""The only parts of the package allowed to load Altair or ipywidgets (the quiz package
shows its questions as ipywidgets cards; the exercise checks read a learner's charts)."""

CORE = tuple(
    module.name.removeprefix("painmood_widgets.")
    for module in pkgutil.walk_packages(painmood_widgets.__path__, "painmood_widgets.")
    if module.name.removeprefix("painmood_widgets.").split(".")[0] not in VIEW_SIDE
)


def test_the_core_is_found_and_holds_the_state_and_describers():
    assert {"scales", "model", "state.simulator", "state.forms", "describe.charts"} <= set(CORE)
    assert not any(name.startswith(("charts", "widgets")) for name in CORE)


# One fresh interpreter loads numpy and pandas once, then forks a child per module: each
# child starts clean of painmood and reports what importing that one module pulled in.
_PROBE = """
import json, os, sys
import numpy, pandas, traitlets
HEAVY = ('ipywidgets', 'altair', 'anywidget', 'vl_convert')
found = {}
for module in sys.argv[1:]:
    read, write = os.pipe()
    if os.fork() == 0:
        os.close(read)
        __import__('painmood_widgets.' + module)
        os.write(write, json.dumps([n for n in HEAVY if n in sys.modules]).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        found[module] = json.loads(pipe.read() or '["import failed"]')
    os.wait()
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def loaded_by_core() -> dict[str, list[str]]:
    shown = subprocess.run(
        [sys.executable, "-c", _PROBE, *CORE], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(shown)


@pytest.mark.parametrize("module", CORE)
def test_the_core_imports_no_widget_and_no_chart_library(module, loaded_by_core):
    assert loaded_by_core[module] == []


def test_the_probe_sees_a_module_that_loads_altair():
    shown = subprocess.run(
        [sys.executable, "-c", _PROBE, "theme"], capture_output=True, text=True, check=True
    ).stdout
    assert "altair" in json.loads(shown)["theme"]


def test_charts_and_widgets_switch_offline_rendering_on():
    code = (
        "import altair as alt, painmood_widgets.charts; "
        "print(alt.renderers.active, alt.JupyterChart._is_offline)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert shown == "jupyter True"


_DRIVE = """
import sys
from painmood_widgets.state import (
    BpiState, CaseState, PegState, Phq9State, PlanState, SimulatorState, SymptomState,
)
simulator = SimulatorState(cohort_size=50)
simulator.sleep_hours = 5
simulator.compare = True
plan = PlanState()
plan.steps = {"assessment", "therapy"}
case = CaseState(n=50)
case.treatments = {"cbt"}
symptoms = SymptomState()
symptoms.ticked = {"fatigue"}
phq9 = Phq9State()
phq9.answers = (1, 1, 1, 1, 1, 1, 1, 1, 1)
bpi, peg = BpiState(), PegState()
peg.answers = (5, 5, 5)
outputs = [simulator.chart_description, plan.summary, case.chart_description,
           symptoms.summary, phq9.safety_message, bpi.summary, peg.summary]
assert all(isinstance(text, str) and text for text in outputs), outputs
print(sorted(name for name in ('ipywidgets', 'altair', 'anywidget') if name in sys.modules))
"""


def test_every_state_is_driven_without_loading_a_widget_or_a_chart():
    shown = subprocess.run(
        [sys.executable, "-c", _DRIVE], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert shown == "[]"
