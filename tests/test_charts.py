"""Chart specifications, the theme, offline rendering and export, checked from Python."""

import importlib.metadata
import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import pytest

from painmood_widgets import charts, model, rendering, theme
from painmood_widgets.charts.trajectory import spec_rows
from painmood_widgets.paths import DATASETS_DIR
from painmood_widgets.scales import PHQ9_SEVERITY_BANDS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "painmood_widgets"
WEEKS = np.arange(27)


# --------------------------------------------------------------------------- data
def typical_patient(pain_end: float = 4.0, phq9_end: float = 8.0) -> pd.DataFrame:
    """A typical-patient trajectory as model.trajectory returns it (with mediators)."""
    decay = 1 - np.exp(-WEEKS / 6)
    return pd.DataFrame(
        {
            "week": WEEKS,
            "pain": 7 - (7 - pain_end) * decay / decay[-1],
            "phq9": 15 - (15 - phq9_end) * decay / decay[-1],
            "inflammation": 0.0,
            "stress": 0.1,
            "sleep_debt": 1.0,
            "deconditioning": 0.2,
            "opioid_blunting": 0.0,
        }
    )


def cohort_summary() -> pd.DataFrame:
    patient = typical_patient()
    summary = {"week": WEEKS}
    for measure, top in (("pain", 10), ("phq9", 27)):
        summary[f"{measure}_p10"] = (patient[measure] - 2).clip(0, top)
        summary[f"{measure}_p50"] = patient[measure]
        summary[f"{measure}_p90"] = (patient[measure] + 3).clip(0, top)
    return pd.DataFrame(summary)


def cohort() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    patients = 200
    frame = pd.DataFrame(
        {"patient": np.repeat(np.arange(patients), 2), "week": np.tile([0, 12], patients)}
    )
    frame["pain"] = rng.normal(5, 1.5, len(frame)).clip(0, 10)
    frame["phq9"] = rng.normal(11, 4, len(frame)).clip(0, 27)
    return frame


def sensitivity() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "lever": ["crp_mg_l", "sleep_hours", "opioid_days", "activity_minutes"],
            "low": [0.5, 4.0, 0.0, 0.0],
            "high": [10.0, 9.0, 365.0, 300.0],
            "outcome_low": [11.4, 15.1, 11.8, 13.9],
            "outcome_high": [13.7, 10.2, 14.6, 10.9],
        }
    )


CHARTS = {
    "trajectory": lambda: charts.trajectory_chart(typical_patient(), cohort_summary()),
    "comparison": lambda: charts.comparison_chart(
        typical_patient(6.0, 14.0), typical_patient(4.0, 8.0)
    ),
    "tornado": lambda: charts.tornado_chart(sensitivity(), 12.0, outcome="PHQ-9 at week 12"),
    "cohort_phq9": lambda: charts.cohort_distribution_chart(cohort(), 12),
    "cohort_pain": lambda: charts.cohort_distribution_chart(cohort(), 12, "pain"),
    "feedback_loop": lambda: charts.feedback_loop_chart(),
}


