"""The course notebooks: each one's shape, its self-checks, and its figures against the table.

nbval runs every notebook top to bottom (``make test``); these tests read their source.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

from painmood_widgets import evidence, widgets
from painmood_widgets.references import references
from tests import course_checks

ROOT = Path(__file__).resolve().parents[1]
COURSE = (
    "00_start_here",
    "01_two_conditions_one_patient",
    "02_shared_biology",
    "03_biopsychosocial_model",
    "04_lifestyle_loops",
    "05_measuring_it",
    "06_treating_both",
    "07_case_study",
    "08_cohort_data",
)
LESSONS = COURSE[1:]
SELF_CHECKS = ("multiple_choice", "numeric")
WIDGETS = (*widgets.__all__,)


def read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)


def reference_sources(notebook: nbformat.NotebookNode) -> set[str]:
    """The sources a notebook's ``references(...)`` call lists, rendered from the table."""
    sources = set()
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "references":
                names = [ast.literal_eval(argument) for argument in node.args]
                sources |= {reference.source for reference in references(*names)}
    return sources


def test_the_course_is_all_there():
    found = sorted(path.stem for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert found == list(COURSE)


def test_start_here_maps_every_lesson_with_its_time_and_a_path_for_each_user():
    text = course_checks.markdown_text(read("00_start_here")).replace("*", "")
    for name in LESSONS:
        assert f"{name}.ipynb" in text, f"00_start_here does not link {name}"
    for reader in ("clinician in training", "instructor", "not code"):
        assert reader in text.lower()
    assert len(re.findall(r"\b\d{2} min", text)) >= len(LESSONS)


def test_the_map_gives_each_lesson_the_time_the_lesson_gives_itself():
    text = course_checks.markdown_text(read("00_start_here"))
    for name in LESSONS:
        mapped = re.search(rf"\({name}\.ipynb\) \| (\d+) min", text)
        own = re.search(r"About (\d+) minutes", read(name).cells[0].source)
        assert mapped and own and mapped.group(1) == own.group(1), name


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_has_objectives_key_points_references_and_the_notice(name):
    notebook = read(name)
    titles = [title.lower() for title in course_checks.headings(notebook)]
    for section in ("learning objectives", "key points", "references"):
        assert section in titles, f"{name} has no '{section}' heading"
    assert titles.index("learning objectives") < titles.index("key points")
    assert titles.index("key points") < titles.index("references")
    first = notebook.cells[0].source
    assert "Educational, not diagnostic" in first
    minutes = [int(found) for found in re.findall(r"(\d+) minutes", first)]
    assert minutes and all(15 <= found <= 30 for found in minutes), f"{name}: say its time"
    assert reference_sources(notebook), f"{name} renders no references from the table"


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_has_a_widget_and_two_to_four_self_checks(name):
    notebook = read(name)
    uses = course_checks.code_calls(notebook, (*WIDGETS, "DoseResponseExplorer"))
    assert sum(uses.values()) >= 1, f"{name} shows none of {WIDGETS}"
    checks = course_checks.code_calls(notebook, SELF_CHECKS)
    assert 2 <= sum(checks.values()) <= 4, f"{name}: {checks}"


@pytest.mark.parametrize("name", COURSE)
def test_code_cells_are_calls_not_logic(name):
    for cell in read(name).cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(
                node, ast.FunctionDef | ast.ClassDef | ast.For | ast.While | ast.Lambda
            ), f"{name}: logic belongs in the package, not in a cell:\n{cell.source}"


@pytest.mark.parametrize("name", COURSE)
def test_every_figure_stated_beside_a_citation_is_in_the_evidence_table(name):
    table = evidence.load_evidence()
    problems = course_checks.unsupported_figures(
        course_checks.markdown_text(read(name)),
        course_checks.cited_sources(table),
        course_checks.article_claims(table),
    )
    assert problems == []


@pytest.mark.parametrize("name", LESSONS)
def test_every_source_cited_is_in_the_reference_list(name):
    notebook = read(name)
    text = course_checks.markdown_text(notebook)
    listed = " ".join(reference_sources(notebook))
    for source in course_checks.cited_sources(evidence.load_evidence()):
        if any(course_checks.sentences(text)) and re.search(
            rf"\b{re.escape(source.surname)}\b[^()\n|]{{0,90}}?\b{source.year}\b", text
        ):
            assert re.search(rf"\b{re.escape(source.surname)}\b.*?\b{source.year}\b", listed), (
                f"{name} cites {source.surname} {source.year} but its references omit it"
            )


# ---------------------------------------------------------------- the figure check itself
SOURCES = [
    course_checks.CitedSource("Lucas", "2024", frozenset({24.3, 8.5})),
    course_checks.CitedSource("Pearce", "2022", frozenset({0.75, 150.0})),
]
CLAIMS = frozenset({20.0})


def check(markdown: str) -> list[str]:
    return course_checks.unsupported_figures(markdown, SOURCES, CLAIMS)


def test_a_figure_matching_its_source_passes():
    assert (
        check("In 2023, 24.3% of US adults had chronic pain (Lucas & Sohi, NCHS 518, 2024).") == []
    )


def test_a_drifted_figure_is_caught():
    problems = check("About 25% of US adults had chronic pain (Lucas & Sohi, NCHS 518, 2024).")
    assert len(problems) == 1 and problems[0].startswith("'25'")


def test_a_figure_from_another_source_is_caught():
    assert check("A relative risk of 0.75 (Lucas & Sohi, NCHS Data Brief 518, 2024).") != []


def test_rounding_to_the_places_shown_is_accepted_but_not_invented_places():
    assert check("Chronic pain: 24% of adults (Lucas & Sohi, 2024).") == []
    assert check("Chronic pain: 24.30% of adults (Lucas & Sohi, 2024).") == []
    assert check("Chronic pain: 24.4% of adults (Lucas & Sohi, 2024).") != []


def test_names_numbering_years_and_the_citation_itself_are_not_figures():
    text = (
        "PHQ-9 item 9 and IL-6 on the 0-27 scale at week 12 in 2023: 150 minutes "
        "(Pearce et al., JAMA Psychiatry 2022;79:550)."
    )
    assert check(text) == []


def test_the_source_articles_claims_may_be_quoted_beside_it():
    assert check("The source article's 20% is dated: 24.3% (Lucas & Sohi, 2024).") == []
    assert check("The source article says 30%.") != []


def test_a_sentence_without_a_citation_is_not_checked_and_sentences_split_outside_brackets():
    assert check("Take 25 minutes. Then 24.3% (Lucas et al., Pain 2024).") == []
    assert course_checks.sentences("One (Lucas et al. 2024. Pain). Two.") == [
        "One (Lucas et al. 2024. Pain).",
        "Two.",
    ]


def test_list_items_are_checked_one_by_one_and_their_numbers_are_not_figures():
    items = "1. First, 24.3% (Lucas & Sohi, 2024).\n2. The source article's 20%.\n3. Third."
    assert check(items) == []
    assert course_checks.sentences("- one\n  more\n- two") == ["one more", "two"]


def test_table_rows_are_checked_one_by_one():
    table = "| a | b |\n| --- | --- |\n| pain | 26% (Lucas & Sohi, 2024) |"
    assert len(check(table)) == 1
