"""A trajectory chart widget that shows new numbers without being rebuilt.

The data-swap machinery in one place: :func:`painmood_widgets.charts.trajectory_data`
gives a trajectory chart's data sets, text alternative and layout key;
:class:`LiveTrajectoryChart` keeps one chart widget and, while the layout key stays the
same, swaps only the data sets and the description of its specification
(:func:`painmood_widgets.rendering.replace_data`, a few milliseconds, where building and
validating the chart takes a tenth of a second).

Examples
--------
>>> import pandas as pd
>>> patient = pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.0], "phq9": [15.0, 9.0]})
>>> LiveTrajectoryChart("Start.", patient).widget.spec["description"][:25]
'Start. Typical patient, w'
"""

import altair as alt
import pandas as pd

from painmood_widgets.charts.trajectory import trajectory_chart, trajectory_data
from painmood_widgets.rendering import chart_widget, replace_data

__all__ = ["LiveTrajectoryChart"]


class LiveTrajectoryChart:
    """An app's one trajectory chart widget, updated at the least cost.

    Each :meth:`show` compares the layout of the new chart
    (:attr:`painmood_widgets.charts.TrajectoryData.layout`: weeks, visits, which courses
    are drawn, labels, title) with the one drawn. Same layout: only the data sets and
    the text alternative of the widget's specification are swapped
    (:func:`painmood_widgets.rendering.replace_data`), a few milliseconds. New layout:
    the chart is built and set as the widget's ``chart``. Either way the widget's
    ``spec`` equals the ``to_dict()`` of the chart built from the same arguments.

    Parameters
    ----------
    lead : str
        A sentence put before the chart's own description (the app's summary).
    trajectory, cohort_summary, **options
        Arguments of :func:`painmood_widgets.charts.trajectory_chart`.

    Attributes
    ----------
    widget : altair.JupyterChart
        The chart widget, built once.
    builds : int
        How many times a chart was built (1 after construction).

    Examples
    --------
    >>> import pandas as pd
    >>> patient = pd.DataFrame({"week": [0, 6, 12], "pain": [7.0, 5.5, 4.0],
    ...                         "phq9": [15.0, 11.2, 9.0]})
    >>> live = LiveTrajectoryChart("Start.", patient)
    >>> widget = live.widget
    >>> live.show("Less pain.", patient.assign(pain=3.0))
    >>> live.builds, live.widget is widget, widget.spec["datasets"]["typical_patient"][0]
    (1, True, {'week': 0.0, 'pain': 3.0, 'phq9': 15.0})
    >>> live.show("Longer.", patient.assign(week=[0, 6, 18]))
    >>> live.builds, live.widget is widget
    (2, True)
    """

    def __init__(
        self,
        lead: str,
        trajectory: pd.DataFrame,
        cohort_summary: pd.DataFrame | None = None,
        **options: object,
    ) -> None:
        self.widget: alt.JupyterChart | None = None
        self.builds = 0
        self._layout: tuple | None = None
        self.show(lead, trajectory, cohort_summary, **options)

    def show(
        self,
        lead: str,
        trajectory: pd.DataFrame,
        cohort_summary: pd.DataFrame | None = None,
        **options: object,
    ) -> None:
        """Draw a new trajectory chart in the widget: swap its data, or rebuild it."""
        data = trajectory_data(trajectory, cohort_summary, **options)
        description = f"{lead} {data.description}"
        if self.widget is not None and data.layout == self._layout:
            replace_data(self.widget, data.datasets, description)
            return
        chart = trajectory_chart(trajectory, cohort_summary, **options)
        chart = chart.properties(description=description)
        if self.widget is None:
            self.widget = chart_widget(chart)
        else:
            self.widget.chart = chart
        self._layout = data.layout
        self.builds += 1
