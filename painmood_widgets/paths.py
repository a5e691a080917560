"""Where painmood's data files live.

The tables ship in ``datasets/`` at the root of the repository, beside the package (the
project is installed editable, as ``environment.yml`` does). Every module that reads or
writes one of them starts from :data:`DATASETS_DIR`.

Examples
--------
>>> sorted(path.name for path in DATASETS_DIR.glob("*.csv"))
['cohort.csv', 'evidence.csv', 'overlap.csv', 'roadmap.csv', 'symptoms.csv', 'vicious_cycle.csv']
"""

from pathlib import Path

__all__ = ["DATASETS_DIR", "ROOT"]

ROOT = Path(__file__).resolve().parents[1]
"""The root of the repository: ``datasets/``, ``exercises/`` and ``docs/`` are beside the
package (installed editable)."""

DATASETS_DIR = ROOT / "datasets"
"""The ``datasets/`` folder: the evidence, symptom, overlap and cohort tables and the
Frictionless ``datapackage.json`` that describes them."""
