"""Scoring rules for the PHQ-9, BPI short form and PEG, checked against the published
rules with hand-worked examples, properties that must hold for any input, and a matrix
of bad inputs that must be refused with a message naming the item and its range."""

import dataclasses
import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from painmood_widgets.scales import (
    BPI_INTERFERENCE_ITEMS,
    BPI_SEVERITY_BANDS,
    BPI_SEVERITY_ITEMS,
    PEG_ITEMS,
    PHQ9_ANSWERS,
    PHQ9_ITEM_LABELS,
    PHQ9_ITEMS,
    PHQ9_SEVERITY_BANDS,
    BpiResult,
    PainChange,
    Phq9Change,
    Phq9Result,
    bpi_severity_band,
    check_item,
    pain_change,
    phq9_change,
    phq9_severity,
    score_bpi,
    score_peg,
    score_phq9,
)

PHQ9_SEVERITY_ORDER = ["minimal", "mild", "moderate", "moderately severe", "severe"]


def phq9_items_for_total(total: int) -> list[int]:
    """Nine answers adding up to ``total``, filled from item 1 (3 each) onwards."""
    items = []
    remaining = total
    for _ in range(9):
        items.append(min(3, remaining))
        remaining -= items[-1]
    return items


def with_answer(items: list, index: int, value: object) -> list:
    """Copy of ``items`` with the answer at ``index`` (0-based) replaced."""
    changed = list(items)
    changed[index] = value
    return changed


# --- scale definitions -------------------------------------------------------------------------


def test_phq9_wording_has_nine_items_and_four_answers():
    assert len(PHQ9_ITEMS) == len(PHQ9_ITEM_LABELS) == 9
    assert PHQ9_ITEMS[0] == "Little interest or pleasure in doing things"
    assert PHQ9_ITEMS[8].startswith("Thoughts that you would be better off dead")
    assert PHQ9_ANSWERS == (
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    )


def test_bpi_and_peg_labels_in_form_order():
    assert len(BPI_SEVERITY_ITEMS) == 4
    assert [label.split()[0] for label in BPI_SEVERITY_ITEMS[:3]] == ["Worst", "Least", "Average"]
    assert len(BPI_INTERFERENCE_ITEMS) == 7
    assert BPI_INTERFERENCE_ITEMS[0] == "General activity"
    assert BPI_INTERFERENCE_ITEMS[-1] == "Enjoyment of life"
    assert len(PEG_ITEMS) == 3
    assert "pain" in PEG_ITEMS[0].lower()
    assert "enjoyment" in PEG_ITEMS[1].lower()
    assert "activity" in PEG_ITEMS[2].lower()


@pytest.mark.parametrize(
    ("bands", "top", "labels"),
    [
        (PHQ9_SEVERITY_BANDS, 27, PHQ9_SEVERITY_ORDER),
        (BPI_SEVERITY_BANDS, 10, ["none", "mild", "moderate", "severe"]),
    ],
)
def test_band_tables_cover_the_scale_without_gaps(bands, top, labels):
    assert [band.label for band in bands] == labels
    assert bands[0].lowest == 0
    assert bands[-1].highest == top
    for lower, upper in itertools.pairwise(bands):
        assert upper.lowest == lower.highest + 1


