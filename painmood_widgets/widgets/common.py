"""Pieces every painmood widget shows: the educational notice and the safety panel.

One source for both texts, so every app says the same thing the same way.
"""

import html

import ipywidgets as widgets

EDUCATIONAL_NOTICE = (
    "Educational, not diagnostic: a teaching tool for clinicians in training. It does not "
    "assess, diagnose or treat anyone. What you enter stays on this computer."
)

CRISIS_HEADLINE = "Thoughts of death or self-harm need a response today, whatever the total."
CRISIS_RESOURCES = (
    "If this is about you or someone with you now: in the US call or text 988 "
    "(988 Suicide & Crisis Lifeline); elsewhere call your local emergency number. "
    "In the clinic, any PHQ-9 item 9 answer above 0 calls for a same-day safety "
    "assessment (Simon et al., Psychiatr Serv 2013;64:1195), and a 0 is no all-clear."
)


def educational_notice() -> widgets.HTML:
    """A short line, shown on every widget, saying the toolkit is educational."""
    return widgets.HTML(
        f'<p class="painmood-notice" role="note"><em>{html.escape(EDUCATIONAL_NOTICE)}</em></p>'
    )


def safety_panel() -> widgets.HTML:
    """The crisis panel for a positive PHQ-9 item 9; hidden until a form shows it.

    Show it with ``panel.layout.display = None`` and hide it with ``"none"``.
    """
    panel = widgets.HTML(
        '<div class="painmood-safety" role="alert" style="border: 3px solid #b00020; '
        'background: #fdecea; color: #1a1a1a; padding: 0.75em 1em; border-radius: 4px;">'
        f"<strong>{html.escape(CRISIS_HEADLINE)}</strong><br>{html.escape(CRISIS_RESOURCES)}"
        "</div>"
    )
    panel.layout.display = "none"
    return panel
