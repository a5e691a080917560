"""The symptom checker's logic: loading the tables, sorting ticked symptoms, describing them
(the describer lives in painmood_widgets.describe.symptoms)."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from painmood_widgets import symptoms
from painmood_widgets.describe.symptoms import describe_symptoms
from painmood_widgets.paths import DATASETS_DIR
from tests.helpers import diagnostic_phrases

TABLE = pd.read_csv(DATASETS_DIR / "symptoms.csv", dtype=str, keep_default_na=False)
KEYS = list(TABLE["symptom"])

subsets = st.sets(st.sampled_from(KEYS))


def test_symptom_table_is_read_as_in_the_csv():
    table = symptoms.load_symptoms()
    assert list(table) == KEYS
    for row in TABLE.itertuples():
        symptom = table[row.symptom]
        assert symptom.label == row.label
        assert symptom.dsm5_criterion == (row.dsm5_criterion or None)
        assert symptom.depression == (row.depression == "true")
        assert symptom.chronic_pain == (row.chronic_pain == "true")


def test_tables_are_read_once_and_cannot_be_changed():
    assert symptoms.load_symptoms() is symptoms.load_symptoms()
    assert symptoms.load_overlap() is symptoms.load_overlap()
    with pytest.raises(TypeError):
        symptoms.load_symptoms()["fatigue"] = None


def test_overlap_table_is_read_as_in_the_csv():
    table = pd.read_csv(DATASETS_DIR / "overlap.csv", dtype=str, keep_default_na=False)
    rows = symptoms.load_overlap()
    assert [row.aspect for row in rows] == list(table["aspect"])
    assert [row.depression for row in rows] == list(table["depression"])


def test_classify_sorts_a_worked_example():
    result = symptoms.classify(["fear_avoidance", "fatigue", "anhedonia", "thoughts_of_death"])
    assert result.depression_only == ("anhedonia", "thoughts_of_death")
    assert result.chronic_pain_only == ("fear_avoidance",)
    assert result.both == ("fatigue",)
    assert result.dsm5_criteria == ("A2", "A6", "A9")
    assert result.overlap_detected
    assert result.thoughts_of_death_ticked


@given(subsets)
def test_classify_partitions_the_ticked_symptoms(ticked):
    table = symptoms.load_symptoms()
    result = symptoms.classify(ticked)
    groups = (result.depression_only, result.chronic_pain_only, result.both)
    assert sorted(key for group in groups for key in group) == sorted(ticked)
    assert result.ticked == frozenset(ticked)
    for group in groups:
        assert list(group) == [key for key in KEYS if key in group]
    assert all(table[key].depression and table[key].chronic_pain for key in result.both)
    assert all(not table[key].chronic_pain for key in result.depression_only)
    assert all(not table[key].depression for key in result.chronic_pain_only)
    criteria = sorted(table[key].dsm5_criterion for key in ticked if table[key].dsm5_criterion)
    assert list(result.dsm5_criteria) == sorted(criteria, key=lambda code: int(code[1:]))
    assert result.dsm5_count == len(criteria)
    assert result.overlap_detected == bool(result.both)


def test_repeated_keys_count_once():
    assert symptoms.classify(["fatigue", "fatigue"]).dsm5_count == 1


@pytest.mark.parametrize(
    ("ticked", "named"),
    [
        (["low_mood"], "'low_mood'"),
        (["fatigue", "Fatigue", "sleep"], "'Fatigue', 'sleep'"),
        ([3], "3"),
        ([None], "None"),
        ([["fatigue"]], "['fatigue']"),
    ],
)
def test_unknown_keys_are_named_and_valid_keys_listed(ticked, named):
    with pytest.raises(ValueError, match="unknown symptom key") as error:
        symptoms.classify(ticked)
    message = str(error.value)
    assert named in message
    assert all(key in message.split("valid keys: ")[1] for key in KEYS)


@pytest.mark.parametrize("ticked", ["fatigue", b"fatigue", 3, None])
def test_a_single_string_or_a_non_collection_is_refused(ticked):
    with pytest.raises(ValueError, match="collection of symptom keys"):
        symptoms.classify(ticked)


def test_describe_nothing_ticked():
    text = describe_symptoms(symptoms.classify(()))
    assert text == "No symptoms ticked yet. DSM-5 depression criteria ticked: 0 of 9."


def test_describe_names_the_overlapping_symptoms():
    text = describe_symptoms(symptoms.classify({"sleep_disturbance", "persistent_pain"}))
    assert "Overlapping symptoms detected: insomnia or hypersomnia" in text
    assert "1 of 9 (A4)" in text
    assert "not a diagnosis" in text


def test_describe_without_overlap_does_not_report_one():
    text = describe_symptoms(symptoms.classify({"depressed_mood", "persistent_pain"}))
    assert "overlapping symptoms detected" not in text.lower()


def test_describe_points_to_the_safety_message_for_thoughts_of_death():
    assert "safety message" in describe_symptoms(symptoms.classify({"thoughts_of_death"}))
    assert "safety message" not in describe_symptoms(symptoms.classify({"depressed_mood"}))


@given(subsets)
def test_describe_never_names_a_diagnosis(ticked):
    text = describe_symptoms(symptoms.classify(ticked)).lower()
    assert text
    assert diagnostic_phrases(text) == []
    assert f"{symptoms.classify(ticked).dsm5_count} of 9" in text


def test_caveat_states_what_dsm5_also_requires():
    caveat = symptoms.DSM5_COUNT_CAVEAT
    for needed in ("not a diagnosis", "5 of the 9", "(A1)", "(A2)", "2 weeks", "impairment"):
        assert needed in caveat
    assert "never makes that call" in caveat


GOOD_ROW = "fatigue,Fatigue or loss of energy,A6,true,true,DSM-5"
HEADER = "symptom,label,dsm5_criterion,depression,chronic_pain,source"


@pytest.mark.parametrize(
    ("lines", "complaint"),
    [
        (["symptom,label,criterion,depression,chronic_pain,source", GOOD_ROW], "columns must"),
        ([HEADER, "Fatigue,Fatigue,A6,true,true,DSM-5"], "snake_case"),
        ([HEADER, "fatigue,Fatigue,A6,yes,true,DSM-5"], "true or false"),
        ([HEADER, "fatigue,Fatigue,A10,true,true,DSM-5"], "A1 to A9"),
        ([HEADER, "fatigue,Fatigue,,true,true,DSM-5"], "exactly when depression"),
        ([HEADER, "fatigue,Fatigue,A6,false,true,DSM-5"], "exactly when depression"),
        ([HEADER, "fatigue,Fatigue,,false,false,DSM-5"], "neither"),
        ([HEADER, GOOD_ROW, GOOD_ROW], "unique"),
        ([HEADER, GOOD_ROW, "tiredness,Tired,A6,true,true,DSM-5"], "once"),
        ([HEADER, "fatigue, ,A6,true,true,DSM-5"], "label must not be empty"),
    ],
)
def test_a_broken_symptom_table_is_refused(tmp_path, lines, complaint):
    path = tmp_path / "symptoms.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=complaint):
        symptoms.load_symptoms(path)


def test_a_missing_table_is_refused(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        symptoms.load_overlap(tmp_path / "overlap.csv")
