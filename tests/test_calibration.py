"""The calibration table: every effect within the range the page states, the trial arms
reproduced, and the teachers' page saying exactly what the model does."""

import re

import numpy as np
import pytest

from painmood_widgets import calibration, evidence, model

PAGE = calibration.DOCS_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def effects():
    return calibration.effects_table()


@pytest.fixture(scope="module")
def arms():
    return calibration.responder_table()


def test_every_published_effect_is_within_its_stated_range(effects):
    checked = effects[effects["published"].notna()]
    assert len(checked) >= 18
    outside = [
        (row["effect"], row["score"], row[row["checked"]], row["low"], row["high"])
        for _, row in checked.iterrows()
        if not row["low"] <= row[row["checked"]] <= row["high"]
    ]
    assert outside == []


def test_treatments_reproduce_the_trial_difference_not_the_difference_amplified(effects):
    """Model v1 applied each SMD and let the loop amplify it (1.3-1.8x in the long run)."""
    at_week_12 = effects[(effects["reproduced"] == "week 12") & effects["published"].notna()]
    assert set(at_week_12["effect"]) >= {"duloxetine", "CBT", "mindfulness", "social support"}
    np.testing.assert_allclose(at_week_12["model, week 12"], at_week_12["published"], rtol=1e-9)
    growth = at_week_12["model, long run"] / at_week_12["model, week 12"]
    assert (growth >= 1).all() and (growth <= 1.1).all()
    assert calibration.long_run_growth() == pytest.approx(growth.max())


def test_every_treatment_and_lever_is_in_the_table(effects):
    names = " ".join(effects["effect"])
    for word in (
        "duloxetine",
        "CBT",
        "CBT-I",
        "mindfulness",
        "social support",
        "exercise",
        "sleep",
        "activity",
        "CRP",
        "opioids",
        "usual care",
    ):
        assert word in names, word
    sources = set(effects["source"])
    assert not any(source.startswith("Source article") for source in sources)


def test_simulated_trial_arms_stay_in_their_ranges(arms):
    outside = arms[(arms["model"] < arms["low"]) | (arms["model"] > arms["high"])]
    assert outside[["trial", "measure", "model", "low", "high"]].to_dict("records") == []
    assert arms["why"].str.len().min() > 5


def test_the_responder_gap_is_the_trials_not_model_v1s(arms):
    """Model v1: 0% vs 3% reached 50% pain relief (NNT about 33); the trials: NNT about 6."""
    rows = arms.set_index("measure")
    assert rows.loc["number needed to treat for 50% relief", "model"] < 8
    placebo = arms[(arms["trial"] == "Lunn 2014, placebo")].set_index("measure")
    assert placebo.loc["at least 50% pain relief, week 12 (%)", "model"] > 20


def test_the_case_table_is_read_off_the_band():
    table = calibration.case_table(n=500)
    for row in table.itertuples(index=False):
        assert (row.p10 <= row.Maria <= row.p90) == (row.where == "inside")
        assert row.better_than_median == (row.Maria < row.median)


# --------------------------------------------------------------------------- the page
def test_the_page_says_what_the_model_does():
    """Every generated section of docs/model.md is what the model gives now; run
    `python -m painmood_widgets.calibration` after changing the model or the evidence."""
    for name, text in calibration.generated_sections().items():
        section = re.search(
            rf"<!-- generated: {name} -->\n(.*?)\n<!-- end: {name} -->", PAGE, re.DOTALL
        )
        assert section is not None, name
        assert section.group(1) == text, name


def test_every_value_quoted_in_the_text_is_the_rows_value():
    quoted = re.findall(r"`([a-z][a-z0-9_]*)` = (-?\d[\d.]*)", PAGE)
    assert len(quoted) >= 30
    wrong = [
        (name, value)
        for name, value in quoted
        if evidence.parameter(name) != pytest.approx(float(value.rstrip(".")), abs=1e-9)
    ]
    assert wrong == []


def test_the_page_names_every_model_parameter():
    assert [name for name in model.MODEL_PARAMETERS if f"`{name}`" not in PAGE] == []


def test_write_docs_refuses_a_page_without_its_sections(tmp_path):
    page = tmp_path / "model.md"
    page.write_text("# A page\n<!-- generated: loop -->\nold\n<!-- end: loop -->\n")
    with pytest.raises(ValueError, match="must hold the generated sections"):
        calibration.write_docs(page)


def test_write_docs_rewrites_stale_sections_and_reports_it(tmp_path):
    page = tmp_path / "model.md"
    stale = re.sub(r"Loop gain: \*\*[\d.]+\*\*", "Loop gain: **0.99**", PAGE)
    assert stale != PAGE
    page.write_text(stale, encoding="utf-8")
    assert calibration.write_docs(page) is True
    assert page.read_text(encoding="utf-8") == PAGE
    assert calibration.write_docs(page) is False
