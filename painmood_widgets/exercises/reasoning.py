"""Checks for two reasoning exercises: judging the source article, and Maria's case note.

Exercise 7 (``exercises/07_critiquing_the_source_article.ipynb``) asks a learner to look
up some ``article_claim_*`` rows of ``datasets/evidence.csv``, give each claim a verdict
from :data:`VERDICTS`, and name the evidence row whose figure replaces it:

- :func:`check_claim_rows`: the claims' rows, with their notes;
- :func:`check_claim_verdicts`: one verdict per claim, compared by fingerprint
  (:func:`~painmood_widgets.exercises.feedback.fingerprint`) with the one stored in
  :data:`ARTICLE_CLAIMS`, so the module holds no verdict in words;
- :func:`check_replacement_keys`: one evidence key per claim, read against the evidence
  table (it must exist, come from a study rather than the source article or the teaching
  model, and be the figure the claim's notes give instead; that last part by fingerprint).

Exercise 8 (``exercises/08_case_reasoning_note.ipynb``) asks for a short clinical
reasoning note on Maria, the course's teaching case (:mod:`painmood_widgets.case`):

- :func:`check_case_changes`: her PHQ-9 and pain changes judged by the package's rules;
- :func:`check_note_numbers`: the note names both scales and gives her scores, as
  :func:`painmood_widgets.case.case_study` has them;
- :func:`check_reasoning_note`: formative feedback against :data:`NOTE_RUBRIC`, the six
  elements of a reasoning note, with the misconceptions each one invites.

The note checks are heuristics, and say so in their feedback: regular expressions look
for key words and numbers. They are written to be tolerant (other spellings, word
numbers, a negation such as "does not mean" cancels a phrase that would otherwise be
flagged), so they err towards crediting a learner; they can still miss an element put in
unusual words, and a learner is told to read the note against the rubric themselves.
They say which elements are present and which are missing, and never show a model note.

No message of any check contains the answer it expects: not a verdict, not a key, not
one of Maria's scores.

Educational, not diagnostic: Maria is a teaching story, and no check assesses anyone.

Examples
--------
>>> claims = ("article_claim_chronic_pain_prevalence_percent",)
>>> print(check_claim_verdicts(..., claims))
Not answered yet: replace the ... with your answer for the verdicts, then run the cell.
>>> check_claim_rows(evidence.rows(claims), claims).status
'right'
>>> check_note_numbers("Her mood improved.").status
'close'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from painmood_widgets import evidence, scales
from painmood_widgets.case import CaseStudy, checked_case
from painmood_widgets.exercises.feedback import (
    ExerciseFeedback,
    close,
    fingerprint,
    is_placeholder,
    not_answered,
    read_text,
    right,
    unreadable,
)

__all__ = [
    "ARTICLE_CLAIMS",
    "NOTE_RUBRIC",
    "VERDICTS",
    "ArticleClaim",
    "Pitfall",
    "RubricElement",
    "RubricPart",
    "check_case_changes",
    "check_claim_rows",
    "check_claim_verdicts",
    "check_note_numbers",
    "check_reasoning_note",
    "check_replacement_keys",
]

# =========================================================================== exercise 7
VERDICTS = ("supported", "partly supported", "dated", "unsupported", "misattributed")
"""The verdicts a learner may give a claim of the source article.

