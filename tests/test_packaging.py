"""The two dependency declarations (pyproject.toml for pip, environment.yml for conda
and Binder) must not drift apart, and the two README commands must stay wired to CI."""

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _requirement_name(spec: str) -> str:
    """Package name of a requirement such as ``"voila>=0.5,<0.6"`` (PEP 503 normalised)."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    assert name, f"unreadable requirement {spec!r}"
    return re.sub(r"[-_.]+", "-", name.group(1)).lower()


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _environment_specs() -> tuple[list[str], list[str]]:
    """(conda specs, pip specs) listed in environment.yml."""
    dependencies = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    conda = [d for d in dependencies if isinstance(d, str)]
    pip = [spec for d in dependencies if isinstance(d, dict) for spec in d["pip"]]
    return conda, pip


def test_environment_yml_names_the_same_packages_as_pyproject():
    project = _pyproject()["project"]
    declared = {_requirement_name(s) for s in project["dependencies"]}
    declared |= {_requirement_name(s) for s in project["optional-dependencies"]["test"]}
    conda, _ = _environment_specs()
    conda_names = {_requirement_name(s) for s in conda} - {"python", "pip"}
    assert conda_names == declared, (
        f"only in environment.yml: {sorted(conda_names - declared)}; "
        f"only in pyproject.toml: {sorted(declared - conda_names)}"
    )


def test_environment_yml_pins_like_pyproject():
    project = _pyproject()["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["test"]
    by_name = {_requirement_name(s): s.replace(" ", "") for s in specs}
    conda, _ = _environment_specs()
    for spec in conda:
        name = _requirement_name(spec)
        if name in by_name:
            assert spec.replace(" ", "") == by_name[name], f"{name}: {spec} vs {by_name[name]}"
    python = next(s for s in conda if _requirement_name(s) == "python")
    assert python.removeprefix("python") == project["requires-python"]


def test_environment_yml_installs_the_project_editable():
    _, pip = _environment_specs()
    assert "-e ." in pip


@pytest.mark.parametrize("target", ["serve", "test", "lab", "bench"])
def test_makefile_has_target(target):
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"make {target} is missing"


def test_ci_runs_exactly_the_readme_test_command():
    commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert commands[-1] == "make test"
    assert "make test" in (ROOT / "README.md").read_text()
    assert "make serve" in (ROOT / "README.md").read_text()
