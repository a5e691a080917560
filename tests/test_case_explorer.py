"""The case explorer, driven from Python as a learner and an instructor would drive it.

:mod:`painmood_widgets.case` is the oracle: whatever is ticked, the explorer shows what
``case_against_band`` and ``describe_case`` give for the ticked treatments, in the same
widgets and the same chart widget.
"""

import html
import math
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import ipywidgets as widgets
import pytest

from painmood_widgets import case, charts, evidence
from painmood_widgets.describe import case as case_words
from painmood_widgets.widgets.case_explorer import CaseExplorer
from painmood_widgets.widgets.common import EDUCATIONAL_NOTICE
from tests.helpers import diagnostic_phrases, html_values

HERS = ("duloxetine", "exercise", "cbt")
SUBSETS = [frozenset(chosen) for k in range(len(HERS) + 1) for chosen in combinations(HERS, k)]


@pytest.fixture(scope="module")
def explorer() -> Iterator[CaseExplorer]:
    """One explorer for the tests that drive it; each puts it back as it found it."""
    built = CaseExplorer()
    yield built
    built.set_treatments(HERS)


def _band_at(spec: dict, week: int) -> dict:
    """The cohort summary row the chart draws for a week."""
    rows = [
        row
        for rows in spec["datasets"].values()
        for row in rows
        if "phq9_p90" in row and row["week"] == week
    ]
    assert len(rows) == 1
    return rows[0]


def _observed(spec: dict) -> list[dict]:
    """Her observed points as the chart draws them."""
    return [row for rows in spec["datasets"].values() for row in rows if row.get("who")]


def _same_band(left: case.CaseComparison, right: case.CaseComparison) -> bool:
    return (left.scenario, left.pain, left.phq9) == (right.scenario, right.pain, right.phq9)


# --- what it shows -------------------------------------------------------------------------


def test_it_opens_with_her_three_treatments_ticked(explorer):
    assert list(explorer.treatments) == list(HERS)
    for name, box in explorer.treatments.items():
        assert isinstance(box, widgets.Checkbox) and box.value
        assert box.description == case.CASE_TREATMENTS[name]
        assert box.style.description_width == "initial"
    assert explorer.selected_treatments == frozenset(HERS)
    assert _same_band(explorer.comparison, case.case_against_band())
    assert explorer.summary_text == case_words.describe_case(case.case_against_band())
    assert html.escape(explorer.summary_text) in explorer.summary_display.value


def test_it_tells_the_story_with_the_notice():
    shown = " ".join(html_values(CaseExplorer(n=100)))
    assert html.escape(EDUCATIONAL_NOTICE) in shown
    for fact in ("Maria", "48", "7/10", "PHQ-9 is 15 (moderately severe band)", "4/10"):
        assert fact in shown
    assert "PHQ-9 is 6 (mild band)" in shown
    assert (
        "She starts duloxetine (antidepressant), gentle yoga (exercise programme) and weekly "
        "cognitive behavioural therapy (CBT)." in shown
    )
    assert "not data" in shown and "illustrative" in shown


def test_the_chart_draws_her_points_over_the_band(explorer):
    spec = explorer.chart.spec
    observed = sorted(_observed(spec), key=lambda row: row["week"])
    assert [(row["week"], row["pain"], row["phq9"]) for row in observed] == [
        (0, 7.0, 15.0),
        (12, 4.0, 6.0),
    ]
    band = _band_at(spec, 12)
    assert band["phq9_p10"] == pytest.approx(explorer.comparison.phq9.p10)
    assert spec["description"].startswith(explorer.summary_text)
    assert "Black diamonds: Maria's scores at weeks 0 and 12." in spec["title"]["subtitle"]


def test_the_summary_says_where_the_band_puts_her(explorer):
    assert explorer.summary_text == case_words.describe_case(explorer.comparison)
    for score in (explorer.comparison.pain, explorer.comparison.phq9):
        assert score.inside_band == (score.p10 <= score.observed <= score.p90)
        assert score.better_than_median == (score.observed < score.p50)


# --- unticking treatments -------------------------------------------------------------------


def test_unticking_moves_the_band_up_and_updates_in_place(explorer):
    chart, summary_display = explorer.chart, explorer.summary_display
    before = _band_at(explorer.chart.spec, 12)
    summary_before = explorer.summary_text
    explorer.treatments["duloxetine"].value = False
    assert explorer.chart is chart and explorer.summary_display is summary_display
    after = _band_at(explorer.chart.spec, 12)
    for column in ("pain_p50", "pain_p90", "phq9_p50", "phq9_p90"):
        assert after[column] > before[column]
    assert explorer.summary_text != summary_before
    assert explorer.summary_text == case_words.describe_case(
        case.case_against_band(treatments=("exercise", "cbt"))
    )
    assert "(duloxetine switched off)" in explorer.summary_text
    assert explorer.chart.spec["description"].startswith(explorer.summary_text)
    assert "duloxetine_pain_smd" not in explorer.band_evidence_display.value
    explorer.treatments["duloxetine"].value = True
    assert _band_at(explorer.chart.spec, 12) == before
    assert explorer.summary_text == summary_before
    assert "duloxetine_pain_smd" in explorer.band_evidence_display.value


