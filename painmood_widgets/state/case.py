"""The case explorer's state: which of Maria's treatments are on, and where she falls.

:class:`CaseState` holds the treatments of hers a learner keeps ticked and derives her
follow-up scores against the model's band for them, the sentence that says where she
falls, the chart's text alternative, and the evidence rows behind the band. Her story,
observed course and the questions to discuss do not change and are plain attributes. No
widgets. Educational, not diagnostic.

Examples
--------
>>> state = CaseState(n=500)
>>> state.comparison.phq9.position
'inside'
>>> median = state.comparison.phq9.p50
>>> state.treatments = {"cbt", "exercise"}
>>> bool(state.comparison.phq9.p50 > median)
True
>>> state.treatments = {"acupuncture"}
Traceback (most recent call last):
...
ValueError: unknown treatment 'acupuncture'; her treatments: duloxetine, exercise, cbt
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable

import pandas as pd
import traitlets

from painmood_widgets import case, model, plan
from painmood_widgets.describe import case as case_words
from painmood_widgets.describe.charts import describe_trajectory
from painmood_widgets.state.base import AppState, CheckedInput

__all__ = ["CaseState"]


class CaseState(AppState):
    """Maria's case with some of her treatments, against the model's band.

    Parameters
    ----------
    n : int, default 1000
        Virtual patients behind the band.
    seed : int, default 0
        Seed of the cohort.
    delay_s : float, default 0
        Gathering window between refreshes in a live kernel.

    Attributes
    ----------
    case : painmood_widgets.case.CaseStudy
        Her story, from the evidence table.
    course : pandas.DataFrame
        Her observed scores (weeks 0 and follow-up).
    questions : tuple of painmood_widgets.describe.case.CaseQuestion
        Questions to discuss, with the instructor's model answers.
    treatments : frozenset of str
        Input: which of her treatments the band is simulated with (all at the start).
    comparison : painmood_widgets.case.CaseComparison
        Output: her follow-up scores against the band.
    summary : str
        Output: where she falls, in sentences (also the chart's lead).
    chart_description : str
        Output: the chart's text alternative: the summary, then the typical course, the
        band, the visits and her observed scores with their figures; a view's chart
        carries exactly this text.
    visit_interval_weeks : int
        Weeks between the re-evaluation visits marked on her chart (the shortest of
        :func:`painmood_widgets.plan.monitoring_interval_weeks`).
    evidence_rows : pandas.DataFrame
        Output: the evidence rows behind the band.
    """

    treatments = CheckedInput(frozenset()).tag(input=True)

    comparison = traitlets.Instance(case.CaseComparison, read_only=True)
    summary = traitlets.Unicode(read_only=True)
    chart_description = traitlets.Unicode(read_only=True)
    evidence_rows = traitlets.Instance(pd.DataFrame, read_only=True)

    def __init__(self, *, n: int = 1000, seed: int = 0, delay_s: float = 0.0) -> None:
        for name, value, lowest in (("n", n, 1), ("seed", seed, 0)):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < lowest:
                raise ValueError(
                    f"{name} must be a whole number of at least {lowest}; got {value!r}"
                )
        self.case = case.case_study()
        self.n, self.seed = int(n), int(seed)
        self.course = case.case_course(self.case)
        self.questions = case_words.case_questions(self.case)
        self.visit_interval_weeks = plan.monitoring_interval_weeks()[0]
        super().__init__(delay_s=delay_s, treatments=frozenset(self.case.treatments))

    @traitlets.validate("treatments")
    def _check_treatments(self, proposal: traitlets.Bunch) -> frozenset[str]:
        names = proposal["value"]
        if isinstance(names, str | bytes) or not isinstance(names, Iterable):
            kind = "the bare string" if isinstance(names, str | bytes) else "the value"
            raise ValueError(
                f"treatments must be a collection of treatment names, not {kind} {names!r}; "
                f"her treatments: {', '.join(self.case.treatments)}"
            )
        chosen = frozenset(names)
        unknown = sorted(map(repr, chosen - set(self.case.treatments)))
        if unknown:
            raise ValueError(
                f"unknown treatment {', '.join(unknown)}; her treatments: "
                f"{', '.join(self.case.treatments)}"
            )
        return chosen

    def compute(self) -> dict[str, object]:
        """Every output, from the treatments ticked now."""
        comparison = case.case_against_band(
            self.n, self.seed, treatments=self.treatments, case=self.case
        )
        summary = case_words.describe_case(comparison)
        weeks = pd.concat([comparison.typical["week"], self.course["week"]])
        chart_text = describe_trajectory(
            comparison.typical,
            comparison.cohort_summary,
            visits=plan.visit_weeks(self.visit_interval_weeks, int(weeks.max()), int(weeks.min())),
            visit_interval_weeks=self.visit_interval_weeks,
            observed=self.course,
            observed_label=self.case.name,
        )
        return {
            "comparison": comparison,
            "summary": summary,
            "chart_description": f"{summary} {chart_text}",
            "evidence_rows": model.evidence_behind(comparison.scenario),
        }