# --------------------------------------------------------------------------- spec helpers
def walk(node):
    """Every dict inside a spec."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def units(spec: dict):
    """Every unit (non-composite) view of a spec, with its data rows."""
    datasets = spec.get("datasets", {})
    for node in walk(spec):
        if "mark" in node:
            data = node.get("data", {})
            yield node, datasets.get(data.get("name"), data.get("values"))


def mark_type(unit: dict) -> str:
    mark = unit["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def layer_data(spec: dict, parent: dict) -> list[dict]:
    """Rows of a view that inherits its data from ``parent``."""
    return spec["datasets"][parent["data"]["name"]]


def rows_with(spec: dict, column: str) -> list[dict]:
    """The one inline dataset of a spec that has ``column``."""
    [rows] = [rows for rows in spec["datasets"].values() if rows and column in rows[0]]
    return rows


def severity_units(spec: dict) -> list[tuple[dict, list[dict]]]:
    """The rect units whose rows are the PHQ-9 severity bands."""
    found = []
    for node in walk(spec):
        if "layer" in node and "data" in node:
            rows = layer_data(spec, node)
            if rows and "band" in rows[0]:
                found += [(unit, rows) for unit in node["layer"] if mark_type(unit) == "rect"]
        if "mark" in node and "data" in node and mark_type(node) == "rect":
            rows = spec["datasets"][node["data"]["name"]]
            if rows and "band" in rows[0]:
                found.append((node, rows))
    return found


def panel_y(panel: dict, field: str) -> dict:
    """The y encoding of the unit in a panel that plots ``field``."""
    for node in walk(panel):
        y = node.get("encoding", {}).get("y", {}) if "mark" in node else {}
        if y.get("field") == field:
            return y
    raise AssertionError(f"no unit plots {field}")


def visit_weeks(spec: dict) -> list[list[int]]:
    return [
        [row["week"] for row in rows]
        for unit, rows in units(spec)
        if mark_type(unit) == "rule" and rows and "visit" in rows[0]
    ]


# --------------------------------------------------------------------------- every chart
@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_has_a_title_and_a_description_built_from_its_data(name):
    spec = CHARTS[name]().to_dict()
    title = spec["title"]["text"] if isinstance(spec["title"], dict) else spec["title"]
    assert isinstance(title, str) and title.strip()
    description = spec["description"]
    assert len(description) > 60
    if name == "feedback_loop":
        links = charts.vicious_cycle_links()
        assert all(label in description for label in links["label"])
    else:
        assert re.search(r"\d", description), "the description should carry the chart's figures"


def test_descriptions_follow_the_data():
    better = charts.trajectory_chart(typical_patient(4.0, 8.0)).to_dict()["description"]
    worse = charts.trajectory_chart(typical_patient(6.5, 21.0)).to_dict()["description"]
    assert "PHQ-9 falls from 15 (moderately severe) to 8 (mild)" in better
    assert "pain falls from 7.0 to 4.0" in better
    assert "PHQ-9 rises from 15 (moderately severe) to 21 (severe)" in worse
    flat = typical_patient().assign(phq9=12.0)
    assert "PHQ-9 stays at 12 (moderate)" in charts.trajectory_chart(flat).to_dict()["description"]


@pytest.mark.parametrize("name", CHARTS)
def test_every_label_is_at_least_12_px(name):
    spec = CHARTS[name]().to_dict()
    sizes = [
        value
        for node in walk(spec)
        for key, value in node.items()
        if key.lower().endswith("fontsize") and isinstance(value, int | float)
    ]
    assert sizes and min(sizes) >= 12


# --------------------------------------------------------------------------- trajectory
def test_trajectory_shades_the_five_phq9_severity_bands_from_scales():
    spec = charts.trajectory_chart(typical_patient()).to_dict()
    [(rect, rows)] = severity_units(spec)
    assert [(row["band"], row["lowest"], row["highest"]) for row in rows] == [
        (band.label, band.lowest, band.highest) for band in PHQ9_SEVERITY_BANDS
    ]
    assert [(row["band_start"], row["band_end"]) for row in rows] == [
        (0, 4.5),
        (4.5, 9.5),
        (9.5, 14.5),
        (14.5, 19.5),
        (19.5, 27),
    ]
    assert rect["encoding"]["y"]["field"] == "band_start"
    assert rect["encoding"]["y2"]["field"] == "band_end"


def test_trajectory_axes_are_fixed_to_the_scales_whatever_the_data():
    narrow = typical_patient().assign(pain=5.0, phq9=6.0)
    pain_panel, phq9_panel = charts.trajectory_chart(narrow).to_dict()["vconcat"]
    assert panel_y(pain_panel, "pain")["scale"]["domain"] == [0, 10]
    assert panel_y(phq9_panel, "phq9")["scale"]["domain"] == [0, 27]
    assert panel_y(phq9_panel, "phq9")["axis"]["values"] == [0, 5, 10, 15, 20, 27]


def test_trajectory_draws_the_cohort_band_and_median():
    spec = charts.trajectory_chart(typical_patient(), cohort_summary()).to_dict()
    for panel, measure in zip(spec["vconcat"], ("pain", "phq9"), strict=True):
        area = next(node for node in walk(panel) if "mark" in node and mark_type(node) == "area")
        assert area["encoding"]["y"]["field"] == f"{measure}_p10"
        assert area["encoding"]["y2"]["field"] == f"{measure}_p90"
        assert panel_y(panel, f"{measure}_p50")
    assert "10-90% of simulated patients" in spec["description"]


@pytest.mark.parametrize(
    ("interval", "expected"),
    [(4, [4, 8, 12, 16, 20, 24]), (5, [5, 10, 15, 20, 25]), (6, [6, 12, 18, 24])],
)
def test_visits_are_marked_at_the_chosen_interval(interval, expected):
    spec = charts.trajectory_chart(typical_patient(), visit_interval_weeks=interval).to_dict()
    assert visit_weeks(spec) == [expected, expected]  # one rule layer per panel
    assert f"every {interval} weeks" in spec["description"]


def test_visits_default_to_every_4_weeks_and_accept_explicit_weeks():
    default = charts.trajectory_chart(typical_patient()).to_dict()
    assert visit_weeks(default)[0] == [4, 8, 12, 16, 20, 24]
    explicit = charts.trajectory_chart(typical_patient(), visit_weeks=[10, 3]).to_dict()
    assert visit_weeks(explicit)[0] == [3, 10]
    assert "visits at weeks 3 and 10" in explicit["description"]


@pytest.mark.parametrize("interval", [3, 7, 4.5, True, "4", None])
def test_visit_interval_must_be_4_to_6_weeks(interval):
    with pytest.raises(ValueError, match="visit_interval_weeks must be a whole number from 4 to 6"):
        charts.trajectory_chart(typical_patient(), visit_interval_weeks=interval)


def test_visit_weeks_must_lie_within_the_weeks_shown():
    with pytest.raises(ValueError, match="each visit week must be a whole number from 0 to 26"):
        charts.trajectory_chart(typical_patient(), visit_weeks=[4, 30])


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (typical_patient().drop(columns=["phq9", "pain"]), "missing column\\(s\\) pain, phq9"),
        (typical_patient().iloc[:0], "has no rows"),
        (typical_patient().assign(pain=11.0), "pain must stay from 0 to 10"),
        (typical_patient().assign(phq9=np.nan), "phq9 has missing or infinite values"),
        (typical_patient().assign(phq9="moderate"), "phq9 must hold numbers"),
        (pd.concat([typical_patient()] * 2), "more than one row for the same week"),
        ([1, 2, 3], "must be a pandas DataFrame"),
    ],
)
def test_trajectory_rejects_bad_input(frame, message):
    with pytest.raises(ValueError, match=message):
        charts.trajectory_chart(frame)


def test_trajectory_rejects_a_bad_cohort_summary():
    with pytest.raises(ValueError, match="cohort_summary is missing column\\(s\\) phq9_p90"):
        charts.trajectory_chart(typical_patient(), cohort_summary().drop(columns="phq9_p90"))
    crossed = cohort_summary().assign(pain_p10=9.5)
    with pytest.raises(ValueError, match="percentiles must rise"):
        charts.trajectory_chart(typical_patient(), crossed)


# --------------------------------------------------------------------------- reference, observed
NO_CHANGE = "no change (reference lifestyle, no treatment)"


def no_change_course() -> pd.DataFrame:
    """A reference course: the typical patient's start, held flat."""
    return typical_patient()[["week", "pain", "phq9"]].assign(pain=7.0, phq9=15.0)


