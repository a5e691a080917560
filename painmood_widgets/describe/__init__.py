"""Describers: app state and model results in plain sentences, in one home.

Each describer turns what an app holds into the sentences a clinician would say aloud.
The apps show them as their visible summary and put the same text in the chart's
``description``, its text alternative for screen readers (PhET's describers do the same).
Scores are read through :mod:`painmood_widgets.describe.readings`; plain-English pieces
(lists, plurals, numbers) come from :mod:`painmood_widgets.wording`; whether a change
matters comes from :mod:`painmood_widgets.scales`, never from a rule restated here.

Pure functions: no widgets. Educational, not diagnostic.

Examples
--------
>>> from painmood_widgets import model
>>> scenario = model.Scenario(sleep_hours=5, treatments={"cbt"}, baseline_phq9=15)
>>> print(describe_scenario(scenario))
Sleep 5 hours per night, activity 150 minutes per week, CRP 1 mg/L, no opioids;
treatment: cognitive behavioural therapy; starting pain 6.0/10 and PHQ-9 15 (moderately
severe); 26 weeks simulated.
"""

from painmood_widgets.describe.plan import describe_baseline, describe_plan, describe_visits
from painmood_widgets.describe.readings import (
    SUMMARY_WEEK,
    pain_reading,
    phq9_reading,
    summary_week,
    treatment_names,
    week_row,
)
from painmood_widgets.describe.simulator import (
    describe_band,
    describe_comparison,
    describe_control,
    describe_levers,
    describe_notes,
    describe_outcome,
    describe_scenario,
    describe_simulation,
)

__all__ = [
    "SUMMARY_WEEK",
    "describe_band",
    "describe_baseline",
    "describe_comparison",
    "describe_control",
    "describe_levers",
    "describe_notes",
    "describe_outcome",
    "describe_plan",
    "describe_scenario",
    "describe_simulation",
    "describe_visits",
    "pain_reading",
    "phq9_reading",
    "summary_week",
    "treatment_names",
    "week_row",
]