def test_results_are_frozen():
    result = score_phq9([1] * 9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.total = 0  # type: ignore[misc]


# --- PHQ-9 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "severity"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_severity_at_band_boundaries(total, severity):
    result = score_phq9(phq9_items_for_total(total))
    assert result.total == total
    assert result.severity == severity
    assert result.answered == 9
    assert result.prorated is False
    assert phq9_severity(total) == severity


@pytest.mark.parametrize(
    ("items", "total", "severity"),
    [
        # 8 answered summing to 13: 13 x 9 / 8 = 14.625 -> 15
        ([2, 2, None, 2, 1, 2, 2, 1, 1], 15, "moderately severe"),
        # 8 answered summing to 4: 36 / 8 = 4.5 -> 5 (round() would give 4)
        ([1, 1, 1, 1, 0, 0, 0, None, 0], 5, "mild"),
        # 8 answered summing to 20: 180 / 8 = 22.5 -> 23 (round() would give 22)
        ([3, 3, 3, 3, 3, 3, 2, None, 0], 23, "severe"),
        # 8 answered summing to 12: 108 / 8 = 13.5 -> 14
        ([3, 3, 3, 3, None, 0, 0, 0, 0], 14, "moderate"),
        # 8 answered summing to 3: 27 / 8 = 3.375 -> 3
        ([1, 1, 1, 0, 0, 0, 0, 0, None], 3, "minimal"),
        # 7 answered summing to 7: 63 / 7 = 9 exactly
        ([1, None, 1, 1, 1, None, 1, 1, 1], 9, "mild"),
        # 7 answered summing to 10: 90 / 7 = 12.857 -> 13
        ([2, 2, 2, 2, 2, None, None, 0, 0], 13, "moderate"),
        # 7 answered all at 3: 189 / 7 = 27, never above the maximum
        ([3, 3, 3, 3, 3, 3, 3, None, None], 27, "severe"),
    ],
)
def test_phq9_prorating_worked_by_hand(items, total, severity):
    result = score_phq9(items)
    assert result.total == total
    assert result.severity == severity
    assert result.prorated is True
    assert result.answered == sum(answer is not None for answer in items)


def test_phq9_three_missing_items_are_not_scored():
    with pytest.raises(ValueError, match=r"3 items missing \(items 2, 5, 9\).*at most 2"):
        score_phq9([1, None, 1, 1, None, 1, 1, 1, None])


def test_phq9_item9_above_zero_is_flagged_whatever_the_total():
    result = score_phq9([0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert result.total == 1
    assert result.severity == "minimal"
    assert result.item9_positive is True
    assert result.item9_answered is True


def test_phq9_item9_zero_is_answered_but_not_positive():
    result = score_phq9([3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.item9_positive is False
    assert result.item9_answered is True


def test_phq9_missing_item9_is_reported_as_unanswered_not_as_negative():
    result = score_phq9([2, 2, 2, 2, 2, 2, 2, 2, None])
    assert result.item9_positive is False
    assert result.item9_answered is False
    assert result.total == 18
    assert result.prorated is True


@pytest.mark.parametrize(
    "items",
    [
        (1, 2, 3, 0, 1, 2, 3, 0, 1),
        np.array([1, 2, 3, 0, 1, 2, 3, 0, 1]),
        np.array([1, 2, 3, 0, 1, 2, 3, 0, 1], dtype=np.int8),
        [np.int64(value) for value in (1, 2, 3, 0, 1, 2, 3, 0, 1)],
        np.array([1, 2, 3, 0, 1, 2, 3, 0, 1], dtype=object),
    ],
    ids=["tuple", "int64-array", "int8-array", "numpy-scalars", "object-array"],
)
def test_phq9_accepts_tuples_numpy_arrays_and_numpy_integers(items):
    result = score_phq9(items)
    assert result.total == 13
    assert type(result.total) is int
    assert result.item9_positive is True


def test_phq9_accepts_an_object_array_with_missing_answers():
    result = score_phq9(np.array([1, 2, 3, 0, 1, 2, 3, 0, None], dtype=object))
    # 12 x 9 / 8 = 13.5 -> 14
    assert result.total == 14
    assert result.item9_answered is False


# --- BPI --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("worst", "band"),
    [
        (0, "none"),
        (1, "mild"),
        (4, "mild"),
        (5, "moderate"),
        (6, "moderate"),
        (7, "severe"),
        (10, "severe"),
    ],
)
def test_bpi_band_from_worst_pain_at_boundaries(worst, band):
    result = score_bpi([worst, 0, 0, 0], [0] * 7)
    assert result.severity_band == band
    assert bpi_severity_band(worst) == band


def test_bpi_band_follows_worst_pain_not_the_mean():
    # mean 1.75 would be "mild", worst 7 is "severe"
    result = score_bpi([7, 0, 0, 0], [0] * 7)
    assert result.severity == 1.75
    assert result.severity_band == "severe"


@pytest.mark.parametrize(
    ("severity", "mean"),
    [([7, 3, 5, 6], 5.25), ([7, 2, 5, 6], 5.0), ([1, 0, 0, 0], 0.25), ([10] * 4, 10.0)],
)
def test_bpi_severity_is_the_mean_of_four(severity, mean):
    assert score_bpi(severity, [0] * 7).severity == mean


@pytest.mark.parametrize(
    ("interference", "mean", "answered"),
    [
        ([6, 7, 5, 8, 4, 6, 7], 6.14, 7),  # 43 / 7 = 6.1428...
        ([1, 0, 0, 0, 0, 0, None], 0.17, 6),  # 1 / 6 = 0.1666...
        ([2, 2, 0, 0, 0, 0, None], 0.67, 6),  # 4 / 6 = 0.6666...
        ([10, 0, 0, 0, 0, 0, 0], 1.43, 7),  # 10 / 7 = 1.4285...
        ([5, None, 4, None, 6, None, 3], 4.5, 4),  # exactly 4 answered: scored
    ],
)
def test_bpi_interference_mean_of_answered_items(interference, mean, answered):
    result = score_bpi([5, 2, 3, 4], interference)
    assert result.interference == mean
    assert result.interference_answered == answered


def test_bpi_interference_with_only_three_answered_is_not_scored():
    result = score_bpi([5, 2, 3, 4], [5, None, 4, None, 6, None, None])
    assert result.interference is None
    assert result.interference_answered == 3
    assert result.severity == 3.5


def test_bpi_accepts_numpy_arrays():
    result = score_bpi(np.array([7, 3, 5, 6]), np.array([6, 7, 5, 8, 4, 6, 7], dtype=np.int32))
    assert result == BpiResult(
        severity=5.25, interference=6.14, severity_band="severe", interference_answered=7
    )


# --- PEG --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "score"),
    [
        ((6, 5, 7), 6.0),
        ((0, 0, 0), 0.0),
        ((10, 10, 10), 10.0),
        ((1, 0, 0), 0.33),
        ((2, 0, 0), 0.67),
        ((5, 5, 6), 5.33),
        ((np.int64(9), np.int16(8), 8), 8.33),
    ],
)
def test_peg_is_the_mean_of_three_items(items, score):
    assert score_peg(*items) == score


# --- change -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # exactly 50% from a baseline of 10: response; 5 is not remission; drop of 5 counts
        (10, 5, Phq9Change(delta=-5, response=True, remission=False, clinically_important=True)),
        # the same 50%+ drop from a baseline of 9 is not a response
        (9, 4, Phq9Change(delta=-5, response=False, remission=True, clinically_important=True)),
        # 40% and a drop of 4: neither
        (10, 6, Phq9Change(delta=-4, response=False, remission=False, clinically_important=False)),
        # 54.5% drop is a response; 45.5% is not
        (11, 5, Phq9Change(delta=-6, response=True, remission=False, clinically_important=True)),
        (11, 6, Phq9Change(delta=-5, response=False, remission=False, clinically_important=True)),
        (20, 10, Phq9Change(delta=-10, response=True, remission=False, clinically_important=True)),
        (20, 11, Phq9Change(delta=-9, response=False, remission=False, clinically_important=True)),
        # remission: 4 yes, 5 no
        (8, 4, Phq9Change(delta=-4, response=False, remission=True, clinically_important=False)),
        # worsening is never a response or an important improvement
        (5, 15, Phq9Change(delta=10, response=False, remission=False, clinically_important=False)),
        (0, 0, Phq9Change(delta=0, response=False, remission=True, clinically_important=False)),
    ],
)
def test_phq9_change_thresholds(before, after, expected):
    assert phq9_change(before, after) == expected


def test_phq9_change_accepts_scored_questionnaires_and_numpy_integers():
    before = score_phq9([2, 2, 2, 2, 2, 2, 1, 1, 1])  # 15
    after = score_phq9([1, 1, 1, 1, 1, 1, 0, 0, 0])  # 6
    assert phq9_change(before, after) == Phq9Change(
        delta=-9, response=True, remission=False, clinically_important=True
    )
    assert phq9_change(np.int64(15), np.int32(6)) == phq9_change(15, 6)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (6, 4, PainChange(delta=-2.0, percent=-33.33, clinically_important=True)),
        (7, 4, PainChange(delta=-3.0, percent=-42.86, clinically_important=True)),
        # 2 points is enough even when it is only 20%
        (10, 8, PainChange(delta=-2.0, percent=-20.0, clinically_important=True)),
        (10, 8.1, PainChange(delta=-1.9, percent=-19.0, clinically_important=False)),
        # 30% exactly is enough even when it is under 2 points
        (6, 4.2, PainChange(delta=-1.8, percent=-30.0, clinically_important=True)),
        (5, 3.5, PainChange(delta=-1.5, percent=-30.0, clinically_important=True)),
        (6, 4.3, PainChange(delta=-1.7, percent=-28.33, clinically_important=False)),
        # 1.9 points from 6 is 31.7%: important by percent, not by points
        (6, 4.1, PainChange(delta=-1.9, percent=-31.67, clinically_important=True)),
        # a rise is never flagged
        (4, 6, PainChange(delta=2.0, percent=50.0, clinically_important=False)),
        (5, 5, PainChange(delta=0.0, percent=0.0, clinically_important=False)),
        # from zero: 0 -> 0 is no change; 0 -> 3 has no percent
        (0, 0, PainChange(delta=0.0, percent=0.0, clinically_important=False)),
        (0, 3, PainChange(delta=3.0, percent=None, clinically_important=False)),
        (10, 0, PainChange(delta=-10.0, percent=-100.0, clinically_important=True)),
        # a rise from a baseline too close to 0 for the percent to fit in a float
        (1e-310, 1, PainChange(delta=1.0, percent=None, clinically_important=False)),
    ],
)
def test_pain_change_thresholds(before, after, expected):
    assert pain_change(before, after) == expected


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # 8.2 - 6.2 is 1.9999999999999991 in binary floating point; the drop is 2 points
        (8.2, 6.2),
        # (3.5 - 2.45) / 3.5 is 0.29999999999999993 in floating point; the drop is 30%
        (3.5, 2.45),
        (np.float64(8.2), np.float32(6.2).item()),
    ],
)
def test_pain_change_judges_thresholds_on_exact_decimals(before, after):
    assert pain_change(before, after).clinically_important is True


