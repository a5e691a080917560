"""The simulator's state: a patient's levers, treatments and start in; their course out.

:class:`SimulatorState` holds what a learner sets (each input checked by the model, so a
bad value raises the model's own ``ValueError``) and derives, in one refresh, everything
an app shows: the typical patient's course, the band of a simulated cohort, the
usual-care course when compared, the evidence rows behind the result, the summary in
words, the chart's text alternative and each control's value in words. No widgets: a view
links its controls to the inputs and shows the outputs. Educational, not diagnostic.

Examples
--------
>>> state = SimulatorState()
>>> state.sleep_hours = 5
>>> state.summary.split(";")[0]
'At week 12: PHQ-9 9 (mild), 1 point lower than now'
>>> state.control_words["sleep_hours"]
'5 hours of sleep a night'
>>> state.sleep_hours = 2
Traceback (most recent call last):
...
ValueError: sleep_hours must be a number from 3 to 10 (hours per night); got 2
"""

from __future__ import annotations

import numbers

import pandas as pd
import traitlets

from painmood_widgets import describe, model, plan
from painmood_widgets.describe.charts import describe_trajectory
from painmood_widgets.scenario import check_field, check_treatments
from painmood_widgets.state.base import AppState, CheckedInput

__all__ = ["COHORT_SEED", "COHORT_SIZE", "USUAL_CARE_LABEL", "USUAL_CARE_NAME", "SimulatorState"]

COHORT_SIZE = 1000
"""Virtual patients behind the band: enough for a steady median and 10th and 90th
percentiles (untreated courses spread widely, as in trials), few enough that the model's
part of an update stays a few milliseconds."""

COHORT_SEED = 0
"""Seed of the cohort, so the same settings always show the same band."""

USUAL_CARE_NAME = "usual care"
"""Name of the comparison (:func:`painmood_widgets.model.usual_care`) in sentences."""

USUAL_CARE_LABEL = "usual care (reference lifestyle, no added treatment)"
"""The comparison as the chart's legend, tooltip and text alternative name it."""


def _field(name: str) -> CheckedInput:
    return CheckedInput(model.SCENARIO_FIELDS[name].default).tag(input=True)


