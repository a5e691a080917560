"""Evidence rows in words: what each evidence level means, and how many rows stand behind.

The simulator and the case explorer list the rows of ``datasets/evidence.csv`` behind
what they show; these are the words around that list. Pure text, no widgets.
Educational, not diagnostic.

Examples
--------
>>> from painmood_widgets import model
>>> rows = model.evidence_behind(model.Scenario(treatments={"cbt"}))
>>> evidence_caption(rows).startswith("Evidence behind this result:")
True
>>> LEVEL_WORDS["illustrative"]
'Illustrative: no study gives this number; chosen for teaching'
"""

from types import MappingProxyType

import pandas as pd

from painmood_widgets.wording import plural

__all__ = [
    "EVIDENCE_COLUMNS",
    "LEVEL_WORDS",
    "check_evidence_rows",
    "evidence_caption",
    "evidence_heading",
]

EVIDENCE_COLUMNS = ("parameter", "value", "unit", "meaning", "source", "evidence_level")
"""Columns an evidence listing needs (as from :func:`painmood_widgets.model.evidence_behind`)."""

LEVEL_WORDS = MappingProxyType(
    {
        "published": "Published: the figure is reported in the cited study",
        "derived": "Derived: computed from published figures",
        "illustrative": "Illustrative: no study gives this number; chosen for teaching",
    }
)
"""Each ``evidence_level`` of ``datasets/evidence.csv`` in words, as a learner reads it."""


def check_evidence_rows(table: object) -> pd.DataFrame:
    """``table`` if it is a DataFrame with :data:`EVIDENCE_COLUMNS` and known levels.

    Raises
    ------
    ValueError
        If it is not a DataFrame, lacks a column, or names an unknown evidence level.
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table must be a pandas DataFrame; got {type(table).__name__}")
    missing = [column for column in EVIDENCE_COLUMNS if column not in table.columns]
    if missing:
        raise ValueError(f"table lacks the column(s) {', '.join(missing)}")
    unknown = sorted(set(map(str, table["evidence_level"])) - set(LEVEL_WORDS))
    if unknown:
        raise ValueError(
            f"evidence_level must be one of {', '.join(LEVEL_WORDS)}; got {', '.join(unknown)}"
        )
    return table


def _illustrative(table: pd.DataFrame) -> int:
    return int((check_evidence_rows(table)["evidence_level"] == "illustrative").sum())


def evidence_caption(table: pd.DataFrame) -> str:
    """The caption of an evidence listing: how many rows, how many illustrative.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"parameter": ["a"], "value": [1.0], "unit": ["x"],
    ...                      "meaning": ["m"], "source": ["s"],
    ...                      "evidence_level": ["illustrative"]})
    >>> evidence_caption(rows)
    'Evidence behind this result: 1 row of datasets/evidence.csv, 1 of them illustrative'
    """
    illustrative = _illustrative(table)
    return (
        f"Evidence behind this result: {plural(len(table), 'row')} of "
        f"datasets/evidence.csv, {illustrative} of them illustrative"
    )


def evidence_heading(table: pd.DataFrame) -> str:
    """The short title of a folded evidence listing, e.g. on an accordion.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"parameter": ["a", "b"], "value": [1.0, 2.0], "unit": "x",
    ...                      "meaning": "m", "source": "s",
    ...                      "evidence_level": ["published", "derived"]})
    >>> evidence_heading(rows)
    'Evidence behind this result (2 rows, 0 illustrative)'
    """
    illustrative = _illustrative(table)
    return f"Evidence behind this result ({plural(len(table), 'row')}, {illustrative} illustrative)"
