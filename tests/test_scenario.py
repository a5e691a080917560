"""Scenarios: every field checked, with a message that names the field and its range."""

import dataclasses
import math

import numpy as np
import pytest

from painmood_widgets import evidence, model
from painmood_widgets.model import LEVERS, SCENARIO_FIELDS, TREATMENTS, Scenario


def test_defaults_match_the_published_range_table():
    scenario = Scenario()
    for name, spec in SCENARIO_FIELDS.items():
        assert getattr(scenario, name) == spec.default, name
        assert spec.minimum <= spec.default <= spec.maximum, name
        assert spec.unit and spec.label, name
    assert scenario.treatments == frozenset()
    assert set(LEVERS) <= set(SCENARIO_FIELDS)
    assert tuple(model.TREATMENT_LABELS) == TREATMENTS


def _bad_values(name: str) -> list[object]:
    spec = SCENARIO_FIELDS[name]
    return [spec.minimum - 1, spec.maximum + 1, math.nan, math.inf, -math.inf, True, "5", None]


@pytest.mark.parametrize(
    ("name", "value"),
    [(name, value) for name in SCENARIO_FIELDS for value in _bad_values(name)],
)
def test_bad_field_values_name_the_field_and_its_range(name, value):
    spec = SCENARIO_FIELDS[name]
    expected = f"{name} must be .* from {spec.minimum:g} to {spec.maximum:g}"
    with pytest.raises(ValueError, match=expected):
        Scenario(**{name: value})


@pytest.mark.parametrize("name", ["opioid_days", "weeks"])
def test_whole_number_fields_refuse_fractions_but_take_whole_floats(name):
    with pytest.raises(ValueError, match=f"{name} must be a whole number"):
        Scenario(**{name: 10.5})
    assert getattr(Scenario(**{name: 10.0}), name) == 10
    assert isinstance(getattr(Scenario(**{name: np.int64(10)}), name), int)


def test_numbers_are_stored_as_plain_floats():
    scenario = Scenario(sleep_hours=6, crp_mg_l=np.float32(2.5))
    assert type(scenario.sleep_hours) is float
    assert type(scenario.crp_mg_l) is float


def test_unknown_treatment_lists_the_allowed_names():
    allowed = ", ".join(TREATMENTS)
    with pytest.raises(ValueError, match=f"unknown treatment 'acupuncture'.*allowed: {allowed}"):
        Scenario(treatments={"cbt", "acupuncture"})


@pytest.mark.parametrize("bare", ["cbt", "duloxetine", b"cbt", ""])
def test_a_bare_string_of_treatments_is_refused_not_split(bare):
    with pytest.raises(ValueError, match="not the bare string"):
        Scenario(treatments=bare)


def test_treatments_that_are_not_a_collection_are_refused():
    with pytest.raises(ValueError, match="treatments must be a collection"):
        Scenario(treatments=5)


@pytest.mark.parametrize(
    "given_treatments",
    [["cbt", "exercise"], ("exercise", "cbt"), {"cbt", "exercise"}, iter(["cbt", "exercise"])],
)
def test_any_iterable_of_names_becomes_a_frozenset(given_treatments):
    assert Scenario(treatments=given_treatments).treatments == frozenset({"cbt", "exercise"})


def test_scenario_is_frozen_and_hashable():
    scenario = Scenario()
    with pytest.raises(dataclasses.FrozenInstanceError):
        scenario.sleep_hours = 5.0  # type: ignore[misc]
    assert hash(scenario) == hash(Scenario())


def test_replace_validates_and_names_unknown_fields():
    assert Scenario().replace(sleep_hours=5, treatments=["cbt"]) == Scenario(
        sleep_hours=5.0, treatments={"cbt"}
    )
    with pytest.raises(ValueError, match="unknown Scenario field 'sleep'"):
        Scenario().replace(sleep=5)
    with pytest.raises(ValueError, match="sleep_hours must be a number from 3 to 10"):
        Scenario().replace(sleep_hours=11)


def test_crp_stops_where_an_acute_cause_should_be_ruled_out():
    assert SCENARIO_FIELDS["crp_mg_l"].maximum == evidence.parameter("crp_acute_from_mg_l")


def test_defaults_are_the_reference_lifestyle():
    reference = model.reference_lifestyle()
    assert {lever: SCENARIO_FIELDS[lever].default for lever in LEVERS} == reference
