"""The feedback-loop diagram: pain disturbs sleep, activity and mood, and each feeds pain.

The links of the loop are clinical content, so they are data: one row per link in
``datasets/vicious_cycle.csv``, with the words on its arrow, a sentence saying why, and
the study it rests on (:func:`vicious_cycle_links`). The nodes are the diagram's layout:
where each sits and its outline colour from the theme (:func:`vicious_cycle_nodes`).
The diagram is drawn with ordinary Altair marks, so it renders and exports like any
other chart; its text alternative comes from
:func:`painmood_widgets.describe.charts.describe_feedback_loop`.

Educational, not diagnostic.

Examples
--------
>>> links = vicious_cycle_links()
>>> links.loc[1, ["from_node", "to_node", "source"]].tolist()
['sleep', 'pain', 'Afolalu et al., Sleep Med Rev 2018;39:82']
"""

import math
from pathlib import Path

import altair as alt
import pandas as pd

from painmood_widgets.charts import encodings
from painmood_widgets.charts.checks import check_frame, check_numbers, check_text
from painmood_widgets.describe.charts import describe_feedback_loop
from painmood_widgets.paths import DATASETS_DIR
from painmood_widgets.theme import MEASURE_COLOURS, OKABE_ITO

__all__ = [
    "LINK_COLUMNS",
    "NODE_COLUMNS",
    "VICIOUS_CYCLE_PATH",
    "feedback_loop_chart",
    "vicious_cycle_links",
    "vicious_cycle_nodes",
]

VICIOUS_CYCLE_PATH = DATASETS_DIR / "vicious_cycle.csv"
"""The links of the vicious cycle, one row per link: ``from_node, to_node, label,
explanation, source``."""

LINK_COLUMNS = ("from_node", "to_node", "label", "explanation", "source")
"""Columns of a links table: the node keys it joins, the words on the arrow, why (one
sentence) and the citation (may be empty)."""

NODE_COLUMNS = ("node", "label", "x", "y", "colour")
"""Columns of a nodes table: the key, the label shown, the position and the outline."""

_NODE_RADIUS = 1.15
_PIXELS_PER_UNIT = 40
_DIAGRAM_UNITS = (15, 10)
_LANE_OFFSET = 0.3
_LABEL_OFFSET = 0.42
_ARROW_HEAD = 0.2
_LABEL_ALONG = 0.6


def vicious_cycle_nodes() -> pd.DataFrame:
    """Nodes of the vicious-cycle diagram: pain and the three things it feeds.

    Returns
    -------
    pandas.DataFrame
        Columns ``node`` (key), ``label`` (shown), ``x`` and ``y`` (position, 0-15
        across, 0-10 up) and ``colour`` (outline, from the theme).

    Examples
    --------
    >>> vicious_cycle_nodes()["node"].tolist()
    ['pain', 'sleep', 'activity', 'mood']
    """
    return pd.DataFrame(
        {
            "node": ["pain", "sleep", "activity", "mood"],
            "label": ["Pain", "Poor sleep", "Less activity", "Low mood"],
            "x": [2.5, 12.5, 12.5, 12.5],
            "y": [5.0, 8.7, 5.0, 1.3],
            "colour": [
                MEASURE_COLOURS["pain"],
                OKABE_ITO["bluish green"],
                OKABE_ITO["reddish purple"],
                MEASURE_COLOURS["phq9"],
            ],
        }
    )


def vicious_cycle_links(path: str | Path = VICIOUS_CYCLE_PATH) -> pd.DataFrame:
    """Links of the vicious-cycle diagram, read from ``datasets/vicious_cycle.csv``.

    Pain feeds each node and each feeds pain back.

    Parameters
    ----------
    path : str or pathlib.Path, default :data:`VICIOUS_CYCLE_PATH`
        The table to read (another copy, for a lesson or a test).

    Returns
    -------
    pandas.DataFrame
        Columns ``from_node`` and ``to_node`` (node keys), ``label`` (a few words on the
        arrow), ``explanation`` (a sentence, for the tooltip) and ``source`` (the study
        behind the link), all text, in the file's order.

    Raises
    ------
    ValueError
        If the table lacks a column of :data:`LINK_COLUMNS` or has no rows.

    References
    ----------
    Edwards RR, Almeida DM, Klick B, Haythornthwaite JA, Smith MT. Duration of sleep
    contributes to next-day pain report in the general population. Pain
    2008;137:202-207 (pain also predicted the next night's sleep, less strongly).

    Afolalu EF, Ramlee F, Tang NKY. Effects of sleep changes on pain-related health
    outcomes in the general population: a systematic review of longitudinal studies with
    exploratory meta-analysis. Sleep Med Rev 2018;39:82-97.

    Vlaeyen JWS, Linton SJ. Fear-avoidance and its consequences in chronic
    musculoskeletal pain: a state of the art. Pain 2000;85:317-332.

    Sharp J, Harvey A. Chronic pain and posttraumatic stress disorder: mutual
    maintenance? Clin Psychol Rev 2001;21:857-877.

    Bair MJ, Robinson RL, Katon W, Kroenke K. Depression and pain comorbidity: a
    literature review. Arch Intern Med 2003;163:2433-2445.

    Examples
    --------
    >>> links = vicious_cycle_links()
    >>> links.loc[0, ["from_node", "to_node", "label"]].tolist()
    ['pain', 'sleep', 'wakes you at night']
    """
    links = pd.read_csv(path, dtype=str, keep_default_na=False)
    check_frame(links, str(path), LINK_COLUMNS)
    return links[list(LINK_COLUMNS)]


