"""Altair charts of the pain-depression loop, built from tidy DataFrames and composable layers.

Every chart function is pure: it checks its input, then returns a chart specification
(nothing is drawn until the chart is displayed or saved). Each chart carries a title and
a Vega-Lite ``description`` written from its data by
:mod:`painmood_widgets.describe.charts`, which screen readers announce as the chart's
label. Colours and type come from the one painmood theme (:mod:`painmood_widgets.theme`);
PHQ-9 severity bands come from :mod:`painmood_widgets.scales`.

One job a module:

- :mod:`~painmood_widgets.charts.layers`: the layers every chart is a sum of (severity
  bands, cohort band and median, course line, visit rules, reference course, observed
  points), on shared encodings, so a lesson composes its own with ``+``, ``|`` and ``&``;
- :mod:`~painmood_widgets.charts.trajectory`: :func:`trajectory_chart`, pain and PHQ-9 of
  the typical patient over the weeks with the cohort's band, the severity bands and the
  re-evaluation visits, optionally a reference course and a patient's observed scores;
  and :func:`trajectory_data`, its data sets and layout key;
- :mod:`~painmood_widgets.charts.live`: :class:`LiveTrajectoryChart`, a chart widget that
  swaps those data sets while the layout stays;
- :mod:`~painmood_widgets.charts.compare`: :func:`comparison_chart` (two scenarios),
  :func:`tornado_chart` (one-at-a-time sensitivity) and :func:`cohort_distribution_chart`
  (a cohort at one week);
- :mod:`~painmood_widgets.charts.dose`: :func:`dose_response_chart`, pain and PHQ-9 along
  one lever's range (where more helps, where it stops), and :func:`dose_response_data`,
  its data sets and layout key;
- :mod:`~painmood_widgets.charts.loop`: :func:`feedback_loop_chart`, the vicious cycle of
  pain, sleep, activity and mood, its links read from ``datasets/vicious_cycle.csv``;
- :mod:`~painmood_widgets.charts.tables`: :func:`overlap_table_html`, the overlap of the
  two conditions as an HTML table (a real table reads better than a chart of text, for
  screen readers and on small screens);
- :mod:`~painmood_widgets.charts.export`: :func:`save_chart`, PNG or SVG for slides;
- :mod:`~painmood_widgets.charts.encodings`: the encodings, sizes and theme colours the
  layers share, so that they compose;
- :mod:`~painmood_widgets.charts.checks`: the input checks they share.

Importing the package makes every Altair chart render offline
(:func:`painmood_widgets.rendering.enable_offline_rendering`). Educational, not
diagnostic.

Examples
--------
>>> import pandas as pd
>>> patient = pd.DataFrame({"week": [0, 4, 8, 12], "pain": [7.0, 6.1, 5.0, 4.2],
...                         "phq9": [15.0, 13.0, 11.0, 9.0]})
>>> print(trajectory_chart(patient).to_dict()["description"])
Typical patient, weeks 0 to 12: pain falls from 7.0 to 4.2 (0-10 scale); PHQ-9 falls from 15
(moderately severe) to 9 (mild). Re-evaluation visits every 4 weeks: weeks 4, 8 and 12.
>>> panel = severity_bands() + course_line(patient, "phq9")
>>> panel.to_dict()["layer"][-1]["mark"]["type"]
'line'
"""

from painmood_widgets.charts.compare import (
    cohort_distribution_chart,
    comparison_chart,
    tornado_chart,
)
from painmood_widgets.charts.dose import DoseResponseData, dose_response_chart, dose_response_data
from painmood_widgets.charts.export import SAVE_FORMATS, save_chart
from painmood_widgets.charts.layers import (
    cohort_band,
    cohort_median,
    course_line,
    observed_label,
    observed_points,
    reference_course,
    scenario_lines,
    severity_bands,
    visit_frame,
    visit_rules,
)
from painmood_widgets.charts.live import LiveTrajectoryChart
from painmood_widgets.charts.loop import (
    VICIOUS_CYCLE_PATH,
    feedback_loop_chart,
    vicious_cycle_links,
    vicious_cycle_nodes,
)
from painmood_widgets.charts.tables import overlap_table_html
from painmood_widgets.charts.trajectory import (
    MONITORING_INTERVAL_WEEKS,
    TrajectoryData,
    trajectory_chart,
    trajectory_data,
)
from painmood_widgets.rendering import enable_offline_rendering
from painmood_widgets.scales import PAIN_MAX, PHQ9_MAX

# Charts are for showing: importing them makes every Altair chart render offline.
enable_offline_rendering()

__all__ = [
    "MONITORING_INTERVAL_WEEKS",
    "PAIN_MAX",
    "PHQ9_MAX",
    "SAVE_FORMATS",
    "VICIOUS_CYCLE_PATH",
    "DoseResponseData",
    "LiveTrajectoryChart",
    "TrajectoryData",
    "cohort_band",
    "cohort_distribution_chart",
    "cohort_median",
    "comparison_chart",
    "course_line",
    "dose_response_chart",
    "dose_response_data",
    "feedback_loop_chart",
    "observed_label",
    "observed_points",
    "overlap_table_html",
    "reference_course",
    "save_chart",
    "scenario_lines",
    "severity_bands",
    "tornado_chart",
    "trajectory_chart",
    "trajectory_data",
    "vicious_cycle_links",
    "vicious_cycle_nodes",
    "visit_frame",
    "visit_rules",
]
