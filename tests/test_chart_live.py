"""The live trajectory chart swaps data when the layout stays, and always shows what a
freshly built chart would."""

import altair as alt
import numpy as np
import pandas as pd
import pytest

from painmood_widgets import charts
from painmood_widgets.charts.layers import visit_frame
from painmood_widgets.charts.live import LiveTrajectoryChart
from painmood_widgets.charts.trajectory import spec_rows
from tests.test_charts import cohort_summary, observed_scores, typical_patient


def fresh_spec(lead: str, *args, **options) -> dict:
    """What a chart built from scratch with these arguments specifies."""
    data = charts.trajectory_data(*args, **options)
    chart = charts.trajectory_chart(*args, **options)
    return chart.properties(description=f"{lead} {data.description}").to_dict()


@pytest.fixture
def live():
    chart = LiveTrajectoryChart("Start.", typical_patient(), cohort_summary())
    yield chart
    chart.widget.close()


def test_a_swapped_spec_equals_a_freshly_built_charts(live):
    widget = live.widget
    before = widget.spec
    worse = typical_patient(6.5, 21.0)
    live.show("Worse.", worse, cohort_summary().assign(pain_p90=10.0))
    assert live.builds == 1 and live.widget is widget
    assert widget.spec == fresh_spec("Worse.", worse, cohort_summary().assign(pain_p90=10.0))
    assert widget.spec != before
    assert widget.spec["description"].startswith("Worse. Typical patient, weeks 0 to 26")


@pytest.mark.parametrize(
    "options",
    [
        {"visit_interval_weeks": 6},
        {"observed": observed_scores(), "observed_label": "Maria"},
        {"title": "Another title"},
    ],
)
def test_a_new_layout_is_rebuilt_in_the_same_widget(live, options):
    widget = live.widget
    live.show("Rebuilt.", typical_patient(), cohort_summary(), **options)
    assert live.builds == 2 and live.widget is widget
    assert widget.spec == fresh_spec("Rebuilt.", typical_patient(), cohort_summary(), **options)
    live.show("Swapped.", typical_patient(5.0, 10.0), cohort_summary(), **options)
    assert live.builds == 2
    assert widget.spec == fresh_spec(
        "Swapped.", typical_patient(5.0, 10.0), cohort_summary(), **options
    )


def test_bad_input_leaves_the_widget_as_it_was(live):
    before = live.widget.spec
    with pytest.raises(ValueError, match="visit_interval_weeks must be a whole number"):
        live.show("Bad.", typical_patient(), cohort_summary(), visit_interval_weeks=9)
    assert live.widget.spec == before and live.builds == 1


@pytest.mark.parametrize(
    "frame",
    [
        visit_frame([4, 8, 12]),
        pd.DataFrame({"week": np.arange(3), "phq9": [15.0, 12.5, 9.0], "who": "Maria"}),
        pd.DataFrame({"week": [0, 4], "count": np.array([1, 2], dtype=np.int32)}),
        pd.DataFrame({"week": [0, 4], "phq9": [15.0, np.inf]}),
    ],
)
def test_swapped_rows_are_written_as_altair_writes_them(frame):
    rows = spec_rows(frame)
    assert rows == alt.utils.data.to_values(frame)["values"]
    assert all(
        type(value) in (int, float, str, type(None)) for row in rows for value in row.values()
    )