class SimulatorState(AppState):
    """A scenario in, its simulated course and its description out.

    Parameters
    ----------
    scenario : painmood_widgets.model.Scenario, optional
        Where the inputs start; default ``model.Scenario()``.
    compare : bool, default False
        Whether the usual-care course is derived too.
    cohort_size : int, default COHORT_SIZE
        Virtual patients behind the band.
    delay_s : float, default 0
        Gathering window between refreshes in a live kernel.

    Attributes
    ----------
    sleep_hours, activity_minutes, crp_mg_l, opioid_days, baseline_pain, baseline_phq9, weeks
        Inputs, named as the :class:`~painmood_widgets.model.Scenario` fields.
    treatments : frozenset of str
        Input: treatments chosen, from :data:`painmood_widgets.model.TREATMENTS`.
    compare : bool
        Input: derive the usual-care course as well.
    visit_interval_weeks : int
        Input: weeks between re-evaluation visits, in
        :func:`painmood_widgets.plan.monitoring_interval_weeks`.
    shown_scenario, trajectory, cohort_summary, reference_trajectory, evidence_rows
        Outputs: the scenario the outputs show, the typical course
        (:func:`~painmood_widgets.model.trajectory`), the band
        (:func:`~painmood_widgets.model.summarize`), the usual-care course (None
        unless comparing) and the rows behind the result
        (:func:`~painmood_widgets.model.evidence_behind`).
    summary : str
        Output: the result in sentences (:func:`~painmood_widgets.describe.describe_simulation`).
    chart_description : str
        Output: the trajectory chart's text alternative, the summary first, then each
        course, band and visit with its figures
        (:func:`~painmood_widgets.describe.charts.describe_trajectory`); a view's chart
        carries exactly this text.
    control_words : dict of str to str
        Output: each numeric input's value in words, for screen readers.
    """

    sleep_hours = _field("sleep_hours")
    activity_minutes = _field("activity_minutes")
    crp_mg_l = _field("crp_mg_l")
    opioid_days = _field("opioid_days")
    baseline_pain = _field("baseline_pain")
    baseline_phq9 = _field("baseline_phq9")
    weeks = _field("weeks")
    treatments = CheckedInput(frozenset()).tag(input=True)
    compare = traitlets.Bool(False).tag(input=True)
    visit_interval_weeks = CheckedInput(plan.monitoring_interval_weeks()[0]).tag(input=True)

    shown_scenario = traitlets.Instance(model.Scenario, read_only=True)
    trajectory = traitlets.Instance(pd.DataFrame, read_only=True)
    cohort_summary = traitlets.Instance(pd.DataFrame, read_only=True)
    reference_trajectory = traitlets.Instance(pd.DataFrame, allow_none=True, read_only=True)
    evidence_rows = traitlets.Instance(pd.DataFrame, read_only=True)
    summary = traitlets.Unicode(read_only=True)
    chart_description = traitlets.Unicode(read_only=True)
    control_words = traitlets.Dict(read_only=True)

    def __init__(
        self,
        scenario: model.Scenario | None = None,
        *,
        compare: bool = False,
        cohort_size: int = COHORT_SIZE,
        delay_s: float = 0.0,
    ) -> None:
        start = model.Scenario() if scenario is None else scenario
        if not isinstance(start, model.Scenario):
            raise ValueError(f"scenario must be a model.Scenario; got {type(start).__name__}")
        if (
            isinstance(cohort_size, bool)
            or not isinstance(cohort_size, numbers.Integral)
            or cohort_size < 1
        ):
            raise ValueError(
                f"cohort_size must be a whole number of at least 1 (virtual patients); "
                f"got {cohort_size!r}"
            )
        self.cohort_size = int(cohort_size)
        fields = {name: getattr(start, name) for name in model.SCENARIO_FIELDS}
        super().__init__(
            delay_s=delay_s, **fields, treatments=start.treatments, compare=bool(compare)
        )

    @traitlets.validate(*model.SCENARIO_FIELDS)
    def _check_field(self, proposal: traitlets.Bunch) -> float | int:
        return check_field(proposal["trait"].name, proposal["value"])

    @traitlets.validate("treatments")
    def _check_treatments(self, proposal: traitlets.Bunch) -> frozenset[str]:
        return check_treatments(proposal["value"])

    @traitlets.validate("visit_interval_weeks")
    def _check_interval(self, proposal: traitlets.Bunch) -> int:
        return self.check_interval(proposal["value"])

    @staticmethod
    def check_interval(value: object) -> int:
        """Check weeks between re-evaluation visits (the guideline's range)."""
        shortest, longest = plan.monitoring_interval_weeks()
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Integral)
            or not shortest <= value <= longest
        ):
            raise ValueError(
                f"visit_interval_weeks must be a whole number from {shortest} to {longest} "
                f"(weeks between re-evaluation visits); got {value!r}"
            )
        return int(value)

    @property
    def scenario(self) -> model.Scenario:
        """The scenario the inputs hold now (the outputs lag while a refresh is pending)."""
        return model.Scenario(
            **{name: getattr(self, name) for name in model.SCENARIO_FIELDS},
            treatments=self.treatments,
        )

    def set_scenario(self, scenario: model.Scenario) -> None:
        """Set every scenario input at once, then refresh once."""
        if not isinstance(scenario, model.Scenario):
            raise ValueError(f"scenario must be a model.Scenario; got {type(scenario).__name__}")
        self.set_inputs(
            **{name: getattr(scenario, name) for name in model.SCENARIO_FIELDS},
            treatments=scenario.treatments,
        )

    def compute(self) -> dict[str, object]:
        """Every output, from the inputs as they are now."""
        scenario = self.scenario
        trajectory = model.trajectory(scenario)
        cohort_summary = model.summarize(
            model.simulate_cohort(scenario, n=self.cohort_size, seed=COHORT_SEED)
        )
        reference = model.trajectory(model.usual_care(scenario)) if self.compare else None
        summary = describe.describe_simulation(
            scenario, trajectory, cohort_summary, reference, USUAL_CARE_NAME
        )
        first, last = int(trajectory["week"].min()), int(trajectory["week"].max())
        chart_text = describe_trajectory(
            trajectory,
            cohort_summary,
            visits=plan.visit_weeks(self.visit_interval_weeks, last, first),
            visit_interval_weeks=self.visit_interval_weeks,
            reference=reference,
            reference_label=USUAL_CARE_LABEL,
        )
        return {
            "shown_scenario": scenario,
            "trajectory": trajectory,
            "cohort_summary": cohort_summary,
            "reference_trajectory": reference,
            "evidence_rows": model.evidence_behind(scenario),
            "summary": summary,
            "chart_description": f"{summary} {chart_text}",
            "control_words": {
                name: describe.describe_control(name, getattr(scenario, name))
                for name in model.SCENARIO_FIELDS
            },
        }