def observed_scores() -> pd.DataFrame:
    """A patient's two observed visits, as ``case.case_course`` gives them."""
    return pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.0], "phq9": [15.0, 6.0]})


def units_where(panel: dict, mark: str, **properties) -> list[dict]:
    """The unit views of a panel with this mark type and these mark properties."""
    return [
        node
        for node in walk(panel)
        if "mark" in node
        and mark_type(node) == mark
        and all(node["mark"].get(key) == value for key, value in properties.items())
    ]


def test_reference_course_is_a_black_dash_dot_line_on_both_panels():
    reference = no_change_course()
    spec = charts.trajectory_chart(
        typical_patient(), cohort_summary(), reference=reference, reference_label=NO_CHANGE
    ).to_dict()
    for panel, measure, top in zip(spec["vconcat"], ("pain", "phq9"), (10, 27), strict=True):
        [line] = units_where(panel, "line", strokeDash=[10, 4, 2, 4])
        assert line["mark"]["color"] == theme.OKABE_ITO["black"]
        assert line["encoding"]["y"]["field"] == measure
        assert line["encoding"]["y"]["scale"]["domain"] == [0, top]
        rows = layer_data(spec, line)
        assert {row["scenario"] for row in rows} == {NO_CHANGE}
        assert [row[measure] for row in rows] == reference[measure].tolist()
        tooltip = [item["title"] for item in line["encoding"]["tooltip"]]
        assert tooltip[0] == "Scenario"
    assert f"Black dash-dot line: {NO_CHANGE}." in spec["title"]["subtitle"]
    assert (
        f"Dash-dot line, {NO_CHANGE}: pain stays at 7.0; PHQ-9 stays at 15 (moderately severe)."
        in spec["description"]
    )
    plain = charts.trajectory_chart(typical_patient(), cohort_summary()).to_dict()
    assert all(
        not units_where(panel, "line", strokeDash=[10, 4, 2, 4]) for panel in plain["vconcat"]
    )
    assert "dash-dot" not in " ".join(plain["title"]["subtitle"]).lower()
    assert "Dash-dot" not in plain["description"]


def test_reference_label_defaults_to_usual_care():
    spec = charts.trajectory_chart(typical_patient(), reference=no_change_course()).to_dict()
    assert spec["title"]["subtitle"][-1] == "Black dash-dot line: usual care."
    assert "Dash-dot line, usual care: pain stays at 7.0" in spec["description"]


