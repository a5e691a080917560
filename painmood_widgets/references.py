"""A notebook's reference list, rendered from ``datasets/evidence.csv``, never retyped.

A lesson names the evidence rows its text and widgets use; each distinct source becomes
one numbered reference, followed by the figures the lesson takes from it with their
units and evidence level. So a citation in a lesson and the number beside it come from
the same row the model reads, and an *illustrative* figure is labelled as such in the
list. Educational, not diagnostic.

Examples
--------
>>> listed = references("activity_recommended_depression_rr", "sleep_short_depression_rr")
>>> [reference.source for reference in listed]
['Pearce et al., JAMA Psychiatry 2022;79:550', 'Zhai, Zhang & Zhang, Depress Anxiety 2015;32:664']
>>> print(listed.items[0].figures[0])
Depression with the recommended activity volume vs none: 0.75 relative risk (published)
>>> print(references("article_claim_chronic_pain_prevalence_percent").items[0].figures[0])
Source article: about 20% of US adults have chronic pain (CDC 2024): 20 % of US adults (the \
source article's claim, not supported as stated)
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

from painmood_widgets import evidence
from painmood_widgets.describe.evidence import check_evidence_rows
from painmood_widgets.wording import number

__all__ = ["Reference", "ReferenceList", "references"]


@dataclass(frozen=True)
class Reference:
    """One source and the figures a lesson takes from it.

    Attributes
    ----------
    source : str
        The citation as ``datasets/evidence.csv`` gives it.
    figures : tuple of str
        Each figure in words: what it is, its value and unit, its evidence level.
    """

    source: str
    figures: tuple[str, ...]


@dataclass(frozen=True)
class ReferenceList:
    """A lesson's numbered references; displays as an HTML list in JupyterLab and Voila.

    Attributes
    ----------
    items : tuple of Reference
        In the order their first figure was named.
    """

    items: tuple[Reference, ...]

    def __iter__(self) -> Iterator[Reference]:
        """The references in order."""
        return iter(self.items)

    def __len__(self) -> int:
        """How many sources are listed."""
        return len(self.items)

    def _repr_html_(self) -> str:
        entries = []
        for reference in self.items:
            figures = "".join(f"<li>{html.escape(figure)}</li>" for figure in reference.figures)
            entries.append(
                f"<li><cite>{html.escape(reference.source)}</cite>"
                f'<ul aria-label="Figures used from this source">{figures}</ul></li>'
            )
        return (
            '<section class="painmood-references" aria-label="References">'
            f"<ol>{''.join(entries)}</ol>"
            "<p><small>Every figure traces to a row of <code>datasets/evidence.csv</code>; "
            "<em>illustrative</em> marks a number no study gives, chosen for teaching."
            "</small></p></section>"
        )

    def _repr_markdown_(self) -> str:
        lines = []
        for index, reference in enumerate(self.items, start=1):
            lines.append(f"{index}. {reference.source}")
            lines.extend(f"    - {figure}" for figure in reference.figures)
        return "\n".join(lines)


ARTICLE_SOURCE = "Source article"
"""How ``datasets/evidence.csv`` begins the source of a claim of the course's source article."""


def _figure(row: object) -> str:
    """A row's figure in words, with its standing: published, derived, illustrative or a claim.

    The source article's claims are illustrative rows; in a reference list they are named
    as claims the evidence brief does not support as stated, not as teaching choices.
    """
    if str(row.source).startswith(ARTICLE_SOURCE):
        level = "the source article's claim, not supported as stated"
    elif row.evidence_level == "illustrative":
        level = "illustrative: chosen for teaching"
    else:
        level = row.evidence_level
    return f"{row.meaning}: {number(row.value)} {row.unit} ({level})"


def references(*parameters: str) -> ReferenceList:
    """The references behind the named evidence rows, one per source, in order of use.

    Parameters
    ----------
    *parameters : str
        Keys of ``datasets/evidence.csv`` (its ``parameter`` column); at least one.
        Repeats are listed once.

    Returns
    -------
    ReferenceList
        One :class:`Reference` per distinct source.

    Raises
    ------
    ValueError
        If no key is given, a key is not a string, or a key is unknown (the message
        suggests close names).

    Examples
    --------
    >>> references()
    Traceback (most recent call last):
    ...
    ValueError: references needs at least one evidence parameter, e.g. 'phq9_max'
    >>> len(references("phq9_max", "phq9_mild_from", "phq9_max"))
    1
    """
    if not parameters:
        raise ValueError("references needs at least one evidence parameter, e.g. 'phq9_max'")
    for name in parameters:
        if not isinstance(name, str):
            raise ValueError(f"an evidence parameter must be a string, got {name!r}")
    table = check_evidence_rows(evidence.rows(parameters))
    by_source: dict[str, list[str]] = {}
    for row in table.itertuples(index=False):
        by_source.setdefault(str(row.source), []).append(_figure(row))
    return ReferenceList(
        tuple(Reference(source, tuple(figures)) for source, figures in by_source.items())
    )
