"""The model beside the published figures it is calibrated to, and the page that shows it.

- :mod:`~painmood_widgets.calibration.tables`: the effects, levers, trial-arm and case
  tables, built from the model and the evidence table as they are now;
- :mod:`~painmood_widgets.calibration.page`: those tables as the generated parts of
  ``docs/model.md``; ``python -m painmood_widgets.calibration`` rewrites them.

Educational, not diagnostic.
"""

from painmood_widgets.calibration.page import DOCS_PATH, generated_sections, main, write_docs
from painmood_widgets.calibration.tables import (
    case_table,
    effects_table,
    levers_table,
    long_run_growth,
    responder_table,
)

__all__ = [
    "DOCS_PATH",
    "case_table",
    "effects_table",
    "generated_sections",
    "levers_table",
    "long_run_growth",
    "main",
    "responder_table",
    "write_docs",
]