def test_observed_scores_are_black_diamonds_labelled_beside_the_last_one():
    observed = observed_scores()
    spec = charts.trajectory_chart(
        typical_patient(), cohort_summary(), observed=observed, observed_label="Maria"
    ).to_dict()
    for panel, measure in zip(spec["vconcat"], ("pain", "phq9"), strict=True):
        [diamonds] = units_where(panel, "point", shape="diamond")
        assert diamonds["mark"]["filled"] is True
        assert diamonds["mark"]["color"] == theme.OKABE_ITO["black"]
        assert diamonds["encoding"]["y"]["field"] == measure
        rows = layer_data(spec, diamonds)
        assert [(row["week"], row[measure]) for row in rows] == list(
            zip(observed["week"], observed[measure], strict=True)
        )
        assert {row["who"] for row in rows} == {"Maria"}
        [label] = units_where(panel, "text", align="left")
        assert label["data"] == diamonds["data"]
        assert label["encoding"]["text"]["field"] == "who"
        assert label["encoding"]["y"]["field"] == measure
        assert label["transform"] == [{"filter": "(datum.week === 12.0)"}]  # the last visit
    assert spec["title"]["subtitle"][-1] == "Black diamonds: Maria's scores at weeks 0 and 12."
    assert spec["description"].endswith(
        "Diamonds, Maria's scores: week 0, pain 7 and PHQ-9 15 (moderately severe); "
        "week 12, pain 4 and PHQ-9 6 (mild)."
    )


def test_observed_scores_without_a_label_are_drawn_unlabelled():
    spec = charts.trajectory_chart(typical_patient(), observed=observed_scores()).to_dict()
    for panel in spec["vconcat"]:
        assert len(units_where(panel, "point", shape="diamond")) == 1
        assert units_where(panel, "text", align="left") == []
    assert spec["title"]["subtitle"][-1] == "Black diamonds: observed scores at weeks 0 and 12."
    assert "Diamonds, observed scores: week 0, pain 7" in spec["description"]
    one_visit = charts.trajectory_chart(typical_patient(), observed=observed_scores().iloc[1:])
    assert one_visit.to_dict()["title"]["subtitle"][-1] == (
        "Black diamonds: observed scores at week 12."
    )


def test_the_week_axis_covers_observed_visits_beyond_the_model_weeks():
    late = observed_scores().assign(week=[0, 30])
    spec = charts.trajectory_chart(typical_patient(), observed=late).to_dict()
    for panel in spec["vconcat"]:
        [diamonds] = units_where(panel, "point", shape="diamond")
        assert diamonds["encoding"]["x"]["scale"]["domain"] == [0, 30]


@pytest.mark.parametrize("option", ["reference", "observed"])
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda frame: frame.drop(columns=["pain"]), "is missing column\\(s\\) pain"),
        (lambda frame: frame.iloc[:0], "has no rows"),
        (lambda frame: frame.assign(phq9=30.0), "column phq9 must stay from 0 to 27"),
        (lambda frame: frame.assign(pain=np.nan), "column pain has missing or infinite values"),
        (lambda frame: pd.concat([frame] * 2), "has more than one row for the same week"),
        (lambda frame: frame.to_dict(), "must be a pandas DataFrame"),
    ],
)
def test_reference_and_observed_are_checked_like_the_trajectory(option, change, message):
    with pytest.raises(ValueError, match=f"^{option} {message}"):
        charts.trajectory_chart(typical_patient(), **{option: change(observed_scores())})


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"reference": observed_scores(), "reference_label": " "}, "reference_label must be"),
        ({"observed": observed_scores(), "observed_label": ""}, "observed_label must be"),
        ({"observed": observed_scores(), "observed_label": 7}, "observed_label must be"),
    ],
)
def test_reference_and_observed_labels_must_be_words(options, message):
    with pytest.raises(ValueError, match=message):
        charts.trajectory_chart(typical_patient(), **options)


# --------------------------------------------------------------------------- comparison
def test_comparison_overlays_both_scenarios_with_colour_and_dash():
    spec = CHARTS["comparison"]().to_dict()
    rows = next(rows for unit, rows in units(spec) if rows and "scenario" in rows[0])
    assert {row["scenario"] for row in rows} == {"baseline", "with treatment"}
    lines = [node for node in walk(spec) if "mark" in node and mark_type(node) == "line"]
    for line in lines:
        assert line["encoding"]["color"]["scale"]["domain"] == ["baseline", "with treatment"]
        assert line["encoding"]["strokeDash"]["field"] == "scenario"
    assert len(severity_units(spec)) == 1
    assert "baseline, pain 6.0 and PHQ-9 14 (moderate)" in spec["description"]
    assert "with treatment, pain 4.0 and PHQ-9 8 (mild)" in spec["description"]


