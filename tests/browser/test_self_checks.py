"""A lesson's self-checks in Voila, in real Chromium with the network cut, keyboard only.

The lesson is served as ``voila notebooks/`` serves it. A learner Tabs to a question's
options, chooses with the arrow keys, Tabs to "Check answer" and presses Enter: the
feedback the notebook wrote for that option appears, in words. In a number box, Enter
checks the reply; a reply that is not a number is refused with a message and stays in the
box. axe-core finds no serious or critical violation on the lesson's page, and in a narrow
window a long option wraps onto its own lines rather than running under the next.
"""

import ast
from pathlib import Path

import nbformat
from playwright.sync_api import Page, expect

from painmood_widgets import quiz
from tests.browser.test_accessibility import _axe_violations
from tests.browser.widget_pages import RENDER_TIMEOUT_MS, KernelWatch, page_problems
from tests.conftest import ROOT

CARD = ".painmood-selfcheck"

# Options of a question whose text does not fit its label's box (so it runs under the next
# option, whose label then takes its clicks), or whose boxes overlap.
_OVERLAPPING_OPTIONS = """() => [...document.querySelectorAll('.painmood-selfcheck')].flatMap(
  (card, index) => {
    const labels = [...card.querySelectorAll('.widget-radio-box label')];
    return labels.flatMap((label, i) => {
      const box = label.getBoundingClientRect();
      const next = labels[i + 1] && labels[i + 1].getBoundingClientRect();
      return label.scrollHeight > label.clientHeight + 1 || (next && next.top < box.bottom - 1)
        ? [`question ${index + 1}, option ${i + 1} runs into the next`] : [];
    });
  })"""


def _cards(path: Path) -> list[quiz.ChoiceCheck | quiz.NumericCheck]:
    """The self-check cards a lesson builds, in order, built here from its own source."""
    cards = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code" or "quiz." not in cell.source:
            continue
        tree = ast.parse(cell.source)
        last = tree.body[-1]
        if isinstance(last, ast.Expr):
            cards.append(eval(ast.unparse(last.value), {"quiz": quiz}))
    return cards


def _lesson_with_both_kinds() -> tuple[Path, list]:
    for path in sorted((ROOT / "notebooks").glob("0[1-9]_*.ipynb")):
        cards = _cards(path)
        kinds = {type(card) for card in cards}
        if {quiz.ChoiceCheck, quiz.NumericCheck} <= kinds:
            return path, cards
    raise AssertionError("no lesson has both a multiple-choice and a numeric self-check")


LESSON, CARDS = _lesson_with_both_kinds()


def _open(page: Page, voila_url: str) -> KernelWatch:
    watch = KernelWatch(page)
    page.goto(f"{voila_url}/voila/render/{LESSON.name}")
    expect(page.locator(CARD)).to_have_count(len(CARDS), timeout=RENDER_TIMEOUT_MS)
    return watch


def test_a_multiple_choice_check_works_from_the_keyboard_and_explains_the_choice(
    voila_url, offline_page
):
    page = offline_page.page
    page.set_viewport_size({"width": 800, "height": 900})  # a narrow window: options wrap
    watch = _open(page, voila_url)
    assert _axe_violations(page) == []
    assert page.evaluate(_OVERLAPPING_OPTIONS) == []
    index = next(i for i, card in enumerate(CARDS) if isinstance(card, quiz.ChoiceCheck))
    question = CARDS[index].question
    card = page.locator(CARD).nth(index)
    card.get_by_role("radio").first.focus()
    page.keyboard.press("ArrowDown")  # moves to, and chooses, the second option
    expect(card.get_by_role("radio", name=question.options[1].text)).to_be_checked()
    page.keyboard.press("Tab")
    expect(card.get_by_role("button", name="Check answer")).to_be_focused()
    page.keyboard.press("Enter")
    expected = question.options[1]
    verdict = "Right." if expected.correct else "Not quite."
    expect(card.get_by_role("status")).to_have_text(f"{verdict} {expected.feedback}")
    assert page_problems(page, watch) == []
    assert offline_page.external == []


def test_a_numeric_check_refuses_a_non_number_then_accepts_the_answer_on_enter(
    voila_url, offline_page
):
    page = offline_page.page
    watch = _open(page, voila_url)
    index = next(i for i, card in enumerate(CARDS) if isinstance(card, quiz.NumericCheck))
    question = CARDS[index].question
    box = page.locator(CARD).nth(index).get_by_role("textbox")
    box.focus()
    page.keyboard.type("about ten")
    page.keyboard.press("Enter")
    alert = page.locator(CARD).nth(index).get_by_role("alert")
    expect(alert).to_contain_text("must be a number")
    expect(box).to_have_value("about ten")
    box.fill("")
    page.keyboard.type(f"{question.answer:g}")
    page.keyboard.press("Enter")
    status = page.locator(CARD).nth(index).get_by_role("status")
    expect(status).to_have_text(f"Right. {question.explanation}")
    assert page_problems(page, watch) == []
    assert offline_page.external == []
