"""The chart layers compose, every chart is a sum of them, and colours come from the theme."""

import re
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from painmood_widgets import charts, theme
from painmood_widgets.charts import encodings, layers
from painmood_widgets.charts.trajectory import DATA_NAMES
from tests.test_charts import (
    CHARTS,
    cohort,
    cohort_summary,
    no_change_course,
    observed_scores,
    typical_patient,
    walk,
)

PACKAGE = Path(charts.__file__).resolve().parent
HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}\b")
COLOUR_KEYS = ("color", "fill", "stroke")


TOP_LEVEL_ONLY = ("$schema", "config", "background", "datasets")


def as_layer(chart: alt.TopLevelMixin) -> dict:
    """A chart's specification as it stands inside a layer: without the keys only a
    top-level chart has (schema, theme, data sets; inline data keep their names)."""
    return {key: value for key, value in chart.to_dict().items() if key not in TOP_LEVEL_ONLY}


def named(part: str) -> alt.NamedData:
    return alt.NamedData(name=DATA_NAMES[part])


# --------------------------------------------------------------------------- composing
def test_bands_plus_a_course_line_is_one_valid_panel_on_shared_scales():
    patient = typical_patient()
    panel = charts.severity_bands() + charts.course_line(patient, "phq9")
    assert isinstance(panel, alt.LayerChart)
    spec = panel.to_dict()  # validates against the Vega-Lite schema
    shading, labels, line = spec["layer"]
    assert (shading["mark"]["type"], labels["mark"]["type"], line["mark"]["type"]) == (
        "rect",
        "text",
        "line",
    )
    # the bands' rows are the panel's data; the course line brings its own rows
    bands = spec["datasets"][spec["data"]["name"]]
    assert [row["band"] for row in bands] == [
        band.band for band in layers.severity_band_frame().itertuples()
    ]
    rows = spec["datasets"][line["data"]["name"]]
    assert [row["phq9"] for row in rows] == patient["phq9"].tolist()
    # both put a PHQ-9 field on the same fixed y scale and axis
    assert shading["encoding"]["y"]["field"] == "band_start"
    assert line["encoding"]["y"]["field"] == "phq9"
    assert shading["encoding"]["y"]["scale"] == line["encoding"]["y"]["scale"]
    assert shading["encoding"]["y"]["axis"] == line["encoding"]["y"]["axis"]
    assert line["encoding"]["x"]["scale"]["domain"] == [0, int(patient["week"].max())]


def test_layers_of_one_measure_share_their_encodings():
    summary, patient = cohort_summary(), typical_patient()
    weeks = (0, 26)
    built = [
        layers.cohort_band(summary, "pain", weeks=weeks),
        layers.cohort_median(summary, "pain", weeks=weeks),
        layers.course_line(patient, "pain", weeks=weeks),
        layers.reference_course(no_change_course().assign(scenario="usual care"), "pain"),
        layers.observed_points(observed_scores().assign(who="Maria"), "pain", weeks=weeks),
    ]
    specs = [as_layer(layer) for layer in built]
    scale = encodings.score_scale("pain").to_dict()
    assert all(spec["encoding"]["y"]["scale"] == scale for spec in specs)
    assert {spec["encoding"]["x"]["field"] for spec in specs} == {"week"}
    assert {tuple(spec["encoding"]["x"]["scale"]["domain"]) for spec in specs} == {weeks}
    panel = alt.layer(*built)
    assert len(panel.to_dict()["layer"]) == len(built)


def test_layers_compose_side_by_side_and_one_above_the_other():
    patient = typical_patient()
    pain = charts.course_line(patient, "pain") + charts.visit_rules(charts.visit_frame([4, 8]))
    phq9 = charts.severity_bands() + charts.course_line(patient, "phq9")
    side_by_side = (pain | phq9).to_dict()
    stacked = (pain & phq9).to_dict()
    assert len(side_by_side["hconcat"]) == len(stacked["vconcat"]) == 2
    for spec in (side_by_side, stacked):
        marks = [node["mark"]["type"] for node in walk(spec) if "mark" in node]
        assert marks == ["line", "rule", "rect", "text", "line"]


def test_named_layers_need_the_weeks_and_frames_need_their_columns():
    with pytest.raises(ValueError, match="weeks must be given"):
        layers.course_line(named("patient"), "pain")
    with pytest.raises(ValueError, match="at_week must be given"):
        layers.observed_label(named("observed"), "pain", weeks=(0, 12))
    with pytest.raises(ValueError, match="data is missing column\\(s\\) who"):
        layers.observed_points(observed_scores(), "pain")
    with pytest.raises(ValueError, match="measure must be one of pain, phq9"):
        layers.cohort_band(cohort_summary(), "mood")
    with pytest.raises(ValueError, match="the last week must be a whole number of at least 8"):
        layers.course_line(typical_patient(), "pain", weeks=(8, 4))


