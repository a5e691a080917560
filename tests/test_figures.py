"""The figures for slides: listed as data, each a described chart, written as PNG and SVG."""

from xml.etree import ElementTree

import pytest

from painmood_widgets import figures

NAMES = [item.name for item in figures.FIGURES]
SVG = "{http://www.w3.org/2000/svg}"


def _title_text(spec: dict) -> str:
    """A chart's title as one line (a title may be text or a dict with lines of text)."""
    title = spec.get("title", "")
    title = title.get("text", "") if isinstance(title, dict) else title
    return " ".join(title) if isinstance(title, list) else str(title)


@pytest.fixture(scope="module")
def specs() -> dict[str, dict]:
    return {item.name: item.build().to_dict() for item in figures.FIGURES}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("figures") / "slides"  # not there yet: created
    return folder, figures.write_figures(folder)


def test_the_figures_have_unique_file_names_and_one_line_captions():
    assert len(NAMES) == len(set(NAMES)) >= 7
    for item in figures.FIGURES:
        assert item.name.isidentifier() and item.name == item.name.lower()
        assert item.caption.strip() and "\n" not in item.caption
        assert item.caption.endswith(".")


def test_the_list_holds_what_the_course_shows():
    assert {
        "vicious_cycle",
        "poor_sleep_band",
        "usual_care_vs_plan",
        "tornado",
        "dose_response_sleep",
        "dose_response_activity",
        "maria_against_band",
    } <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_builder_returns_a_chart_with_a_title_and_a_description(name, specs):
    spec = specs[name]
    assert _title_text(spec).strip(), f"{name} has no title"
    assert len(str(spec.get("description", "")).strip()) > 40, f"{name} has no description"


def test_the_figures_are_built_from_the_scenarios_they_name(specs):
    sleep = specs["dose_response_sleep"]["datasets"]["dose_now"][0]
    assert sleep["value"] == figures.LIFESTYLE_PATIENT.sleep_hours
    assert "Maria" in specs["maria_against_band"]["description"]
    assert "treatment plan" in specs["usual_care_vs_plan"]["description"]


def test_figure_finds_a_figure_by_name_and_refuses_others():
    assert figures.figure("tornado").name == "tornado"
    with pytest.raises(ValueError, match="no figure called 'loop'; figures: vicious_cycle"):
        figures.figure("loop")


def test_write_figures_writes_a_png_and_an_svg_per_figure(written):
    folder, paths = written
    assert [path.name for path in paths] == [
        f"{name}{suffix}" for name in NAMES for suffix in (".png", ".svg")
    ]
    assert sorted(path.name for path in folder.iterdir()) == sorted(path.name for path in paths)
    for path in paths:
        data = path.read_bytes()
        assert len(data) > 1000, f"{path.name} is nearly empty"
        if path.suffix == ".png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
        else:
            assert data.lstrip().startswith((b"<svg", b"<?xml")), f"{path.name} is not an SVG"


def test_each_svg_carries_its_chart_title_and_text_alternative(written, specs):
    folder, _paths = written
    for name in NAMES:
        root = ElementTree.parse(folder / f"{name}.svg").getroot()
        assert root.tag == f"{SVG}svg"
        assert root.find(f"{SVG}title").text == _title_text(specs[name])
        assert root.find(f"{SVG}desc").text == specs[name]["description"]


def test_write_figures_refuses_a_file_for_a_folder(tmp_path):
    taken = tmp_path / "figures"
    taken.write_text("not a folder")
    with pytest.raises(ValueError, match="is a file"):
        figures.write_figures(taken)


def test_the_instructors_guide_lists_every_figure_with_its_caption():
    guide = (figures.ROOT / "exercises" / "INSTRUCTOR.md").read_text(encoding="utf-8")
    for item in figures.FIGURES:
        assert f"| `{item.name}` | {item.caption} |" in guide, f"{item.name} is not listed"