@pytest.mark.parametrize("labels", [("same", "same"), ("only one",), ("a", ""), "ab"])
def test_comparison_needs_two_different_labels(labels):
    with pytest.raises(ValueError, match="labels must be two different non-empty strings"):
        charts.comparison_chart(typical_patient(), typical_patient(), labels=labels)


def test_comparison_needs_the_same_weeks():
    with pytest.raises(ValueError, match="must cover the same weeks"):
        charts.comparison_chart(typical_patient(), typical_patient().iloc[:13])


# --------------------------------------------------------------------------- tornado
def test_tornado_puts_the_widest_swing_on_top():
    spec = CHARTS["tornado"]().to_dict()
    bar = next(node for node in walk(spec) if "mark" in node and mark_type(node) == "bar")
    order = bar["encoding"]["y"]["sort"]
    assert [label.split(" (")[0] for label in order] == [
        "Sleep",  # swing 4.9
        "Moderate physical activity",  # 3.0
        "Continuous opioid use so far",  # 2.8
        "C-reactive protein",  # 2.3
    ]
    rows = rows_with(spec, "swing")
    swings = [next(row["swing"] for row in rows if row["label"] == label) for label in order]
    assert swings == sorted(swings, reverse=True)
    assert bar["encoding"]["x"]["field"] == "reference"
    assert bar["encoding"]["x2"]["field"] == "outcome"
    assert {row["reference"] for row in rows} == {12.0}
    assert spec["description"].startswith("Tornado chart of PHQ-9 at week 12, reference 12.0")


def test_tornado_rejects_bad_input():
    with pytest.raises(ValueError, match="missing column\\(s\\) outcome_high"):
        charts.tornado_chart(sensitivity().drop(columns="outcome_high"), 12.0)
    with pytest.raises(ValueError, match="reference_outcome must be a finite number"):
        charts.tornado_chart(sensitivity(), math.nan)
    with pytest.raises(ValueError, match="more than one row for the same lever"):
        charts.tornado_chart(pd.concat([sensitivity()] * 2), 12.0)


# --------------------------------------------------------------------------- cohort
def test_cohort_distribution_counts_every_patient_of_the_week_once():
    frame = cohort()
    spec = charts.cohort_distribution_chart(frame, 12).to_dict()
    rows = next(rows for unit, rows in units(spec) if rows and "patients" in rows[0])
    assert [row["score"] for row in rows] == list(range(28))
    assert sum(row["patients"] for row in rows) == 200
    week12 = frame.loc[frame["week"] == 12, "phq9"]
    expected = int((np.floor(week12 + 0.5) >= 10).sum())
    assert f"{expected} of 200" in spec["description"]
    assert len(severity_units(spec)) == 1


def test_cohort_distribution_of_pain_has_no_phq9_bands():
    spec = charts.cohort_distribution_chart(cohort(), 0, "pain").to_dict()
    rows = next(rows for unit, rows in units(spec) if rows and "patients" in rows[0])
    assert [row["score"] for row in rows] == list(range(11))
    assert severity_units(spec) == []


def test_cohort_distribution_rejects_bad_input():
    with pytest.raises(ValueError, match="week 5 is not in cohort, which covers weeks 0 to 12"):
        charts.cohort_distribution_chart(cohort(), 5)
    with pytest.raises(ValueError, match="measure must be one of pain, phq9"):
        charts.cohort_distribution_chart(cohort(), 12, "mood")
    with pytest.raises(ValueError, match="missing column\\(s\\) patient"):
        charts.cohort_distribution_chart(cohort().drop(columns="patient"), 12)


# --------------------------------------------------------------------------- feedback loop
def test_feedback_loop_arrows_run_between_node_edges_and_point_at_their_target():
    nodes = charts.vicious_cycle_nodes().set_index("node")
    spec = charts.feedback_loop_chart().to_dict()
    arrows = rows_with(spec, "head_x")
    assert len(arrows) == len(charts.vicious_cycle_links()) == 6
    for arrow in arrows:
        source, target = nodes.loc[arrow["from_node"]], nodes.loc[arrow["to_node"]]
        start = math.dist((arrow["x"], arrow["y"]), (source["x"], source["y"]))
        end = math.dist((arrow["head_x"], arrow["head_y"]), (target["x"], target["y"]))
        assert start == pytest.approx(1.15, abs=0.01), "the shaft starts on the node's edge"
        assert 1.15 < end < 1.5, "the head sits just outside the target node"
        # a triangle pointing up, turned clockwise by `angle`, points at the target
        dx, dy = target["x"] - source["x"], target["y"] - source["y"]
        pointing = math.radians(arrow["angle"])
        assert (math.sin(pointing), math.cos(pointing)) == pytest.approx(
            (dx / math.hypot(dx, dy), dy / math.hypot(dx, dy))
        )
    pain_to_activity = next(row for row in arrows if row["to_node"] == "activity")
    assert pain_to_activity["angle"] == pytest.approx(90)


