"""Dose-response chart: one lever swept across its range, pain and PHQ-9 of the typical patient.

:func:`dose_response_chart` stacks a pain panel above a PHQ-9 panel (over the severity
bands), each a line over the lever's values as from
:func:`painmood_widgets.model.dose_response`, with a dash-dot vertical line at the lever's
reference value and, optionally, a solid one at its value now. Its layers read their rows
by name from the chart's top-level ``datasets``, so :func:`dose_response_data` gives what
changes with the numbers (data sets and text alternative) apart from what fixes the
layout (lever, week, title): a widget swaps the first with
:func:`painmood_widgets.rendering.replace_data` while the second stays. Scores sit on
their fixed 0-10 and 0-27 axes, as in every painmood chart, so a lever that moves a score
by half a point looks as small as it is. The text alternative comes from
:mod:`painmood_widgets.describe.dose`. Educational, not diagnostic.

Examples
--------
>>> from painmood_widgets import model
>>> chart = dose_response_chart(model.dose_response(model.Scenario(), "crp_mg_l"), current=4.0)
>>> chart.to_dict()["description"][:60]
'C-reactive protein (CRP) from 0.1 to 10 mg/L, typical patien'
"""

import math
from dataclasses import dataclass

import altair as alt
import pandas as pd

from painmood_widgets.charts import encodings, layers
from painmood_widgets.charts.checks import check_frame, check_numbers, check_real, check_text
from painmood_widgets.charts.trajectory import spec_rows
from painmood_widgets.describe.charts import MEASURE_NAMES, MEASURE_TOPS
from painmood_widgets.describe.dose import (
    DOSE_RESPONSE_COLUMNS,
    check_dose_response,
    describe_dose_marks,
    describe_dose_response,
)
from painmood_widgets.describe.simulator import describe_control
from painmood_widgets.model import SCENARIO_FIELDS
from painmood_widgets.scenario import check_field
from painmood_widgets.theme import MEASURE_COLOURS
from painmood_widgets.wording import in_sentence

__all__ = ["DOSE_DATA_NAMES", "DoseResponseData", "dose_response_chart", "dose_response_data"]

DOSE_DATA_NAMES = {
    "curve": "dose_curve",
    "reference": "dose_reference",
    "now": "dose_now",
    "bands": "phq9_severity_bands",
}
"""The dose-response chart's data sets by part; fixed, so its layout never names numbers."""

_SCORE_COLUMNS = ("value", "week", "pain", "phq9")


@dataclass(frozen=True)
class DoseResponseData:
    """What a dose-response chart draws from its numbers, apart from its layout.

    Two charts with equal ``layout`` differ only in ``datasets`` and ``description``, so
    a chart widget shows new numbers by swapping those two
    (:func:`painmood_widgets.rendering.replace_data`).

    Attributes
    ----------
    layout : tuple
        Everything else the chart depends on: title, lever, the lever values the axis
        spans, week, and whether the value now is marked.
    datasets : dict of str to list of dict
        The chart's Vega-Lite ``datasets``, under the names of :data:`DOSE_DATA_NAMES`.
    description : str
        The chart's text alternative.
    """

    layout: tuple
    datasets: dict[str, list[dict]]
    description: str


@dataclass(frozen=True)
class _DoseInputs:
    curve: pd.DataFrame
    lever: str
    week: int
    reference: float
    current: float | None
    title: str
    description: str


def _dose_inputs(
    frame: pd.DataFrame, current: float | None, title: str | None, description: str | None
) -> _DoseInputs:
    """Check the arguments of :func:`dose_response_chart` and prepare what it draws."""
    check_frame(frame, "dose_response", DOSE_RESPONSE_COLUMNS)
    for measure, top in MEASURE_TOPS.items():
        check_numbers(frame, "dose_response", [measure], 0, top)
    check_numbers(frame, "dose_response", ["value", "reference"], -math.inf, math.inf)
    curve = check_dose_response(frame)
    lever = str(curve["lever"].iloc[0])
    spec = SCENARIO_FIELDS[lever]
    lowest, highest = float(curve["value"].iloc[0]), float(curve["value"].iloc[-1])
    if current is not None:
        current = float(check_field(lever, check_real(current, "current")))
        if not lowest <= current <= highest:
            raise ValueError(
                f"current must be from {lowest:g} to {highest:g} ({spec.unit}), the lever "
                f"values of the curve; got {current:g}"
            )
    if title is None:
        title = f"Dose-response: {in_sentence(spec.label)}"
    title = check_text(title, "title")
    if description is not None:
        description = check_text(description, "description")
    return _DoseInputs(
        curve=curve,
        lever=lever,
        week=int(curve["week"].iloc[0]),
        reference=float(curve["reference"].iloc[0]),
        current=current,
        title=title,
        description=description or describe_dose_response(curve),
    )


