"""The treatment planner's state: the steps of a plan in, the plan and its course out.

:class:`PlanState` holds the steps of the 7-step roadmap a learner ticks and the weeks
between re-evaluation visits, and drives a
:class:`~painmood_widgets.state.simulator.SimulatorState` (``plan.simulator``) whose
treatments are the plan's: the two stay in step both ways. Its outputs say the plan and
its visits in words and add the simulated outcome. No widgets. Educational, not
diagnostic.

Examples
--------
>>> state = PlanState()
>>> state.steps = {"assessment", "therapy"}
>>> sorted(state.simulator.treatments), state.plan
(['cbt'], ('assessment', 'therapy'))
>>> state.visit_interval_weeks = 6
>>> state.plan_text
'Plan: assessment and therapy (CBT). Re-evaluation every 6 weeks: weeks 6, 12, 18 and 24.'
"""

from __future__ import annotations

import traitlets

from painmood_widgets import model, plan
from painmood_widgets.describe import plan as plan_words
from painmood_widgets.state.base import AppState, CheckedInput
from painmood_widgets.state.simulator import SimulatorState

__all__ = ["PlanState"]


def _steps_for(treatments: frozenset[str], assessment: bool) -> frozenset[str]:
    """The steps that switch on exactly these treatments, with or without the assessment."""
    return frozenset(
        step.name
        for step in plan.roadmap()
        if (step.treatment is None and assessment) or step.treatment in treatments
    )


class PlanState(AppState):
    """A plan on the roadmap, simulated.

    Parameters
    ----------
    scenario : painmood_widgets.model.Scenario, optional
        The patient: levers, starting scores and weeks; its treatments tick the matching
        steps, and the assessment is ticked. Default ``model.Scenario()``.
    delay_s : float, default 0
        Gathering window between refreshes in a live kernel.

    Attributes
    ----------
    steps : frozenset of str
        Input: the steps chosen (names from :func:`painmood_widgets.plan.roadmap`).
    visit_interval_weeks : int
        Input: weeks between re-evaluation visits.
    simulator : SimulatorState
        The simulation the plan drives.
    plan : tuple of str
        Output: the chosen steps in roadmap order.
    plan_text, baseline_text, summary : str
        Outputs: the plan and its visits, the assessment's baseline line, and the plan
        followed by the simulator's summary.
    visits_text : str
        Output: the visits in words, as the interval control says its value.
    """

    steps = CheckedInput(frozenset()).tag(input=True)
    visit_interval_weeks = CheckedInput(plan.monitoring_interval_weeks()[0]).tag(input=True)

    plan = traitlets.Tuple(read_only=True)
    plan_text = traitlets.Unicode(read_only=True)
    visits_text = traitlets.Unicode(read_only=True)
    baseline_text = traitlets.Unicode(read_only=True)
    summary = traitlets.Unicode(read_only=True)

    def __init__(self, scenario: model.Scenario | None = None, *, delay_s: float = 0.0) -> None:
        self.simulator = SimulatorState(scenario, delay_s=delay_s)
        super().__init__(
            delay_s=delay_s,
            steps=_steps_for(self.simulator.treatments, assessment=True),
            visit_interval_weeks=self.simulator.visit_interval_weeks,
        )
        traitlets.link((self, "visit_interval_weeks"), (self.simulator, "visit_interval_weeks"))
        self.observe(self._apply_steps, names="steps")
        self.simulator.observe(self._follow_treatments, names="treatments")
        self.simulator.observe(self._debounced, names="refreshes")

    @traitlets.validate("steps")
    def _check_steps(self, proposal: traitlets.Bunch) -> frozenset[str]:
        return frozenset(plan.checked_steps(proposal["value"]))

    @traitlets.validate("visit_interval_weeks")
    def _check_interval(self, proposal: traitlets.Bunch) -> int:
        return SimulatorState.check_interval(proposal["value"])

    def _apply_steps(self, change: traitlets.Bunch) -> None:
        self.simulator.treatments = plan.plan_treatments(change["new"])

    def _follow_treatments(self, change: traitlets.Bunch) -> None:
        self.steps = _steps_for(change["new"], assessment="assessment" in self.steps)

    def compute(self) -> dict[str, object]:
        """Every output, from the steps, the visits and the simulation as they are now."""
        scenario = self.simulator.scenario
        text = plan_words.describe_plan(self.steps, self.visit_interval_weeks, scenario.weeks)
        return {
            "plan": plan.checked_steps(self.steps),
            "plan_text": text,
            "visits_text": plan_words.describe_visits(self.visit_interval_weeks, scenario.weeks),
            "baseline_text": plan_words.describe_baseline(scenario),
            "summary": f"{text} {self.simulator.summary}",
        }
