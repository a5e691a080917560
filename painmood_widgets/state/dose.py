"""The dose-response explorer's state: a lever and its value in; its curves and words out.

:class:`DoseResponseState` holds which lever a learner sweeps, where that lever is now
and the week read, each checked as the model checks it, so a bad value raises
``ValueError`` naming the field and its range and the input keeps its old value. In one
refresh it derives the lever's dose-response curve
(:func:`painmood_widgets.model.dose_response`, everything else as in the patient's
scenario), the typical patient's scores with the lever where it is now, the summary in
words (:mod:`painmood_widgets.describe.dose`) and the value in words for the slider's
``aria-valuetext``. No widgets. Educational, not diagnostic.

Examples
--------
>>> state = DoseResponseState("sleep_hours")
>>> state.value = 5
>>> state.summary.split(". ")[0]
'Now: 5 hours of sleep a night; at week 12, PHQ-9 9 (mild) and pain 5.1'
>>> state.value_words
'5 hours of sleep a night'
>>> state.value = 2
Traceback (most recent call last):
...
ValueError: sleep_hours must be a number from 3 to 10 (hours per night); got 2
"""

from __future__ import annotations

import numbers

import pandas as pd
import traitlets

from painmood_widgets import model
from painmood_widgets.describe.dose import (
    describe_dose_point,
    describe_dose_response,
)
from painmood_widgets.describe.readings import summary_week, week_row
from painmood_widgets.describe.simulator import describe_control
from painmood_widgets.scenario import check_field
from painmood_widgets.state.base import AppState, CheckedInput

__all__ = ["DOSE_POINTS", "DoseResponseState"]

DOSE_POINTS = 41
"""Lever values along each curve: the model's default, every 2.5% of the lever's range."""


