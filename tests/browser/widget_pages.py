"""One small Voila page per painmood widget, for the browser tests and the README screenshots.

Each page is a notebook that builds one widget, optionally puts it in a telling state
from Python, and displays it. ``marker`` is text the rendered widget must show.
"""

from dataclasses import dataclass
from pathlib import Path

import nbformat


@dataclass(frozen=True)
class WidgetPage:
    name: str
    source: str
    marker: str


WIDGET_PAGES = (
    WidgetPage(
        "phq9_form",
        "from painmood_widgets.widgets import Phq9Form\n"
        "form = Phq9Form()\n"
        "form.set_answers([2, 2, 1, 2, 1, 1, 2, 1, None])\n"
        "form",
        "Over the last 2 weeks",
    ),
    WidgetPage(
        "bpi_form",
        "from painmood_widgets.widgets import BpiForm\n"
        "form = BpiForm()\n"
        "form.set_answers([7, 3, 5, 6, 6, 7, 5, None, 4, 8, 6])\n"
        "form",
        "Pain interference",
    ),
    WidgetPage(
        "peg_form",
        "from painmood_widgets.widgets import PegForm\n"
        "form = PegForm()\n"
        "form.set_answers([6, 5, None])\n"
        "form",
        "PEG",
    ),
    WidgetPage(
        "symptom_checker",
        "from painmood_widgets.widgets import SymptomChecker\n"
        "checker = SymptomChecker()\n"
        "checker.set_ticked({'anhedonia', 'sleep_disturbance', 'fatigue', 'persistent_pain'})\n"
        "checker",
        "overlapping symptoms detected",
    ),
    WidgetPage(
        "case_explorer",
        "from painmood_widgets.widgets import CaseExplorer\nCaseExplorer()",
        "Case study: Maria",
    ),
    WidgetPage(
        "simulator",
        "from painmood_widgets.widgets import SimulatorApp\n"
        "app = SimulatorApp(compare=True)\n"
        "app.set_values(sleep_hours=5.0, treatments={'cbt', 'exercise'})\n"
        "app",
        "Simulator: chronic pain and depression",
    ),
    WidgetPage(
        "treatment_planner",
        "from painmood_widgets.widgets import TreatmentPlanner\n"
        "planner = TreatmentPlanner()\n"
        "planner.set_plan({'assessment', 'medication_review', 'therapy', 'exercise'})\n"
        "planner",
        "Treatment planner: the 7-step roadmap",
    ),
)


def write_pages(folder: Path) -> list[Path]:
    """Write one notebook per widget page into ``folder``; return their paths."""
    paths = []
    for page in WIDGET_PAGES:
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(page.source)]
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        path = folder / f"{page.name}.ipynb"
        nbformat.write(notebook, path)
        paths.append(path)
    return paths