- supported: the evidence says what the claim says;
- partly supported: part of the claim holds (say, its direction), part does not;
- dated: the figure was right for an earlier year, and newer data give another;
- unsupported: no source for it was found, or the evidence does not bear it out as stated;
- misattributed: credited to a source that does not say it, or to the wrong outcome.
"""

_VERDICT_PRINTS = frozenset(fingerprint(verdict) for verdict in VERDICTS)


@dataclass(frozen=True)
class ArticleClaim:
    """One claim of the source article, with what its checks accept and what they say.

    Nothing here gives the answer in words: the verdict and the replacement keys are
    fingerprints (:func:`~painmood_widgets.exercises.feedback.fingerprint`).

    Attributes
    ----------
    key : str
        The claim's ``article_claim_*`` row of ``datasets/evidence.csv``.
    label : str
        How messages name the claim ("the cortisol claim").
    verdict : str
        Fingerprint of the right verdict.
    wrong_verdicts : Mapping[str, str]
        Fingerprint of a wrong verdict -> the misconception it shows, in words.
    replacements : frozenset of str
        Fingerprints of the evidence keys whose figure replaces the claim.
    wrong_replacements : Mapping[str, str]
        Fingerprint of a near-miss key (a real row, about something else) -> why not.
    """

    key: str
    label: str
    verdict: str
    wrong_verdicts: Mapping[str, str]
    replacements: frozenset[str]
    wrong_replacements: Mapping[str, str]


_NUMBER_AND_YEAR = (
    "A number, a year and a sample size make a claim sound checked, but they are not "
    "evidence: a claim is only as good as the source behind it."
)
_NOT_NEWER = (
    "A figure overtaken by newer data was right once; the notes say something else about "
    "this one: read what the evidence brief found when it looked for the study."
)
_NOTHING_TO_CREDIT = (
    "Crediting a finding to the wrong source needs a real finding to credit; the notes say "
    "whether any study gives this figure at all."
)
_DERIVED = (
    "That row is the teaching model's conversion of a study's figure (it is derived); the "
    "figure that replaces a claim is the study's own, in another row."
)
_EARLIER_SURVEY = (
    "That row is a real survey, but an earlier one: a claim that has been overtaken is "
    "replaced by the most recent figure."
)
_ONE_GROUP = "That row is one group's figure (by sex or by age); the claim is about all US adults."
_LATER_PAIN = "That row is about later pain; the claim is about depression with short sleep."
_RECURRENCE = (
    "That row is where a two-fold figure really is, but for the recurrence of depression in "
    "people who had it before; the claim is about new depression."
)
_GUIDELINE = (
    "That row is from the guideline the article meant to cite, but it says when to review "
    "opioid therapy, not how opioids change the risk of depression."
)
_SHORT_USE = "That row is for 31-90 days of use; the claim is about more than 90 days."
_CATEGORY = "That row is a duration category of the study (in days), not its risk figure."

ARTICLE_CLAIMS: tuple[ArticleClaim, ...] = (
    ArticleClaim(
        key="article_claim_chronic_pain_prevalence_percent",
        label="the chronic-pain prevalence claim",
        verdict="d14ee5cbc969c507",
        wrong_verdicts=MappingProxyType(
            {
                "1978c8b12110e6d8": f"{_NUMBER_AND_YEAR} Here the figure matched the national "
                "surveys of some years ago, and the notes give a later survey with a higher "
                "figure: is the article's number still today's?",
                "2e7ba96b1d4a2c47": "The rise after 50 is right, and the size once was. "
                "What went wrong is time: the notes give the survey figures by year, and one "
                "word in the list says exactly that.",
                "02267e52318e50e3": "A figure that was true once is not a figure without "
                "evidence: the earlier surveys in the notes give about what the article says, "
                "and a later survey gives more. Rejecting the claim outright throws away what "
                "was right; which word says a figure has been overtaken by newer data?",
                "74d7dbc44a247f25": "The article credits the figure to the CDC, and the national "
                "surveys are CDC (NCHS) data: the problem is not who said it but when. Compare "
                "the survey years in the notes.",
            }
        ),
        replacements=frozenset({"ec8f3c34d8c63ce9"}),
        wrong_replacements=MappingProxyType(
            {
                "62205c9c2ca994eb": _EARLIER_SURVEY,
                "df3b6a9a7aeb0c6d": _EARLIER_SURVEY,
                "342d2f289682b0af": "That row is high-impact chronic pain (pain that limits "
                "life or work most days), a narrower group than all chronic pain.",
                "d10d15a5fe423bcf": _ONE_GROUP,
                "7b01fae97684565c": _ONE_GROUP,
                "27204adb70c2a716": _ONE_GROUP,
                "35da6e3e69bf5c17": _ONE_GROUP,
                "86c74b953cc8d62e": _ONE_GROUP,
                "41d605f95b2368b4": _ONE_GROUP,
                "8a852c4ca157c0bc": "That row comes from one community sample in a review, not "
                "from the national survey the claim is about.",
            }
        ),
    ),
    ArticleClaim(
        key="article_claim_cortisol_depression_ratio",
        label="the cortisol claim",
        verdict="02267e52318e50e3",
        wrong_verdicts=MappingProxyType(
            {
                "1978c8b12110e6d8": f"{_NUMBER_AND_YEAR} The notes say what the evidence brief "
                "found when it looked for this study, and whether the ratio appears anywhere.",
                "2e7ba96b1d4a2c47": "Chronic pain does go with somewhat higher cortisol, but "
                "that is not what the claim says: it names a study, a sample and a ratio for "
                "later depression. Judge the claim as stated, study included: the notes say "
                "whether the study was found.",
                "d14ee5cbc969c507": _NOT_NEWER,
                "74d7dbc44a247f25": _NOTHING_TO_CREDIT,
            }
        ),
        replacements=frozenset({"fb82f1c87c396de8", "adc709e99554ea40"}),
        wrong_replacements=MappingProxyType({}),
    ),
    ArticleClaim(
        key="article_claim_short_sleep_phq9_increase_percent",
        label="the short-sleep claim",
        verdict="02267e52318e50e3",
        wrong_verdicts=MappingProxyType(
            {
                "1978c8b12110e6d8": f"{_NUMBER_AND_YEAR} The notes say whether this study was "
                "found, and what real studies of short sleep measured instead.",
                "2e7ba96b1d4a2c47": "Short sleep does go with more depression, but the claim is "
                "a specific study and a specific rise in PHQ-9 scores. Judge it as stated, study "
                "included: the notes say whether the study was found, and the real figures "
                "measure something else (how many people are depressed).",
                "d14ee5cbc969c507": _NOT_NEWER,
                "74d7dbc44a247f25": _NOTHING_TO_CREDIT,
            }
        ),
        replacements=frozenset({"5984d8e5dc7e5439", "8b0b3ffe4343ff15"}),
        wrong_replacements=MappingProxyType(
            {
                "11d41b0eabc049bd": "That row is the comparison group (people who sleep the "
                "reference length); the figure for short sleepers is in its neighbour.",
                "7b3840cc31260797": _LATER_PAIN,
                "1600c4f8b499301b": _LATER_PAIN,
                "3be641337a0150ae": _LATER_PAIN,
                "79f24a310c11e157": _LATER_PAIN,
                "3d8f130a5f0dc8bd": "That row is about long sleep; the claim is about short sleep.",
                "68a5826913cb5614": _DERIVED,
            }
        ),
    ),
    ArticleClaim(
        key="article_claim_opioid_depression_risk_ratio",
        label="the opioid claim",
        verdict="74d7dbc44a247f25",
        wrong_verdicts=MappingProxyType(
            {
                "1978c8b12110e6d8": "A guideline's name and a year make a claim sound "
                "authoritative, but check the source: the notes say which guideline that is, "
                "when it was published and whether it says this, and which outcome a two-fold "
                "figure really belongs to.",
                "2e7ba96b1d4a2c47": "Part of it holds: the risk of new depression does rise "
                "with how long opioids are taken. But the notes name two precise errors, about "
                "where the claim comes from and which outcome the two-fold figure belongs to; "
                "one word in the list names that kind of error.",
                "02267e52318e50e3": "The claim is wrong as stated, but not baseless. A "
                "two-fold figure does exist in a real study, for another outcome, and the "
                "article credits it to a guideline that says no such thing. The list has a more "
                "precise word than the one for a claim with nothing behind it.",
                "d14ee5cbc969c507": "The guideline year is off, but no newer study has replaced "
                "an older figure: the notes say the guideline never said this, and that the "
                "two-fold figure belongs to another outcome. Which word names that?",
            }
        ),
        replacements=frozenset(
            {"75d653a147b41fa3", "56fe92b38f0c797b", "e77934593d7441e6", "5138005344214c23"}
        ),
        wrong_replacements=MappingProxyType(
            {
                "4cc73a8ed4ff57a0": _RECURRENCE,
                "f6ca58d72c7a21ef": _RECURRENCE,
                "ca970d99c66f0e9b": _GUIDELINE,
                "7b6aa205cc3026d3": _GUIDELINE,
                "f0b2d48a69e13aba": _GUIDELINE,
                "948cba90273c5759": "That row compares daily with occasional use (how often); "
                "the claim is about long use (how long).",
                "140062d4f8ccfda0": _SHORT_USE,
                "ebd098f555cde6cc": _SHORT_USE,
                "97d051e334d7eb9e": _DERIVED,
                "7d2d216ea7317599": _DERIVED,
                "ec707854766a8418": _CATEGORY,
                "0dcfaf32d1d9552a": _CATEGORY,
            }
        ),
    ),
    ArticleClaim(
        key="article_claim_cbt_pain_reduction_percent",
        label="the CBT meta-analysis claim",
        verdict="02267e52318e50e3",
        wrong_verdicts=MappingProxyType(
            {
                "1978c8b12110e6d8": f"{_NUMBER_AND_YEAR} The notes say whether a review with "
                "this year and this count of trials was found, and what the real review "
                "reports.",
                "2e7ba96b1d4a2c47": "CBT does ease pain a little against usual care, but the "
                "claim is a specific review with a percentage cut. Judge it as stated, review "
                "included: the notes say whether it was found, and the real review reports "
                "standardized differences, not percentages, and no effect against active "
                "treatments.",
                "d14ee5cbc969c507": "The real review is not a newer figure replacing a right "
                "one: the notes say the review the article names was not found, and the "
                "figures differ in kind.",
                "74d7dbc44a247f25": _NOTHING_TO_CREDIT,
            }
        ),
        replacements=frozenset({"c6b5caa9da78fdc8"}),
        wrong_replacements=MappingProxyType(
            {
                "854f14bfd4e1403a": "That row is CBT's effect on mood; the claim you are "
                "replacing is about pain.",
                "7a8e5eeac04407c1": "That row is CBT's effect on disability; the claim is about "
                "pain.",
                "c007a9a2134b44b2": "That row is CBT's effect on catastrophizing; the claim is "
                "about pain.",
                "20788ee7fdf60f57": "That row is CBT for insomnia, a different treatment from "
                "the CBT for pain the claim is about.",
            }
        ),
    ),
    ArticleClaim(
        key="article_claim_cbt_i_pain_reduction_percent",
        label="the CBT-for-insomnia claim",
        verdict="2e7ba96b1d4a2c47",
        wrong_verdicts=MappingProxyType(
            {
                "1978c8b12110e6d8": "A percentage and a time frame sound precise, but the "
                "notes say the pain effect is real and small, and that the timing has nothing "
                "behind it in the trials: not all of the claim holds.",
                "02267e52318e50e3": "Not all of it fails: the notes say CBT for insomnia does "
                "ease pain a little by the end of treatment; what lacks evidence is the size "
                "and the four weeks. Rejecting the whole claim throws away the part that is "
                "right.",
                "d14ee5cbc969c507": "No newer figure has replaced an older one here: the notes "
                "say which part of the claim holds and which does not.",
                "74d7dbc44a247f25": "The article names no wrong source here: the notes say "
                "which part of the claim holds and which does not.",
            }
        ),
        replacements=frozenset({"20788ee7fdf60f57"}),
        wrong_replacements=MappingProxyType(
            {
                "65e47b635f6c22d6": "That row is the effect of CBT for insomnia on depression; "
                "this claim is about pain.",
                "75cf71db6aab2e7d": "That row is the effect of CBT for insomnia on sleep; this "
                "claim is about pain.",
                "c6b5caa9da78fdc8": "That row is CBT for pain (the Cochrane review), a "
                "different treatment from CBT for insomnia.",
            }
        ),
    ),
)
"""The claims exercise 7 may ask about, with fingerprints of what their checks accept."""

_CLAIMS_BY_KEY = MappingProxyType({claim.key: claim for claim in ARTICLE_CLAIMS})

_ARTICLE_SOURCE = "source article"
_MODEL_SOURCES = ("assumption of the painmood model", "synthetic cohort design", "illustrative:")


def _exercise_claims(claims: object) -> tuple[ArticleClaim, ...]:
    """The claims a notebook asks about; a ValueError for the notebook's author if unknown."""
    if isinstance(claims, str) or not isinstance(claims, Iterable):
        raise ValueError(f"claims must be a list or tuple of article_claim_* keys; got {claims!r}")
    keys = list(dict.fromkeys(claims))
    for key in keys:
        if key not in _CLAIMS_BY_KEY:
            raise ValueError(
                f"claims: {key!r} is not a claim these checks know; known: "
                f"{', '.join(_CLAIMS_BY_KEY)}"
            )
    if not keys:
        raise ValueError("claims must name at least one claim")
    return tuple(_CLAIMS_BY_KEY[key] for key in keys)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _answers_per_claim(
    answers: object, chosen: tuple[ArticleClaim, ...], what: str
) -> Mapping[str, object] | ExerciseFeedback:
    """A learner's dict of claim -> answer, checked for its keys; or feedback."""
    if is_placeholder(answers):
        return not_answered(what)
    if not isinstance(answers, Mapping):
        return unreadable(what, "a dict in curly brackets, {claim key: answer, ...}", answers)
    wanted = [claim.key for claim in chosen]
    missing = [key for key in wanted if key not in answers]
    others = [str(key) for key in answers if key not in wanted]
    if others:
        return close(
            f"{', '.join(map(repr, others))} is not among the claims of this exercise: use the "
            "keys of claims, exactly as they are written there."
        )
    if missing:
        return close(f"Give an answer for every claim: none yet for {', '.join(missing)}.")
    return answers


