"""The evidence table: well formed, honest about its sources, and loaded once."""

import math
from pathlib import Path
from statistics import NormalDist

import pandas as pd
import pytest

from painmood_widgets import evidence, model

# First authors and bodies cited in the project's vetted evidence brief, and those read
# (abstract or summary of findings) for model v2 and listed on docs/model.md; a published
# or derived row citing anyone else would be a citation nobody checked.
BRIEF_SOURCES = (
    "Afolalu",
    "Bair",
    "Busse",
    "Chandola",
    "Cleeland",
    "Dowell",
    "Dowlati",
    "Dworkin",
    "Farrar",
    "Furukawa",
    "Geneen",
    "Haapakoski",
    "Hilton",
    "Jiang",
    "Kroenke",
    "Lucas & Sohi",
    "Löwe",
    "Lunn",
    "NHS Data Dictionary",
    "O'Mahony",
    "Osimo",
    "Pearce",
    "Pearson",
    "Rikard",
    "Runge",
    "Scherrer",
    "Selvanathan",
    "Serlin",
    "Simon",
    "Szuhany",
    "Valkanova",
    "Verville",
    "Williams, Eccleston, Morley",
    "Zelaya",
    "Zhai",
)

# The source article's numbers that the brief found unsupported, overstated or untraceable.
ARTICLE_CLAIMS = {
    "article_claim_cortisol_depression_ratio": 1.8,
    "article_claim_cbt_pain_reduction_percent": 15.0,
    "article_claim_cbt_depression_reduction_percent": 20.0,
    "article_claim_short_sleep_phq9_increase_percent": 30.0,
    "article_claim_opioid_depression_risk_ratio": 2.0,
    "article_claim_mindfulness_reduction_low_percent": 10.0,
    "article_claim_mindfulness_reduction_high_percent": 15.0,
    "article_claim_cbt_i_pain_reduction_percent": 10.0,
    "article_claim_cbt_i_depression_reduction_percent": 15.0,
    "article_claim_cbt_i_weeks": 4.0,
}

# Numbers learners see outside the model, which later apps cite by key.
LEARNER_FACING = (
    "chronic_pain_prevalence_2023_percent",
    "chronic_pain_prevalence_age_65_plus_percent",
    "depression_in_pain_primary_care_high_percent",
    "phq9_moderate_from",
    "phq9_severe_from",
    "item9_attempt_risk_not_at_all_percent",
    "item9_attempt_risk_nearly_every_day_percent",
    "phq9_clinically_important_change_points",
    "pain_clinically_important_change_percent",
    "reevaluation_interval_min_weeks",
    "reevaluation_interval_max_weeks",
    "case_baseline_pain",
    "case_follow_up_phq9",
)


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return evidence.load_evidence()


def _logistic_smd(ratio: float) -> float:
    return math.log(ratio) * math.sqrt(3) / math.pi


def _responder_share(percent: float) -> float:
    """Standard normals above which ``percent`` of a normal distribution lies."""
    return NormalDist().inv_cdf(1 - percent / 100)


def _natural_course_spread(v) -> float:
    threshold = v["pain_substantial_change_percent"] / 100
    return (threshold - v["natural_course_pain_fraction"]) / _responder_share(
        v["lunn_placebo_pain_relief_50_percent"]
    )


def _activity_dose(v, minutes: float) -> float:
    return (minutes / v["activity_reference_minutes"]) ** v["activity_dose_exponent"]


