"""The generated parts of ``docs/model.md``: the calibration tables as Markdown.

``python -m painmood_widgets.calibration`` rewrites the parts of the page between
``<!-- generated: NAME -->`` and ``<!-- end: NAME -->`` from
:mod:`painmood_widgets.calibration.tables`; a test fails when the page and the model
disagree. Educational, not diagnostic.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from painmood_widgets import case
from painmood_widgets.calibration.tables import (
    case_table,
    effects_table,
    levers_table,
    long_run_growth,
    responder_table,
)
from painmood_widgets.coefficients import coefficients
from painmood_widgets.describe import case as case_words

__all__ = ["DOCS_PATH", "generated_sections", "main", "write_docs"]

DOCS_PATH = Path(__file__).resolve().parents[2] / "docs" / "model.md"
"""The teachers' page whose generated sections this module writes."""


def _markdown(table: pd.DataFrame, formats: dict[str, str]) -> str:
    def cell(column: str, value: object) -> str:
        if isinstance(value, float) and np.isnan(value):
            return "-"
        if column in formats and isinstance(value, int | float | np.floating):
            return format(value, formats[column])
        if isinstance(value, bool | np.bool_):
            return "yes" if value else "no"
        return str(value)

    header = "| " + " | ".join(table.columns) + " |"
    rule = "| " + " | ".join("---" for _ in table.columns) + " |"
    lines = [
        "| " + " | ".join(cell(column, value) for column, value in row.items()) + " |"
        for row in table.to_dict("records")
    ]
    return "\n".join([header, rule, *lines])


def _effects_section() -> str:
    table = effects_table()
    table["score"] = table["score"].map({"pain": "pain", "phq9": "PHQ-9"})
    table["allowed"] = [
        f"{low:+.2f} to {high:+.2f}: {rule}" if rule else "-"
        for low, high, rule in zip(table["low"], table["high"], table["rule"], strict=True)
    ]
    table["source"] = [
        f"{source} ({level})" if source else "-"
        for source, level in zip(table["source"], table["evidence_level"], strict=True)
    ]
    shown = table[
        [
            "effect",
            "score",
            "published",
            "conversion",
            "model, week 12",
            "model, long run",
            "allowed",
            "source",
        ]
    ]
    return _markdown(
        shown, {"published": "+.2f", "model, week 12": "+.2f", "model, long run": "+.2f"}
    )


def _responders_section() -> str:
    table = responder_table()
    digits = [2 if "points" in measure else 1 for measure in table["measure"]]
    for column in ("published", "model"):
        table[column] = [
            f"{value:.{places}f}" for value, places in zip(table[column], digits, strict=True)
        ]
    table["allowed"] = [
        f"{low:.{places}f} to {high:.{places}f}"
        for low, high, places in zip(table["low"], table["high"], digits, strict=True)
    ]
    return _markdown(table[["trial", "measure", "published", "model", "allowed", "why"]], {})


def _case_section() -> str:
    table = _markdown(case_table(), {"Maria": "g", "p10": ".1f", "median": ".1f", "p90": ".1f"})
    verdict = case_words.describe_case(case.case_against_band(n=2000, seed=0))
    return f"{table}\n\n> {verdict}"


def _loop_section() -> str:
    c = coefficients()
    return (
        f"Loop gain: **{c.loop_gain:.2f}**. A push comes back around the loop multiplied by "
        f"this, so once the loop settles a push is amplified about "
        f"{1 / (1 - c.loop_gain):.1f} times: the calibration takes this out. After week 12 an "
        f"effect reproduced at week 12 grows by at most {100 * (long_run_growth() - 1):.0f}%, "
        "as the loop finishes settling."
    )


def generated_sections() -> dict[str, str]:
    """Every generated section of ``docs/model.md``, by name, as the model gives it now."""
    return {
        "loop": _loop_section(),
        "effects": _effects_section(),
        "levers": _markdown(levers_table(), {"pain": "+.2f", "PHQ-9": "+.2f"}),
        "responders": _responders_section(),
        "case": _case_section(),
    }


_SECTION = re.compile(r"(<!-- generated: (\w+) -->\n)(.*?)(<!-- end: \2 -->)", re.DOTALL)


def write_docs(path: str | Path = DOCS_PATH) -> bool:
    """Rewrite the generated sections of the page; True when anything changed.

    Raises
    ------
    ValueError
        If the page lacks a section the model generates, or has one it does not.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    sections = generated_sections()
    found = {match.group(2) for match in _SECTION.finditer(text)}
    if found != set(sections):
        raise ValueError(
            f"{path.name} must hold the generated sections {sorted(sections)}; "
            f"found {sorted(found)}"
        )
    updated = _SECTION.sub(
        lambda match: f"{match.group(1)}{sections[match.group(2)]}\n{match.group(4)}", text
    )
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m painmood_widgets.calibration [--path PAGE]``."""
    parser = argparse.ArgumentParser(
        prog="python -m painmood_widgets.calibration",
        description="Rewrite the generated sections of docs/model.md from the model.",
    )
    parser.add_argument("--path", type=Path, default=DOCS_PATH)
    arguments = parser.parse_args(argv)
    changed = write_docs(arguments.path)
    print(f"{arguments.path}: {'updated' if changed else 'already up to date'}", file=sys.stderr)
    return 0
