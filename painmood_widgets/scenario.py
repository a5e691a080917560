"""A patient's situation as the model takes it: levers, treatments, starting scores, weeks.

:class:`Scenario` holds one situation, every field checked on construction; the ranges,
defaults, units and labels of its numeric fields are :data:`SCENARIO_FIELDS`, the one
source for sliders and error messages. A bad value raises ``ValueError`` naming the field
and its allowed range. Educational, not diagnostic.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from painmood_widgets.coefficients import PAIN_MAX, PHQ9_MAX, TREATMENTS, coefficients

__all__ = [
    "SCENARIO_FIELDS",
    "TREATMENT_LABELS",
    "FieldRange",
    "Scenario",
    "check_field",
    "check_treatments",
    "checked_arrays",
    "checked_scenario",
    "checked_weeks",
    "reference_lifestyle",
    "usual_care",
]

TREATMENT_LABELS = MappingProxyType(
    {
        "duloxetine": "Duloxetine (antidepressant, 60 mg a day)",
        "cbt": "Cognitive behavioural therapy (CBT)",
        "exercise": "Exercise programme (for example gentle yoga)",
        "cbt_i": "CBT for insomnia (CBT-I)",
        "mindfulness": "Mindfulness programme",
        "social_support": "More social support",
    }
)
"""Plain label of each treatment, for check boxes and legends."""


@dataclass(frozen=True)
class FieldRange:
    """Allowed range, default, unit and label of one numeric :class:`Scenario` field.

    Attributes
    ----------
    minimum, maximum : float
        Inclusive bounds.
    default : float
        Value of a new :class:`Scenario`.
    step : float
        A sensible slider step.
    unit : str
        Unit, in words.
    label : str
        Plain label for a control.
    whole : bool
        True when only whole numbers are allowed (days, weeks).
    """

    minimum: float
    maximum: float
    default: float
    step: float
    unit: str
    label: str
    whole: bool = False


SCENARIO_FIELDS = MappingProxyType(
    {
        "sleep_hours": FieldRange(3.0, 10.0, 7.0, 0.5, "hours per night", "Sleep"),
        "activity_minutes": FieldRange(
            0.0, 420.0, 150.0, 10.0, "minutes per week", "Moderate physical activity"
        ),
        "crp_mg_l": FieldRange(0.1, 10.0, 1.0, 0.1, "mg/L", "C-reactive protein (CRP)"),
        "opioid_days": FieldRange(0, 730, 0, 1, "days", "Continuous opioid use so far", whole=True),
        "baseline_pain": FieldRange(
            0.0, PAIN_MAX, 6.0, 0.5, "points, 0-10", "Pain intensity at the start"
        ),
        "baseline_phq9": FieldRange(0.0, PHQ9_MAX, 10.0, 1.0, "points, 0-27", "PHQ-9 at the start"),
        "weeks": FieldRange(1, 104, 26, 1, "weeks", "Weeks to simulate", whole=True),
    }
)
"""Every numeric field of :class:`Scenario` with its range: the one source for sliders."""


# --------------------------------------------------------------------------- scenario
def _describe_range(name: str) -> str:
    spec = SCENARIO_FIELDS[name]
    kind = "a whole number" if spec.whole else "a number"
    return f"{name} must be {kind} from {spec.minimum:g} to {spec.maximum:g} ({spec.unit})"


def check_field(name: str, value: object) -> float | int:
    """Check one numeric scenario field; return it as a float (an int for whole fields).

    Raises
    ------
    ValueError
        Naming the field, its allowed range and unit, and the value refused.

    Examples
    --------
    >>> check_field("opioid_days", 90.0), check_field("sleep_hours", 5)
    (90, 5.0)
    """
    spec = SCENARIO_FIELDS[name]
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise ValueError(f"{_describe_range(name)}; got {value!r}")
    number = float(value)
    if not (math.isfinite(number) and spec.minimum <= number <= spec.maximum):
        raise ValueError(f"{_describe_range(name)}; got {value!r}")
    if spec.whole:
        if not number.is_integer():
            raise ValueError(f"{_describe_range(name)}; got {value!r}")
        return int(number)
    return number


def _allowed_treatments() -> str:
    return ", ".join(TREATMENTS)


def check_treatments(treatments: object) -> frozenset[str]:
    """Check a collection of treatment names; return it as a frozenset.

    Raises
    ------
    ValueError
        For a bare string, something that is not a collection, or an unknown name (the
        message lists the allowed names).
    """
    if isinstance(treatments, str | bytes):
        raise ValueError(
            f"treatments must be a collection of names such as {{'cbt'}}, not the bare string "
            f"{treatments!r}; allowed: {_allowed_treatments()}"
        )
    if not isinstance(treatments, Iterable):
        raise ValueError(
            f"treatments must be a collection of names; got {treatments!r}; "
            f"allowed: {_allowed_treatments()}"
        )
    names = frozenset(treatments)
    unknown = sorted(repr(name) for name in names if name not in TREATMENTS)
    if unknown:
        raise ValueError(
            f"unknown treatment {', '.join(unknown)} in treatments; "
            f"allowed: {_allowed_treatments()}"
        )
    return names


@dataclass(frozen=True)
class Scenario:
    """One patient's situation: levers, treatments, starting scores and horizon.

    Every field is checked on construction; a bad value raises ``ValueError`` naming the
    field and its allowed range (see :data:`SCENARIO_FIELDS` and :data:`TREATMENTS`).

    Parameters
    ----------
    sleep_hours : float, default 7.0
        Sleep per night, 3 to 10 hours.
    activity_minutes : float, default 150.0
        Moderate physical activity per week, 0 to 420 minutes.
    crp_mg_l : float, default 1.0
        C-reactive protein, 0.1 to 10 mg/L (above 10 mg/L points to an acute cause).
    opioid_days : int, default 0
        Days of continuous opioid use so far, 0 to 730; use continues during the
        simulation (0 means no opioids).
    treatments : iterable of str, default empty
        Any of :data:`TREATMENTS`; stored as a frozenset. A bare string is refused.
    baseline_pain : float, default 6.0
        Pain intensity at week 0, 0 to 10.
    baseline_phq9 : float, default 10.0
        PHQ-9 total at week 0, 0 to 27.
    weeks : int, default 26
        Weeks to simulate, 1 to 104.

    Examples
    --------
    >>> maria = Scenario(treatments=["duloxetine", "cbt", "exercise"], baseline_pain=7,
    ...                  baseline_phq9=15)
    >>> sorted(maria.treatments)
    ['cbt', 'duloxetine', 'exercise']
    >>> maria.replace(sleep_hours=5).sleep_hours
    5.0
    >>> Scenario(sleep_hours=2)
    Traceback (most recent call last):
    ...
    ValueError: sleep_hours must be a number from 3 to 10 (hours per night); got 2
    """

    sleep_hours: float = 7.0
    activity_minutes: float = 150.0
    crp_mg_l: float = 1.0
    opioid_days: int = 0
    treatments: frozenset[str] = field(default_factory=frozenset)
    baseline_pain: float = 6.0
    baseline_phq9: float = 10.0
    weeks: int = 26

    def __post_init__(self) -> None:
        """Check every field; a bad one raises ``ValueError`` naming it and its range."""
        for name in SCENARIO_FIELDS:
            object.__setattr__(self, name, check_field(name, getattr(self, name)))
        object.__setattr__(self, "treatments", check_treatments(self.treatments))

    def replace(self, **changes: object) -> Scenario:
        """A checked copy with some fields changed.

        Parameters
        ----------
        **changes
            Field names and new values.

        Returns
        -------
        Scenario
            The new scenario (validated like any other).

        Raises
        ------
        ValueError
            If a name is not a field, or a value is out of range.

        Examples
        --------
        >>> Scenario().replace(treatments={"cbt"}).treatments
        frozenset({'cbt'})
        >>> Scenario().replace(sleep=5)
        Traceback (most recent call last):
        ...
        ValueError: unknown Scenario field 'sleep'; fields: sleep_hours, activity_minutes, \
