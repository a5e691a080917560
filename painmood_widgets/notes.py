"""Where the model adds nothing, or goes beyond its evidence, for a scenario's controls.

A simulator says these notes in words, so no control is silently dead: wherever moving a
lever (or ticking a treatment) changes nothing, a note covers it and names its evidence
row; where the model extends a figure beyond where it was measured, a note says so; and
the two treatments that act through a lever say which. Educational, not diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass

from painmood_widgets import dynamics, evidence
from painmood_widgets.coefficients import LEVERS, Coefficients, coefficients
from painmood_widgets.scenario import SCENARIO_FIELDS, Scenario, checked_scenario

__all__ = ["Note", "notes"]


@dataclass(frozen=True)
class Note:
    """Where the model adds nothing, or goes beyond its evidence, for one control.

    Attributes
    ----------
    control : str
        A lever (:data:`LEVERS`) or a treatment (:data:`TREATMENTS`).
    kind : {"no effect", "extrapolated", "acts through"}
        ``"no effect"``: moving the control anywhere in ``low..high`` changes nothing
        (for a treatment: ticking it changes nothing). ``"extrapolated"``: the model
        carries the evidence beyond where it was measured. ``"acts through"``: a
        treatment whose effect depends on a lever (the exercise programme on activity,
        CBT-I on sleep).
    low, high : float or None
        The stretch of the control's range the note covers (None for a treatment).
    parameter : str
        The evidence row behind the note.
    text : str
        Why, in plain words, to follow the control's value in a sentence.
    """

    control: str
    kind: str
    low: float | None
    high: float | None
    parameter: str
    text: str


def notes(scenario: Scenario) -> tuple[Note, ...]:
    """The notes that hold for the scenario's controls where they are now.

    A simulator says them in words, so no control is silently dead: wherever a control
    changes nothing, a note covers it and names its evidence row.

    Examples
    --------
    >>> [note.control for note in notes(Scenario(sleep_hours=8, crp_mg_l=0.5))]
    ['sleep_hours', 'crp_mg_l']
    >>> [note.kind for note in notes(Scenario(opioid_days=400)) if note.control == "opioid_days"]
    ['no effect', 'extrapolated']
    """
    scenario = checked_scenario(scenario)
    c = coefficients()
    found = []
    top = {lever: SCENARIO_FIELDS[lever].maximum for lever in LEVERS}
    long_sleep = evidence.parameter("sleep_long_from_hours")
    if scenario.sleep_hours >= c.sleep_reference_hours:
        if scenario.sleep_hours <= long_sleep:
            text = (
                f"from {c.sleep_reference_hours:g} to {long_sleep:g} hours, the normal range in "
                "the cohort studies, the model adds no effect on pain or mood"
            )
            parameter = "sleep_reference_hours"
        else:
            text = (
                "long sleep goes with more depression in cohort studies (relative risk "
                f"{evidence.parameter('sleep_long_depression_rr'):g}), but it is more "
                "plausibly a sign of illness than a cause, so the model adds no effect"
            )
            parameter = "sleep_long_depression_rr"
        found.append(
            Note(
                "sleep_hours",
                "no effect",
                c.sleep_reference_hours,
                top["sleep_hours"],
                parameter,
                text,
            )
        )
    elif scenario.sleep_hours < c.sleep_reference_hours - evidence.parameter(
        "sleep_short_contrast_hours"
    ):
        found.append(
            Note(
                "sleep_hours",
                "extrapolated",
                SCENARIO_FIELDS["sleep_hours"].minimum,
                c.sleep_reference_hours - evidence.parameter("sleep_short_contrast_hours"),
                "sleep_short_contrast_hours",
                "the studies compare short sleepers (about 6 hours or less) with 7-8 hours; "
                "below that the model extends their figure in a straight line",
            )
        )
    if scenario.activity_minutes > c.activity_reference_minutes:
        found.append(
            Note(
                "activity_minutes",
                "extrapolated",
                c.activity_reference_minutes,
                top["activity_minutes"],
                "activity_dose_exponent",
                "above 150 minutes a week the gains are smaller and less certain; the model "
                "extends the curve of the review",
            )
        )
    if scenario.crp_mg_l <= c.crp_reference_mg_l:
        found.append(
            Note(
                "crp_mg_l",
                "no effect",
                SCENARIO_FIELDS["crp_mg_l"].minimum,
                c.crp_reference_mg_l,
                "crp_reference_mg_l",
                f"at or below {c.crp_reference_mg_l:g} mg/L, the low range, the model counts "
                "no inflammation",
            )
        )
    found.extend(_opioid_notes(scenario, c, top["opioid_days"]))
    if "cbt_i" in scenario.treatments:
        weight = dynamics.treatment_weight("cbt_i", scenario.sleep_hours, c)
        if weight == 0:
            found.append(
                Note(
                    "cbt_i",
                    "no effect",
                    None,
                    None,
                    "cbt_i_trial_sleep_debt_hours",
                    f"CBT for insomnia adds nothing for someone sleeping "
                    f"{c.sleep_reference_hours:g} hours or more in the model: its trials "
                    "enrolled people with insomnia",
                )
            )
        else:
            found.append(
                Note(
                    "cbt_i",
                    "acts through",
                    None,
                    None,
                    "cbt_i_trial_sleep_debt_hours",
                    f"CBT for insomnia acts through sleep: with this sleep debt the patient "
                    f"gets {100 * weight:.0f}% of the trial effect",
                )
            )
    if "exercise" in scenario.treatments:
        found.append(
            Note(
                "exercise",
                "acts through",
                None,
                None,
                "exercise_programme_minutes",
                f"the exercise programme acts through activity: it adds "
                f"{c.exercise_programme_minutes:g} minutes a week, so it helps less the more "
                "active the patient already is",
            )
        )
    return tuple(found)


def _opioid_notes(scenario: Scenario, c: Coefficients, top: float) -> list[Note]:
    days = scenario.opioid_days
    if days == 0:
        return []
    found = []
    last_quiet_day = c.opioid_step1_days - 7 * scenario.weeks
    if days >= c.opioid_step2_days:
        found.append(
            Note(
                "opioid_days",
                "no effect",
                c.opioid_step2_days,
                top,
                "opioid_duration_step2_days",
                f"beyond {c.opioid_step2_days:g} days of use the studies have no longer group, "
                f"so the depression risk stays at its 'more than {c.opioid_step2_days:g} days' "
                "level and the small pain relief stays as it is",
            )
        )
    elif c.opioid_step1_days <= days <= c.opioid_step2_days - 7 * scenario.weeks:
        found.append(
            Note(
                "opioid_days",
                "no effect",
                c.opioid_step1_days,
                c.opioid_step2_days - 7 * scenario.weeks,
                "opioid_duration_step2_days",
                f"use stays between {c.opioid_step1_days:g} and {c.opioid_step2_days:g} days "
                f"within the weeks simulated, so the depression risk stays at its "
                f"{c.opioid_step1_days:g}-{c.opioid_step2_days:g}-day level",
            )
        )
    elif days <= last_quiet_day:
        found.append(
            Note(
                "opioid_days",
                "no effect",
                1,
                last_quiet_day,
                "opioid_duration_step1_days",
                f"use stays under {c.opioid_step1_days:g} days within the weeks simulated; in "
                "the studies the risk of depression rises only from then, so only the small "
                "pain relief shows",
            )
        )
    if (
        scenario.baseline_phq9 >= evidence.parameter("phq9_moderate_from")
        and days + 7 * scenario.weeks > c.opioid_step1_days
    ):
        found.append(
            Note(
                "opioid_days",
                "extrapolated",
                None,
                None,
                "opioid_90_180_phq9_smd",
                "the depression figures come from people who were not depressed when they "
                "started; for someone already depressed the model applies them unchanged",
            )
        )
    return found
