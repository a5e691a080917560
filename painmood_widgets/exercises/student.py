"""Student versions of the exercises, generated from the instructor notebooks by nbconvert.

An instructor notebook holds, for each task, a stub cell with ``...`` where the answer
goes, then the solution (tagged ``solution``), then a check (tagged ``check``) that calls
a :mod:`painmood_widgets.exercises` function. Cells tagged ``hidden-check`` (checks for
the instructor's own run) and ``instructor`` (facilitation notes) are instructor-only too.
The student version is the same notebook with those cells removed by nbconvert's
``TagRemovePreprocessor`` and every output cleared: the stub stays as the student's
placeholder, and the check answers it with "not answered yet" until it is filled in.

``make student`` runs :func:`main`: student versions into ``exercises/student/`` and a
zip of them for hand-out. They are generated, never edited or committed.

Educational, not diagnostic.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbconvert.exporters import NotebookExporter
from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor
from traitlets.config import Config

from painmood_widgets.paths import ROOT

__all__ = [
    "EXERCISES_DIR",
    "INSTRUCTOR_ONLY_TAGS",
    "STUDENT_DIR",
    "instructor_notebooks",
    "main",
    "student_version",
    "write_student_versions",
]

EXERCISES_DIR = ROOT / "exercises"
STUDENT_DIR = EXERCISES_DIR / "student"
INSTRUCTOR_ONLY_TAGS = frozenset({"solution", "hidden-check", "instructor"})
"""Cells with any of these tags never reach a student version."""


def instructor_notebooks(folder: Path = EXERCISES_DIR) -> list[Path]:
    """The instructor notebooks of the exercises (``NN_name.ipynb``), in order."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def _exporter() -> NotebookExporter:
    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = set(INSTRUCTOR_ONLY_TAGS)
    config.TagRemovePreprocessor.enabled = True
    config.ClearOutputPreprocessor.enabled = True
    exporter = NotebookExporter(config=config)
    exporter.register_preprocessor(TagRemovePreprocessor(config=config), enabled=True)
    exporter.register_preprocessor(ClearOutputPreprocessor(config=config), enabled=True)
    return exporter


def student_version(path: Path) -> nbformat.NotebookNode:
    """The student version of one instructor notebook: instructor-only cells removed.

    Parameters
    ----------
    path : pathlib.Path
        An instructor notebook.

    Returns
    -------
    nbformat.NotebookNode
        The notebook without cells tagged :data:`INSTRUCTOR_ONLY_TAGS`, outputs cleared.
    """
    body, _resources = _exporter().from_filename(str(path))
    return nbformat.reads(body, as_version=4)


def write_student_versions(
    source: Path = EXERCISES_DIR, destination: Path = STUDENT_DIR, *, zip_name: str | None = None
) -> list[Path]:
    """Write the student version of every instructor notebook in ``source`` to ``destination``.

    Parameters
    ----------
    source, destination : pathlib.Path
        Where the instructor notebooks are, and where their student versions go (created;
        student versions already there are replaced).
    zip_name : str, optional
        Also write ``destination / zip_name``, a zip of the student versions to hand out.

    Returns
    -------
    list of pathlib.Path
        The files written, the zip last.

    Raises
    ------
    ValueError
        If ``source`` holds no instructor notebook.
    """
    notebooks = instructor_notebooks(source)
    if not notebooks:
        raise ValueError(f"no instructor notebooks (NN_name.ipynb) in {source}")
    destination.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks:
        target = destination / path.name
        nbformat.write(student_version(path), target)
        written.append(target)
    if zip_name is not None:
        archive = destination / zip_name
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            for target in written:
                bundle.write(target, target.name)
        written.append(archive)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Write the student versions and their zip; print what was written."""
    del argv  # no options: one source, one destination
    for path in write_student_versions(zip_name="painmood-exercises-student.zip"):
        print(path.relative_to(ROOT), file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