def _arrow_frame(nodes: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """Arrow geometry: shafts trimmed to the node circles, offset into lanes.

    Each arrow is shifted to its own right, so the arrows of a pair (a to b, b to a)
    run side by side, and its label sits further out on the same side, part of the way
    from the end with more links (where arrows crowd) to the other end.
    """
    at = nodes.set_index("node")
    links_per_node = pd.concat([links["from_node"], links["to_node"]]).value_counts()
    rows = []
    for link in links.itertuples(index=False):
        x0, y0 = at.loc[link.from_node, ["x", "y"]].astype(float)
        x1, y1 = at.loc[link.to_node, ["x", "y"]].astype(float)
        length = math.hypot(x1 - x0, y1 - y0)
        if length < 2 * _NODE_RADIUS + 2 * _ARROW_HEAD:
            raise ValueError(
                f"nodes {link.from_node} and {link.to_node} are too close to draw an arrow "
                f"between them (at least {2 * _NODE_RADIUS + 2 * _ARROW_HEAD:g} apart)"
            )
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        rx, ry = uy, -ux  # the arrow's right-hand side (y points up)
        trim = math.sqrt(_NODE_RADIUS**2 - _LANE_OFFSET**2)
        start_x = x0 + ux * trim + rx * _LANE_OFFSET
        start_y = y0 + uy * trim + ry * _LANE_OFFSET
        tip_x = x1 - ux * trim + rx * _LANE_OFFSET
        tip_y = y1 - uy * trim + ry * _LANE_OFFSET
        crowded_at_start = links_per_node[link.from_node] >= links_per_node[link.to_node]
        along = _LABEL_ALONG if crowded_at_start else 1 - _LABEL_ALONG
        rows.append(
            {
                "from_node": link.from_node,
                "to_node": link.to_node,
                "label": link.label,
                "explanation": link.explanation,
                "source": link.source or "none given",
                "x": start_x,
                "y": start_y,
                "x2": tip_x - ux * _ARROW_HEAD,
                "y2": tip_y - uy * _ARROW_HEAD,
                "head_x": tip_x - ux * _ARROW_HEAD,
                "head_y": tip_y - uy * _ARROW_HEAD,
                "angle": math.degrees(math.atan2(ux, uy)) % 360,
                "label_x": start_x + (tip_x - start_x) * along + rx * _LABEL_OFFSET,
                "label_y": start_y + (tip_y - start_y) * along + ry * _LABEL_OFFSET,
                "label_angle": _reading_angle(ux, uy),
            }
        )
    return pd.DataFrame(rows)


def _reading_angle(ux: float, uy: float) -> float:
    """Text angle (degrees, clockwise on screen) along a direction, never upside down."""
    angle = -math.degrees(math.atan2(uy, ux))
    if angle > 90:
        angle -= 180
    elif angle < -90:
        angle += 180
    return angle


def _check_diagram(nodes: object, links: object) -> None:
    """Check the nodes and links of a diagram (positions on it, links between nodes)."""
    check_frame(nodes, "nodes", NODE_COLUMNS)
    check_numbers(nodes, "nodes", ["x"], 0, _DIAGRAM_UNITS[0])
    check_numbers(nodes, "nodes", ["y"], 0, _DIAGRAM_UNITS[1])
    if nodes["node"].duplicated().any():
        raise ValueError("nodes has more than one row for the same node")
    check_frame(links, "links", LINK_COLUMNS)
    known = set(nodes["node"])
    unknown = sorted({str(name) for name in (*links["from_node"], *links["to_node"])} - known)
    if unknown:
        raise ValueError(f"links name unknown node(s) {', '.join(unknown)}")
    if (links["from_node"] == links["to_node"]).any():
        raise ValueError("links must join two different nodes")


def feedback_loop_chart(
    nodes: pd.DataFrame | None = None,
    links: pd.DataFrame | None = None,
    *,
    title: str = "The vicious cycle",
) -> alt.LayerChart:
    """Diagram of the loop: pain disturbs sleep, activity and mood, and each feeds pain.

    Nodes are circles with their label; each link is an arrow with a few words on it,
    and its sentence and source in the tooltip. Drawn with Altair marks from the
    positions in `nodes`, so it renders and exports like any other chart.

    Parameters
    ----------
    nodes : pandas.DataFrame, optional
        Columns ``node``, ``label``, ``x`` (0-15), ``y`` (0-10) and ``colour``; by
        default :func:`vicious_cycle_nodes`.
    links : pandas.DataFrame, optional
        Columns ``from_node``, ``to_node``, ``label``, ``explanation`` and ``source``;
        by default :func:`vicious_cycle_links` (``datasets/vicious_cycle.csv``).
    title : str, default "The vicious cycle"
        Chart title.

    Returns
    -------
    altair.LayerChart
        Arrows, arrow heads, labels and nodes.

    Raises
    ------
    ValueError
        If a column is missing, a position is off the drawing, a node key repeats, a link
        names an unknown node or links a node to itself.

    Examples
    --------
    >>> spec = feedback_loop_chart().to_dict()
    >>> print(spec["description"])
    Feedback loop of Pain, Poor sleep, Less activity and Low mood. Pain leads to poor sleep:
    wakes you at night. Poor sleep leads to pain: lowers pain tolerance. Pain leads to less
    activity: fear of moving. Less activity leads to pain: deconditioning. Pain leads to low
    mood: wears mood down. Low mood leads to pain: amplifies pain.
    """
    nodes = vicious_cycle_nodes() if nodes is None else nodes
    links = vicious_cycle_links() if links is None else links
    _check_diagram(nodes, links)
    title = check_text(title, "title")

    arrows = _arrow_frame(nodes, links)
    width, height = (units * _PIXELS_PER_UNIT for units in _DIAGRAM_UNITS)
    x_scale = alt.Scale(domain=[0, _DIAGRAM_UNITS[0]], nice=False, zero=False)
    y_scale = alt.Scale(domain=[0, _DIAGRAM_UNITS[1]], nice=False, zero=False)
    x = alt.X("x:Q", scale=x_scale, axis=None)
    y = alt.Y("y:Q", scale=y_scale, axis=None)
    arrow_tooltip = [
        alt.Tooltip("label:N", title="Link"),
        alt.Tooltip("explanation:N", title="Why"),
        alt.Tooltip("source:N", title="Source"),
    ]
    base = alt.Chart(arrows)
    shafts = base.mark_rule(color=encodings.MUTED_COLOUR, strokeWidth=2.5).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q", tooltip=arrow_tooltip
    )
    heads = base.mark_point(
        shape="triangle-up", filled=True, size=160, color=encodings.MUTED_COLOUR, opacity=1
    ).encode(
        x=alt.X("head_x:Q", scale=x_scale, axis=None),
        y=alt.Y("head_y:Q", scale=y_scale, axis=None),
        angle=alt.Angle("angle:Q", scale=None),
        tooltip=arrow_tooltip,
    )
    arrow_labels = base.mark_text(baseline="middle").encode(
        x=alt.X("label_x:Q", scale=x_scale, axis=None),
        y=alt.Y("label_y:Q", scale=y_scale, axis=None),
        angle=alt.Angle("label_angle:Q", scale=None),
        text="label:N",
        tooltip=arrow_tooltip,
    )
    diameter = 2 * _NODE_RADIUS * _PIXELS_PER_UNIT
    circles = (
        alt.Chart(nodes)
        .mark_point(
            shape="circle", filled=True, fill=encodings.BACKGROUND_COLOUR, strokeWidth=4, opacity=1
        )
        .encode(
            x=x,
            y=y,
            size=alt.value(diameter**2),
            stroke=alt.Stroke("colour:N", scale=None),
            tooltip=[alt.Tooltip("label:N", title="")],
        )
    )
    node_labels = (
        alt.Chart(nodes)
        .mark_text(fontSize=14, fontWeight="bold", lineBreak=" ", baseline="middle")
        .encode(x=x, y=y, text="label:N")
    )
    return alt.layer(shafts, heads, arrow_labels, circles, node_labels).properties(
        width=width,
        height=height,
        title=alt.Title(title, subtitle="Each arrow feeds the next: the loop keeps itself going"),
        description=describe_feedback_loop(nodes, links),
    )
