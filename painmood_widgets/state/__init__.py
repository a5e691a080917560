"""Observable app state: what each app holds and what it derives, with no widgets in it.

Built on traitlets, the library ipywidgets itself stands on, so a notebook, a Voila app,
a test and anything published later drive the same state. Importing it imports neither
ipywidgets nor Altair. Bursts of input changes are coalesced by one mechanism,
:class:`painmood_widgets.state.batching.Debouncer`. Educational, not diagnostic.

One state per app: :class:`SimulatorState`, :class:`PlanState` (a plan driving a
simulator), :class:`CaseState`, :class:`SymptomState`, and :class:`Phq9State`,
:class:`BpiState` and :class:`PegState` for the forms. Inputs are validated traits with
the model's clinical names; outputs are read-only traits anything can ``observe``.

Examples
--------
>>> state = Phq9State()
>>> seen = []
>>> state.observe(lambda change: seen.append(change["new"]), names="safety_message")
>>> state.answers = (0, 0, 0, 0, 0, 0, 0, 0, 1)
>>> seen[-1].startswith("Thoughts of death or self-harm")
True
"""

from painmood_widgets.state.base import AppState
from painmood_widgets.state.case import CaseState
from painmood_widgets.state.forms import BpiState, PegState, Phq9State
from painmood_widgets.state.plan import PlanState
from painmood_widgets.state.simulator import SimulatorState
from painmood_widgets.state.symptoms import SymptomState

__all__ = [
    "AppState",
    "BpiState",
    "CaseState",
    "PegState",
    "Phq9State",
    "PlanState",
    "SimulatorState",
    "SymptomState",
]
