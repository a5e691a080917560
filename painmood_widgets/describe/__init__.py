"""Describers: app state and model results in plain sentences, in one home.

Each describer turns what an app holds into the sentences a clinician would say aloud.
The apps show them as their visible summary and put the same text in the chart's
``description``, its text alternative for screen readers (PhET's describers do the same).
Scores are read through :mod:`painmood_widgets.describe.readings`; plain-English pieces
(lists, plurals, numbers) come from :mod:`painmood_widgets.wording`; whether a change
matters comes from :mod:`painmood_widgets.scales`, never from a rule restated here.

One module per thing described:

- :mod:`~painmood_widgets.describe.readings`: a score in words, the summary week, lists
  of treatments;
- :mod:`~painmood_widgets.describe.simulator`: a scenario, its course, the band, the
  comparison with usual care, each control's value in words (for ``aria-valuetext``);
- :mod:`~painmood_widgets.describe.charts`: the trajectory chart's and the feedback
  loop's text alternatives, and how scores are read in them;
- :mod:`~painmood_widgets.describe.compare`: the comparison, tornado and cohort
  distribution charts' text alternatives;
- :mod:`~painmood_widgets.describe.plan`: a treatment plan and its visits;
- :mod:`~painmood_widgets.describe.case`: Maria's story, where she falls, the questions;
- :mod:`~painmood_widgets.describe.forms`: PHQ-9, BPI and PEG results;
- :mod:`~painmood_widgets.describe.symptoms`: the symptom checker's groups;
- :mod:`~painmood_widgets.describe.evidence`: evidence levels in words, and the caption
  of the rows behind a result;
- :mod:`~painmood_widgets.describe.safety`: the crisis message for PHQ-9 item 9 above 0.

Pure functions: no widgets, no chart library. Educational, not diagnostic.

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