def _mark_rows(lever: str, value: float, label: str) -> list[dict]:
    return [{"value": value, "label": label, "words": describe_control(lever, value)}]


def _dose_data(inputs: _DoseInputs) -> DoseResponseData:
    datasets = {
        DOSE_DATA_NAMES["bands"]: [dict(row) for row in layers.severity_band_rows()],
        DOSE_DATA_NAMES["curve"]: spec_rows(inputs.curve[list(_SCORE_COLUMNS)]),
        DOSE_DATA_NAMES["reference"]: _mark_rows(inputs.lever, inputs.reference, "reference"),
    }
    if inputs.current is not None:
        datasets[DOSE_DATA_NAMES["now"]] = _mark_rows(inputs.lever, inputs.current, "now")
    values = inputs.curve["value"]
    layout = (
        inputs.title,
        inputs.lever,
        float(values.iloc[0]),
        float(values.iloc[-1]),
        inputs.week,
        inputs.current is not None,
    )
    marks = describe_dose_marks(inputs.lever, inputs.reference, inputs.current)
    return DoseResponseData(layout, datasets, f"{inputs.description} {marks}")


def _named(part: str) -> alt.NamedData:
    return alt.NamedData(name=DOSE_DATA_NAMES[part])


def _lever_x(inputs: _DoseInputs) -> alt.X:
    """The lever's values on x, over the curve's values exactly, titled with the unit."""
    spec = SCENARIO_FIELDS[inputs.lever]
    values = inputs.curve["value"]
    return alt.X(
        "value:Q",
        title=f"{spec.label} ({spec.unit})",
        scale=alt.Scale(domain=[float(values.iloc[0]), float(values.iloc[-1])], nice=False),
        axis=alt.Axis(format="d") if spec.whole else alt.Axis(),
    )


def _rule(part: str, x: alt.X, title: str, **mark: object) -> alt.Chart:
    """A vertical line at a lever value (the reference, or now), with its value in words."""
    return (
        alt.Chart(_named(part))
        .mark_rule(**mark)
        .encode(
            x=x,
            tooltip=[alt.Tooltip("label:N", title="Line"), alt.Tooltip("words:N", title=title)],
        )
    )


_LABEL_LINE_PX = 14
"""Pixels between the rules' labels, each on its own line, so "now" and "reference" never
overprint when the two lines fall together."""


def _rule_labels(part: str, x: alt.X, middle: float, line: int) -> list[alt.Chart]:
    """A rule's label near the panel's top, on its own ``line`` (0, 1), on the side with room."""
    dy = 2 + line * _LABEL_LINE_PX
    return [
        alt.Chart(_named(part))
        .mark_text(align=align, dx=dx, baseline="top", dy=dy, color=encodings.TEXT_COLOUR)
        .encode(x=x, y=alt.value(0), text="label:N")
        .transform_filter(f"datum.value {comparison} {middle!r}")
        for align, dx, comparison in (("left", 4, "<="), ("right", -4, ">"))
    ]


def _dose_panel(measure: str, inputs: _DoseInputs) -> alt.LayerChart:
    spec = SCENARIO_FIELDS[inputs.lever]
    x = _lever_x(inputs)
    x_title = f"{spec.label} ({spec.unit})"
    colour = MEASURE_COLOURS[measure]
    panel: list[alt.Chart | alt.LayerChart] = []
    if measure == "phq9":
        panel.append(layers.severity_bands(_named("bands")))
    panel.append(
        alt.Chart(_named("curve"))
        .mark_line(color=colour, point=alt.OverlayMarkDef(color=colour, size=20))
        .encode(
            x=x,
            y=encodings.score_y(measure),
            tooltip=[
                alt.Tooltip("value:Q", title=x_title, format="d" if spec.whole else "g"),
                alt.Tooltip("week:Q", title="Week"),
                alt.Tooltip(
                    f"{measure}:Q", title=f"{MEASURE_NAMES[measure]}, typical patient", format=".1f"
                ),
            ],
        )
    )
    parts = ["reference"] + (["now"] if inputs.current is not None else [])
    panel.append(
        _rule(
            "reference",
            x,
            x_title,
            color=encodings.BLACK,
            strokeDash=layers.REFERENCE_DASH,
            strokeWidth=1.5,
        )
    )
    if inputs.current is not None:
        panel.append(_rule("now", x, x_title, color=encodings.TEXT_COLOUR, strokeWidth=2.5))
    if measure == "pain":  # the labels once, on the top panel
        values = inputs.curve["value"]
        middle = (float(values.iloc[0]) + float(values.iloc[-1])) / 2
        for line, part in enumerate(parts):
            panel.extend(_rule_labels(part, x, middle, line))
    return alt.layer(*panel).properties(width=encodings.PANEL_WIDTH, height=encodings.PANEL_HEIGHT)