def _assert_drawn_as_built(explorer: CaseExplorer) -> None:
    """The widget draws exactly the chart built afresh from what the explorer shows."""
    comparison = explorer.comparison
    chart = charts.trajectory_chart(
        comparison.typical,
        comparison.cohort_summary,
        observed=case.case_course(explorer.case),
        observed_label=explorer.case.name,
        title=f"{explorer.case.name}'s course against the model's band",
    )
    expected = chart.properties(description=f"{explorer.summary_text} {chart.description}")
    assert explorer.chart.spec == expected.to_dict()


def test_a_treatment_change_swaps_the_data_not_the_layout(explorer):
    rebuilds = []
    explorer.chart.observe(rebuilds.append, names="chart")
    try:
        _assert_drawn_as_built(explorer)
        for chosen in ({"cbt"}, set(), HERS):
            explorer.set_treatments(chosen)
            _assert_drawn_as_built(explorer)
    finally:
        explorer.chart.unobserve(rebuilds.append, names="chart")
    assert rebuilds == []


def test_set_treatments_updates_once(explorer):
    updates = []
    explorer.chart.observe(updates.append, names="spec")
    try:
        explorer.set_treatments({"cbt"})
    finally:
        explorer.chart.unobserve(updates.append, names="spec")
    assert len(updates) == 1
    assert explorer.selected_treatments == {"cbt"}
    assert explorer.comparison.scenario.treatments == {"cbt"}
    explorer.set_treatments(HERS)


@pytest.mark.parametrize("bad", ["cbt", ["cbt", "cbt_i"], ["yoga"]])
def test_set_treatments_refuses_what_is_not_hers(explorer, bad):
    with pytest.raises(ValueError, match=r"bare string|unknown treatment"):
        explorer.set_treatments(bad)
    assert explorer.selected_treatments == frozenset(HERS)


@pytest.mark.parametrize("subset", SUBSETS, ids=lambda s: "+".join(sorted(s)) or "none")
def test_every_combination_shows_a_clean_state(explorer, subset):
    explorer.set_treatments(subset)
    try:
        assert explorer.comparison.scenario.treatments == subset
        assert explorer.summary_text == case_words.describe_case(explorer.comparison)
        assert explorer.chart.spec["description"] == explorer.state.chart_description
        assert explorer.state.chart_description.startswith(explorer.summary_text)
        assert "Maria" in explorer.state.chart_description.removeprefix(explorer.summary_text)
        assert explorer.summary_text and "nan" not in explorer.summary_text.lower()
        band = _band_at(explorer.chart.spec, 12)
        assert all(math.isfinite(value) for value in band.values())
        assert 0 <= band["pain_p10"] <= band["pain_p90"] <= 10
        assert 0 <= band["phq9_p10"] <= band["phq9_p90"] <= 27
        text = " ".join([explorer.summary_text, *html_values(explorer)]).lower()
        assert diagnostic_phrases(text) == []
    finally:
        explorer.set_treatments(HERS)


# --- questions and instructor notes --------------------------------------------------------


def test_instructor_notes_are_hidden_until_asked_for(explorer):
    assert explorer.show_answers.value is False
    assert not explorer.answers_visible
    assert len(explorer.answer_displays) == len(explorer.questions) == 5
    shown = " ".join(html_values(explorer))
    for question, display in zip(explorer.questions, explorer.answer_displays, strict=True):
        assert html.escape(question.prompt) in shown
        assert html.escape(question.answer) in display.value
        assert display.layout.display == "none"
    explorer.show_answers.value = True
    try:
        assert explorer.answers_visible
        assert all(display.layout.display is None for display in explorer.answer_displays)
    finally:
        explorer.show_answers.value = False
    assert all(display.layout.display == "none" for display in explorer.answer_displays)


def test_a_student_view_leaves_the_answers_out():
    student = CaseExplorer(n=100, instructor_notes=False)
    assert student.answer_displays == ()
    assert student.show_answers.disabled and student.show_answers.layout.display == "none"
    shown = " ".join(html_values(student))
    for question in student.questions:
        assert html.escape(question.prompt) in shown
        assert html.escape(question.answer) not in shown
    student.show_answers.value = True
    assert not student.answers_visible


# --- evidence ----------------------------------------------------------------------------------


def test_her_numbers_follow_the_evidence_table(tmp_path: Path):
    table = evidence.load_evidence()
    table.loc[table["parameter"] == "case_follow_up_phq9", "value"] = 11
    path = tmp_path / "evidence.csv"
    table.to_csv(path, index=False)
    with evidence.use_evidence(path):
        changed = CaseExplorer(n=300)
        assert changed.case.follow_up_phq9 == 11
        assert changed.comparison.phq9.observed == 11
        assert not changed.comparison.phq9.better_than_median
        assert "PHQ-9 is 11 (moderate band)" in " ".join(html_values(changed))
        assert [row["phq9"] for row in _observed(changed.chart.spec) if row["week"] == 12] == [11]
        assert changed.questions[0].prompt.startswith("Her PHQ-9 fell 4 points")
    shown = " ".join(html_values(CaseExplorer(n=100)))
    assert "PHQ-9 is 6 (mild band)" in shown


def test_the_evidence_rows_behind_her_numbers_are_listed(explorer):
    listed = explorer.case_evidence_display.value
    for name in (*case.CASE_PARAMETERS, *case.CONTEXT_PARAMETERS):
        assert f"<code>{name}</code>" in listed
    assert explorer.evidence_panel.children == (
        explorer.case_evidence_display,
        explorer.band_evidence_display,
    )


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="n must be"):
        CaseExplorer(n=0)
    with pytest.raises(ValueError, match="delay_s"):
        CaseExplorer(delay_s=-1)