# How each derived row is computed from other rows of the same table.
DERIVATIONS = {
    "sleep_short_depression_smd": lambda v: _logistic_smd(v["sleep_short_depression_rr"]),
    "sleep_problem_pain_smd": lambda v: _logistic_smd(v["sleep_problem_pain_or_short_term"]),
    "opioid_90_180_phq9_smd": lambda v: _logistic_smd(v["opioid_depression_hr_90_180"]),
    "opioid_over_180_phq9_smd": lambda v: _logistic_smd(v["opioid_depression_hr_over_180"]),
    "duloxetine_pain_smd": lambda v: (
        v["lunn_duloxetine_pain_mean_difference_points"] / v["pain_sd_points"]
    ),
    "duloxetine_phq9_smd": lambda v: (
        v["natural_course_spread"]
        * (
            _responder_share(v["scamp_usual_care_response_percent"])
            - _responder_share(v["scamp_depression_response_percent"])
        )
        * v["calibration_baseline_phq9"]
        / v["phq9_sd_points"]
    ),
    "natural_course_pain_fraction": lambda v: (
        v["lunn_placebo_pain_improvement_points"] / v["calibration_baseline_pain"]
    ),
    "natural_course_spread": _natural_course_spread,
    "natural_course_phq9_fraction": lambda v: (
        v["phq9_response_drop_percent"] / 100
        - _responder_share(v["scamp_usual_care_response_percent"]) * v["natural_course_spread"]
    ),
    "activity_dose_exponent": lambda v: math.log2(
        math.log(v["activity_recommended_depression_rr"])
        / math.log(v["activity_half_volume_depression_rr"])
    ),
    "activity_depression_smd": lambda v: -_logistic_smd(v["activity_recommended_depression_rr"]),
    "activity_pain_smd": lambda v: (
        v["exercise_pain_smd"]
        / (
            _activity_dose(
                v, v["exercise_trial_activity_minutes"] + v["exercise_programme_minutes"]
            )
            - _activity_dose(v, v["exercise_trial_activity_minutes"])
        )
    ),
}


def test_columns_are_exactly_the_agreed_seven(table):
    assert tuple(table.columns) == evidence.COLUMNS
    header = evidence.EVIDENCE_PATH.read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(evidence.COLUMNS)


def test_keys_are_unique_snake_case_and_values_finite(table):
    assert table["parameter"].is_unique
    assert table["parameter"].str.fullmatch(r"[a-z][a-z0-9_]*").all()
    assert table["value"].map(math.isfinite).all()
    assert set(table["evidence_level"]) <= set(evidence.EVIDENCE_LEVELS)
    for column in ("unit", "meaning", "source"):
        assert (table[column].str.strip() != "").all(), column


def test_every_model_parameter_has_a_row(table):
    assert set(model.MODEL_PARAMETERS) <= set(table["parameter"])
    assert len(set(model.MODEL_PARAMETERS)) == len(model.MODEL_PARAMETERS)


def test_published_and_derived_rows_cite_only_the_brief(table):
    cited = table[table["evidence_level"].isin(["published", "derived"])]
    for parameter, source in zip(cited["parameter"], cited["source"], strict=True):
        assert source.startswith(BRIEF_SOURCES), f"{parameter}: {source}"


def test_derived_and_illustrative_rows_say_how_or_why(table):
    explained = table[table["evidence_level"].isin(["derived", "illustrative"])]
    short = explained[explained["notes"].str.len() < 15]["parameter"].tolist()
    assert short == []


def test_each_derived_row_follows_from_its_published_inputs(table):
    values = dict(zip(table["parameter"], table["value"], strict=True))
    derived = set(table.loc[table["evidence_level"] == "derived", "parameter"])
    assert derived == set(DERIVATIONS)
    for name, derive in DERIVATIONS.items():
        assert values[name] == pytest.approx(derive(values), abs=0.001), name


def test_the_source_articles_unsupported_numbers_are_labelled(table):
    rows = table.set_index("parameter")
    for name, value in ARTICLE_CLAIMS.items():
        row = rows.loc[name]
        assert row["value"] == value, name
        assert row["evidence_level"] == "illustrative", name
        assert row["source"].startswith("Source article"), name
        assert any(
            word in row["notes"] for word in ("Unsupported", "Partly", "Misattributed", "not:")
        ), name


def test_numbers_learners_see_elsewhere_have_rows(table):
    assert set(LEARNER_FACING) <= set(table["parameter"])
    case = table[table["parameter"].str.startswith("case_")]
    assert set(case["evidence_level"]) == {"illustrative"}


def test_uncertain_figures_are_not_called_published(table):
    rows = table.set_index("parameter")
    assert rows.loc["pain_in_depression_percent", "evidence_level"] == "illustrative"
    couplings = [
        name for name in model.MODEL_PARAMETERS if name.startswith(("coupling_", "stress_"))
    ]
    assert set(rows.loc[couplings, "evidence_level"]) == {"illustrative"}


def test_parameter_returns_floats_and_suggests_close_names():
    assert evidence.parameter("opioid_duration_step1_days") == 90.0
    assert isinstance(evidence.parameter("phq9_max"), float)
    with pytest.raises(ValueError, match=r"unknown evidence parameter 'phq9_maks'.*phq9_max"):
        evidence.parameter("phq9_maks")
    with pytest.raises(ValueError, match=r"^unknown evidence parameter 'zzz'$"):
        evidence.parameter("zzz")


