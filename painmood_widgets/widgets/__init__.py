"""ipywidgets views over the scales, the model and the charts.

Each widget is an ipywidgets container whose state can be set and read from Python, so
tests drive it without a browser. Educational, not diagnostic.
"""

from painmood_widgets.widgets.case_explorer import CaseExplorer
from painmood_widgets.widgets.dose import DoseResponseExplorer
from painmood_widgets.widgets.forms import BpiForm, PegForm, Phq9Form
from painmood_widgets.widgets.planner import TreatmentPlanner
from painmood_widgets.widgets.simulator import SimulatorApp
from painmood_widgets.widgets.symptom_checker import SymptomChecker

__all__ = [
    "BpiForm",
    "CaseExplorer",
    "DoseResponseExplorer",
    "PegForm",
    "Phq9Form",
    "SimulatorApp",
    "SymptomChecker",
    "TreatmentPlanner",
]