# --- properties -------------------------------------------------------------------------------

phq9_answer = st.integers(min_value=0, max_value=3)
complete_phq9 = st.lists(phq9_answer, min_size=9, max_size=9)
pain_item = st.integers(min_value=0, max_value=10)
pain_rating = st.one_of(
    pain_item, st.floats(min_value=0, max_value=10, allow_nan=False, allow_infinity=False)
)


@st.composite
def phq9_with_missing(draw, most_missing=2):
    items = draw(complete_phq9)
    blanks = draw(
        st.lists(
            st.integers(min_value=0, max_value=8), min_size=1, max_size=most_missing, unique=True
        )
    )
    for index in blanks:
        items[index] = None
    return items


@given(complete_phq9)
def test_property_complete_phq9_total_is_the_plain_sum(items):
    result = score_phq9(items)
    assert result.total == sum(items)
    assert 0 <= result.total <= 27
    assert result.prorated is False
    assert result.answered == 9


@given(complete_phq9, complete_phq9)
def test_property_phq9_severity_never_falls_as_the_total_rises(first, second):
    low, high = sorted((score_phq9(first), score_phq9(second)), key=lambda result: result.total)
    assert PHQ9_SEVERITY_ORDER.index(low.severity) <= PHQ9_SEVERITY_ORDER.index(high.severity)


