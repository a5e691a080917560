"""Describers of the simulator: a scenario and its results in plain sentences.

Each function turns a scenario or a model output into one sentence a clinician would say
aloud. The apps show these sentences as their visible summary and put the same text in
the chart's ``description``, its text alternative for screen readers (PhET's describers
do the same). Numbers are rounded as a clinician reads them: a PHQ-9 total to whole
points (halves up), pain to one decimal on the 0-10 scale. Whether a change matters comes
from :mod:`painmood_widgets.scales` (:func:`~painmood_widgets.scales.phq9_change`,
:func:`~painmood_widgets.scales.pain_change`), never from a rule restated here.

Pure functions: no widgets, no state. Educational, not diagnostic.

Examples
--------
>>> from painmood_widgets import model
>>> scenario = model.Scenario(sleep_hours=5, treatments={"cbt"}, baseline_phq9=15)
>>> print(describe_scenario(scenario))
Sleep 5 hours per night, activity 150 minutes per week, CRP 1 mg/L, no opioids;
treatment: cognitive behavioural therapy; starting pain 6.0/10 and PHQ-9 15 (moderately
severe); 26 weeks simulated.
"""

from __future__ import annotations

import pandas as pd

from painmood_widgets import model, scales
from painmood_widgets.describe.readings import (
    pain_reading,
    phq9_reading,
    summary_week,
    treatment_names,
    week_row,
)
from painmood_widgets.scenario import check_field
from painmood_widgets.wording import listing, noun, plural

__all__ = [
    "describe_band",
    "describe_comparison",
    "describe_control",
    "describe_levers",
    "describe_notes",
    "describe_outcome",
    "describe_scenario",
    "describe_simulation",
]


# --------------------------------------------------------------------------- scenario
def describe_scenario(scenario: model.Scenario) -> str:
    """A scenario's settings in one sentence: levers, treatments, starting scores, weeks.

    Parameters
    ----------
    scenario : painmood_widgets.model.Scenario
        The scenario shown.

    Returns
    -------
    str
        One sentence, units as in :data:`painmood_widgets.model.SCENARIO_FIELDS`.

    Raises
    ------
    ValueError
        If `scenario` is not a :class:`~painmood_widgets.model.Scenario`.

    Examples
    --------
    >>> from painmood_widgets.model import Scenario
    >>> print(describe_scenario(Scenario(opioid_days=120, activity_minutes=30, weeks=12,
    ...                                  treatments={"duloxetine", "exercise"})))
    Sleep 7 hours per night, activity 30 minutes per week, CRP 1 mg/L, opioids for 120 days
    so far; treatments: duloxetine and exercise programme; starting pain 6.0/10 and PHQ-9 10
    (moderate); 12 weeks simulated.
    """
    if not isinstance(scenario, model.Scenario):
        raise ValueError(f"scenario must be a model.Scenario; got {type(scenario).__name__}")
    unit = {name: spec.unit for name, spec in model.SCENARIO_FIELDS.items()}
    opioids = (
        f"opioids for {plural(scenario.opioid_days, 'day')} so far"
        if scenario.opioid_days
        else "no opioids"
    )
    levers = (
        f"Sleep {scenario.sleep_hours:g} {unit['sleep_hours']}, "
        f"activity {scenario.activity_minutes:g} {unit['activity_minutes']}, "
        f"CRP {scenario.crp_mg_l:g} {unit['crp_mg_l']}, {opioids}"
    )
    names = treatment_names(scenario.treatments)
    if not names:
        treatments = "no added treatment (usual care)"
    else:
        treatments = f"{noun(len(names), 'treatment')}: {listing(names)}"
    phq9 = phq9_reading(scenario.baseline_phq9)
    start = (
        f"starting pain {pain_reading(scenario.baseline_pain):.1f}/10 and PHQ-9 {phq9} "
        f"({scales.phq9_severity(phq9)})"
    )
    weeks = plural(scenario.weeks, "week")
    return f"{levers}; {treatments}; {start}; {weeks} simulated."


# --------------------------------------------------------------------------- outcomes
def _phq9_part(before: int, after: int) -> str:
    change = scales.phq9_change(before, after)
    text = f"PHQ-9 {after} ({scales.phq9_severity(after)}), "
    if change.delta == 0:
        return text + "the same as now"
    direction = "lower" if change.delta < 0 else "higher"
    text += f"{plural(abs(change.delta), 'point')} {direction} than now"
    if change.delta < 0 and change.remission and before >= 5:
        text += ", remission (below 5)"
    elif change.response:
        text += ", a response (half the starting score or less)"
    return text


