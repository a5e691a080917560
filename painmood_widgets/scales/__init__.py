"""Scoring rules for the PHQ-9, the Brief Pain Inventory short form and the PEG.

This package is the single source of truth for the three scales: their item
wording or labels, answer options, severity bands, scoring and the rules that say
when a change matters. Widgets, notebooks and the model import from here and never
restate a scale.

Educational, not diagnostic: these functions teach how the published scoring rules
work; they do not assess a real person.

Every function checks its input at the top and raises ``ValueError`` with a plain
message naming the item (by number and label) and the allowed range. Nothing is
clipped or coerced:

- item answers must be integers (``int`` or a numpy integer such as ``np.int64``);
  a float, even ``2.0``, a bool, a string, NaN or infinity is refused;
- a set of items must be a list, tuple, other sequence or 1-D numpy array in
  questionnaire order; a string, dict, set, generator or single number is refused
  (pass a pandas row as ``row.to_numpy()``);
- ``None`` marks a missing answer only where the rule allows one (PHQ-9 items and
  BPI interference items); NaN is never a missing marker.

Results are frozen dataclasses. Means are rounded to 2 decimals with halves rounded
away from zero, computed with exact fractions (never binary floating point), so a
score sitting exactly on a threshold lands on the side the published rule puts it.

Examples
--------
>>> result = score_phq9([1, 2, 1, 2, 1, 1, 2, 1, 0])
>>> result.total, result.severity
(11, 'moderate')
>>> score_bpi([7, 3, 5, 6], [6, 7, 5, 8, 4, 6, 7]).severity_band
'severe'
"""

from painmood_widgets.scales.change import PainChange, Phq9Change, pain_change, phq9_change
from painmood_widgets.scales.items import (
    BPI_FEWEST_INTERFERENCE_ANSWERS,
    BPI_INTERFERENCE_ITEMS,
    BPI_SEVERITY_BANDS,
    BPI_SEVERITY_ITEMS,
    PAIN_MAX,
    PEG_ITEMS,
    PHQ9_ANSWERS,
    PHQ9_ITEM_LABELS,
    PHQ9_ITEM_MAX,
    PHQ9_ITEMS,
    PHQ9_MAX,
    PHQ9_MOST_MISSING,
    PHQ9_SEVERITY_BANDS,
    PHQ9_STEM,
    ScoreBand,
    answer_sequence,
    check_item,
)
from painmood_widgets.scales.scoring import (
    BpiResult,
    Phq9Result,
    bpi_severity_band,
    phq9_severity,
    score_bpi,
    score_peg,
    score_phq9,
)

__all__ = [
    "BPI_FEWEST_INTERFERENCE_ANSWERS",
    "BPI_INTERFERENCE_ITEMS",
    "BPI_SEVERITY_BANDS",
    "BPI_SEVERITY_ITEMS",
    "PAIN_MAX",
    "PEG_ITEMS",
    "PHQ9_ANSWERS",
    "PHQ9_ITEMS",
    "PHQ9_ITEM_LABELS",
    "PHQ9_ITEM_MAX",
    "PHQ9_MAX",
    "PHQ9_MOST_MISSING",
    "PHQ9_SEVERITY_BANDS",
    "PHQ9_STEM",
    "BpiResult",
    "PainChange",
    "Phq9Change",
    "Phq9Result",
    "ScoreBand",
    "answer_sequence",
    "bpi_severity_band",
    "check_item",
    "pain_change",
    "phq9_change",
    "phq9_severity",
    "score_bpi",
    "score_peg",
    "score_phq9",
]