def test_feedback_loop_rejects_links_to_unknown_nodes():
    links = charts.vicious_cycle_links()
    links.loc[0, "to_node"] = "appetite"
    with pytest.raises(ValueError, match="unknown node\\(s\\) appetite"):
        charts.feedback_loop_chart(links=links)
    close = charts.vicious_cycle_nodes().assign(x=5.0, y=5.0)
    with pytest.raises(ValueError, match="too close to draw an arrow"):
        charts.feedback_loop_chart(nodes=close)


# --------------------------------------------------------------------------- overlap table
def test_overlap_table_is_an_accessible_table_of_the_dataset():
    overlap = pd.read_csv(DATASETS_DIR / "overlap.csv")
    table = ElementTree.fromstring(charts.overlap_table_html(overlap))
    assert table.tag == "table"
    assert table.find("caption").text
    headings = [cell.text for cell in table.iter("th") if cell.get("scope") == "col"]
    assert headings == ["Aspect", "Chronic pain", "Depression", "Sources"]
    row_headings = [cell.text for cell in table.iter("th") if cell.get("scope") == "row"]
    assert row_headings == overlap["aspect"].tolist()
    assert len(table.find("tbody")) == len(overlap)


def test_overlap_table_escapes_cells_and_rejects_missing_columns():
    rows = pd.DataFrame(
        {"aspect": ["<script>"], "chronic_pain": ["a & b"], "depression": ["PHQ-9 >= 10"]}
    )
    table = charts.overlap_table_html(rows)
    assert "<script>" not in table and "&lt;script&gt;" in table
    with pytest.raises(ValueError, match="missing column\\(s\\) depression"):
        charts.overlap_table_html(rows.drop(columns="depression"))


# --------------------------------------------------------------------------- theme
def test_theme_is_registered_once_and_active():
    sources = [path.read_text() for path in PACKAGE.rglob("*.py")]
    assert sum(source.count("alt.theme.register(") for source in sources) == 1
    assert alt.theme.names().count(theme.THEME_NAME) == 1
    assert alt.theme.active == theme.THEME_NAME


