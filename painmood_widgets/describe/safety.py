"""The crisis text: what every app shows when thoughts of death or self-harm come up.

One wording for the PHQ-9 form (item 9 above 0) and the symptom checker (criterion A9
ticked), so the crisis resources read the same wherever they are shown. The app states
put :data:`CRISIS_MESSAGE` in their ``safety_message``; the widgets' safety panel shows
the headline and the resources from here. Plain text, no widgets. Educational, not
diagnostic.

References
----------
Simon GE, Rutter CM, Peterson D, et al. Does response on the PHQ-9 depression
questionnaire predict subsequent suicide attempt or suicide death? Psychiatr Serv
2013;64:1195-1202.

Examples
--------
>>> CRISIS_MESSAGE.startswith(CRISIS_HEADLINE), CRISIS_MESSAGE.endswith(CRISIS_RESOURCES)
(True, True)
>>> safety_message(True) == CRISIS_MESSAGE, safety_message(False)
(True, '')
"""

from __future__ import annotations

__all__ = ["CRISIS_HEADLINE", "CRISIS_MESSAGE", "CRISIS_RESOURCES", "safety_message"]

CRISIS_HEADLINE = "Thoughts of death or self-harm need a response today, whatever the total."
"""The crisis panel's first line."""

CRISIS_RESOURCES = (
    "If this is about you or someone with you now: in the US call or text 988 "
    "(988 Suicide & Crisis Lifeline); elsewhere call your local emergency number. "
    "In the clinic, any PHQ-9 item 9 answer above 0 calls for a same-day safety "
    "assessment (Simon et al., Psychiatr Serv 2013;64:1195), and a 0 is no all-clear."
)
"""Where to turn now, and what the clinic does (Simon et al. 2013)."""

CRISIS_MESSAGE = f"{CRISIS_HEADLINE} {CRISIS_RESOURCES}"
"""The headline and the resources as one plain text, as the app states give it."""


def safety_message(needed: bool) -> str:
    """The crisis message when it is needed, else an empty string.

    Parameters
    ----------
    needed : bool
        Whether thoughts of death or self-harm came up (PHQ-9 item 9 above 0, or
        criterion A9 ticked).

    Returns
    -------
    str
        :data:`CRISIS_MESSAGE` or ``""``.

    Raises
    ------
    ValueError
        If `needed` is not a bool.

    Examples
    --------
    >>> safety_message(True).split(":")[0]
    'Thoughts of death or self-harm need a response today, whatever the total. If this is \
about you or someone with you now'
    """
    if not isinstance(needed, bool):
        raise ValueError(f"needed must be True or False; got {needed!r}")
    return CRISIS_MESSAGE if needed else ""