def _subtitle(inputs: _DoseInputs) -> list[str]:
    lines = [
        f"Typical patient at week {inputs.week}; every other lever, treatment and starting "
        "score as in the scenario.",
        "Dash-dot vertical line: the reference lifestyle"
        + ("; solid vertical line: now." if inputs.current is not None else "."),
    ]
    return lines


def dose_response_chart(
    frame: pd.DataFrame,
    current: float | None = None,
    *,
    title: str | None = None,
    description: str | None = None,
) -> alt.VConcatChart:
    """Pain and PHQ-9 of the typical patient along one lever: where more helps, where not.

    Two panels share the lever's axis: pain on its fixed 0-10 axis, and PHQ-9 on its
    fixed 0-27 axis over the five severity bands. Each score is a line with a dot per
    lever value. A dash-dot vertical line, labelled "reference", marks the lever's value
    in the reference lifestyle (where it adds nothing); a solid one, labelled "now",
    marks `current`. The description (the text alternative) says where each score is
    highest and lowest, where more of the lever helps or stops helping, and why
    (:func:`painmood_widgets.describe.dose.describe_dose_response`), then what the
    vertical lines mark.

    Parameters
    ----------
    frame : pandas.DataFrame
        As from ``model.dose_response``: columns ``lever``, ``value``, ``week``,
        ``pain`` (0-10), ``phq9`` (0-27) and ``reference``, one lever and one week.
    current : float, optional
        The lever's value now, within the curve's values; marked when given.
    title : str, optional
        Chart title; by default "Dose-response: " and the lever's label.
    description : str, optional
        Sentences to use instead of the curve's own description (an app's summary); the
        vertical lines are described after them either way.

    Returns
    -------
    altair.VConcatChart
        The pain panel above the PHQ-9 panel; its data sets carry the names of
        :data:`DOSE_DATA_NAMES`.

    Raises
    ------
    ValueError
        If a column is missing, a score is off its scale, the rows hold more than one
        lever or week, `current` is outside the lever's range or the curve's values, or
        a title or description is empty.

    Examples
    --------
    >>> from painmood_widgets import model
    >>> curve = model.dose_response(model.Scenario(), "sleep_hours")
    >>> spec = dose_response_chart(curve, current=5.0).to_dict()
    >>> spec["title"]["text"], spec["vconcat"][0]["layer"][0]["encoding"]["x"]["title"]
    ('Dose-response: sleep', 'Sleep (hours per night)')
    >>> spec["datasets"]["dose_now"][0]["words"]
    '5 hours of sleep a night'
    >>> dose_response_chart(curve, current=2.0)
    Traceback (most recent call last):
    ...
    ValueError: sleep_hours must be a number from 3 to 10 (hours per night); got 2.0
    """
    inputs = _dose_inputs(frame, current, title, description)
    data = _dose_data(inputs)
    panels = [_dose_panel(measure, inputs) for measure in MEASURE_TOPS]
    return alt.vconcat(*panels, spacing=16).properties(
        title=alt.Title(inputs.title, subtitle=_subtitle(inputs)),
        description=data.description,
        datasets=data.datasets,
    )


def dose_response_data(
    frame: pd.DataFrame,
    current: float | None = None,
    *,
    title: str | None = None,
    description: str | None = None,
) -> DoseResponseData:
    """The data, text alternative and layout key of :func:`dose_response_chart`.

    Takes the same arguments and checks them the same way, but builds no chart.
    ``dose_response_chart(...).to_dict()`` carries exactly these ``datasets`` and this
    ``description``.

    Parameters
    ----------
    frame, current, title, description
        As for :func:`dose_response_chart`.

    Returns
    -------
    DoseResponseData
        The layout key, the data sets by name and the description.

    Raises
    ------
    ValueError
        As :func:`dose_response_chart`.

    Examples
    --------
    >>> from painmood_widgets import model
    >>> curve = model.dose_response(model.Scenario(), "opioid_days")
    >>> data = dose_response_data(curve, current=90)
    >>> sorted(data.datasets)
    ['dose_curve', 'dose_now', 'dose_reference', 'phq9_severity_bands']
    >>> dose_response_chart(curve, current=90).to_dict()["datasets"] == data.datasets
    True

    A new value now keeps the layout; another lever changes it:

    >>> dose_response_data(curve, current=200).layout == data.layout
    True
    >>> other = model.dose_response(model.Scenario(), "crp_mg_l")
    >>> dose_response_data(other, current=1.0).layout == data.layout
    False
    """
    return _dose_data(_dose_inputs(frame, current, title, description))