def check_claim_rows(claim_rows: object, claims: Sequence[str]) -> ExerciseFeedback:
    """Check the table of the claims' evidence rows (exercise 7, task 1).

    Parameters
    ----------
    claim_rows : object
        The learner's answer: the rows of ``datasets/evidence.csv`` for ``claims``, as a
        DataFrame with at least the columns ``parameter``, ``meaning`` and ``notes``
        (``parameter`` may be the index), rows in any order.
    claims : sequence of str
        The ``article_claim_*`` keys the exercise gave (keys of :data:`ARTICLE_CLAIMS`).

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or a named misconception: the whole table
        instead of the claims' rows, every article claim instead of these, values without
        their notes, a missing column or claim.

    Raises
    ------
    ValueError
        If ``claims`` is not a collection of known claim keys (the notebook's error).

    Examples
    --------
    >>> claims = ("article_claim_cortisol_depression_ratio",)
    >>> print(check_claim_rows(evidence.rows(claims), claims))  # doctest: +ELLIPSIS
    Right. Each claim's row is here...
    >>> check_claim_rows(evidence.values(), claims).status
    'close'
    """
    chosen = _exercise_claims(claims)
    what = "the claims' rows"
    if is_placeholder(claim_rows):
        return not_answered(what)
    if isinstance(claim_rows, Mapping) or (
        isinstance(claim_rows, int | float | np.number) and not isinstance(claim_rows, bool)
    ):
        return close(
            "That is a value without its row: a number alone cannot tell you whether a claim "
            "holds. Keep the claims' rows, with their meaning, source and notes."
        )
    if isinstance(claim_rows, pd.Series):
        claim_rows = claim_rows.to_frame()
    if not isinstance(claim_rows, pd.DataFrame):
        return unreadable(what, "a table (a pandas DataFrame) of evidence rows", claim_rows)
    frame = claim_rows
    if "parameter" not in frame.columns and frame.index.name == "parameter":
        frame = frame.reset_index()
    if "parameter" not in frame.columns:
        return unreadable(
            what,
            "a table with the column parameter, so that each row says which claim it is",
            claim_rows,
            described="a table without it",
        )
    keys = set(frame["parameter"].astype(str))
    wanted = [claim.key for claim in chosen]
    missing = [key for key in wanted if key not in keys]
    extra = keys - set(wanted)
    if extra and not missing:
        if len(frame) >= len(evidence.load_evidence()):
            return close(
                f"Your table holds the whole evidence table, {len(frame)} rows: the claims are "
                "in it, but so is everything else. Keep only the rows of the keys in claims, "
                "so that each claim's notes are in front of you."
            )
        if all(key.startswith("article_claim_") for key in keys):
            return close(
                "Your table holds every claim of the article that the evidence table keeps; "
                "this exercise judges the ones in claims. Keep only their rows."
            )
        return close(
            f"Your table holds rows that are not among the claims: {', '.join(sorted(extra))}. "
            "Keep only the rows of the keys in claims."
        )
    if missing:
        return close(f"Some claims are not in your table: {', '.join(missing)}.")
    for column, why in (
        ("meaning", "it says, in words, what the article claimed"),
        ("notes", "they say what the evidence brief found, and where the figure went wrong"),
    ):
        if column not in frame.columns:
            return close(
                f"Keep the {column} column: {why}. A claim's value alone cannot tell you "
                "whether it holds."
            )
    return right(
        "Each claim's row is here. Read its meaning (what the article said) and its notes "
        "(what the evidence brief found) before you judge it."
    )