@given(phq9_with_missing())
def test_property_prorated_total_is_the_mean_scaled_and_rounded_half_up(items):
    result = score_phq9(items)
    answered = [answer for answer in items if answer is not None]
    exact = Fraction(sum(answered) * 9, len(answered))
    assert result.prorated is True
    assert 0 <= result.total <= 27
    # half up: total - 1/2 <= exact < total + 1/2
    assert result.total - Fraction(1, 2) <= exact < result.total + Fraction(1, 2)
    missing = 9 - len(answered)
    assert sum(answered) <= result.total <= sum(answered) + 3 * missing


@given(st.lists(st.one_of(st.none(), phq9_answer), min_size=9, max_size=9))
def test_property_item9_flags_follow_item9_only(items):
    if items.count(None) > 2:
        with pytest.raises(ValueError, match="at most 2"):
            score_phq9(items)
        return
    result = score_phq9(items)
    assert result.item9_answered is (items[8] is not None)
    assert result.item9_positive is (items[8] is not None and items[8] > 0)


@given(
    st.lists(pain_item, min_size=4, max_size=4),
    st.lists(st.one_of(st.none(), pain_item), min_size=7, max_size=7),
)
def test_property_bpi_means_stay_on_the_scale(severity, interference):
    result = score_bpi(severity, interference)
    assert min(severity) <= result.severity <= max(severity)
    assert abs(Fraction(result.severity) - Fraction(sum(severity), 4)) <= Fraction(1, 200)
    answered = [answer for answer in interference if answer is not None]
    assert result.interference_answered == len(answered)
    if len(answered) < 4:
        assert result.interference is None
    else:
        assert 0 <= result.interference <= 10
        exact = Fraction(sum(answered), len(answered))
        assert abs(Fraction(result.interference) - exact) <= Fraction(1, 200)


