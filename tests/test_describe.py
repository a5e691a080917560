"""The describers: sentences that say what the scales and the model say, nothing else.

The scales module is the oracle for every judgement (band, response, remission, clinically
important change); the model's field table is the oracle for units.
"""

import math
import re

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from painmood_widgets import describe, model, scales
from painmood_widgets.describe import (
    describe_band,
    describe_comparison,
    describe_outcome,
    describe_scenario,
    describe_visits,
    pain_reading,
    phq9_reading,
)


def _course(pain: float, phq9: float, week: int = 12) -> pd.DataFrame:
    return pd.DataFrame({"week": [0, week], "pain": [6.0, pain], "phq9": [10.0, phq9]})


# --- readings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "reading"), [(0, 0), (4.49, 4), (4.5, 5), (9.5, 10), (26.6, 27), (27, 27)]
)
def test_phq9_is_read_to_whole_points_halves_up(value, reading):
    assert phq9_reading(value) == reading


@pytest.mark.parametrize(
    ("value", "reading"), [(0, 0.0), (4.75, 4.8), (4.749, 4.7), (0.05, 0.1), (10, 10.0)]
)
def test_pain_is_read_to_one_decimal_halves_up(value, reading):
    assert pain_reading(value) == reading


@pytest.mark.parametrize("bad", [-0.1, 27.1, math.nan, math.inf, True, "9", None])
def test_readings_refuse_what_is_off_the_scale(bad):
    with pytest.raises(ValueError, match="PHQ-9 must be a number from 0 to 27"):
        phq9_reading(bad)


def test_pain_reading_refuses_more_than_ten():
    with pytest.raises(ValueError, match=re.escape("pain must be a number from 0 to 10; got 10.5")):
        pain_reading(10.5)


# --- outcome ---------------------------------------------------------------------------


def test_the_issue_example_reads_as_written():
    course = pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.8], "phq9": [15.0, 9.0]})
    assert describe_outcome(course, baseline_phq9=15, baseline_pain=7, week=12) == (
        "At week 12: PHQ-9 9 (mild), 6 points lower than now; "
        "pain 4.8/10, a clinically important drop."
    )


@pytest.mark.parametrize(
    ("pain", "phq9", "expected"),
    [
        (6.0, 10.0, "PHQ-9 10 (moderate), the same as now; pain 6.0/10, the same as now."),
        (6.6, 14.2, "PHQ-9 14 (moderate), 4 points higher than now; pain 6.6/10, 0.6 points "),
        (5.9, 9.0, "PHQ-9 9 (mild), 1 point lower than now; pain 5.9/10, 0.1 points lower"),
        (2.9, 4.4, "PHQ-9 4 (minimal), 6 points lower than now, remission (below 5); "),
        (3.0, 4.4, "pain 3.0/10, a substantial drop (half or more)."),
        (4.0, 5.0, "PHQ-9 5 (mild), 5 points lower than now, a response (half the starting"),
    ],
)
def test_outcome_wording(pain, phq9, expected):
    sentence = describe_outcome(_course(pain, phq9), baseline_phq9=10, baseline_pain=6)
    assert sentence.startswith("At week 12: ")
    assert expected in sentence


@settings(max_examples=200, deadline=None)
@given(
    before_phq9=st.floats(0, 27),
    after_phq9=st.floats(0, 27),
    before_pain=st.floats(0, 10),
    after_pain=st.floats(0, 10),
    week=st.integers(0, 104),
)
@example(before_phq9=15, after_phq9=7.5, before_pain=5, after_pain=3.5, week=12)
@example(before_phq9=0, after_phq9=0, before_pain=0, after_pain=0.04, week=0)
def test_outcome_says_what_the_scales_say(before_phq9, after_phq9, before_pain, after_pain, week):
    course = pd.DataFrame({"week": [week], "pain": [after_pain], "phq9": [after_phq9]})
    sentence = describe_outcome(course, before_phq9, before_pain, week=week)
    shown_phq9, shown_pain = phq9_reading(after_phq9), pain_reading(after_pain)
    phq9 = scales.phq9_change(phq9_reading(before_phq9), shown_phq9)
    pain = scales.pain_change(pain_reading(before_pain), shown_pain)
    assert sentence.startswith(f"At week {week}: PHQ-9 {shown_phq9} ")
    assert f"({scales.phq9_severity(shown_phq9)})" in sentence
    assert f"; pain {shown_pain:.1f}/10, " in sentence
    assert ("a response" in sentence) == (phq9.response and "remission" not in sentence)
    if "remission" in sentence:
        assert phq9.remission
    substantial = pain.percent is not None and pain.percent <= -50
    assert ("a clinically important drop" in sentence) == (
        pain.clinically_important and not substantial
    )
    assert ("substantial" in sentence) == (substantial and pain.delta < 0)
    pain_part = sentence.split("; pain ")[1]
    if pain.delta > 0:
        assert f"{pain.delta:g} point" in pain_part and "higher" in pain_part
    if phq9.delta:
        assert f"{abs(phq9.delta)} point" in sentence
    assert "nan" not in sentence.lower()