def check_claim_verdicts(verdicts: object, claims: Sequence[str]) -> ExerciseFeedback:
    """Check a verdict per claim (exercise 7, task 2), by fingerprint.

    Parameters
    ----------
    verdicts : object
        The learner's answer: a dict of claim key -> one of :data:`VERDICTS` (case,
        hyphens, spacing and a final full stop do not matter).
    claims : sequence of str
        The ``article_claim_*`` keys the exercise gave.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable (not a dict, or a verdict outside the list), or
        how many verdicts agree with the evidence table's notes and, for each that does
        not, the misconception it shows: accepting a claim because it has a number and a
        year, calling a dated figure unsupported, rejecting the part of a claim that holds.
        No message names a verdict.

    Raises
    ------
    ValueError
        If ``claims`` is not a collection of known claim keys (the notebook's error).

    Examples
    --------
    >>> claims = ("article_claim_cortisol_depression_ratio",)
    >>> check_claim_verdicts({claims[0]: "supported"}, claims).status
    'close'
    >>> print(check_claim_verdicts({claims[0]: "maybe"}, claims))
    Cannot check the verdict on the cortisol claim yet: it should be one of the verdict words \
the task lists (VERDICTS), in quotes, but it is the text 'maybe'.
    """
    chosen = _exercise_claims(claims)
    answers = _answers_per_claim(verdicts, chosen, "the verdicts")
    if isinstance(answers, ExerciseFeedback):
        return answers
    wrong = []
    for claim in chosen:
        given = answers[claim.key]
        what = f"the verdict on {claim.label}"
        expected = "one of the verdict words the task lists (VERDICTS), in quotes"
        if not isinstance(given, str):
            return unreadable(what, expected, given)
        if not given.strip():
            return not_answered(what)
        if fingerprint(given) not in _VERDICT_PRINTS:
            return unreadable(what, expected, given)
        if fingerprint(given) != claim.verdict:
            why = claim.wrong_verdicts.get(
                fingerprint(given), "Read the claim's notes again, and the verdict words' meanings."
            )
            wrong.append(f"{_capital(claim.label)}: {why}")
    if not wrong:
        return right(
            f"All {len(chosen)} verdicts agree with the evidence table's notes. Keep the "
            "distinctions when you teach: a figure overtaken by newer data, a claim that "
            "holds only in part, a claim with no source behind it and one credited to the "
            "wrong source are different errors, and each is corrected differently."
        )
    agree = len(chosen) - len(wrong)
    return close(
        f"{agree} of {len(chosen)} verdicts agree with the evidence table's notes. "
        + " ".join(wrong)
    )


def _replacement_problem(claim: ArticleClaim, given: str, table: pd.DataFrame) -> str | None:
    """Why ``given`` does not replace ``claim`` (None when it does)."""
    key = given.strip()
    if key not in table.index and key.lower() in table.index:
        key = key.lower()
    if key not in table.index:
        return (
            f"No row of evidence.csv has the key {given!r}: copy the key from the parameter column."
        )
    row = table.loc[key]
    source = str(row["source"]).strip().lower()
    if key == claim.key:
        return (
            "That key is the claim's own row: a claim cannot be its own evidence. Its notes "
            "name the figure the evidence gives instead; find the row that holds it."
        )
    if source.startswith(_ARTICLE_SOURCE):
        return (
            "That row's source is the source article itself, so it cannot check the article: "
            "look for a row whose source is a study, a review or a survey."
        )
    if source.startswith(_MODEL_SOURCES):
        return (
            "That row is an assumption of the course's teaching model (its source says so), "
            "not a finding of a study: it cannot stand in for a claim."
        )
    if fingerprint(key) in claim.wrong_replacements:
        return claim.wrong_replacements[fingerprint(key)]
    if fingerprint(key) in claim.replacements:
        return None
    if row["evidence_level"] == "illustrative":
        return (
            "That row is labelled illustrative: its number was chosen, or not yet checked "
            "against its source, so it cannot replace a claim. Look for a published row."
        )
    return (
        "That row is real evidence, but not the figure that stands in for this claim: the "
        "claim's notes name the figure the evidence gives instead; find the row whose value "
        "it is."
    )


def check_replacement_keys(replacements: object, claims: Sequence[str]) -> ExerciseFeedback:
    """Check the evidence key that replaces each claim (exercise 7, task 3).

    Each key is read against the active evidence table: it must be a row of it, its
    source must be a study, review or survey (not the source article, not the teaching
    model's assumptions), and it must hold the figure the claim's notes give instead
    (compared by fingerprint with :attr:`ArticleClaim.replacements`).

    Parameters
    ----------
    replacements : object
        The learner's answer: a dict of claim key -> an evidence ``parameter`` key.
    claims : sequence of str
        The ``article_claim_*`` keys the exercise gave.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or how many keys replace their claim and, for
        each that does not, why: no such row, the claim's own row (a claim cited as its
        own evidence), another row of the source article, the model's assumption, an
        illustrative row, or a real row about something else (an earlier survey, the
        recurrence of depression, another outcome or treatment). No message names an
        accepted key.

    Raises
    ------
    ValueError
        If ``claims`` is not a collection of known claim keys (the notebook's error).

    Examples
    --------
    >>> claims = ("article_claim_cortisol_depression_ratio",)
    >>> own = {"article_claim_cortisol_depression_ratio": "article_claim_cortisol_depression_ratio"}
    >>> print(check_replacement_keys(own, claims))  # doctest: +ELLIPSIS
    Not yet. 0 of 1 keys replace their claim. The cortisol claim: That key is the claim's own row...
    """
    chosen = _exercise_claims(claims)
    answers = _answers_per_claim(replacements, chosen, "the replacement keys")
    if isinstance(answers, ExerciseFeedback):
        return answers
    table = evidence.load_evidence().set_index("parameter")
    wrong = []
    for claim in chosen:
        given = answers[claim.key]
        what = f"the replacement for {claim.label}"
        if not isinstance(given, str):
            return unreadable(what, "an evidence key in quotes, like 'phq9_max'", given)
        if not given.strip():
            return not_answered(what)
        problem = _replacement_problem(claim, given, table)
        if problem is not None:
            wrong.append(f"{_capital(claim.label)}: {problem}")
    if not wrong:
        return right(
            f"Each of the {len(chosen)} keys is a row from a real source that holds the figure "
            "the evidence gives instead of the claim. When you correct a claim, cite that row's "
            "source, never the article."
        )
    agree = len(chosen) - len(wrong)
    return close(f"{agree} of {len(chosen)} keys replace their claim. " + " ".join(wrong))