@given(pain_item, pain_item, pain_item)
def test_property_peg_lies_between_its_lowest_and_highest_item(pain, enjoyment, activity):
    score = score_peg(pain, enjoyment, activity)
    assert min(pain, enjoyment, activity) <= score <= max(pain, enjoyment, activity)
    exact = Fraction(pain + enjoyment + activity, 3)
    assert abs(Fraction(score) - exact) <= Fraction(1, 200)


@given(st.integers(min_value=0, max_value=27), st.integers(min_value=0, max_value=27))
def test_property_phq9_change_flags_are_consistent(before, after):
    change = phq9_change(before, after)
    assert change.delta == after - before
    assert change.remission is (after < 5)
    if change.response:
        # half of a baseline of 10 or more is at least 5 points
        assert before >= 10
        assert change.clinically_important
    if after >= before:
        assert not change.response
        assert not change.clinically_important


@given(pain_rating, pain_rating)
def test_property_pain_change_is_finite_and_flags_only_drops(before, after):
    change = pain_change(before, after)
    assert math.isfinite(change.delta)
    assert -10 <= change.delta <= 10
    if before == 0 and after != 0:
        assert change.percent is None
    if change.percent is None:
        assert after > before
        assert before < 1e-300
    else:
        assert math.isfinite(change.percent)
        assert change.percent >= -100
    if change.clinically_important:
        assert after < before
    if before - after >= 2.001:
        assert change.clinically_important


# --- bad input --------------------------------------------------------------------------------

PHQ9_OK = [1] * 9
BPI_SEVERITY_OK = [5, 2, 3, 4]
BPI_INTERFERENCE_OK = [3] * 7


def bpi_severity(items):
    return score_bpi(items, BPI_INTERFERENCE_OK)


def bpi_interference(items):
    return score_bpi(BPI_SEVERITY_OK, items)


def peg_pain(value):
    return score_peg(value, 5, 5)


def peg_enjoyment(value):
    return score_peg(5, value, 5)


def peg_activity(value):
    return score_peg(5, 5, value)


def phq9_before(value):
    return phq9_change(value, 5)


def phq9_after(value):
    return phq9_change(15, value)


def pain_before(value):
    return pain_change(value, 5)


def pain_after(value):
    return pain_change(5, value)


PHQ9_RANGE = "from 0 to 3"
PAIN_ITEM_RANGE = "from 0 to 10"

