"""The words around a listing of evidence rows."""

import pandas as pd
import pytest

from painmood_widgets import evidence, model
from painmood_widgets.describe.evidence import (
    LEVEL_WORDS,
    check_evidence_rows,
    evidence_caption,
    evidence_heading,
)


def test_every_level_in_the_evidence_table_has_words():
    assert set(evidence.load_evidence()["evidence_level"]) <= set(LEVEL_WORDS)


def test_caption_and_heading_count_the_rows_behind_a_result():
    rows = model.evidence_behind(model.Scenario(treatments={"cbt", "mindfulness"}))
    illustrative = int((rows["evidence_level"] == "illustrative").sum())
    assert f"{len(rows)} rows of datasets/evidence.csv" in evidence_caption(rows)
    assert evidence_caption(rows).endswith(f"{illustrative} of them illustrative")
    assert evidence_heading(rows).endswith(f"({len(rows)} rows, {illustrative} illustrative)")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([1, 2], "must be a pandas DataFrame"),
        (pd.DataFrame({"parameter": ["a"]}), "lacks the column"),
        (
            pd.DataFrame(
                {
                    "parameter": ["a"],
                    "value": [1.0],
                    "unit": ["x"],
                    "meaning": ["m"],
                    "source": ["s"],
                    "evidence_level": ["rumoured"],
                }
            ),
            "evidence_level must be one of published, derived, illustrative; got rumoured",
        ),
    ],
    ids=["not-a-frame", "missing-column", "unknown-level"],
)
def test_bad_rows_are_refused_by_name(table, message):
    with pytest.raises(ValueError, match=message):
        check_evidence_rows(table)