# =========================================================================== exercise 8
def check_case_changes(
    phq9_result: object, pain_result: object, case: CaseStudy | None = None
) -> ExerciseFeedback:
    """Check Maria's PHQ-9 and pain changes, judged by the package (exercise 8, task 1).

    The expected results are :func:`painmood_widgets.scales.phq9_change` and
    :func:`painmood_widgets.scales.pain_change` of her baseline and follow-up scores.

    Parameters
    ----------
    phq9_result, pain_result : object
        The learner's answers: a :class:`~painmood_widgets.scales.Phq9Change` and a
        :class:`~painmood_widgets.scales.PainChange`.
    case : CaseStudy, optional
        The case the exercise gave; by default :func:`painmood_widgets.case.case_study`.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or the misconception: a bare number (a change
        without its verdict), the scales' results swapped, the scores in the wrong order
        (a fall read as a rise), or not her numbers.

    Raises
    ------
    ValueError
        If ``case`` is not a CaseStudy (the notebook's error).

    Examples
    --------
    >>> from painmood_widgets import case
    >>> maria = case.case_study()
    >>> good = scales.phq9_change(maria.baseline_phq9, maria.follow_up_phq9)
    >>> pain = scales.pain_change(maria.baseline_pain, maria.follow_up_pain)
    >>> check_case_changes(good, pain, maria).status
    'right'
    >>> print(check_case_changes(good, ..., maria))
    Not answered yet: replace the ... with your answer for pain_result, then run the cell.
    """
    maria = checked_case(case)
    for value, name in ((phq9_result, "phq9_result"), (pain_result, "pain_result")):
        if is_placeholder(value):
            return not_answered(name)
    kinds = (
        (phq9_result, "phq9_result", scales.Phq9Change, scales.phq9_change, "PHQ-9"),
        (pain_result, "pain_result", scales.PainChange, scales.pain_change, "pain"),
    )
    baselines = {"PHQ-9": maria.baseline_phq9, "pain": maria.baseline_pain}
    follow_ups = {"PHQ-9": maria.follow_up_phq9, "pain": maria.follow_up_pain}
    problems = []
    for value, name, kind, rule, scale in kinds:
        other = scales.PainChange if kind is scales.Phq9Change else scales.Phq9Change
        if isinstance(value, other):
            problems.append(
                f"{name} holds the other scale's change: judge the PHQ-9 with "
                "scales.phq9_change and pain with scales.pain_change, because the two scales "
                "have different rules."
            )
            continue
        if isinstance(value, int | float | np.number) and not isinstance(value, bool):
            problems.append(
                f"{name} is a bare number. A change says how far the score moved, not whether "
                f"the move counts: scales.{rule.__name__} gives the change with its verdicts "
                "(for pain both the points and the percent). Keep the result it returns."
            )
            continue
        if not isinstance(value, kind):
            return unreadable(name, f"the result of scales.{rule.__name__}", value)
        if value == rule(baselines[scale], follow_ups[scale]):
            continue
        if value == rule(follow_ups[scale], baselines[scale]):
            problems.append(
                f"Your {scale} change reads as a rise: the earlier score goes first, "
                f"scales.{rule.__name__}(before, after). Which of her scores came first?"
            )
            continue
        problems.append(
            f"{name} is not the change between her two {scale} scores: use the case's own "
            f"numbers, maria.baseline_{'phq9' if scale == 'PHQ-9' else 'pain'} and "
            f"maria.follow_up_{'phq9' if scale == 'PHQ-9' else 'pain'}."
        )
    if problems:
        return close(" ".join(problems))
    return right(
        "Both changes are judged by the published rules. Before you write, read each flag: "
        "which rule does each change pass, and which does it miss? The note will need them."
    )


# --------------------------------------------------------------------------- the numbers
_PHQ9_NAME = re.compile(r"\bphq[\s-]?9\b|patient health questionnaire", re.IGNORECASE)
_PAIN_MENTION = re.compile(r"\bbpi\b|brief pain inventory|\bpain\b", re.IGNORECASE)
_PAIN_SCALE = re.compile(
    r"\bbpi\b|brief pain inventory|\b0\s*(?:-|\u2013|to)\s*10\b|/\s*10\b|out of (?:10|ten)\b|"
    r"\bnrs\b|numeric(?:al)? rating",
    re.IGNORECASE,
)
_NOT_SCORES = (
    _PHQ9_NAME,
    re.compile(r"\b(?:items?|questions?)\s*\d+(?:\s*(?:-|\u2013|to|and)\s*\d+)?", re.IGNORECASE),
    re.compile(r"\b0\s*(?:-|\u2013|to)\s*(?:3|10|27)\b"),
    re.compile(r"/\s*(?:10|27)\b|\bout of (?:10|27|ten)\b", re.IGNORECASE),
    re.compile(r"\d+(?:\.\d+)?\s*(?:%|per ?cent\b|percent\b)", re.IGNORECASE),
    re.compile(
        r"\b\d+(?:\s*(?:-|\u2013|to|or)\s*\d+)?\s*-?\s*(?:weeks?|wks?|months?|days?|years?|yrs?)"
        r"\b(?:[\s-]*old)?",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:week|month|day|age|aged)\s*\d+", re.IGNORECASE),
    re.compile(r"\b(?:19|20)\d{2}\b"),
    re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg\b|h\b|hours?\b|min\b|minutes?\b)", re.IGNORECASE),
)
"""Numbers in a note that are not scores: the scale's name, item numbers, ranges, percents,
durations and ages, years, doses and hours. Replaced by spaces, so positions are kept."""

_WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        )
    )
}
_WORD_NUMBERS.update(
    {f"twenty-{word}": 20 + value for word, value in list(_WORD_NUMBERS.items())[1:8]}
)
_NUMBER = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?(?![\w])|\b(?:"
    + "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


def _masked(text: str) -> str:
    for pattern in _NOT_SCORES:
        text = pattern.sub(lambda match: " " * len(match.group()), text)
    return text


def _numbers(text: str) -> list[tuple[int, float]]:
    """(position, value) of every number in ``text`` (digits or words)."""
    found = []
    for match in _NUMBER.finditer(text):
        word = match.group().lower()
        value = _WORD_NUMBERS[word] if word in _WORD_NUMBERS else float(word)
        found.append((match.start(), float(value)))
    return found


@dataclass(frozen=True)
class _Sentence:
    text: str
    numbers: tuple[float, ...]
    segments: Mapping[str, tuple[tuple[float, ...], ...]]


def _sentences(note: str) -> list[_Sentence]:
    """The note's sentences; a sentence naming no scale is read with the one before it.

    Each sentence's numbers go to the scale mentioned last before them (numbers before the
    first mention go to the first), so "PHQ-9 from 15 to 6 and pain from 7 to 4" gives the
    PHQ-9 its pair and pain its own.
    """
    groups: list[str] = []
    for piece in _SENTENCE.split(note):
        if not piece.strip():
            continue
        names_a_scale = _PHQ9_NAME.search(piece) or _PAIN_MENTION.search(piece)
        if groups and not names_a_scale:
            groups[-1] = f"{groups[-1]} {piece}"
        else:
            groups.append(piece)
    found = []
    for text in groups:
        numbers = _numbers(_masked(text))
        mentions = sorted(
            [(match.start(), "phq9") for match in _PHQ9_NAME.finditer(text)]
            + [(match.start(), "pain") for match in _PAIN_MENTION.finditer(text)]
        )
        segments: dict[str, list[tuple[float, ...]]] = {"phq9": [], "pain": []}
        for index, (start, scale) in enumerate(mentions):
            begin = 0 if index == 0 else start
            end = mentions[index + 1][0] if index + 1 < len(mentions) else len(text)
            segments[scale].append(
                tuple(value for position, value in numbers if begin <= position < end)
            )
        found.append(
            _Sentence(
                text=text,
                numbers=tuple(value for _position, value in numbers),
                segments=MappingProxyType({k: tuple(v) for k, v in segments.items()}),
            )
        )
    return found


def _has(numbers: Iterable[float], value: float) -> bool:
    return any(abs(number - value) < 1e-9 for number in numbers)


def _written(value: float) -> str:
    """A regular expression for ``value`` as a learner may write it (7, 7.0 or seven)."""
    words = [word for word, number in _WORD_NUMBERS.items() if number == value]
    digits = f"{value:g}".replace(".", r"\.") + r"(?:\.0+)?"
    return "(?:" + "|".join([digits, *map(re.escape, words)]) + ")"


def _reversed(text: str, before: float, after: float) -> bool:
    """Whether ``text`` reads as going from the later score to the earlier one."""
    later, earlier = _written(after), _written(before)
    forward = rf"\bfrom\s+{earlier}\b[^.;]{{0,60}}?\bto\s+{later}\b"
    backward = rf"\bfrom\s+{later}\b[^.;]{{0,60}}?\bto\s+{earlier}\b"
    arrow = rf"(?<![\w.]){later}\s*(?:->|\u2192|to)\s*{earlier}(?!\w|\.\d)"
    return bool(
        re.search(backward, text, re.IGNORECASE) or re.search(arrow, text, re.IGNORECASE)
    ) and not re.search(forward, text, re.IGNORECASE)


def _scale_problem(
    sentences: list[_Sentence], scale: str, pair: tuple[float, float], other: tuple[float, float]
) -> str | None:
    """What is wrong with one scale's scores in the note (None when they are hers)."""
    name = "PHQ-9" if scale == "phq9" else "pain"
    before, after = pair
    mentioned = [sentence for sentence in sentences if sentence.segments[scale]]
    segments = [numbers for sentence in mentioned for numbers in sentence.segments[scale]]
    if any(_has(seg, before) and _has(seg, after) for seg in segments):
        found = True
    else:
        crossed = any(
            _has(seg, other[0]) and _has(seg, other[1]) and not (_has(seg, before))
            for seg in segments
        )
        found = not crossed and any(
            _has(sentence.numbers, before) and _has(sentence.numbers, after)
            for sentence in mentioned
        )
    if found:
        if any(_reversed(sentence.text, before, after) for sentence in mentioned):
            return (
                f"Your {name} scores read as a rise: give the earlier score first (from the "
                "baseline to the follow-up), or say which is which."
            )
        return None
    if any(_has(seg, other[0]) and _has(seg, other[1]) for seg in segments):
        return (
            f"The numbers beside {name} look like the other scale's scores. Each scale has its "
            "own: a PHQ-9 total runs 0-27, a pain rating 0-10."
        )
    if any(_has(seg, before) or _has(seg, after) for seg in segments):
        return (
            f"Only one of her two {name} scores is in your note, or one of them differs from "
            "her record: give both, the baseline and the follow-up."
        )
    change = abs(after - before)
    percent = re.compile(r"\d\s*(?:%|per ?cent|percent)", re.IGNORECASE)
    if any(_has(seg, change) for seg in segments) or any(
        percent.search(sentence.text) for sentence in mentioned
    ):
        return (
            f"Your note gives the {name} change but not the scores: give both, the baseline "
            "and the follow-up. The same fall means different things from different starts."
        )
    field = "phq9" if scale == "phq9" else "pain"
    return (
        f"The {name} scores in your note are not Maria's: read maria.baseline_{field} and "
        f"maria.follow_up_{field} again, and give both beside the scale's name."
    )


def _score_problems(note: str, maria: CaseStudy) -> list[str]:
    """Everything wrong with the scores in ``note``: scales not named, numbers not hers."""
    problems = []
    phq9 = (float(maria.baseline_phq9), float(maria.follow_up_phq9))
    pain = (float(maria.baseline_pain), float(maria.follow_up_pain))
    sentences = _sentences(note)
    if not _PHQ9_NAME.search(note):
        problems.append(
            "Name the depression scale: write PHQ-9 beside her depression scores, so that a "
            "reader knows what the numbers are out of."
        )
    else:
        problems.extend(filter(None, [_scale_problem(sentences, "phq9", phq9, pain)]))
    if not _PAIN_MENTION.search(note):
        problems.append("Give her pain ratings too, at the baseline and the follow-up.")
    else:
        problems.extend(filter(None, [_scale_problem(sentences, "pain", pain, phq9)]))
        if not _PAIN_SCALE.search(note):
            problems.append(
                "Name the pain scale: the case's ratings are BPI pain intensity, 0-10. A pain "
                "number without its scale leaves the reader guessing."
            )
    return problems


def check_note_numbers(note: object, case: CaseStudy | None = None) -> ExerciseFeedback:
    """Check that a note names both scales and gives Maria's scores (exercise 8, task 2).

    A heuristic: the note is split into sentences; a number belongs to the scale named
    last before it (PHQ-9, or BPI / pain). Item numbers, ranges such as 0-27, percents,
    durations, ages and years are not read as scores. Both of her PHQ-9 totals and both
    pain ratings must be there, as :func:`painmood_widgets.case.case_study` has them
    (digits or words), and the pain scale must be named (BPI, 0-10, out of 10).

    Parameters
    ----------
    note : object
        The learner's text.
    case : CaseStudy, optional
        The case the exercise gave; by default :func:`painmood_widgets.case.case_study`.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or what to fix: a scale not named, the change
        instead of the scores, the scores in the wrong order (a fall read as a rise), one
        scale's numbers beside the other's name, or numbers that are not hers. No message
        gives a score.

    Raises
    ------
    ValueError
        If ``case`` is not a CaseStudy (the notebook's error).

    Examples
    --------
    >>> print(check_note_numbers("Her PHQ-9 fell by 60%; BPI pain from 7 to 4."))
    Not yet. Your note gives the PHQ-9 change but not the scores: give both, the baseline \
and the follow-up. The same fall means different things from different starts.
    """
    maria = checked_case(case)
    text = read_text(note, "the note")
    if isinstance(text, ExerciseFeedback):
        return text
    problems = _score_problems(text, maria)
    if problems:
        return close(" ".join(problems))
    return right(
        "Both scales are named, with her baseline and follow-up scores on each. A reader "
        "can now judge the change for themselves."
    )


# --------------------------------------------------------------------------- the rubric
@dataclass(frozen=True)
class RubricPart:
    """One thing a rubric element needs, found by a regular expression.

    Attributes
    ----------
    pattern : str
        A regular expression (matched case-insensitively anywhere in the note).
    missing : str
        What to add when it is not found, in words; never a model sentence.
    """

    pattern: str
    missing: str


@dataclass(frozen=True)
class Pitfall:
    """A misconception a note can show, found by a regular expression.

    Attributes
    ----------
    pattern : str
        A regular expression (case-insensitive). A negation shortly before the match in
        the same sentence ("not", "cannot", "does not mean") cancels it.
    message : str
        The misconception, named, and what to write instead.
    hedges_cancel : bool, default False
        Whether a hedge ("may", "might", "partly") before the match cancels it too: a
        hedged cause is reasoning, a hedged diagnosis is still a diagnosis.
    unless_remission : bool, default False
        Whether the pitfall applies only when the case's PHQ-9 change is not a remission
        (for a note that claims one).
    """

    pattern: str
    message: str
    hedges_cancel: bool = False
    unless_remission: bool = False


@dataclass(frozen=True)
class RubricElement:
    """One element of a clinical reasoning note.

    Attributes
    ----------
    name : str
        A short key ("scores", "importance", ...).
    title : str
        The element as feedback names it.
    parts : tuple of RubricPart
        What the element needs; it is present when every part is found.
    pitfalls : tuple of Pitfall
        Misconceptions that, when found, mean the element needs another look.
    """

    name: str
    title: str
    parts: tuple[RubricPart, ...]
    pitfalls: tuple[Pitfall, ...] = ()


_PLAN_VERB = (
    r"\b(?:continue|review|re-?evaluat\w*|reassess\w*|repeat|monitor\w*|re-?measur\w*|"
    r"re-?check|follow[- ]?up|see\s+(?:her|maria)\s+again|plan|next\s+visit|taper|adjust|"
    r"switch|stop)"
)
_SMALL_NUMBER = r"(?:\d+|one|two|three|four|five|six|eight|ten|twelve|a\s+few|a\s+couple\s+of|a)"
_INTERVAL = (
    rf"\b(?:in|every|within|after|at|by)\s+(?:about\s+|around\s+)?{_SMALL_NUMBER}\s*"
    rf"(?:(?:-|\u2013|to|or)\s*{_SMALL_NUMBER}\s*)?(?:weeks?|months?|days?|fortnight)\b|"
    r"\b(?:weekly|fortnightly|monthly)\b"
)

NOTE_RUBRIC: tuple[RubricElement, ...] = (
    RubricElement(
        name="scores",
        title="the scores, with the scales named",
        parts=(
            RubricPart(_PHQ9_NAME.pattern, "name the PHQ-9 and give both of her totals"),
            RubricPart(_PAIN_SCALE.pattern, "name the pain scale (BPI, 0-10) and both ratings"),
        ),
    ),
    RubricElement(
        name="importance",
        title="whether each change is clinically important, and by which threshold",
        parts=(
            RubricPart(
                r"clinically\s+(?:important|meaningful|significant|relevant)|"
                r"(?:meaningful|important|worthwhile)\s+(?:change|improvement|fall|drop|"
                r"difference)|minimal(?:ly)?\s+important|\bmatters?\b",
                "say whether each change is clinically important for one person, not only "
                "that the scores fell",
            ),
            RubricPart(
                r"\bthreshold|\bcut[- ]?(?:off|point)|\brules?\b|\bcriteri(?:on|a)\b|"
                r"\bresponse\b|\bremission\b|\bat\s+least\s+\d|\b(?:more|greater|larger|"
                r"bigger)\s+than\s+(?:the\s+)?\d|\d+\s*(?:or\s+more\b|\+)|\u2265\s*\d|>=\s*\d|"
                r"\d+-point|l(?:\u00f6|o|oe)we|farrar|immpact|dworkin",
                "say by which threshold: the PHQ-9's individual-change and response rules "
                "(Löwe et al. 2004), and pain's points-or-percent rule (Farrar et al. 2001); "
                "your results from the first task hold the verdicts",
            ),
        ),
        pitfalls=(
            Pitfall(
                r"statistic(?:al(?:ly)?)?\s+significan\w*|\bp\s*[<=]\s*0?\.\d+",
                "Statistical significance belongs to comparisons of groups; one patient's "
                "change is judged against a clinically important threshold instead.",
            ),
            Pitfall(
                r"\b(?:in|into|reached|reaches|achieved|achieves|reach|achieve)\s+"
                r"(?:full\s+|complete\s+)?remission\b|\bremitted\b|"
                r"\bremission\s+(?:was|has\s+been|is)\s+(?:reached|achieved|met)",
                "Check remission against its rule: remission is about where the PHQ-9 ends "
                "(a total below the remission cut-off), not how far it fell. Compare her "
                "follow-up total with it.",
                unless_remission=True,
            ),
        ),
    ),
    RubricElement(
        name="alternatives",
        title="the explanations besides the treatments",
        parts=(
            RubricPart(
                r"natural\s+(?:course|history)|(?:improv\w*|better|recover\w*)\s+(?:anyway|"
                r"regardless|on\s+(?:its|their|her)\s+own|without\s+(?:treatment|any))|"
                r"spontaneous\w*|wax\w*\s+and\s+wan\w*|usual\s+care|untreated|"
                r"(?:control|placebo)\s+(?:arms?|groups?)|(?:would|might|could)\s+have\s+"
                r"improved",
                "natural course: many people improve over weeks without a specific treatment, "
                "as trial control arms do",
            ),
            RubricPart(
                r"regress\w*\s+(?:to|toward|towards)\s+(?:the\s+)?mean|regression\s+effect",
                "regression to the mean: people come for help when they feel worst, and a "
                "score taken then tends to be lower next time, whatever is done",
            ),
            RubricPart(
                r"(?:specific|treatments?|drugs?|duloxetine|cbt|yoga|exercise|therap\w*|"
                r"medication)\W+(?:\w+\W+){0,4}?(?:effects?|contribut\w*|helped|role|credit\w*)|"
                r"\beffects?\s+of\s+(?:the\s+|her\s+)?(?:treatments?|duloxetine|cbt|yoga|"
                r"therap\w*|drugs?|medication)",
                "the treatments' own effect: one possible explanation among these, not the "
                "only one",
            ),
        ),
        pitfalls=(
            Pitfall(
                r"\b(?:proves?|proved|proof|demonstrates?|confirms?|shows?)\s+(?:that\s+)?"
                r"(?:the\s+|her\s+)?(?:treatments?|duloxetine|cbt|yoga|therapy|medication|plan)"
                r"\s+(?:\w+\s+)?(?:worked|works|caused|helped|was\s+effective|were\s+effective|"
                r"is\s+effective|are\s+effective)|"
                r"\b(?:treatments?|duloxetine|cbt|yoga|therapy|medication|plan)\s+(?:clearly\s+|"
                r"definitely\s+|obviously\s+)?(?:worked|cured|was\s+effective|were\s+effective)|"
                r"\bcured\b|\b(?:because\s+of|caused\s+by|due\s+to|thanks\s+to|the\s+result\s+"
                r"of)\s+(?:the\s+|her\s+)?(?:treatments?|duloxetine|cbt|yoga|therapy|medication)",
                "Your note reads the improvement as the treatments' doing: association read as "
                "causation. One before-and-after course cannot show what caused the change; "
                "say what the treatments may have contributed, beside the other explanations.",
                hedges_cancel=True,
            ),
        ),
    ),
    RubricElement(
        name="safety",
        title="PHQ-9 item 9 and safety",
        parts=(
            RubricPart(
                r"item\s*(?:9|nine)|question\s*(?:9|nine)|self[- ]?harm|suicid\w*|thoughts?\s+"
                r"of\s+(?:death|dying|self|hurting)|better\s+off\s+dead",
                "PHQ-9 item 9, on thoughts of death or self-harm: say what it showed, or that "
                "the case does not report it, and that you will ask at every visit",
            ),
            RubricPart(
                r"same[- ]day|\btoday\b|that\s+day|before\s+(?:she|they|the\s+patient)\s+"
                r"leaves?|immediate\w*|urgent\w*|right\s+away|at\s+once|without\s+delay",
                "what any answer above 0 on item 9 means: a same-day safety assessment, "
                "whatever the total",
            ),
        ),
        pitfalls=(
            Pitfall(
                r"\b(?:no|low|minimal)\s+(?:suicid\w*\s+|self[- ]?harm\s+)?risk\b|"
                r"\bnot\s+at\s+risk\b|\ball[- ]clear\b|\bno\s+(?:safety\s+)?concerns?\b|"
                r"\brisk\s+(?:is|was)\s+(?:low|minimal|absent)\b",
                "A questionnaire cannot rule risk out: a 0 on item 9 is no all-clear (many "
                "people who die by suicide answered 'not at all'), and the case does not "
                "report her answer. Write what you will ask, not what you assume.",
            ),
            Pitfall(
                r"(?:total|score)\s+(?:is|was)\s+(?:now\s+)?(?:low|mild|falling|improving|down)"
                r"[^.;]{0,60}\b(?:no\s+need|not\s+needed|unnecessary|no\s+further)|"
                r"\bno\s+need\s+to\s+(?:ask|check|assess|screen)",
                "Item 9 is read on its own, every time: a mild or falling total says nothing "
                "about it.",
            ),
        ),
    ),
    RubricElement(
        name="plan",
        title="a plan, with when to review",
        parts=(
            RubricPart(
                _PLAN_VERB,
                "a plan: what to continue, change or re-measure (the PHQ-9 with item 9, pain "
                "and function, adherence and side effects)",
            ),
            RubricPart(
                rf"{_PLAN_VERB}[^.;!?\n]{{0,120}}?(?:{_INTERVAL})|"
                rf"(?:{_INTERVAL})[^.;!?\n]{{0,120}}?{_PLAN_VERB}",
                "say when: a monitoring interval in weeks, in the same sentence as what you "
                "will review",
            ),
        ),
        pitfalls=(
            Pitfall(
                r"\bno\s+(?:further\s+)?follow[- ]?up\b|\bdischarge\w*|\bstop\s+(?:monitoring|"
                r"measuring)|\bno\s+need\s+to\s+(?:review|monitor|re-?measure|follow)",
                "A good response is a reason to keep measuring, not to stop: say when you will "
                "review, and what would make you change the plan.",
            ),
        ),
    ),
    RubricElement(
        name="framing",
        title="an educational framing, with no diagnostic label",
        parts=(
            RubricPart(
                r"teaching\s+(?:case|story|note|example|exercise)|\beducational\b|for\s+"
                r"(?:practice|teaching|learning)|\billustrative\b|\ba\s+story\b|"
                r"not\s+(?:a\s+)?diagnos\w*|screening\s+(?:tool|score|measure|questionnaire|"
                r"instrument)|(?:scores?|questionnaires?|totals?|phq[\s-]?9)\s+(?:is|are|does|do)"
                r"\s+not\s+(?:a\s+|make\s+a\s+)?diagnos\w*|not\s+diagnostic|symptom\s+severity|"
                r"severity\s+(?:measure|score)",
                "say that this is a teaching case, and that questionnaire scores describe "
                "symptoms and their severity; they do not make a diagnosis",
            ),
        ),
        pitfalls=(
            Pitfall(
                r"\b(?:has|have|having|had)\s+(?:major\s+|clinical\s+)?depression\b|"
                r"\b(?:is|was)\s+(?:clinically\s+)?depressed\b|\bdiagnosed\b|"
                r"\bdiagnosis\s*:|\bmeets?\s+(?:the\s+)?(?:dsm\S*\s+)?criteria\b|"
                r"\bmajor\s+depressive\s+(?:disorder|episode)\b|\b(?:probable|likely|possible)"
                r"\s+depression\b|\bpositive\s+for\b|\bsuffer(?:s|ing)?\s+from\s+depression\b|"
                r"\bdepressive\s+disorder\b|\bclinical\s+depression\b",
                "A phrase in your note reads as a diagnosis. A questionnaire total describes "
                "how severe symptoms are; it does not establish a disorder, and this is a "
                "teaching case. Describe the scores and their bands instead of labelling her.",
            ),
        ),
    ),
)
"""The six elements of a reasoning note on Maria, as data: what each needs, and the
misconceptions that mean it needs another look. The ``scores`` element also needs the
numbers to be hers (:func:`check_note_numbers`)."""

_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|neither|cannot|can't|can\s+not|isn't|aren't|wasn't|doesn't|"
    r"don't|didn't|won't|without|rather\s+than|instead\s+of)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:may|might|could|possibly|perhaps|partly|in\s+part|some\s+of|whether|if)\b",
    re.IGNORECASE,
)
_LOOK_BACK = 40
_SHORT_NOTE_WORDS = 40
_COUNTS = ("none", "one", "two", "three", "four", "five", "six")
"""Counts in words, so that no count in the feedback reads as one of Maria's scores."""
_HEURISTIC = (
    "(This check looks for key words and numbers: a guide, not a grade. If your note says "
    "something in other words, read it against the rubric yourself.)"
)


