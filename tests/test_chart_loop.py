"""The feedback-loop diagram is drawn from ``datasets/vicious_cycle.csv``, not from literals."""

import pandas as pd
import pytest

from painmood_widgets import charts
from painmood_widgets.charts import loop
from painmood_widgets.describe.charts import describe_feedback_loop
from painmood_widgets.paths import DATASETS_DIR
from tests.test_charts import rows_with


@pytest.fixture
def links_copy(tmp_path):
    """A copy of the links table to edit, and its rows."""
    path = tmp_path / "vicious_cycle.csv"
    table = pd.read_csv(loop.VICIOUS_CYCLE_PATH, dtype=str, keep_default_na=False)
    table.to_csv(path, index=False)
    return path, table


def test_the_default_links_are_the_rows_of_the_csv():
    table = pd.read_csv(DATASETS_DIR / "vicious_cycle.csv", dtype=str, keep_default_na=False)
    assert charts.VICIOUS_CYCLE_PATH == DATASETS_DIR / "vicious_cycle.csv"
    pd.testing.assert_frame_equal(charts.vicious_cycle_links(), table[list(loop.LINK_COLUMNS)])
    spec = charts.feedback_loop_chart().to_dict()
    arrows = rows_with(spec, "head_x")
    assert [(row["from_node"], row["to_node"], row["label"]) for row in arrows] == list(
        table[["from_node", "to_node", "label"]].itertuples(index=False, name=None)
    )
    assert spec["description"] == describe_feedback_loop(charts.vicious_cycle_nodes(), table)


def test_a_row_changed_in_the_csv_changes_the_diagram_and_its_text(links_copy):
    path, table = links_copy
    before = charts.feedback_loop_chart(links=charts.vicious_cycle_links(path)).to_dict()
    changed = table.copy()
    changed.loc[0, ["label", "explanation", "source"]] = [
        "keeps you awake",
        "A sentence changed for the test.",
        "A study named for the test",
    ]
    changed.to_csv(path, index=False)
    after = charts.feedback_loop_chart(links=charts.vicious_cycle_links(path)).to_dict()
    assert "Pain leads to poor sleep: keeps you awake." in after["description"]
    assert "wakes you at night" not in after["description"]
    assert before["description"] != after["description"]
    [arrow] = [row for row in rows_with(after, "head_x") if row["label"] == "keeps you awake"]
    assert arrow["explanation"] == "A sentence changed for the test."
    assert arrow["source"] == "A study named for the test"
    tooltip = [item["title"] for item in after["layer"][0]["encoding"]["tooltip"]]
    assert tooltip == ["Link", "Why", "Source"]


def test_a_link_added_to_the_csv_is_drawn_and_described(links_copy):
    path, table = links_copy
    extra = {
        "from_node": "sleep",
        "to_node": "mood",
        "label": "a link for the test",
        "explanation": "Added for the test.",
        "source": "",
    }
    pd.concat([table, pd.DataFrame([extra])], ignore_index=True).to_csv(path, index=False)
    spec = charts.feedback_loop_chart(links=charts.vicious_cycle_links(path)).to_dict()
    assert len(rows_with(spec, "head_x")) == len(table) + 1
    assert spec["description"].endswith("Poor sleep leads to low mood: a link for the test.")
    [arrow] = [row for row in rows_with(spec, "head_x") if row["label"] == "a link for the test"]
    assert arrow["source"] == "none given"


def test_a_links_table_without_its_citation_column_is_refused(links_copy):
    path, table = links_copy
    table.drop(columns="source").to_csv(path, index=False)
    with pytest.raises(ValueError, match="is missing column\\(s\\) source"):
        charts.vicious_cycle_links(path)
    with pytest.raises(ValueError, match="links is missing column\\(s\\) source"):
        charts.feedback_loop_chart(links=table.drop(columns="source"))


def test_links_must_join_two_different_nodes():
    links = charts.vicious_cycle_links()
    links.loc[0, "to_node"] = links.loc[0, "from_node"]
    with pytest.raises(ValueError, match="links must join two different nodes"):
        charts.feedback_loop_chart(links=links)