class DoseResponseState(AppState):
    """One lever swept: its curves for the patient, and where the patient is on them now.

    Parameters
    ----------
    lever : str, default "crp_mg_l"
        Where the lever input starts: one of :data:`painmood_widgets.model.LEVERS`.
    value : float, optional
        Where the value input starts; by default the scenario's value of the lever.
    week : int, optional
        Where the week input starts; by default week 12, or the scenario's last week
        when it has fewer (:func:`painmood_widgets.describe.readings.summary_week`).
    scenario : painmood_widgets.model.Scenario, optional
        The patient: every other lever, the treatments, starting scores and weeks;
        default ``model.Scenario()``.
    points : int, default DOSE_POINTS
        Lever values along each curve, 2 to 201.
    delay_s : float, default 0
        Gathering window between refreshes in a live kernel.

    Attributes
    ----------
    base_scenario : painmood_widgets.model.Scenario
        The patient the curves are for.
    lever : str
        Input: the lever swept, one of :data:`painmood_widgets.model.LEVERS`. Setting it
        moves ``value`` to the patient's value of the new lever.
    value : float or int
        Input: the lever's value now, in its range of
        :data:`painmood_widgets.model.SCENARIO_FIELDS` (whole days for ``opioid_days``).
    week : int
        Input: the week read, 0 to the scenario's weeks.
    curve : pandas.DataFrame
        Output: the dose-response curve (:func:`painmood_widgets.model.dose_response`).
    point : dict
        Output: ``value``, ``pain`` and ``phq9`` of the typical patient at ``week`` with
        the lever at ``value``.
    summary : str
        Output: where the patient is now, then the curve in sentences.
    value_words : str
        Output: the value in words, for the slider's ``aria-valuetext``
        (:func:`painmood_widgets.describe.describe_control`).

    Examples
    --------
    >>> state = DoseResponseState("opioid_days", value=30)
    >>> state.lever = "activity_minutes"
    >>> state.value, state.curve["lever"].iloc[0]
    (150.0, 'activity_minutes')
    >>> state.lever = "sleep"
    Traceback (most recent call last):
    ...
    ValueError: lever must be one of sleep_hours, activity_minutes, crp_mg_l, opioid_days; \
got 'sleep'
    >>> state.week = 30
    Traceback (most recent call last):
    ...
    ValueError: week must be a whole number from 0 to 26 (the scenario's weeks); got 30
    """

    lever = CheckedInput("crp_mg_l").tag(input=True)
    value = CheckedInput(model.SCENARIO_FIELDS["crp_mg_l"].default).tag(input=True)
    week = CheckedInput(summary_week(model.Scenario().weeks)).tag(input=True)

    curve = traitlets.Instance(pd.DataFrame, read_only=True)
    point = traitlets.Dict(read_only=True)
    summary = traitlets.Unicode(read_only=True)
    value_words = traitlets.Unicode(read_only=True)

    def __init__(
        self,
        lever: str = "crp_mg_l",
        *,
        value: float | None = None,
        week: int | None = None,
        scenario: model.Scenario | None = None,
        points: int = DOSE_POINTS,
        delay_s: float = 0.0,
    ) -> None:
        start = model.Scenario() if scenario is None else scenario
        if not isinstance(start, model.Scenario):
            raise ValueError(f"scenario must be a model.Scenario; got {type(start).__name__}")
        self.base_scenario = start
        self.points = points
        self._curves: dict[tuple[str, int], tuple[pd.DataFrame, str]] = {}
        if value is None:
            value = getattr(start, lever) if lever in model.LEVERS else None
        super().__init__(
            delay_s=delay_s,
            lever=lever,
            value=value,
            week=summary_week(start.weeks) if week is None else week,
        )

    @traitlets.validate("lever")
    def _check_lever(self, proposal: traitlets.Bunch) -> str:
        lever = proposal["value"]
        if not isinstance(lever, str) or lever not in model.LEVERS:
            raise ValueError(f"lever must be one of {', '.join(model.LEVERS)}; got {lever!r}")
        return lever

    @traitlets.validate("value")
    def _check_value(self, proposal: traitlets.Bunch) -> float | int:
        return check_field(self.lever, proposal["value"])

    @traitlets.validate("week")
    def _check_week(self, proposal: traitlets.Bunch) -> int:
        return self.check_week(proposal["value"], self.base_scenario)

    @traitlets.observe("lever")
    def _lever_moved(self, change: traitlets.Bunch) -> None:
        # the old value means nothing on the new lever's scale: start from the patient's
        self.value = getattr(self.base_scenario, change["new"])

    @staticmethod
    def check_week(value: object, scenario: model.Scenario) -> int:
        """Check the week read: a whole number from 0 to the scenario's weeks."""
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Integral)
            or not 0 <= value <= scenario.weeks
        ):
            raise ValueError(
                f"week must be a whole number from 0 to {scenario.weeks} (the scenario's "
                f"weeks); got {value!r}"
            )
        return int(value)

    def set_inputs(self, **changes: object) -> None:
        """Change several inputs at once, then refresh once.

        The lever is set first, so a value given with it is kept (setting the lever on
        its own moves the value to the patient's). Checked as
        :meth:`AppState.set_inputs <painmood_widgets.state.base.AppState.set_inputs>`.
        """
        ordered = {name: changes[name] for name in self.input_names() if name in changes}
        super().set_inputs(**{**ordered, **changes})

    @property
    def scenario(self) -> model.Scenario:
        """The patient with the lever where the inputs put it now."""
        return self.base_scenario.replace(**{self.lever: self.value})

    def compute(self) -> dict[str, object]:
        """Every output, from the inputs as they are now."""
        scenario = self.scenario
        key = (self.lever, self.week)
        if key not in self._curves:  # the curve does not depend on the value now
            curve = model.dose_response(scenario, self.lever, self.week, self.points)
            self._curves[key] = (curve, describe_dose_response(curve))
        curve, curve_text = self._curves[key]
        row = week_row(model.trajectory(scenario), "trajectory", self.week, ("pain", "phq9"))
        point = {"value": self.value, "pain": float(row["pain"]), "phq9": float(row["phq9"])}
        now = describe_dose_point(self.lever, self.value, point["pain"], point["phq9"], self.week)
        return {
            "curve": curve,
            "point": point,
            "summary": f"{now} {curve_text}",
            "value_words": describe_control(self.lever, self.value),
        }