def test_building_charts_never_registers_or_switches_a_theme(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a chart function touched the theme registry")

    monkeypatch.setattr(alt.theme, "register", refuse)
    monkeypatch.setattr(alt.theme, "enable", refuse)
    for build in CHARTS.values():
        build().to_dict()


def test_palette_is_okabe_ito_from_the_theme():
    assert theme.PALETTE == (
        "#0072B2",
        "#D55E00",
        "#009E73",
        "#CC79A7",
        "#E69F00",
        "#56B4E9",
        "#F0E442",
        "#000000",
    )
    for name, build in CHARTS.items():
        spec = build().to_dict()
        assert spec["config"]["range"]["category"] == list(theme.PALETTE), name
        assert spec["config"]["axis"]["labelFontSize"] >= 12
    trajectory = CHARTS["trajectory"]().to_dict()
    line_colours = {
        node["mark"]["color"]
        for node in walk(trajectory)
        if "mark" in node and mark_type(node) == "line"
    }
    assert line_colours == {theme.MEASURE_COLOURS["pain"], theme.MEASURE_COLOURS["phq9"]}
    assert line_colours <= set(theme.PALETTE)
    comparison = CHARTS["comparison"]().to_dict()
    colour_scales = [
        node["encoding"]["color"]["scale"]
        for node in walk(comparison)
        if "mark" in node and mark_type(node) == "line"
    ]
    assert all("range" not in scale for scale in colour_scales), "scenarios use the theme"


# --------------------------------------------------------------------------- export
def test_save_chart_writes_a_real_png(tmp_path):
    path = charts.save_chart(CHARTS["trajectory"](), tmp_path / "trajectory.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 1000 and height > 800, "scale 2 doubles the chart's pixels"


def test_save_chart_writes_a_real_svg_with_its_text_alternative(tmp_path):
    chart = CHARTS["feedback_loop"]()
    path = charts.save_chart(chart, str(tmp_path / "loop.SVG"))
    root = ElementTree.parse(path).getroot()
    svg = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg}svg"
    assert root.find(f"{svg}title").text == "The vicious cycle"
    assert root.find(f"{svg}desc").text == chart.to_dict()["description"]
    assert "Poor sleep" in path.read_text()


@pytest.mark.parametrize("name", ["chart.pdf", "chart.html", "chart", "chart.png.txt"])
def test_save_chart_refuses_other_formats(tmp_path, name):
    with pytest.raises(ValueError, match=r"path must end in \.png or \.svg"):
        charts.save_chart(CHARTS["tornado"](), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_save_chart_fetches_nothing_from_the_network(tmp_path):
    remote = alt.Chart(alt.Data(url="https://example.org/cohort.csv")).mark_point()
    with pytest.raises(ValueError, match="External data url not allowed"):
        charts.save_chart(remote.encode(x="pain:Q"), tmp_path / "remote.svg")


# --------------------------------------------------------------------------- offline rendering
def test_offline_rendering_is_idempotent_and_bundles_the_javascript():
    rendering.enable_offline_rendering()
    bundle = alt.JupyterChart._esm
    rendering.enable_offline_rendering()
    assert alt.JupyterChart._esm is bundle
    assert alt.renderers.active == "jupyter"
    assert alt.renderers.options["offline"] is True
    assert alt.JupyterChart._is_offline
    # the online script imports vega from a CDN; the offline bundle imports nothing
    assert not re.search(r"^\s*import\b", bundle, flags=re.MULTILINE)
    assert "cdn.jsdelivr" not in bundle and "esm.sh" not in bundle


@pytest.fixture
def unbundled(monkeypatch, tmp_path):
    """JupyterChart as Altair leaves it, with the bundle kept in an empty folder."""
    monkeypatch.setattr(rendering, "BUNDLE_DIR", tmp_path / "share" / "painmood")
    monkeypatch.setattr(alt.JupyterChart, "_is_offline", False)
    monkeypatch.setattr(alt.JupyterChart, "_esm", alt.JupyterChart._esm)
    return tmp_path


def test_the_offline_bundle_is_built_once_then_read_back_unchanged(unbundled, monkeypatch):
    rendering.enable_offline_rendering()
    built = alt.JupyterChart._esm
    assert rendering.bundle_path().read_text(encoding="utf-8") == built
    assert rendering.bundle_path().stat().st_mode & 0o444 == 0o444  # every user reads it
    assert list(rendering.bundle_path().parent.glob("*.part")) == []

    # a later kernel reads the file and never asks vl-convert to build it again
    def build_again(*_args):
        raise AssertionError("the bundle was built again")

    monkeypatch.setattr(alt.JupyterChart, "enable_offline", classmethod(build_again))
    monkeypatch.setattr(alt.JupyterChart, "_is_offline", False)
    monkeypatch.setattr(alt.JupyterChart, "_esm", "")
    rendering.enable_offline_rendering()
    assert alt.JupyterChart._esm == built
    assert alt.JupyterChart._is_offline


def test_the_bundle_file_names_the_versions_it_was_built_from():
    name = rendering.bundle_path().name
    assert alt.__version__ in name
    assert importlib.metadata.version("vl-convert-python") in name


def test_a_read_only_environment_still_renders_offline(unbundled, monkeypatch):
    blocker = unbundled / "share"
    blocker.write_text("a file where the bundle folder would be")
    rendering.enable_offline_rendering()
    assert alt.JupyterChart._is_offline
    assert not re.search(r"^\s*import\b", alt.JupyterChart._esm, flags=re.MULTILINE)


def test_charts_load_without_the_iri_grammar_and_still_validate():
    probe = (
        "import sys, painmood_widgets.charts, altair as alt\n"
        "assert sys.modules['rfc3987_syntax'] is None, 'the IRI grammar was imported'\n"
        "try:\n"
        "    alt.Chart().mark_point().encode(x='week:Q').properties(width='wide').to_dict()\n"
        "except Exception as error:\n"
        "    print(type(error).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip().endswith("ValidationError")  # charts are still checked


def test_a_plain_chart_displays_as_an_offline_widget():
    rendering.enable_offline_rendering()
    chart = alt.Chart(pd.DataFrame({"week": [0, 4], "pain": [7, 6]})).mark_line()
    bundle = chart.encode(x="week:Q", y="pain:Q")._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    assert not any("html" in mimetype for mimetype in data)


def test_chart_widget_updates_in_place():
    widget = rendering.chart_widget(charts.trajectory_chart(typical_patient()))
    model_id, first = widget.model_id, widget.spec["description"]
    widget.chart = charts.trajectory_chart(typical_patient(6.5, 21.0))
    assert widget.model_id == model_id
    assert widget.spec["description"] != first
    assert "to 21 (severe)" in widget.spec["description"]
    assert widget.embed_options == rendering.EMBED_OPTIONS
    assert widget._esm == alt.JupyterChart._esm, "the widget carries the offline bundle"
    widget.close()


# --------------------------------------------------------------------------- model to chart
def test_model_output_feeds_every_chart():
    scenario = model.Scenario(
        baseline_pain=7, baseline_phq9=15, treatments=["cbt", "duloxetine"], weeks=12
    )
    course = model.trajectory(scenario)
    simulated = model.simulate_cohort(scenario, n=300, seed=1)
    spec = charts.trajectory_chart(course, model.summarize(simulated)).to_dict()
    final = course.iloc[-1]
    assert f"to {final['pain']:.1f}" in spec["description"]
    untreated = model.trajectory(scenario.replace(treatments=[]))
    charts.comparison_chart(untreated, course).to_dict()
    levers = model.sensitivity(scenario, outcome="phq9", week=12)
    reference = float(course.loc[course["week"] == 12, "phq9"].iloc[0])
    tornado = charts.tornado_chart(levers, reference, outcome="PHQ-9 at week 12").to_dict()
    assert tornado["description"].startswith("Tornado chart of PHQ-9 at week 12")
    distribution = charts.cohort_distribution_chart(simulated, 12).to_dict()
    assert "across 300 simulated patients" in distribution["description"]


# --------------------------------------------------------------------------- data by name
def _without_data(spec: dict) -> dict:
    return {key: value for key, value in spec.items() if key not in ("datasets", "description")}


def test_trajectory_data_is_what_the_chart_carries():
    options = {"reference": no_change_course(), "observed": observed_scores()}
    for summary in (None, cohort_summary()):
        data = charts.trajectory_data(typical_patient(), summary, **options)
        spec = charts.trajectory_chart(typical_patient(), summary, **options).to_dict()
        assert spec["datasets"] == data.datasets
        assert spec["description"] == data.description


def test_the_trajectory_chart_reads_its_data_by_fixed_names():
    better = charts.trajectory_chart(typical_patient(4.0, 8.0), cohort_summary()).to_dict()
    worse = charts.trajectory_chart(typical_patient(6.5, 21.0), cohort_summary()).to_dict()
    assert set(better["datasets"]) == set(worse["datasets"])
    assert better["datasets"] != worse["datasets"]
    assert _without_data(better) == _without_data(worse)


def test_the_layout_key_changes_exactly_when_the_layout_does():
    base = charts.trajectory_data(typical_patient(), cohort_summary())
    same = charts.trajectory_data(typical_patient(6.5, 21.0), cohort_summary().assign(pain_p90=10))
    assert same.layout == base.layout
    shorter = typical_patient().query("week <= 8")
    changes = [
        charts.trajectory_data(shorter, cohort_summary().query("week <= 8")),
        charts.trajectory_data(typical_patient()),
        charts.trajectory_data(typical_patient(), cohort_summary(), visit_interval_weeks=6),
        charts.trajectory_data(typical_patient(), cohort_summary(), visit_weeks=[3]),
        charts.trajectory_data(typical_patient(), cohort_summary(), reference=no_change_course()),
        charts.trajectory_data(typical_patient(), cohort_summary(), observed=observed_scores()),
        charts.trajectory_data(typical_patient(), cohort_summary(), title="Another title"),
    ]
    keys = [base.layout] + [data.layout for data in changes]
    assert len(set(keys)) == len(keys)
    labelled = charts.trajectory_data(
        typical_patient(), observed=observed_scores(), observed_label="Maria"
    )
    unlabelled = charts.trajectory_data(typical_patient(), observed=observed_scores())
    fewer = charts.trajectory_data(typical_patient(), observed=observed_scores().iloc[1:])
    assert len({labelled.layout, unlabelled.layout, fewer.layout}) == 3


def test_rows_are_written_as_altair_writes_a_dataframe():
    frames = [
        typical_patient(),
        cohort_summary(),
        no_change_course().assign(scenario="no change"),
        observed_scores().assign(who="Maria"),
        pd.DataFrame({"week": [0, 4], "pain": [1.0, math.nan], "who": ["a", None]}),
        pd.DataFrame({"week": [0, 4], "count": [1, 2], "flag": [True, False]}),
    ]
    for frame in frames:
        assert spec_rows(frame) == alt.utils.data.to_values(frame)["values"]


def test_replace_data_swaps_the_data_and_description_only():
    widget = rendering.chart_widget(charts.trajectory_chart(typical_patient(), cohort_summary()))
    before = widget.spec
    data = charts.trajectory_data(typical_patient(6.5, 21.0), cohort_summary())
    rendering.replace_data(widget, data.datasets, data.description)
    expected = charts.trajectory_chart(typical_patient(6.5, 21.0), cohort_summary()).to_dict()
    assert widget.spec == expected
    assert _without_data(widget.spec) == _without_data(before)
    with pytest.raises(ValueError, match=r"set widget\.chart instead"):
        rendering.replace_data(widget, charts.trajectory_data(typical_patient()).datasets, "")
    widget.close()