BAD_INPUTS = [
    # PHQ-9: count
    (score_phq9, [1] * 8, ("PHQ-9", "exactly 9", PHQ9_RANGE, "got 8")),
    (score_phq9, [1] * 10, ("PHQ-9", "exactly 9", PHQ9_RANGE, "got 10")),
    (score_phq9, [], ("PHQ-9", "exactly 9", PHQ9_RANGE, "got 0")),
    # PHQ-9: out of range
    (score_phq9, with_answer(PHQ9_OK, 8, 4), ("item 9", "better off dead", PHQ9_RANGE, "got 4")),
    (score_phq9, with_answer(PHQ9_OK, 0, -1), ("item 1", "little interest", PHQ9_RANGE, "-1")),
    (score_phq9, with_answer(PHQ9_OK, 1, np.int64(7)), ("item 2", "feeling down", "got 7")),
    # PHQ-9: not an integer
    (score_phq9, with_answer(PHQ9_OK, 2, 2.5), ("item 3", "trouble sleeping", PHQ9_RANGE, "2.5")),
    (score_phq9, with_answer(PHQ9_OK, 3, 2.0), ("item 4", "feeling tired", PHQ9_RANGE, "2.0")),
    (score_phq9, with_answer(PHQ9_OK, 4, np.float64(2)), ("item 5", "appetite", "got 2.0")),
    (score_phq9, with_answer(PHQ9_OK, 5, True), ("item 6", "feeling bad", PHQ9_RANGE, "True")),
    (score_phq9, with_answer(PHQ9_OK, 1, np.True_), ("item 2", "feeling down", "True")),
    (score_phq9, with_answer(PHQ9_OK, 6, "2"), ("item 7", "concentrating", PHQ9_RANGE, "'2'")),
    (score_phq9, with_answer(PHQ9_OK, 7, math.nan), ("item 8", "restless", PHQ9_RANGE, "nan")),
    (score_phq9, with_answer(PHQ9_OK, 8, math.inf), ("item 9", "better off dead", "inf")),
    (score_phq9, np.ones(9), ("item 1", "little interest", PHQ9_RANGE, "got 1.0")),
    # PHQ-9: too many missing
    (score_phq9, [None, None, None, 1, 1, 1, 1, 1, 1], ("items 1, 2, 3", "at most 2")),
    (score_phq9, [None] * 9, ("9 items missing", "at most 2")),
    # PHQ-9: not a sequence
    (score_phq9, 5, ("PHQ-9", "list, tuple or 1-D array", "9 answers", PHQ9_RANGE)),
    (score_phq9, dict(enumerate(PHQ9_OK)), ("PHQ-9", "list, tuple", "got a dict", PHQ9_RANGE)),
    (score_phq9, "111111111", ("PHQ-9", "list, tuple", "9 answers", PHQ9_RANGE)),
    (score_phq9, b"111111111", ("PHQ-9", "list, tuple", "got a bytes")),
    (score_phq9, {0, 1, 2, 3}, ("PHQ-9", "list, tuple", "got a set", PHQ9_RANGE)),
    (score_phq9, (answer for answer in PHQ9_OK), ("PHQ-9", "got a generator", PHQ9_RANGE)),
    (score_phq9, np.ones((3, 3), dtype=int), ("PHQ-9", "1-D", "2-D array", PHQ9_RANGE)),
    (score_phq9, None, ("PHQ-9", "list, tuple", "None", PHQ9_RANGE)),
    # BPI severity: count, missing, range, type
    (bpi_severity, [5, 2, 3], ("BPI severity", "exactly 4", "worst, least, average, now")),
    (bpi_severity, [5, 2, 3, 4, 4], ("BPI severity", "exactly 4", PAIN_ITEM_RANGE, "got 5")),
    (bpi_severity, [5, None, 3, 4], ("item 2", "least pain", PAIN_ITEM_RANGE, "None")),
    (bpi_severity, [11, 2, 3, 4], ("item 1", "worst pain", PAIN_ITEM_RANGE, "got 11")),
    (bpi_severity, [5, 2, 3, -1], ("item 4", "pain right now", PAIN_ITEM_RANGE, "got -1")),
    (bpi_severity, [5, 2, 3.5, 4], ("item 3", "average pain", PAIN_ITEM_RANGE, "3.5")),
    (bpi_severity, [5.0, 2, 3, 4], ("item 1", "worst pain", PAIN_ITEM_RANGE, "5.0")),
    (bpi_severity, [True, 2, 3, 4], ("item 1", "worst pain", PAIN_ITEM_RANGE, "True")),
    (bpi_severity, [5, "2", 3, 4], ("item 2", "least pain", PAIN_ITEM_RANGE, "'2'")),
    (bpi_severity, [5, 2, math.nan, 4], ("item 3", "average pain", PAIN_ITEM_RANGE, "nan")),
    (bpi_severity, [5, 2, 3, -math.inf], ("item 4", "pain right now", PAIN_ITEM_RANGE, "-inf")),
    (bpi_severity, 5, ("BPI severity", "list, tuple", "4 answers", PAIN_ITEM_RANGE)),
    (bpi_severity, "5234", ("BPI severity", "list, tuple", "4 answers", PAIN_ITEM_RANGE)),
    (bpi_severity, {"worst": 5}, ("BPI severity", "got a dict", PAIN_ITEM_RANGE)),
    (bpi_severity, None, ("BPI severity", "list, tuple", "None", PAIN_ITEM_RANGE)),
    # BPI interference: count, range, type
    (bpi_interference, [3] * 6, ("BPI interference", "exactly 7", "general activity", "got 6")),
    (bpi_interference, [3] * 8, ("BPI interference", "exactly 7", PAIN_ITEM_RANGE, "got 8")),
    (bpi_interference, with_answer(BPI_INTERFERENCE_OK, 5, 11), ("item 6", "sleep", "got 11")),
    (bpi_interference, with_answer(BPI_INTERFERENCE_OK, 0, -2), ("item 1", "general activity")),
    (bpi_interference, with_answer(BPI_INTERFERENCE_OK, 1, 2.5), ("item 2", "mood", "2.5")),
    (bpi_interference, with_answer(BPI_INTERFERENCE_OK, 2, 3.0), ("item 3", "walking", "3.0")),
    (bpi_interference, with_answer(BPI_INTERFERENCE_OK, 3, False), ("item 4", "normal work")),
    (bpi_interference, with_answer(BPI_INTERFERENCE_OK, 4, "3"), ("item 5", "relations", "'3'")),
    (bpi_interference, with_answer(BPI_INTERFERENCE_OK, 6, math.nan), ("item 7", "enjoyment")),
    (bpi_interference, with_answer(BPI_INTERFERENCE_OK, 6, math.inf), ("item 7", "got inf")),
    (bpi_interference, 3, ("BPI interference", "list, tuple", "7 answers", PAIN_ITEM_RANGE)),
    (bpi_interference, "3333333", ("BPI interference", "list, tuple", PAIN_ITEM_RANGE)),
    (bpi_interference, {"mood": 3}, ("BPI interference", "got a dict", PAIN_ITEM_RANGE)),
    (bpi_interference, iter(BPI_INTERFERENCE_OK), ("BPI interference", "list, tuple")),
    # PEG
    (peg_pain, 11, ("PEG item 1", "average pain", PAIN_ITEM_RANGE, "got 11")),
    (peg_enjoyment, -1, ("PEG item 2", "enjoyment of life", PAIN_ITEM_RANGE, "got -1")),
    (peg_activity, 6.5, ("PEG item 3", "general activity", PAIN_ITEM_RANGE, "6.5")),
    (peg_activity, 6.0, ("PEG item 3", "general activity", PAIN_ITEM_RANGE, "6.0")),
    (peg_pain, np.float64(6), ("PEG item 1", "average pain", PAIN_ITEM_RANGE, "6.0")),
    (peg_pain, True, ("PEG item 1", "average pain", PAIN_ITEM_RANGE, "True")),
    (peg_enjoyment, "6", ("PEG item 2", "enjoyment", PAIN_ITEM_RANGE, "'6'")),
    (peg_activity, math.nan, ("PEG item 3", "general activity", PAIN_ITEM_RANGE, "nan")),
    (peg_activity, math.inf, ("PEG item 3", "general activity", PAIN_ITEM_RANGE, "inf")),
    (peg_pain, None, ("PEG item 1", "average pain", PAIN_ITEM_RANGE, "None")),
    (peg_pain, [6], ("PEG item 1", "average pain", PAIN_ITEM_RANGE, "got a list")),
    # PHQ-9 change
    (phq9_before, 28, ("PHQ-9 total before", "from 0 to 27", "got 28")),
    (phq9_after, -1, ("PHQ-9 total after", "from 0 to 27", "got -1")),
    (phq9_before, 12.0, ("PHQ-9 total before", "from 0 to 27", "12.0")),
    (phq9_after, 6.5, ("PHQ-9 total after", "from 0 to 27", "6.5")),
    (phq9_before, True, ("PHQ-9 total before", "from 0 to 27", "True")),
    (phq9_after, "6", ("PHQ-9 total after", "from 0 to 27", "'6'")),
    (phq9_before, math.nan, ("PHQ-9 total before", "from 0 to 27", "nan")),
    (phq9_after, math.inf, ("PHQ-9 total after", "from 0 to 27", "inf")),
    (phq9_before, None, ("PHQ-9 total before", "from 0 to 27", "None")),
    (phq9_after, [6], ("PHQ-9 total after", "from 0 to 27", "got a list")),
    (phq9_before, {"total": 12}, ("PHQ-9 total before", "from 0 to 27", "got a dict")),
    # pain change
    (pain_before, 10.5, ("pain before", "from 0 to 10", "10.5")),
    (pain_after, -0.5, ("pain after", "from 0 to 10", "-0.5")),
    (pain_after, 11, ("pain after", "from 0 to 10", "got 11")),
    (pain_before, True, ("pain before", "from 0 to 10", "True")),
    (pain_after, "3", ("pain after", "from 0 to 10", "'3'")),
    (pain_before, math.nan, ("pain before", "finite number", "nan")),
    (pain_after, np.nan, ("pain after", "finite number", "nan")),
    (pain_before, math.inf, ("pain before", "finite number", "inf")),
    (pain_after, -math.inf, ("pain after", "finite number", "-inf")),
    (pain_before, None, ("pain before", "from 0 to 10", "None")),
    (pain_after, [3], ("pain after", "from 0 to 10", "got a list")),
    # band helpers
    (phq9_severity, 28, ("PHQ-9 total", "from 0 to 27", "got 28")),
    (phq9_severity, 14.0, ("PHQ-9 total", "from 0 to 27", "14.0")),
    (bpi_severity_band, 11, ("worst pain", PAIN_ITEM_RANGE, "got 11")),
    (bpi_severity_band, True, ("worst pain", PAIN_ITEM_RANGE, "True")),
]