def _pain_part(before: float, after: float) -> str:
    change = scales.pain_change(before, after)
    text = f"pain {after:.1f}/10, "
    if change.delta == 0:
        return text + "the same as now"
    if change.delta < 0 and change.percent is not None and change.percent <= -50:
        return text + "a substantial drop (half or more)"
    if change.clinically_important:
        return text + "a clinically important drop"
    direction = "lower" if change.delta < 0 else "higher"
    return text + f"{plural(abs(change.delta), 'point')} {direction} than now"


def describe_outcome(
    trajectory: pd.DataFrame, baseline_phq9: float, baseline_pain: float, week: int = 12
) -> str:
    """Where the typical patient is at a week, against the starting scores.

    PHQ-9 is read to whole points with its severity band, and the change is called a
    response (50% or more lower from 10 or more) or remission (below 5) as
    :func:`~painmood_widgets.scales.phq9_change` decides. Pain is read to one decimal;
    a drop of 2 points or 30% is clinically important and one of 50% or more
    substantial, as :func:`~painmood_widgets.scales.pain_change` decides. Both are judged
    on the rounded values, the numbers the sentence shows.

    Parameters
    ----------
    trajectory : pandas.DataFrame
        Columns ``week``, ``pain`` (0-10) and ``phq9`` (0-27), as from
        :func:`painmood_widgets.model.trajectory`.
    baseline_phq9 : float
        PHQ-9 at the start ("now"), 0 to 27.
    baseline_pain : float
        Pain at the start, 0 to 10.
    week : int, default 12
        The week to describe; it must be a row of `trajectory`.

    Returns
    -------
    str
        One sentence: "At week 12: PHQ-9 ..., ...; pain .../10, ...".

    Raises
    ------
    ValueError
        If a column or the week is missing, or a score is not a finite number on its
        scale.

    References
    ----------
    Löwe B, et al. Monitoring depression treatment outcomes with the PHQ-9. Med Care
    2004;42:1194-1201. Farrar JT, et al. Clinical importance of changes in chronic pain
    intensity. Pain 2001;94:149-158.

    Examples
    --------
    >>> import pandas as pd
    >>> course = pd.DataFrame({"week": [0, 12], "pain": [6.0, 4.81], "phq9": [15.0, 9.2]})
    >>> describe_outcome(course, baseline_phq9=15, baseline_pain=6, week=12)
    'At week 12: PHQ-9 9 (mild), 6 points lower than now; pain 4.8/10, 1.2 points lower than now.'
    >>> course.loc[1, ["pain", "phq9"]] = [4.0, 7.4]
    >>> describe_outcome(course, baseline_phq9=15, baseline_pain=6, week=12)
    'At week 12: PHQ-9 7 (mild), 8 points lower than now, a response (half the starting score \
or less); pain 4.0/10, a clinically important drop.'
    >>> describe_outcome(course, 15, 6, week=20)
    Traceback (most recent call last):
    ...
    ValueError: week 20 must appear once in trajectory (weeks 0 to 12)
    """
    row = week_row(trajectory, "trajectory", week, ("pain", "phq9"))
    before_phq9 = phq9_reading(baseline_phq9)
    before_pain = pain_reading(baseline_pain)
    phq9 = _phq9_part(before_phq9, phq9_reading(row["phq9"]))
    pain = _pain_part(before_pain, pain_reading(row["pain"]))
    return f"At week {week}: {phq9}; {pain}."


def describe_band(cohort_summary: pd.DataFrame, week: int = 12) -> str:
    """The spread of a simulated cohort at a week (its 10th to 90th percentiles).

    Parameters
    ----------
    cohort_summary : pandas.DataFrame
        Columns ``week, pain_p10, pain_p90, phq9_p10, phq9_p90`` at least, as from
        :func:`painmood_widgets.model.summarize`.
    week : int, default 12
        The week to describe; it must be a row of `cohort_summary`.

    Returns
    -------
    str
        One sentence.

    Raises
    ------
    ValueError
        If a column or the week is missing, or a percentile is off its scale.

    Examples
    --------
    >>> import pandas as pd
    >>> band = pd.DataFrame({"week": [12], "pain_p10": [3.94], "pain_p90": [6.02],
    ...                      "phq9_p10": [6.4], "phq9_p90": [12.5]})
    >>> describe_band(band)
    'At week 12, 8 in 10 simulated patients like this one have PHQ-9 6 to 13 and pain 3.9 to \
6.0.'
    """
    row = week_row(
        cohort_summary,
        "cohort_summary",
        week,
        ("pain_p10", "pain_p90", "phq9_p10", "phq9_p90"),
    )
    return (
        f"At week {week}, 8 in 10 simulated patients like this one have PHQ-9 "
        f"{phq9_reading(row['phq9_p10'])} to {phq9_reading(row['phq9_p90'])} and pain "
        f"{pain_reading(row['pain_p10']):.1f} to {pain_reading(row['pain_p90']):.1f}."
    )


