"""Reading a course notebook's text: its sections, its self-checks, its cited figures.

The figure check keeps a lesson's prose and ``datasets/evidence.csv`` from drifting
apart: in any sentence (or table row) of a notebook's markdown that cites a source of
the evidence table, by its first author and year as the table writes them, every number
must be a value of a row from that source, as written or rounded to the places shown.
A sentence naming "the source article" may also state the article's claims, which the
table holds (labelled unsupported) under ``Source article``.

Not counted as figures: the citation itself, years, zero, names with a number in them
(PHQ-9, IL-6, DSM-5, CD007115), the scale ranges 0-10 and 0-27, and numbering such as
"item 9", "step 3", "week 12" or a numbered link "[3. Title](...)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import nbformat
import pandas as pd

SOURCE_ARTICLE = "source article"

_NUMBER = re.compile(
    r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.])\d+(?:\.\d+)?(?![\w])"
)
_NOT_FIGURES = (
    re.compile(r"\b[A-Za-z]+-?\d+[A-Za-z]*\b"),  # PHQ-9, IL-6, DSM-5, CD007115, 72(15)
    re.compile(r"\b0\s?(?:-|\u2013|to)\s?(?:3|10|27)\b"),  # scale ranges
    re.compile(
        r"\b(?:item|items|step|steps|criterion|notebook|notebooks|week|weeks|question|"
        r"lesson|part)\s+\d+(?:\s?(?:-|\u2013|to|and)\s?\d+)?",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:19|20)\d{2}\b"),  # years
    re.compile(r"\[\d+\."),  # a numbered link: [3. The biopsychosocial model](...)
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z*_(\[])")
_ABBREVIATIONS = ("al", "e.g", "i.e", "vs", "Dr", "approx", "cf", "no")


@dataclass(frozen=True)
class CitedSource:
    """The evidence table's rows of one source, and how a lesson cites it."""

    surname: str
    year: str
    values: frozenset[float]


def cited_sources(table: pd.DataFrame) -> list[CitedSource]:
    """One entry per (first author, year) of the evidence table's sources, values pooled."""
    pooled: dict[tuple[str, str], set[float]] = {}
    for source, value in zip(table["source"], table["value"], strict=True):
        for part in str(source).split(";"):
            match = re.match(r"\s*([A-Z][\w'\u2019-]+).*?\b((?:19|20)\d{2})\b", part)
            if match and not part.strip().lower().startswith(SOURCE_ARTICLE):
                pooled.setdefault(match.groups(), set()).add(float(value))
    return [CitedSource(name, year, frozenset(values)) for (name, year), values in pooled.items()]


def article_claims(table: pd.DataFrame) -> frozenset[float]:
    """The values the table holds for the source article's claims."""
    rows = table["source"].str.lower().str.startswith(SOURCE_ARTICLE)
    return frozenset(table.loc[rows, "value"].astype(float))


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#+|>)\s+")
"""The start of a list item, a heading or a quoted line: where a new piece of text begins."""


def _pieces(block: str) -> list[str]:
    """A block's list items, headings and paragraphs, each as one line, markers dropped."""
    pieces: list[list[str]] = []
    for line in block.splitlines():
        marker = _LIST_ITEM.match(line)
        if marker or not pieces:
            pieces.append([])
        pieces[-1].append(line[marker.end() :] if marker else line.strip())
    return [" ".join(piece) for piece in pieces]


def _split(text: str) -> list[str]:
    """One piece of prose split into sentences, never inside brackets or after "et al."."""
    found = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if depth == 0 and _SENTENCE_END.match(text, index):
            word = re.search(r"([\w.]+)$", text[start:index])
            if word and word.group(1) in _ABBREVIATIONS:
                continue
            found.append(text[start : index + 1].strip())
            start = index + 1
    found.append(text[start:].strip())
    return found


def sentences(markdown: str) -> list[str]:
    """Markdown split into sentences, list items and table rows, each checked on its own."""
    found = []
    for block in re.split(r"\n\s*\n", markdown):
        lines = block.splitlines()
        if lines and all(line.lstrip().startswith("|") for line in lines):
            found.extend(lines)
            continue
        for piece in _pieces(block):
            found.extend(_split(piece))
    return [sentence for sentence in found if sentence]


def _citation_span(sentence: str, source: CitedSource) -> re.Match | None:
    return re.search(
        rf"\b{re.escape(source.surname)}\b[^()\n|]{{0,90}}?\b{source.year}\b"
        r"(?:;\d+(?:\(\d+\))?(?::[\w.]+)?)?",
        sentence,
    )


def figures(text: str) -> list[str]:
    """The numbers in ``text`` that count as figures (see the module docstring)."""
    for pattern in _NOT_FIGURES:
        text = pattern.sub(" ", text)
    return [number for number in _NUMBER.findall(text) if float(number.replace(",", "")) != 0]


def _matches(number: str, values: Iterable[float]) -> bool:
    written = float(number.replace(",", ""))
    places = len(number.partition(".")[2])
    return any(round(value, places) == written for value in values)


def unsupported_figures(
    markdown: str, sources: list[CitedSource], claims: frozenset[float]
) -> list[str]:
    """Each figure stated next to a citation that its source's rows do not hold."""
    problems = []
    for sentence in sentences(markdown):
        allowed: set[float] = set()
        text = sentence
        cited = False
        for source in sources:
            span = _citation_span(text, source)
            while span:
                cited = True
                allowed |= source.values
                text = text[: span.start()] + " " + text[span.end() :]
                span = _citation_span(text, source)
        if SOURCE_ARTICLE in sentence.lower():
            cited = True
            allowed |= claims
        if not cited:
            continue
        problems.extend(
            f"{number!r} in: {sentence}"
            for number in figures(text)
            if not _matches(number, allowed)
        )
    return problems


def markdown_text(notebook: nbformat.NotebookNode) -> str:
    """Every markdown cell of a notebook, blank-line separated."""
    return "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def headings(notebook: nbformat.NotebookNode) -> list[str]:
    """The markdown headings of a notebook, without their hashes."""
    return [
        line.lstrip("#").strip()
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("#")
    ]


def code_calls(notebook: nbformat.NotebookNode, names: Iterable[str]) -> Mapping[str, int]:
    """How many code cells call each of ``names`` (``Name(`` or ``module.Name(``)."""
    counts = {}
    for name in names:
        call = re.compile(rf"(?<![\w])(?:\w+\.)*{re.escape(name)}\(")
        counts[name] = sum(
            bool(call.search(cell.source)) for cell in notebook.cells if cell.cell_type == "code"
        )
    return counts
