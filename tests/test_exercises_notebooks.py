"""The workshop exercises: shape, stubs that match their solutions, student versions that
leak nothing and run, and instructor versions whose checks all pass.

Each instructor notebook and its student version (made as ``make student`` makes it) is
executed in a fresh kernel: in the instructor version every check says "Right.", in the
student version every check says "Not answered yet" and nothing fails.
"""

import ast
import re
from pathlib import Path

import nbclient
import nbformat
import pytest

from painmood_widgets.exercises.student import (
    EXERCISES_DIR,
    INSTRUCTOR_ONLY_TAGS,
    instructor_notebooks,
    student_version,
    write_student_versions,
)
from tests.helpers import diagnostic_phrases

NOTEBOOKS = instructor_notebooks()
IDS = [path.stem for path in NOTEBOOKS]


def tags(cell: nbformat.NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def stub_matches(stub: ast.AST, solution: ast.AST) -> bool:
    """Whether ``stub`` is ``solution`` with some expressions replaced by ``...``."""
    if isinstance(stub, ast.Constant) and stub.value is Ellipsis:
        return isinstance(solution, ast.expr)
    if type(stub) is not type(solution):
        return False
    for field in stub._fields:
        if field == "ctx":
            continue
        mine, theirs = getattr(stub, field), getattr(solution, field)
        if isinstance(mine, list):
            if not isinstance(theirs, list) or len(mine) != len(theirs):
                return False
            if not all(stub_matches(a, b) for a, b in zip(mine, theirs, strict=True)):
                return False
        elif isinstance(mine, ast.AST):
            if not isinstance(theirs, ast.AST) or not stub_matches(mine, theirs):
                return False
        elif mine != theirs:
            return False
    return True


def solutions_with_stubs(notebook: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """(stub source, solution source) for every solution cell, the stub just before it."""
    pairs = []
    for index, cell in enumerate(notebook.cells):
        if "solution" in tags(cell):
            previous = notebook.cells[index - 1] if index else None
            stub = previous.source if previous is not None and not tags(previous) else ""
            pairs.append((stub, cell.source))
    return pairs


def check_statuses(notebook: nbformat.NotebookNode) -> list[str]:
    """The status each executed check cell displayed, in order ('' if it showed none)."""
    found = []
    for cell in notebook.cells:
        if "check" not in tags(cell):
            continue
        text = " ".join(
            str(output.get("data", {}).get("text/plain", "")) for output in cell.get("outputs", [])
        )
        status = re.search(r"status='([a-z ]+)'", text)
        found.append(status.group(1) if status else "")
    return found


def run(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXERCISES_DIR)}},
    )
    return client.execute()


def test_there_are_at_least_eight_exercises():
    assert len(NOTEBOOKS) >= 8


def test_stub_matching_is_strict_enough_to_catch_drift():
    solution = ast.parse("total = sum(answers)")
    assert stub_matches(ast.parse("total = ..."), solution)
    assert stub_matches(ast.parse("total = sum(...)"), solution)
    assert not stub_matches(ast.parse("score = ..."), solution)
    assert not stub_matches(ast.parse("total = max(...)"), solution)
    assert not stub_matches(ast.parse("total = ...\nextra = 1"), solution)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_exercise_opens_with_its_time_and_the_notice_and_reads_as_no_diagnosis(path):
    notebook = nbformat.read(path, as_version=4)
    first = notebook.cells[0].source
    assert first.startswith("# Exercise")
    minutes = [int(found) for found in re.findall(r"(\d+) minutes", first)]
    assert minutes and all(10 <= found <= 25 for found in minutes)
    assert "Educational, not diagnostic" in first
    text = "\n".join(cell.source for cell in notebook.cells)
    assert diagnostic_phrases(text) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_solution_has_a_stub_that_matches_it_and_a_check_after_it(path):
    notebook = nbformat.read(path, as_version=4)
    pairs = solutions_with_stubs(notebook)
    assert len(pairs) >= 2, "an exercise has at least two tasks"
    for stub, solution in pairs:
        assert "..." in stub, f"no ... placeholder before the solution:\n{solution}"
        assert stub_matches(ast.parse(stub), ast.parse(solution)), (
            f"the stub has drifted from its solution:\n{stub}\n---\n{solution}"
        )
    order = [
        "solution" if "solution" in tags(c) else "check" if "check" in tags(c) else ""
        for c in notebook.cells
    ]
    for index, kind in enumerate(order):
        if kind == "solution":
            assert "check" in order[index + 1 :], "a solution with no check after it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_a_student_version_holds_no_solution_no_hidden_check_and_no_answer(path):
    instructor = nbformat.read(path, as_version=4)
    student = student_version(path)
    assert not any(tags(cell) & INSTRUCTOR_ONLY_TAGS for cell in student.cells)
    assert all(not cell.get("outputs") for cell in student.cells if cell.cell_type == "code")
    shipped = "\n".join(cell.source for cell in student.cells)
    for index, cell in enumerate(instructor.cells):
        if not tags(cell) & INSTRUCTOR_ONLY_TAGS:
            continue
        # a solution shares its stub's unchanged lines; only what it adds must not ship
        stub = instructor.cells[index - 1].source if "solution" in tags(cell) else ""
        lines = [line.strip() for line in cell.source.splitlines() if len(line.strip()) > 12]
        leaked = [line for line in lines if line not in stub and line in shipped]
        assert leaked == [], f"instructor-only text ships to students: {leaked}"
    kept = [cell.source for cell in instructor.cells if not tags(cell) & INSTRUCTOR_ONLY_TAGS]
    assert [cell.source for cell in student.cells] == kept


def test_make_student_writes_every_version_and_a_zip(tmp_path):
    written = write_student_versions(destination=tmp_path, zip_name="student.zip")
    assert sorted(path.name for path in written[:-1]) == sorted(path.name for path in NOTEBOOKS)
    assert written[-1].name == "student.zip" and written[-1].stat().st_size > 0


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_instructor_version_runs_and_every_check_says_right(path):
    statuses = check_statuses(run(nbformat.read(path, as_version=4)))
    assert statuses and set(statuses) == {"right"}, statuses


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_student_version_runs_and_every_check_says_not_answered_yet(path):
    statuses = check_statuses(run(student_version(Path(path))))
    assert statuses and set(statuses) == {"not answered"}, statuses