def _difference(value: float, unit: str, decimals: int) -> str:
    if value == 0:
        return "the same"
    direction = "lower" if value < 0 else "higher"
    amount = round(abs(value), decimals)
    return f"{amount:.{decimals}f} {unit}{'' if amount == 1 else 's'} {direction}"


def describe_comparison(
    trajectory: pd.DataFrame,
    reference: pd.DataFrame,
    week: int = 12,
    reference_name: str = "usual care",
) -> str:
    """How a scenario's typical patient differs from a reference scenario at a week.

    Parameters
    ----------
    trajectory, reference : pandas.DataFrame
        Columns ``week``, ``pain`` and ``phq9`` (as from
        :func:`painmood_widgets.model.trajectory`): the scenario and what it is compared
        with.
    week : int, default 12
        The week to compare; it must be a row of both.
    reference_name : str, default "usual care"
        What the reference is, in words.

    Returns
    -------
    str
        One sentence, differences read on the rounded scores.

    Raises
    ------
    ValueError
        If a column or the week is missing, or a score is off its scale.

    Examples
    --------
    >>> import pandas as pd
    >>> treated = pd.DataFrame({"week": [12], "pain": [4.8], "phq9": [9.2]})
    >>> usual = pd.DataFrame({"week": [12], "pain": [6.0], "phq9": [10.0]})
    >>> describe_comparison(treated, usual)
    'Compared with usual care at week 12: PHQ-9 1 point lower, pain 1.2 points lower.'
    """
    row = week_row(trajectory, "trajectory", week, ("pain", "phq9"))
    base = week_row(reference, "reference", week, ("pain", "phq9"))
    phq9 = phq9_reading(row["phq9"]) - phq9_reading(base["phq9"])
    pain = pain_reading(row["pain"]) - pain_reading(base["pain"])
    return (
        f"Compared with {reference_name} at week {week}: PHQ-9 {_difference(phq9, 'point', 0)}, "
        f"pain {_difference(pain, 'point', 1)}."
    )


def _lever_value(lever: str, value: float) -> str:
    """A lever's setting as a sentence names it."""
    if lever == "sleep_hours":
        return f"sleep {value:g} hours"
    if lever == "activity_minutes":
        return f"activity {value:g} minutes a week"
    if lever == "crp_mg_l":
        return f"CRP {value:g} mg/L"
    return f"opioids for {plural(value, 'day')} so far"


def _shift(name: str, change: float) -> str:
    amount = round(abs(change), 1)
    if amount == 0:
        return f"{name} unchanged"
    return f"{name} {amount:.1f} {'higher' if change > 0 else 'lower'}"


def describe_levers(scenario: model.Scenario, week: int = 12) -> str:
    """What each lever moved away from the reference lifestyle adds by a week.

    Each lever's share is the typical patient's scores with the lever as set, minus the
    same scenario with only that lever at the reference (see
    :func:`painmood_widgets.model.lever_effects`), read to one decimal.

    Parameters
    ----------
    scenario : painmood_widgets.model.Scenario
        The scenario shown.
    week : int, default 12
        The week described (0 to the scenario's weeks).

    Returns
    -------
    str
        One sentence; when every lever is at the reference, it says so.

    Raises
    ------
    ValueError
        If `week` is not a week of the scenario.

    Examples
    --------
    >>> from painmood_widgets.model import Scenario
    >>> describe_levers(Scenario(sleep_hours=5, crp_mg_l=5))
    'By week 12, against the reference lifestyle: sleep 5 hours, PHQ-9 0.9 higher and pain \
0.7 higher; CRP 5 mg/L, PHQ-9 0.3 higher and pain unchanged.'
    >>> describe_levers(Scenario())
    'Every lever is at the reference lifestyle (7 hours of sleep, 150 minutes of activity a \
week, CRP 1 mg/L, no opioids), so the levers add nothing.'
    """
    if not isinstance(scenario, model.Scenario):
        raise ValueError(f"scenario must be a model.Scenario; got {type(scenario).__name__}")
    effects = model.lever_effects(scenario, week)
    moved = effects[effects["value"] != effects["reference"]]
    if moved.empty:
        reference = model.reference_lifestyle()
        return (
            f"Every lever is at the reference lifestyle ({reference['sleep_hours']:g} hours of "
            f"sleep, {reference['activity_minutes']:g} minutes of activity a week, CRP "
            f"{reference['crp_mg_l']:g} mg/L, no opioids), so the levers add nothing."
        )
    parts = [
        f"{_lever_value(row.lever, row.value)}, {_shift('PHQ-9', row.phq9)} and "
        f"{_shift('pain', row.pain)}"
        for row in moved.itertuples(index=False)
    ]
    return f"By week {week}, against the reference lifestyle: {'; '.join(parts)}."


