"""Describers of a treatment plan: its steps, its baseline, and when its visits fall.

Visits come from the one schedule, :func:`painmood_widgets.plan.visit_weeks`. Pure
functions. Educational, not diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterable

from painmood_widgets import evidence, model, plan, scales
from painmood_widgets.describe.readings import pain_reading, phq9_reading
from painmood_widgets.wording import listing, noun, plural

__all__ = ["describe_baseline", "describe_plan", "describe_visits", "step_evidence"]


def describe_visits(interval_weeks: int, weeks: int) -> str:
    """When the re-evaluation visits fall, as the trajectory chart marks them.

    Parameters
    ----------
    interval_weeks : int
        Weeks between visits (the guideline range is 4 to 6).
    weeks : int
        Weeks simulated, 1 or more; visits fall every ``interval_weeks`` up to it.

    Returns
    -------
    str
        One sentence.

    Raises
    ------
    ValueError
        If either is not a whole number of at least 1.

    Examples
    --------
    >>> describe_visits(6, 26)
    'Re-evaluation every 6 weeks: weeks 6, 12, 18 and 24.'
    >>> describe_visits(4, 3)
    'Re-evaluation every 4 weeks: no visit falls within the 3 weeks simulated.'
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 1:
        raise ValueError(f"weeks must be a whole number of at least 1; got {weeks!r}")
    visits = [str(week) for week in plan.visit_weeks(interval_weeks, weeks)]
    head = f"Re-evaluation every {plural(interval_weeks, 'week')}"
    if not visits:
        return f"{head}: no visit falls within the {plural(weeks, 'week')} simulated."
    return f"{head}: {noun(len(visits), 'week')} {listing(visits)}."


def describe_plan(steps: Iterable[str], interval_weeks: int, weeks: int) -> str:
    """The plan's steps and its visits, in plain sentences.

    Examples
    --------
    >>> describe_plan({"assessment", "therapy"}, 6, 26)
    'Plan: assessment and therapy (CBT). Re-evaluation every 6 weeks: weeks 6, 12, 18 and 24.'
    >>> describe_plan(set(), 4, 8).split(". ")[0:2]
    ['Plan: no step chosen yet', 'No assessment: without a baseline PHQ-9 and pain there is \
nothing to measure change against']
    """
    chosen = plan.checked_steps(steps)
    shorts = [plan.step_for(name).short for name in chosen]
    text = f"Plan: {listing(shorts)}." if shorts else "Plan: no step chosen yet."
    if "assessment" not in chosen:
        text += (
            " No assessment: without a baseline PHQ-9 and pain there is nothing to measure "
            "change against."
        )
    return f"{text} {describe_visits(interval_weeks, weeks)}"


def describe_baseline(scenario: model.Scenario) -> str:
    """The assessment's line: the starting PHQ-9 with its band, and the starting pain.

    Examples
    --------
    >>> describe_baseline(model.Scenario(baseline_phq9=15, baseline_pain=7))
    'Baseline now: PHQ-9 15 (moderately severe), pain 7.0/10.'
    """
    phq9 = phq9_reading(scenario.baseline_phq9)
    return (
        f"Baseline now: PHQ-9 {phq9} ({scales.phq9_severity(phq9)}), pain "
        f"{pain_reading(scenario.baseline_pain):.1f}/10."
    )


def step_evidence(treatment: str) -> str:
    """Sources and evidence levels of the model rows behind a treatment's effects.

    Examples
    --------
    >>> step_evidence("cbt")
    'Evidence in the model: Williams, Eccleston, Morley, Cochrane CD007407, 2012 (published).'
    """
    rows = evidence.rows(model.TREATMENT_EFFECT_ROWS[treatment])
    cited = dict.fromkeys(
        f"{source[:-1]}; {level})" if source.endswith(")") else f"{source} ({level})"
        for source, level in zip(rows["source"], rows["evidence_level"], strict=True)
    )
    return "Evidence in the model: " + "; ".join(cited) + "."
