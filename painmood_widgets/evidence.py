"""The evidence table: every number the model uses or a learner sees, with its source.

``datasets/evidence.csv`` has one row per parameter with the columns ``parameter, value,
unit, meaning, source, evidence_level, notes``. ``evidence_level`` says how far to trust a
value: ``published`` (the figure is reported in the cited study), ``derived`` (computed from
published figures; ``notes`` says how) or ``illustrative`` (no study supports the number;
``notes`` says why it was chosen). The table is read and validated once per process and
per file; :func:`clear_cache` forgets what was read, and :func:`use_evidence` swaps in
another file for a block of code (for a "what if the evidence said otherwise?" exercise,
or a test).

Educational, not diagnostic.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

from painmood_widgets.paths import DATASETS_DIR

__all__ = [
    "COLUMNS",
    "EVIDENCE_LEVELS",
    "EVIDENCE_PATH",
    "clear_cache",
    "load_evidence",
    "parameter",
    "rows",
    "use_evidence",
    "values",
]

EVIDENCE_PATH = DATASETS_DIR / "evidence.csv"
"""The table shipped with painmood, used when no other path is given."""

COLUMNS = ("parameter", "value", "unit", "meaning", "source", "evidence_level", "notes")
"""The columns of the table, in order."""

EVIDENCE_LEVELS = ("published", "derived", "illustrative")
"""The allowed values of ``evidence_level``."""

_KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
_REQUIRED_TEXT = ("unit", "meaning", "source")

_tables: dict[Path, pd.DataFrame] = {}
_values: dict[Path, Mapping[str, float]] = {}
_active_path: list[Path] = []


def _resolve(path: str | Path | None) -> Path:
    if path is None:
        return _active_path[-1] if _active_path else EVIDENCE_PATH
    return Path(path).resolve()


def _validate(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Check a freshly read table and return it with ``value`` as float64."""
    if tuple(table.columns) != COLUMNS:
        raise ValueError(
            f"{path.name}: columns must be {', '.join(COLUMNS)} in this order; "
            f"found {', '.join(map(str, table.columns))}"
        )
    keys = table["parameter"]
    bad_keys = [key for key in keys if not _KEY_PATTERN.match(key)]
    if bad_keys:
        raise ValueError(
            f"{path.name}: parameter names must be snake_case ([a-z][a-z0-9_]*); "
            f"bad: {', '.join(map(repr, bad_keys))}"
        )
    duplicated = sorted(set(keys[keys.duplicated()]))
    if duplicated:
        raise ValueError(f"{path.name}: parameter names must be unique; repeated: {duplicated}")
    numbers = pd.to_numeric(table["value"], errors="coerce").astype(float)
    bad_values = keys[~np.isfinite(numbers.to_numpy())].tolist()
    if bad_values:
        raise ValueError(f"{path.name}: value must be a finite number; bad rows: {bad_values}")
    levels = table["evidence_level"]
    unknown = keys[~levels.isin(EVIDENCE_LEVELS)].tolist()
    if unknown:
        raise ValueError(
            f"{path.name}: evidence_level must be one of {', '.join(EVIDENCE_LEVELS)}; "
            f"bad rows: {unknown}"
        )
    for column in _REQUIRED_TEXT:
        empty = keys[table[column].str.strip() == ""].tolist()
        if empty:
            raise ValueError(f"{path.name}: {column} must not be empty; empty in rows: {empty}")
    return table.assign(value=numbers)


def _read(path: Path) -> pd.DataFrame:
    if path not in _tables:
        if not path.is_file():
            raise ValueError(f"evidence table not found: {path}")
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        table = _validate(raw, path)
        _tables[path] = table
        _values[path] = MappingProxyType(dict(zip(table["parameter"], table["value"], strict=True)))
    return _tables[path]


def load_evidence(path: str | Path | None = None) -> pd.DataFrame:
    """Load and validate the evidence table (read once per process and file).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A CSV file with the columns in :data:`COLUMNS`. By default the file set by
        :func:`use_evidence`, else ``datasets/evidence.csv``.

    Returns
    -------
    pandas.DataFrame
        A copy of the table (changing it does not change the model), with ``value`` as
        float64 and the other columns as strings.

    Raises
    ------
    ValueError
        If the file is missing, a column is missing or out of order, a parameter name is
        repeated or not snake_case, a value is not a finite number, an evidence level is
        unknown, or a unit, meaning or source is empty.

    References
    ----------
    Every citation in the table comes from the project's vetted evidence brief.

    Examples
    --------
    >>> table = load_evidence()
    >>> list(table.columns)
    ['parameter', 'value', 'unit', 'meaning', 'source', 'evidence_level', 'notes']
    >>> table.set_index("parameter").loc["opioid_depression_hr_over_180", "value"]
    np.float64(1.51)
    """
    return _read(_resolve(path)).copy()