def describe_notes(scenario: model.Scenario) -> str:
    """The notes on the scenario's controls, in plain sentences.

    Where a control sits on a stretch the model leaves flat, or beyond its evidence, or
    acts through a lever (:func:`painmood_widgets.model.notes`).

    A lever at its reference value needs no note; a treatment that adds nothing always
    gets one, so no control is silently dead.

    Parameters
    ----------
    scenario : painmood_widgets.model.Scenario
        The scenario shown.

    Returns
    -------
    str
        Sentences, or an empty string when no note applies.

    Examples
    --------
    >>> from painmood_widgets.model import Scenario
    >>> print(describe_notes(Scenario(sleep_hours=8, treatments={"cbt_i"})))
    Sleep 8 hours: from 7 to 9 hours, the normal range in the cohort studies, the model adds
    no effect on pain or mood. CBT for insomnia adds nothing for someone sleeping 7 hours or
    more in the model: its trials enrolled people with insomnia.
    """
    if not isinstance(scenario, model.Scenario):
        raise ValueError(f"scenario must be a model.Scenario; got {type(scenario).__name__}")
    reference = model.reference_lifestyle()
    by_control: dict[str, list[str]] = {}
    for note in model.notes(scenario):
        if (
            note.control in model.LEVERS
            and getattr(scenario, note.control) == reference[note.control]
        ):
            continue
        by_control.setdefault(note.control, []).append(note.text)
    sentences = []
    for control, texts in by_control.items():
        text = "; and ".join(texts)
        if control in model.LEVERS:
            text = f"{_lever_value(control, getattr(scenario, control))}: {text}"
        sentences.append(f"{text[0].upper()}{text[1:]}.")
    return " ".join(sentences)


def describe_control(name: str, value: object) -> str:
    """A simulator control's value in words, as a screen reader should say it.

    Used as the control's ``aria-valuetext``: "5 hours of sleep a night", not "5".

    Parameters
    ----------
    name : str
        A field of :data:`painmood_widgets.model.SCENARIO_FIELDS`.
    value : float or int
        Its value, in the field's range.

    Returns
    -------
    str
        The value with its unit and meaning, in words.

    Raises
    ------
    ValueError
        If the name is not a field or the value is out of its range.

    Examples
    --------
    >>> describe_control("sleep_hours", 5), describe_control("opioid_days", 0)
    ('5 hours of sleep a night', 'no opioids')
    >>> describe_control("baseline_phq9", 15)
    'starting PHQ-9 15 out of 27, moderately severe'
    >>> describe_control("crp_mg_l", 0.5)
    'C-reactive protein 0.5 milligrams per litre'
    """
    if name not in model.SCENARIO_FIELDS:
        raise ValueError(f"unknown control {name!r}; controls: {', '.join(model.SCENARIO_FIELDS)}")
    checked = check_field(name, value)
    if name == "sleep_hours":
        return f"{plural(checked, 'hour')} of sleep a night"
    if name == "activity_minutes":
        return f"{plural(checked, 'minute')} of moderate activity a week"
    if name == "crp_mg_l":
        return f"C-reactive protein {plural(checked, 'milligram')} per litre"
    if name == "opioid_days":
        return f"opioids for {plural(checked, 'day')} so far" if checked else "no opioids"
    if name == "baseline_pain":
        return f"starting pain {pain_reading(checked):g} out of {scales.PAIN_MAX}"
    if name == "baseline_phq9":
        phq9 = phq9_reading(checked)
        return f"starting PHQ-9 {phq9} out of {scales.PHQ9_MAX}, {scales.phq9_severity(phq9)}"
    return f"{plural(checked, 'week')} simulated"


def describe_simulation(
    scenario: model.Scenario,
    trajectory: pd.DataFrame,
    cohort_summary: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    reference_name: str = "usual care",
) -> str:
    """The simulator's whole summary, sentence after sentence.

    The outcome, what each lever adds, the notes, the comparison (when there is one),
    the band and the settings.

    It is also the lead of the chart's text alternative.

    Examples
    --------
    >>> scenario = model.Scenario(sleep_hours=8, weeks=12)
    >>> text = describe_simulation(scenario, model.trajectory(scenario),
    ...                            model.summarize(model.simulate_cohort(scenario, n=200)))
    >>> text.startswith("At week 12: PHQ-9"), "the normal range in the cohort studies" in text
    (True, True)
    """
    week = summary_week(scenario.weeks)
    sentences = [
        describe_outcome(trajectory, scenario.baseline_phq9, scenario.baseline_pain, week),
        describe_levers(scenario, week),
    ]
    notes = describe_notes(scenario)
    if notes:
        sentences.append(notes)
    if reference is not None:
        sentences.append(describe_comparison(trajectory, reference, week, reference_name))
    sentences.append(describe_band(cohort_summary, week))
    sentences.append(describe_scenario(scenario))
    return " ".join(sentences)
