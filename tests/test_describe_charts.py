"""The charts' text alternatives: written by ``describe.charts``, read as a clinician reads
scores (halves up), counted in plain English, and exactly what the charts carry."""

import numpy as np
import pandas as pd
import pytest

from painmood_widgets import charts
from painmood_widgets.describe import charts as describe_charts
from painmood_widgets.describe import compare as describe_compare
from painmood_widgets.describe.readings import pain_reading, phq9_reading
from painmood_widgets.scales import phq9_severity
from painmood_widgets.wording import round_half_up
from tests.helpers import diagnostic_phrases
from tests.test_charts import (
    CHARTS,
    cohort,
    cohort_summary,
    no_change_course,
    observed_scores,
    sensitivity,
    typical_patient,
)


def course(pain: tuple[float, float], phq9: tuple[float, float]) -> pd.DataFrame:
    return pd.DataFrame({"week": [0, 12], "pain": list(pain), "phq9": list(phq9)})


# --------------------------------------------------------------------------- the charts carry them
def test_each_chart_carries_its_describers_sentence():
    patient, summary = typical_patient(), cohort_summary()
    reference, observed = no_change_course(), observed_scores()
    trajectory = charts.trajectory_chart(
        patient, summary, reference=reference, observed=observed, observed_label="Maria"
    ).to_dict()
    assert trajectory["description"] == describe_charts.describe_trajectory(
        patient,
        summary,
        visits=list(range(4, 27, 4)),
        visit_interval_weeks=4,
        reference=reference.assign(scenario="usual care"),
        observed=observed,
        observed_label="Maria",
    )
    usual, treated = typical_patient(6.0, 14.0), typical_patient(4.0, 8.0)
    comparison = charts.comparison_chart(usual, treated, labels=("usual care", "treated"))
    assert comparison.to_dict()["description"] == describe_compare.describe_scenarios(
        {"usual care": usual, "treated": treated}
    )
    tornado = charts.tornado_chart(sensitivity(), 12.0, outcome="PHQ-9 at week 12").to_dict()
    assert tornado["description"] == describe_compare.describe_tornado(
        sensitivity(), 12.0, "PHQ-9 at week 12"
    )
    frame = cohort()
    scores = frame.loc[frame["week"] == 12, "pain"]
    distribution = charts.cohort_distribution_chart(frame, 12, "pain").to_dict()
    assert distribution["description"] == describe_compare.describe_distribution(scores, 12, "pain")


@pytest.mark.parametrize("name", CHARTS)
def test_no_description_reads_as_a_diagnosis(name):
    assert diagnostic_phrases(CHARTS[name]().to_dict()["description"]) == []


# --------------------------------------------------------------------------- readings
@pytest.mark.parametrize(("phq9", "pain"), [(10.5, 4.25), (9.5, 6.35), (14.5, 0.05)])
def test_halves_are_read_up_as_the_readings_read_them(phq9, pain):
    text = describe_charts.describe_trajectory(course((7.0, pain), (22.0, phq9)))
    reading = phq9_reading(phq9)
    assert f"to {reading} ({phq9_severity(reading)})" in text
    assert f"pain falls from 7.0 to {pain_reading(pain):.1f}" in text
    assert reading == int(phq9) + 1, "a half is read up, never to the even neighbour"


@pytest.mark.parametrize(("measure", "top"), [("phq9", 27), ("pain", 10)])
def test_patients_are_counted_by_the_reading_of_their_score(measure, top):
    scores = np.random.default_rng(3).uniform(0, top, 2_000)
    scores[:5] = [0.0, 0.5, 9.5, top - 0.5, top]
    readings = [int(round_half_up(score)) for score in scores]
    expected = [readings.count(whole) for whole in range(top + 1)]
    assert describe_compare.patients_by_score(scores, measure).tolist() == expected
    assert describe_compare.patients_by_score([], measure).tolist() == [0] * (top + 1)
    with pytest.raises(ValueError, match=f"scores must be numbers from 0 to {top}"):
        describe_compare.patients_by_score([top + 0.1], measure)


def test_the_screening_count_is_of_readings_at_10_or_more():
    scores = np.random.default_rng(5).uniform(0, 27, 500)
    scores[:3] = [9.5, 9.49, 10.0]
    screened = sum(phq9_reading(score) >= 10 for score in scores)
    text = describe_compare.describe_distribution(scores, 12)
    assert f"; {screened} of 500 ({screened / 500:.0%}) at 10 or more" in text


# --------------------------------------------------------------------------- counting words
def test_counts_take_the_plural_only_when_more_than_one():
    one_visit = describe_charts.describe_trajectory(
        course((7.0, 5.0), (15.0, 10.0)), visits=[4], visit_interval_weeks=4
    )
    assert "Re-evaluation visits every 4 weeks: week 4." in one_visit
    assert "1 simulated patient:" in describe_compare.describe_distribution([12.0], 12)
    three = describe_compare.describe_scenarios(
        {name: course((7.0, 5.0), (15.0, 10.0)) for name in ("a", "b", "c")}
    )
    assert three.startswith("Three scenarios from week 0 to week 12.")
    legend = describe_charts.trajectory_legend(observed_weeks=[12.0], observed_label="Maria")
    assert legend[-1] == "Black diamonds: Maria's scores at week 12."


def test_describers_name_what_is_wrong():
    with pytest.raises(ValueError, match="patient lacks the column\\(s\\) phq9"):
        describe_charts.describe_trajectory(course((7, 5), (15, 10)).drop(columns="phq9"))
    with pytest.raises(ValueError, match="PHQ-9 must be a number from 0 to 27"):
        describe_charts.describe_trajectory(course((7, 5), (15, 30)))
    with pytest.raises(ValueError, match="measure must be one of pain, phq9"):
        describe_compare.describe_distribution([1.0], 12, "mood")
    with pytest.raises(ValueError, match="links name unknown node\\(s\\) appetite"):
        describe_charts.describe_feedback_loop(
            pd.DataFrame({"node": ["pain"], "label": ["Pain"]}),
            pd.DataFrame({"from_node": ["pain"], "to_node": ["appetite"], "label": ["x"]}),
        )