crp_mg_l, opioid_days, treatments, baseline_pain, baseline_phq9, weeks
        """
        names = [f.name for f in dataclasses.fields(self)]
        for name in changes:
            if name not in names:
                raise ValueError(f"unknown Scenario field {name!r}; fields: {', '.join(names)}")
        return dataclasses.replace(self, **changes)


def checked_arrays(arrays: Mapping[str, object]) -> tuple[dict[str, np.ndarray], int]:
    """Check per-patient arrays of scenario fields; return float64 arrays and their length."""
    checked: dict[str, np.ndarray] = {}
    size = None
    for name, values in arrays.items():
        spec = SCENARIO_FIELDS[name]
        rule = f"{name} must be a 1-D array of numbers from {spec.minimum:g} to {spec.maximum:g}"
        array = np.asarray(values)
        if array.dtype.kind not in "iuf" or array.ndim != 1:
            raise ValueError(f"{rule} ({spec.unit}); got dtype {array.dtype}, shape {array.shape}")
        array = array.astype(np.float64)
        bad = ~(np.isfinite(array) & (array >= spec.minimum) & (array <= spec.maximum))
        if bad.any():
            index = int(np.flatnonzero(bad)[0])
            raise ValueError(f"{rule} ({spec.unit}); got {array[index]!r} at index {index}")
        if size is None:
            size = array.shape[0]
        elif array.shape[0] != size:
            raise ValueError(
                f"{name} has {array.shape[0]} values but sleep_hours has {size}; "
                "every array must hold one value per patient"
            )
        checked[name] = array
    if not size:
        raise ValueError("sleep_hours must hold at least one patient")
    return checked, size


def checked_weeks(weeks: object) -> int:
    """Check a number of weeks to simulate (a whole number, 1 to 104)."""
    if isinstance(weeks, bool | np.bool_) or not isinstance(weeks, numbers.Integral):
        raise ValueError(f"{_describe_range('weeks')}; got {weeks!r}")
    return check_field("weeks", weeks)


def checked_scenario(scenario: object) -> Scenario:
    """The scenario given, or a ``TypeError`` naming what was given instead."""
    if not isinstance(scenario, Scenario):
        raise TypeError(f"scenario must be a Scenario; got {type(scenario).__name__}")
    return scenario


def reference_lifestyle() -> dict[str, float]:
    """The lever values at which the model adds no push: the zero of every lever effect.

    Sleep 7 hours (``sleep_reference_hours``), the recommended 150 minutes of activity a
    week (``activity_reference_minutes``), CRP 1 mg/L (``crp_reference_mg_l``), no
    opioids.

    Examples
    --------
    >>> reference_lifestyle()
    {'sleep_hours': 7.0, 'activity_minutes': 150.0, 'crp_mg_l': 1.0, 'opioid_days': 0}
    """
    c = coefficients()
    return {
        "sleep_hours": c.sleep_reference_hours,
        "activity_minutes": c.activity_reference_minutes,
        "crp_mg_l": c.crp_reference_mg_l,
        "opioid_days": 0,
    }


def usual_care(scenario: Scenario) -> Scenario:
    """The comparison for a scenario: usual care from the same start.

    Same starting scores and weeks, reference lifestyle, no added treatment.

    Its course is not flat: usual care improves, as trials' control arms do (see
    :func:`trajectory` and ``docs/model.md``).

    Examples
    --------
    >>> base = usual_care(Scenario(sleep_hours=5, treatments={"cbt"}, baseline_phq9=15))
    >>> base.sleep_hours, base.baseline_phq9, base.treatments
    (7.0, 15.0, frozenset())
    """
    scenario = checked_scenario(scenario)
    return Scenario(
        **reference_lifestyle(),
        baseline_pain=scenario.baseline_pain,
        baseline_phq9=scenario.baseline_phq9,
        weeks=scenario.weeks,
    )