@pytest.mark.parametrize(
    ("function", "bad_input", "fragments"),
    BAD_INPUTS,
    ids=[f"{function.__name__}-{index}" for index, (function, _, _) in enumerate(BAD_INPUTS)],
)
def test_bad_input_is_refused_with_a_message_naming_item_and_range(function, bad_input, fragments):
    with pytest.raises(ValueError) as refused:
        function(bad_input)
    message = str(refused.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_phq9_result_type_is_checked_not_duck_typed():
    class LooksLikeAResult:
        total = 12

    with pytest.raises(ValueError, match="PHQ-9 total before"):
        phq9_change(LooksLikeAResult(), 5)


def test_results_have_the_documented_types():
    phq9 = score_phq9([1] * 9)
    assert isinstance(phq9, Phq9Result)
    assert type(phq9.total) is int
    bpi = score_bpi([5, 2, 3, 4], [3] * 7)
    assert type(bpi.severity) is float
    assert type(bpi.interference) is float
    assert type(score_peg(1, 2, 3)) is float
    pain = pain_change(np.int64(6), np.float64(4.5))
    assert type(pain.delta) is float
    assert type(pain.percent) is float


# --------------------------------------------------------------------------- one item
@pytest.mark.parametrize(
    ("scale", "number", "highest", "score"),
    [
        ("PHQ-9", 9, 3, lambda v: score_phq9([0] * 8 + [v])),
        ("BPI severity", 2, 10, lambda v: score_bpi([0, v, 0, 0], [0] * 7)),
        ("BPI interference", 7, 10, lambda v: score_bpi([0] * 4, [0] * 6 + [v])),
        ("PEG", 3, 10, lambda v: score_peg(0, 0, v)),
    ],
)
def test_check_item_refuses_exactly_what_scoring_refuses(scale, number, highest, score):
    assert check_item(scale, number, highest) == highest
    bads = (highest + 1, -1, 1.0, True, "1", math.nan)
    if scale in {"PHQ-9", "BPI interference"}:  # scoring allows a missing item here
        assert check_item(scale, number, None) is None
        assert score(None) is not None
    else:
        bads += (None,)
    for bad in bads:
        with pytest.raises(ValueError) as from_check:
            check_item(scale, number, bad)
        with pytest.raises(ValueError) as from_scoring:
            score(bad)
        assert str(from_check.value) == str(from_scoring.value)
        assert f"{scale} item {number}" in str(from_check.value)


@pytest.mark.parametrize(
    ("scale", "number", "message"),
    [
        ("GAD-7", 1, "scale must be one of PHQ-9, BPI severity, BPI interference, PEG"),
        ("PHQ-9", 10, "PHQ-9 item number must be from 1 to 9"),
        ("PEG", 0, "PEG item number must be from 1 to 3"),
        ("PEG", True, "PEG item number must be from 1 to 3"),
    ],
)
def test_check_item_refuses_unknown_scales_and_items(scale, number, message):
    with pytest.raises(ValueError, match=message):
        check_item(scale, number, 0)