# --------------------------------------------------------------------------- charts = layers
def test_the_trajectory_panels_are_sums_of_the_layers():
    options = {
        "reference": no_change_course(),
        "reference_label": "usual care",
        "observed": observed_scores(),
        "observed_label": "Maria",
    }
    spec = charts.trajectory_chart(typical_patient(), cohort_summary(), **options).to_dict()
    weeks = (0, 26)
    for panel, measure in zip(spec["vconcat"], ("pain", "phq9"), strict=True):
        expected = [layers.severity_bands(named("bands"))] if measure == "phq9" else []
        expected += [
            layers.cohort_band(named("summary"), measure, weeks=weeks),
            layers.cohort_median(named("summary"), measure, weeks=weeks),
            layers.course_line(named("patient"), measure, weeks=weeks),
            layers.visit_rules(named("visits"), weeks=weeks),
            layers.reference_course(named("reference"), measure, weeks=weeks),
            layers.observed_points(named("observed"), measure, weeks=weeks),
            layers.observed_label(named("observed"), measure, at_week=12, weeks=weeks),
        ]
        assert panel["layer"] == [as_layer(layer) for layer in expected]


def test_the_comparison_and_distribution_charts_are_built_on_the_layers():
    usual, treated = typical_patient(6.0, 14.0), typical_patient(4.0, 8.0)
    spec = charts.comparison_chart(usual, treated, labels=("usual care", "treated")).to_dict()
    both = pd.concat(
        [
            usual[["week", "pain", "phq9"]].astype(float).assign(scenario="usual care"),
            treated[["week", "pain", "phq9"]].astype(float).assign(scenario="treated"),
        ],
        ignore_index=True,
    )
    lines = layers.scenario_lines(both, "phq9", labels=["usual care", "treated"]).to_dict()
    bands, drawn = spec["vconcat"][1]["layer"]
    assert bands == as_layer(layers.severity_bands())
    assert drawn["encoding"] == lines["encoding"]
    assert spec["datasets"][drawn["data"]["name"]] == lines["datasets"][lines["data"]["name"]]

    distribution = charts.cohort_distribution_chart(cohort(), 12).to_dict()
    assert distribution["layer"][0] == as_layer(layers.severity_bands(score_axis_on="x"))
    pain = charts.cohort_distribution_chart(cohort(), 12, "pain").to_dict()
    assert all(node.get("mark", {}) != {"type": "rect"} for node in pain["layer"])


# --------------------------------------------------------------------------- colours
def test_no_hex_colour_is_written_in_the_charts_package():
    sources = {path.name: path.read_text(encoding="utf-8") for path in PACKAGE.glob("*.py")}
    assert {"layers.py", "trajectory.py", "loop.py", "tables.py"} <= set(sources)
    found = {name: HEX_COLOUR.findall(source) for name, source in sources.items()}
    assert {name: colours for name, colours in found.items() if colours} == {}
    # negative control: the pattern catches what charts.py used to hold
    assert HEX_COLOUR.findall('_VISIT_COLOUR = "#555555"; fill="#fff"') == ["#555555", "#fff"]


def _theme_colours() -> set[str]:
    config = theme.painmood_theme()
    found = {config["background"], *theme.PALETTE, *theme.SEVERITY_SHADES}
    for node in walk(config["config"]):
        found |= {value for key, value in node.items() if key.lower().endswith("color")}
    return found


@pytest.mark.parametrize("name", CHARTS)
def test_every_colour_a_chart_draws_is_the_themes(name):
    spec = CHARTS[name]().to_dict()
    drawn = {
        value
        for unit in walk(spec)
        if isinstance(unit.get("mark"), dict)
        for node in walk(unit["mark"])
        for key, value in node.items()
        if key in COLOUR_KEYS
    }
    # colours read from the data with no scale: severity shades and node outlines
    for node in walk(spec):
        for channel in ("color", "stroke"):
            encoding = node.get("encoding", {}).get(channel, {})
            if encoding.get("scale", "no scale given") is None:
                rows = [row for rows in spec["datasets"].values() for row in rows]
                drawn |= {row[encoding["field"]] for row in rows if encoding["field"] in row}
    assert drawn, "every chart draws some colour of its own"
    assert drawn <= _theme_colours()


def test_the_overlap_table_takes_its_colours_from_the_theme():
    rows = pd.DataFrame({"aspect": ["Sleep"], "chronic_pain": ["a"], "depression": ["b"]})
    table = charts.overlap_table_html(rows)
    colours = set(HEX_COLOUR.findall(table))
    assert colours and colours <= _theme_colours()