def _fired(pitfall: Pitfall, text: str) -> bool:
    """Whether ``pitfall`` is found in ``text`` outside a negation (or hedge, if allowed)."""
    for match in re.finditer(pitfall.pattern, text, re.IGNORECASE):
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        before = re.split(r"[.!?;\n]", before)[-1]
        if _NEGATION.search(before):
            continue
        if pitfall.hedges_cancel and _HEDGE.search(before):
            continue
        return True
    return False


def check_reasoning_note(note: object, case: CaseStudy | None = None) -> ExerciseFeedback:
    """Formative feedback on a reasoning note about Maria, against :data:`NOTE_RUBRIC`.

    A heuristic, as the module says: each element's parts are regular expressions; an
    element is present when all of its parts are found and none of its pitfalls is; the
    scores element also needs her scores (:func:`check_note_numbers`). The feedback says
    which elements are present, what each missing one needs, and which misconceptions
    were found. It never shows a model note.

    Parameters
    ----------
    note : object
        The learner's note (text).
    case : CaseStudy, optional
        The case the exercise gave; by default :func:`painmood_widgets.case.case_study`.

    Returns
    -------
    ExerciseFeedback
        Right when every element is present and no pitfall is found; not answered,
        unreadable, or the rubric's feedback otherwise.

    Raises
    ------
    ValueError
        If ``case`` is not a CaseStudy (the notebook's error).

    Examples
    --------
    >>> feedback = check_reasoning_note("She is better. Her treatments clearly worked.")
    >>> feedback.status
    'close'
    >>> "association read as causation" in feedback.message
    True
    """
    maria = checked_case(case)
    text = read_text(note, "the note")
    if isinstance(text, ExerciseFeedback):
        return text
    remission = scales.phq9_change(maria.baseline_phq9, maria.follow_up_phq9).remission
    present, missing, pitfalls = [], [], []
    for element in NOTE_RUBRIC:
        needs = [
            part.missing
            for part in element.parts
            if not re.search(part.pattern, text, re.IGNORECASE)
        ]
        if element.name == "scores" and not needs:
            needs = [problem.rstrip(".") for problem in _score_problems(text, maria)]
        found = [
            pitfall.message
            for pitfall in element.pitfalls
            if not (pitfall.unless_remission and remission) and _fired(pitfall, text)
        ]
        if needs:
            missing.append(f"{_capital(element.title)}: {'; '.join(needs)}.")
        pitfalls.extend(found)
        if not needs and not found:
            present.append(element.title)
    total = _COUNTS[len(NOTE_RUBRIC)]
    if len(present) == len(NOTE_RUBRIC):
        return right(
            f"Your note covers all {total} elements of the rubric: {'; '.join(present)}. "
            f"{_HEURISTIC}"
        )
    parts = [f"Your note covers {_COUNTS[len(present)]} of the {total} elements of the rubric."]
    if len(text.split()) < _SHORT_NOTE_WORDS:
        parts.append("It is short: a reasoning note needs a few sentences.")
    if present:
        parts.append(f"Present: {'; '.join(present)}.")
    if missing:
        parts.append("Missing: " + " ".join(missing))
    if pitfalls:
        parts.append("To look at again: " + " ".join(pitfalls))
    parts.append(_HEURISTIC)
    return close(" ".join(parts))