@pytest.mark.parametrize(
    ("frame", "week", "message"),
    [
        (_course(5.0, 9.0), 20, "week 20 must appear once in trajectory"),
        (_course(5.0, 9.0).drop(columns="pain"), 12, "trajectory lacks the column"),
        (_course(5.0, math.nan), 12, "PHQ-9 must be a number from 0 to 27; got nan"),
        (_course(11.0, 9.0), 12, "pain must be a number from 0 to 10"),
        (_course(5.0, 9.0), True, "week must be a whole number"),
        ("not a frame", 12, "trajectory must be a pandas DataFrame"),
    ],
)
def test_outcome_refuses_bad_input(frame, week, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        describe_outcome(frame, 10, 6, week=week)


# --- band, comparison, visits ----------------------------------------------------------


def test_band_reads_the_percentiles_of_the_week_asked():
    summary = model.summarize(model.simulate_cohort(model.Scenario(weeks=12), n=200, seed=1))
    row = summary.loc[summary["week"] == 8].iloc[0]
    sentence = describe_band(summary, week=8)
    assert sentence.startswith("At week 8, 8 in 10 simulated patients")
    assert f"PHQ-9 {phq9_reading(row['phq9_p10'])} to {phq9_reading(row['phq9_p90'])}" in sentence
    assert f"pain {pain_reading(row['pain_p10']):.1f} to {pain_reading(row['pain_p90']):.1f}" in (
        sentence
    )


@pytest.mark.parametrize(
    ("pain", "phq9", "expected"),
    [
        (6.0, 10.0, "PHQ-9 the same, pain the same."),
        (5.0, 8.6, "PHQ-9 1 point lower, pain 1.0 point lower."),
        (6.64, 14.0, "PHQ-9 4 points higher, pain 0.6 points higher."),
    ],
)
def test_comparison_reads_differences_of_rounded_scores(pain, phq9, expected):
    reference = _course(6.0, 10.0)
    sentence = describe_comparison(_course(pain, phq9), reference, reference_name="usual care")
    assert sentence == f"Compared with usual care at week 12: {expected}"


@pytest.mark.parametrize("interval", [4, 5, 6])
@pytest.mark.parametrize("weeks", [1, 4, 12, 26, 104])
def test_visits_fall_where_the_chart_marks_them(interval, weeks):
    visits = list(range(interval, weeks + 1, interval))
    sentence = describe_visits(interval, weeks)
    assert sentence.startswith(f"Re-evaluation every {interval} weeks: ")
    if visits:
        assert [int(week) for week in re.findall(r"\d+", sentence.split(": ")[1])] == visits
    else:
        assert "no visit falls" in sentence


def test_visits_match_the_trajectory_chart():
    from painmood_widgets import charts

    course = model.trajectory(model.Scenario(weeks=26))
    spec = charts.trajectory_chart(course, visit_interval_weeks=6).to_dict()
    marked = sorted(
        {
            row["week"]
            for rows in spec["datasets"].values()
            for row in rows
            if row.get("visit") == "re-evaluation visit"
        }
    )
    assert describe_visits(6, 26) == (
        f"Re-evaluation every 6 weeks: weeks {', '.join(map(str, marked[:-1]))} and {marked[-1]}."
    )


@pytest.mark.parametrize(("interval", "weeks"), [(0, 12), (4, 0), (4.0, 12), (True, 12)])
def test_visits_refuse_bad_numbers(interval, weeks):
    with pytest.raises(ValueError, match="must be a whole number of at least 1"):
        describe_visits(interval, weeks)


# --- scenario --------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    sleep=st.sampled_from([3.0, 5.5, 10.0]),
    activity=st.sampled_from([0.0, 150.0, 420.0]),
    crp=st.sampled_from([0.1, 1.0, 10.0]),
    opioid_days=st.sampled_from([0, 1, 730]),
    treatments=st.sets(st.sampled_from(model.TREATMENTS)),
    weeks=st.sampled_from([1, 26, 104]),
)
def test_scenario_sentence_names_every_setting_with_its_unit(
    sleep, activity, crp, opioid_days, treatments, weeks
):
    scenario = model.Scenario(
        sleep_hours=sleep,
        activity_minutes=activity,
        crp_mg_l=crp,
        opioid_days=opioid_days,
        treatments=treatments,
        weeks=weeks,
    )
    sentence = describe_scenario(scenario)
    units = {name: spec.unit for name, spec in model.SCENARIO_FIELDS.items()}
    assert f"Sleep {sleep:g} {units['sleep_hours']}" in sentence
    assert f"activity {activity:g} {units['activity_minutes']}" in sentence
    assert f"CRP {crp:g} {units['crp_mg_l']}" in sentence
    if opioid_days == 0:
        assert "no opioids" in sentence
    else:
        assert f"opioids for {opioid_days} day{'' if opioid_days == 1 else 's'} so far" in sentence
    assert f"{weeks} week{'' if weeks == 1 else 's'} simulated." in sentence
    names = describe.treatment_names(treatments)
    if not names:
        assert "; no added treatment (usual care);" in sentence
    for name in names:
        assert name in sentence
    assert "starting pain 6.0/10 and PHQ-9 10 (moderate)" in sentence


def test_treatment_names_come_from_the_model_labels():
    names = describe.treatment_names(model.TREATMENTS)
    assert len(names) == len(model.TREATMENTS)
    for name, key in zip(names, model.TREATMENTS, strict=True):
        assert model.TREATMENT_LABELS[key].lower().startswith(name.lower())
    with pytest.raises(ValueError, match="unknown treatment 'yoga'"):
        describe.treatment_names({"yoga"})


def test_scenario_sentence_refuses_what_is_not_a_scenario():
    with pytest.raises(ValueError, match=re.escape("scenario must be a model.Scenario; got dict")):
        describe_scenario({"sleep_hours": 5})


def test_summary_week_is_twelve_or_the_last_week():
    assert describe.summary_week(104) == describe.SUMMARY_WEEK == 12
    assert describe.summary_week(5) == 5