def test_rows_keep_the_order_asked_and_refuse_unknown_names():
    picked = evidence.rows(["cbt_pain_smd", "cbt_phq9_smd", "cbt_pain_smd"])
    assert picked["parameter"].tolist() == ["cbt_pain_smd", "cbt_phq9_smd"]
    assert list(picked.columns) == list(evidence.COLUMNS)
    assert evidence.rows("phq9_max")["value"].tolist() == [27.0]
    with pytest.raises(ValueError, match="did you mean cbt_pain_smd"):
        evidence.rows(["cbt_pain_smdd"])


def test_load_returns_a_copy_so_callers_cannot_change_the_model():
    first = evidence.load_evidence()
    first["value"] = 0.0
    assert evidence.parameter("phq9_max") == 27.0
    assert evidence.load_evidence()["value"].max() > 0


def test_table_is_read_once_per_process(monkeypatch):
    evidence.clear_cache()
    calls = []
    real_read_csv = pd.read_csv

    def counting_read_csv(*args, **kwargs):
        calls.append(args)
        return real_read_csv(*args, **kwargs)

    monkeypatch.setattr(pd, "read_csv", counting_read_csv)
    evidence.load_evidence()
    evidence.parameter("phq9_max")
    evidence.rows(["phq9_max"])
    model.trajectory(model.Scenario(treatments={"cbt"}))
    assert len(calls) == 1
    evidence.clear_cache()
    evidence.values()
    assert len(calls) == 2


def _write(tmp_path: Path, table: pd.DataFrame) -> Path:
    path = tmp_path / "evidence.csv"
    table.to_csv(path, index=False)
    return path


def _broken(table: pd.DataFrame, change: str) -> pd.DataFrame:
    broken = table.astype({"value": object}).copy()
    if change == "missing column":
        return broken.drop(columns="notes")
    if change == "columns out of order":
        return broken[["value", *[c for c in evidence.COLUMNS if c != "value"]]]
    if change == "repeated key":
        broken.loc[1, "parameter"] = broken.loc[0, "parameter"]
    elif change == "bad key":
        broken.loc[0, "parameter"] = "Pain SD"
    elif change == "text value":
        broken.loc[0, "value"] = "about 2"
    elif change == "infinite value":
        broken.loc[0, "value"] = "inf"
    elif change == "empty value":
        broken.loc[0, "value"] = ""
    elif change == "unknown level":
        broken.loc[0, "evidence_level"] = "expert opinion"
    elif change == "empty source":
        broken.loc[0, "source"] = " "
    elif change == "empty unit":
        broken.loc[0, "unit"] = ""
    return broken


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("missing column", "columns must be parameter, value"),
        ("columns out of order", "in this order"),
        ("repeated key", "must be unique"),
        ("bad key", "snake_case"),
        ("text value", "finite number"),
        ("infinite value", "finite number"),
        ("empty value", "finite number"),
        ("unknown level", "evidence_level must be one of published, derived, illustrative"),
        ("empty source", "source must not be empty"),
        ("empty unit", "unit must not be empty"),
    ],
)
def test_a_broken_table_is_refused_with_a_plain_message(tmp_path, table, change, message):
    path = _write(tmp_path, _broken(table, change))
    with pytest.raises(ValueError, match=message):
        evidence.load_evidence(path)


def test_missing_file_is_a_plain_error(tmp_path):
    with pytest.raises(ValueError, match="evidence table not found"):
        evidence.load_evidence(tmp_path / "nowhere.csv")


def test_use_evidence_swaps_the_table_for_a_block_and_restores_it(tmp_path, table):
    changed = table.copy()
    changed.loc[changed["parameter"] == "cbt_phq9_smd", "value"] = 0.9
    path = _write(tmp_path, changed)
    with evidence.use_evidence(path) as active:
        assert evidence.parameter("cbt_phq9_smd") == 0.9
        assert active.equals(evidence.load_evidence())
    assert evidence.parameter("cbt_phq9_smd") == 0.38


def test_use_evidence_validates_on_entry(tmp_path, table):
    path = _write(tmp_path, _broken(table, "unknown level"))
    with pytest.raises(ValueError, match="evidence_level"), evidence.use_evidence(path):
        pass
    assert evidence.parameter("phq9_max") == 27.0