def values(path: str | Path | None = None) -> Mapping[str, float]:
    """All parameter values as a read-only mapping from name to float.

    The same mapping object is returned until the cache is cleared or another file is
    active, so callers may cache what they compute from it by its identity.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        As in :func:`load_evidence`.

    Returns
    -------
    Mapping[str, float]
        Parameter name -> value.

    Examples
    --------
    >>> values()["sleep_reference_hours"]
    7.0
    """
    resolved = _resolve(path)
    _read(resolved)
    return _values[resolved]


def _unknown(name: object, known: Iterable[str]) -> ValueError:
    close = difflib.get_close_matches(str(name), list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return ValueError(f"unknown evidence parameter {name!r}{hint}")


def parameter(name: str) -> float:
    """The value of one parameter of the active evidence table.

    Parameters
    ----------
    name : str
        A ``parameter`` key of the table.

    Returns
    -------
    float
        Its value, in the unit of its ``unit`` column.

    Raises
    ------
    ValueError
        If no row has this name; the message suggests close names.

    Examples
    --------
    >>> parameter("phq9_clinically_important_change_points")
    5.0
    >>> parameter("crp_log_sdd")
    Traceback (most recent call last):
    ...
    ValueError: unknown evidence parameter 'crp_log_sdd'; did you mean crp_log_sd, \
synthetic_crp_log_sd?
    """
    table = values()
    if name not in table:
        raise _unknown(name, table)
    return table[name]


def rows(names: Iterable[str]) -> pd.DataFrame:
    """The rows behind a result ("the evidence behind this"), in the order asked.

    Parameters
    ----------
    names : iterable of str
        Parameter keys; repeats are shown once. A bare string counts as one name.

    Returns
    -------
    pandas.DataFrame
        The matching rows with all columns, indexed 0..k-1.

    Raises
    ------
    ValueError
        If a name is unknown (the message suggests close names).

    Examples
    --------
    >>> rows(["cbt_phq9_smd", "cbt_pain_smd"])[["parameter", "value", "evidence_level"]]
          parameter  value evidence_level
    0  cbt_phq9_smd   0.38      published
    1  cbt_pain_smd   0.21      published
    """
    wanted = [names] if isinstance(names, str) else list(dict.fromkeys(names))
    table = _read(_resolve(None))
    known = values()
    for name in wanted:
        if name not in known:
            raise _unknown(name, known)
    indexed = table.set_index("parameter", drop=False)
    return indexed.loc[wanted].reset_index(drop=True)


def clear_cache() -> None:
    """Forget every table read so far; the next call reads the file again.

    Examples
    --------
    >>> clear_cache()
    >>> parameter("sleep_reference_hours")
    7.0
    """
    _tables.clear()
    _values.clear()


@contextmanager
def use_evidence(path: str | Path) -> Iterator[pd.DataFrame]:
    """Make another evidence file the active one inside a ``with`` block.

    Everything that reads the table without a path (the model included) uses this file
    until the block ends. The file is validated on entry.

    Parameters
    ----------
    path : str or pathlib.Path
        A CSV file with the columns in :data:`COLUMNS`.

    Yields
    ------
    pandas.DataFrame
        A copy of the active table.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> table = load_evidence()
    >>> table.loc[table["parameter"] == "cbt_phq9_smd", "value"] = 0.8
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     changed = pathlib.Path(folder) / "evidence.csv"
    ...     table.to_csv(changed, index=False)
    ...     with use_evidence(changed):
    ...         print(parameter("cbt_phq9_smd"))
    0.8
    >>> parameter("cbt_phq9_smd")
    0.38
    """
    resolved = Path(path).resolve()
    table = load_evidence(resolved)
    _active_path.append(resolved)
    try:
        yield table
    finally:
        _active_path.pop()
        if resolved != EVIDENCE_PATH:
            _tables.pop(resolved, None)
            _values.pop(resolved, None)
