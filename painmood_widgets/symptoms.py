"""Symptoms of depression and of chronic pain, and where they overlap.

The logic behind the symptom checker, with no widgets. Two tables in ``datasets/`` feed
it, each read and checked once per process and file:

- ``symptoms.csv``: one row per symptom with its key, plain label, the DSM-5 major
  depressive episode criterion it matches (A1-A9, empty when none), whether it is a
  depression criterion, whether it is a common feature of chronic pain, and a source;
- ``overlap.csv``: chronic pain and depression side by side, one row per aspect.

:func:`classify` sorts a set of ticked symptom keys into depression only, chronic pain
only and both (the overlapping symptoms), and counts the DSM-5 criteria ticked. The
checker's sentences are in :mod:`painmood_widgets.describe.symptoms`, its state in
:mod:`painmood_widgets.state.symptoms`.

Educational, not diagnostic: counting DSM-5 criteria is not a diagnosis. A major
depressive episode also needs at least 5 of the 9 criteria, including A1 or A2, most of
the day nearly every day for at least 2 weeks, with clinically significant distress or
impairment, not explained by a substance or another condition (American Psychiatric
Association, DSM-5, 2013). Nothing here makes that call.

Examples
--------
>>> result = classify({"sleep_disturbance", "persistent_pain", "depressed_mood"})
>>> result.both, result.overlap_detected, result.dsm5_count
(('sleep_disturbance',), True, 2)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from painmood_widgets.paths import DATASETS_DIR

__all__ = [
    "DSM5_COUNT_CAVEAT",
    "OVERLAP_PATH",
    "SYMPTOMS_PATH",
    "OverlapRow",
    "Symptom",
    "SymptomClassification",
    "classify",
    "load_overlap",
    "load_symptoms",
]

SYMPTOMS_PATH = DATASETS_DIR / "symptoms.csv"
"""The symptom table shipped with painmood."""

OVERLAP_PATH = DATASETS_DIR / "overlap.csv"
"""The overlap table shipped with painmood."""

DSM5_COUNT_CAVEAT = (
    "Counting criteria is not a diagnosis. A major depressive episode under DSM-5 also "
    "needs at least 5 of the 9 criteria, including depressed mood (A1) or loss of interest "
    "or pleasure (A2), present most of the day, nearly every day, for at least 2 weeks; "
    "with clinically significant distress or impairment; and not explained by a substance, "
    "another medical condition or another mental disorder. This tool never makes that call: "
    "a clinician does, after a full assessment."
)
"""What a count of DSM-5 criteria does not tell (American Psychiatric Association, DSM-5, 2013)."""

_SYMPTOM_COLUMNS = ("symptom", "label", "dsm5_criterion", "depression", "chronic_pain", "source")
_OVERLAP_COLUMNS = ("aspect", "chronic_pain", "depression", "source")
_CRITERIA = tuple(f"A{number}" for number in range(1, 10))
_KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
_BOOLEANS = {"true": True, "false": False}
_SAFETY_CRITERION = "A9"


@dataclass(frozen=True)
class Symptom:
    """One row of ``symptoms.csv``.

    Attributes
    ----------
    key : str
        Symptom key, snake_case (for example ``"sleep_disturbance"``).
    label : str
        The symptom in plain words, as shown to the learner.
    dsm5_criterion : str or None
        DSM-5 major depressive episode criterion, ``"A1"`` to ``"A9"``; None when the
        symptom is not a DSM-5 criterion.
    depression : bool
        True when the symptom is a DSM-5 criterion of a major depressive episode.
    chronic_pain : bool
        True when the symptom is a common feature of chronic pain.
    source : str
        Citation(s) for the classification.
    """

    key: str
    label: str
    dsm5_criterion: str | None
    depression: bool
    chronic_pain: bool
    source: str


@dataclass(frozen=True)
class OverlapRow:
    """One row of ``overlap.csv``: an aspect of chronic pain and depression side by side.

    Attributes
    ----------
    aspect : str
        The aspect compared (for example ``"Sleep"``).
    chronic_pain : str
        Short statement about chronic pain.
    depression : str
        Short statement about depression.
    source : str
        Citations for the two statements.
    """

    aspect: str
    chronic_pain: str
    depression: str
    source: str


@dataclass(frozen=True)
class SymptomClassification:
    """Ticked symptoms sorted by the condition they belong to.

    Keys are listed in the order of ``symptoms.csv``.

    Attributes
    ----------
    ticked : frozenset of str
        The ticked symptom keys.
    depression_only : tuple of str
        Ticked keys that are DSM-5 depression criteria and not chronic pain features.
    chronic_pain_only : tuple of str
        Ticked keys that are chronic pain features and not DSM-5 criteria.
    both : tuple of str
        Ticked keys that belong to both: the overlapping symptoms.
    dsm5_criteria : tuple of str
        DSM-5 criteria ticked, in order A1 to A9.
    """

    ticked: frozenset[str]
    depression_only: tuple[str, ...]
    chronic_pain_only: tuple[str, ...]
    both: tuple[str, ...]
    dsm5_criteria: tuple[str, ...]

    @property
    def overlap_detected(self) -> bool:
        """True when at least one ticked symptom belongs to both conditions."""
        return bool(self.both)

    @property
    def dsm5_count(self) -> int:
        """Number of DSM-5 criteria ticked, 0 to 9 (a count, not a diagnosis)."""
        return len(self.dsm5_criteria)

    @property
    def thoughts_of_death_ticked(self) -> bool:
        """True when criterion A9 (thoughts of death or suicide) is ticked.

        Whoever shows the result then offers the crisis resources.
        """
        return _SAFETY_CRITERION in self.dsm5_criteria


def _read_table(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    if not path.is_file():
        raise ValueError(f"table not found: {path}")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if tuple(table.columns) != columns:
        raise ValueError(
            f"{path.name}: columns must be {', '.join(columns)} in this order; "
            f"found {', '.join(map(str, table.columns))}"
        )
    for column in columns:
        if column == "dsm5_criterion":
            continue
        empty = table.index[table[column].str.strip() == ""].tolist()
        if empty:
            rows = ", ".join(str(index + 2) for index in empty)
            raise ValueError(f"{path.name}: {column} must not be empty; empty on lines {rows}")
    return table


def _symptom(row: Mapping[str, str], name: str) -> Symptom:
    key = row["symptom"]
    if not _KEY_PATTERN.match(key):
        raise ValueError(f"{name}: symptom keys must be snake_case ([a-z][a-z0-9_]*); got {key!r}")
    flags = {}
    for column in ("depression", "chronic_pain"):
        if row[column] not in _BOOLEANS:
            raise ValueError(
                f"{name}: {column} of {key!r} must be true or false, got {row[column]!r}"
            )
        flags[column] = _BOOLEANS[row[column]]
    criterion = row["dsm5_criterion"] or None
    if criterion is not None and criterion not in _CRITERIA:
        raise ValueError(
            f"{name}: dsm5_criterion of {key!r} must be one of A1 to A9 or empty, got {criterion!r}"
        )
    if flags["depression"] != (criterion is not None):
        raise ValueError(
            f"{name}: {key!r} must have a dsm5_criterion exactly when depression is true"
        )
    if not (flags["depression"] or flags["chronic_pain"]):
        raise ValueError(f"{name}: {key!r} belongs to neither depression nor chronic pain")
    return Symptom(
        key=key,
        label=row["label"],
        dsm5_criterion=criterion,
        depression=flags["depression"],
        chronic_pain=flags["chronic_pain"],
        source=row["source"],
    )


@functools.cache
def _symptoms_at(path: Path) -> Mapping[str, Symptom]:
    table = _read_table(path, _SYMPTOM_COLUMNS)
    symptoms: dict[str, Symptom] = {}
    criteria: set[str] = set()
    for row in table.to_dict("records"):
        symptom = _symptom(row, path.name)
        if symptom.key in symptoms:
            raise ValueError(f"{path.name}: symptom keys must be unique; repeated: {symptom.key!r}")
        if symptom.dsm5_criterion in criteria:
            raise ValueError(
                f"{path.name}: each DSM-5 criterion may appear once; "
                f"repeated: {symptom.dsm5_criterion}"
            )
        if symptom.dsm5_criterion is not None:
            criteria.add(symptom.dsm5_criterion)
        symptoms[symptom.key] = symptom
    return MappingProxyType(symptoms)


@functools.cache
def _overlap_at(path: Path) -> tuple[OverlapRow, ...]:
    table = _read_table(path, _OVERLAP_COLUMNS)
    return tuple(OverlapRow(**row) for row in table.to_dict("records"))


def load_symptoms(path: str | Path | None = None) -> Mapping[str, Symptom]:
    """Load and check the symptom table (read once per process and file).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A CSV file with the columns of ``datasets/symptoms.csv``; that file by default.

    Returns
    -------
    Mapping of str to Symptom
        Read-only mapping from symptom key to its row, in file order.

    Raises
    ------
    ValueError
        If the file is missing, its columns differ, a key is not snake_case or is
        repeated, a flag is not ``true``/``false``, a criterion is not A1-A9 or appears
        twice, a criterion is set without the depression flag (or the reverse), a symptom
        belongs to neither condition, or a required cell is empty.

    References
    ----------
    American Psychiatric Association. Diagnostic and Statistical Manual of Mental
    Disorders, 5th edition (DSM-5). 2013. Major depressive episode, criteria A1-A9.

    Treede RD, Rief W, Barke A, et al. Chronic pain as a symptom or a disease: the IASP
    Classification of Chronic Pain for ICD-11. Pain 2019;160:19-27.

    Examples
    --------
    >>> symptoms = load_symptoms()
    >>> symptoms["fatigue"].dsm5_criterion, symptoms["fatigue"].chronic_pain
    ('A6', True)
    """
    return _symptoms_at(Path(path).resolve() if path is not None else SYMPTOMS_PATH)


def load_overlap(path: str | Path | None = None) -> tuple[OverlapRow, ...]:
    """Load and check the overlap table (read once per process and file).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A CSV file with the columns ``aspect, chronic_pain, depression, source``;
        ``datasets/overlap.csv`` by default.

    Returns
    -------
    tuple of OverlapRow
        The rows in file order.

    Raises
    ------
    ValueError
        If the file is missing, its columns differ or a cell is empty.

    References
    ----------
    The sources of each row are in its ``source`` column (see ``datasets/overlap.csv``).

    Examples
    --------
    >>> load_overlap()[0].aspect
    'Core feature'
    """
    return _overlap_at(Path(path).resolve() if path is not None else OVERLAP_PATH)


def classify(ticked: Iterable[str]) -> SymptomClassification:
    """Sort ticked symptoms into depression only, chronic pain only and both.

    Parameters
    ----------
    ticked : iterable of str
        Symptom keys from ``datasets/symptoms.csv`` (a set, list, tuple...). Repeats
        count once. A single string is refused: pass ``{"fatigue"}``, not ``"fatigue"``.

    Returns
    -------
    SymptomClassification
        The ticked keys per group, in table order, and the DSM-5 criteria ticked.

    Raises
    ------
    ValueError
        If `ticked` is a string or not iterable, or holds a key not in the table; the
        message names the unknown keys and lists the valid ones.

    References
    ----------
    American Psychiatric Association. DSM-5. 2013 (criteria A1-A9).

    Gómez Penedo JM, Rubel JA, Blättler L, et al. The complex interplay of pain,
    depression, and anxiety symptoms in patients with chronic pain: a network approach.
    Clin J Pain 2020;36:249-259 (sleep problems bridge depression and pain).

    Examples
    --------
    >>> result = classify(["fatigue", "fear_avoidance", "anhedonia"])
    >>> result.depression_only, result.chronic_pain_only, result.both
    (('anhedonia',), ('fear_avoidance',), ('fatigue',))
    >>> result.dsm5_criteria
    ('A2', 'A6')
    >>> classify(["low_mood"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown symptom key: 'low_mood'; valid keys: depressed_mood, anhedonia, ...
    """
    symptoms = load_symptoms()
    if isinstance(ticked, str | bytes) or not isinstance(ticked, Iterable):
        raise ValueError(
            "ticked symptoms must be a collection of symptom keys such as {'fatigue'}, "
            f"got {ticked!r}"
        )
    items = list(ticked)
    unknown = [item for item in items if not (isinstance(item, str) and item in symptoms)]
    if unknown:
        shown = list(dict.fromkeys(repr(item) for item in unknown))
        noun = "key" if len(shown) == 1 else "keys"
        raise ValueError(
            f"unknown symptom {noun}: {', '.join(shown)}; valid keys: {', '.join(symptoms)}"
        )
    chosen = frozenset(items)
    rows = [symptom for key, symptom in symptoms.items() if key in chosen]
    return SymptomClassification(
        ticked=chosen,
        depression_only=tuple(s.key for s in rows if s.depression and not s.chronic_pain),
        chronic_pain_only=tuple(s.key for s in rows if s.chronic_pain and not s.depression),
        both=tuple(s.key for s in rows if s.depression and s.chronic_pain),
        dsm5_criteria=tuple(
            criterion for criterion in _CRITERIA if any(s.dsm5_criterion == criterion for s in rows)
        ),
    )
