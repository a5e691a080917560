"""Colours have one home, the theme; what they must do for a reader is checked here."""

import ast
import re
from pathlib import Path

import pytest

import painmood_widgets
from painmood_widgets import theme
from tests.conftest import ROOT

PACKAGE_DIR = Path(painmood_widgets.__file__).parent
HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")


def _code_strings(path: Path) -> list[str]:
    """String constants of a module, docstrings left out (their examples show output)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize(
    "path",
    sorted(p for p in PACKAGE_DIR.rglob("*.py") if p.name != "theme.py"),
    ids=lambda p: str(p.relative_to(PACKAGE_DIR)),
)
def test_no_module_but_the_theme_writes_a_colour(path):
    colours = [hit for text in _code_strings(path) for hit in HEX_COLOUR.findall(text)]
    assert colours == [], f"{path.name} restates colours {colours}; take them from theme"


def test_the_finder_sees_a_colour_written_in_code(tmp_path):
    module = tmp_path / "styled.py"
    module.write_text('"""Doc #FFFFFF."""\nSTYLE = "color: #8B0000"\n', encoding="utf-8")
    assert _code_strings(module) == ["color: #8B0000"]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(foreground: str, background: str) -> float:
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        ("text", "#FFFFFF"),
        ("refusal", "#FFFFFF"),
        ("text", "safety_background"),
        ("text", "illustrative_background"),
    ],
)
def test_html_text_meets_wcag_aa_contrast(foreground, background):
    colours = theme.HTML_COLOURS
    ratio = _contrast(colours[foreground], colours.get(background, background))
    assert ratio >= 4.5, f"{foreground} on {background}: {ratio:.1f}:1"


def test_the_focus_ring_stands_out_and_the_apps_stylesheet_uses_it():
    focus = theme.HTML_COLOURS["focus"]
    assert _contrast(focus, "#FFFFFF") >= 3.0  # WCAG 2.2 1.4.11, non-text contrast
    stylesheet = ROOT / "share/jupyter/voila/templates/painmood/static/painmood.css"
    assert f"--painmood-focus: {focus};" in stylesheet.read_text()


def test_contrast_formula_matches_the_wcag_reference_pair():
    assert _contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert _contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
