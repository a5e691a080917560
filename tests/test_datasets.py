"""The tables in ``datasets/`` against their Frictionless Data Package and against the brief."""

import json
import shutil

import pandas as pd
import pytest
from frictionless import Package

from painmood_widgets.charts import vicious_cycle_links, vicious_cycle_nodes
from painmood_widgets.paths import DATASETS_DIR

DESCRIPTOR = DATASETS_DIR / "datapackage.json"

EVIDENCE_COLUMNS = [
    "parameter",
    "value",
    "unit",
    "meaning",
    "source",
    "evidence_level",
    "notes",
]
COHORT_COLUMNS = [
    "patient",
    "week",
    "age_band",
    "sex",
    "pain_site",
    "sleep_hours",
    "activity_minutes",
    "crp_mg_l",
    "opioid_days",
    "treatments",
    "pain",
    "phq9",
]
DSM5_CRITERIA = [f"A{number}" for number in range(1, 10)]


def _descriptor() -> dict:
    return json.loads(DESCRIPTOR.read_text(encoding="utf-8"))


def _resource_names() -> list[str]:
    return [resource["name"] for resource in _descriptor()["resources"]]


def _errors(report) -> list:
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


def _field_names(resource_name: str) -> list[str]:
    (resource,) = [r for r in _descriptor()["resources"] if r["name"] == resource_name]
    return [field["name"] for field in resource["schema"]["fields"]]


def test_descriptor_is_a_valid_tabular_data_package():
    report = Package.validate_descriptor(str(DESCRIPTOR))
    assert report.valid, _errors(report)
    descriptor = _descriptor()
    assert descriptor["profile"] == "tabular-data-package"
    for resource in descriptor["resources"]:
        assert resource["profile"] == "tabular-data-resource", resource["name"]
        assert resource["schema"]["fields"], resource["name"]
        assert resource["schema"].get("primaryKey"), resource["name"]


@pytest.mark.parametrize("name", _resource_names())
def test_resource_is_valid_against_its_schema(name):
    package = Package(str(DESCRIPTOR))
    resource = package.get_resource(name)
    assert (DATASETS_DIR / resource.path).is_file(), f"{resource.path} is listed but missing"
    report = resource.validate()
    assert report.valid, _errors(report)[:20]


def test_every_csv_is_listed_and_every_listed_file_exists():
    listed = {resource["path"] for resource in _descriptor()["resources"]}
    on_disk = {path.name for path in DATASETS_DIR.glob("*.csv")}
    assert on_disk - listed == set(), "CSV files without a schema in datapackage.json"
    assert listed - on_disk == set(), "resources whose file is missing"
    assert len(listed) == len(_resource_names()), "two resources share a file"


@pytest.mark.parametrize(
    ("name", "good", "bad", "field"),
    [
        ("symptoms", ",A9,", ",A10,", "dsm5_criterion"),
        ("vicious_cycle", "pain,sleep,wakes you at night,", "pain,sleep,,", "label"),
    ],
)
def test_validation_catches_a_broken_table(tmp_path, name, good, bad, field):
    """Negative control: the schemas reject bad rows, so the validity tests can fail."""
    shutil.copy(DESCRIPTOR, tmp_path / DESCRIPTOR.name)
    table = (DATASETS_DIR / f"{name}.csv").read_text(encoding="utf-8")
    broken = table.replace(good, bad, 1)
    assert broken != table
    (tmp_path / f"{name}.csv").write_text(broken, encoding="utf-8")
    report = Package(str(tmp_path / DESCRIPTOR.name)).get_resource(name).validate()
    assert not report.valid
    assert any(error[1] == field for error in _errors(report))


def test_evidence_and_cohort_schemas_keep_the_agreed_columns():
    assert _field_names("evidence") == EVIDENCE_COLUMNS
    assert _field_names("cohort") == COHORT_COLUMNS


@pytest.fixture(scope="module")
def symptoms() -> pd.DataFrame:
    return pd.read_csv(DATASETS_DIR / "symptoms.csv", dtype={"dsm5_criterion": "string"})


def test_each_dsm5_criterion_appears_exactly_once(symptoms):
    counts = symptoms["dsm5_criterion"].dropna().value_counts()
    assert sorted(counts.index) == DSM5_CRITERIA
    assert set(counts) == {1}


def test_depression_flag_means_a_dsm5_criterion(symptoms):
    assert (symptoms["depression"] == symptoms["dsm5_criterion"].notna()).all()
    dsm5_rows = symptoms[symptoms["depression"]]
    assert dsm5_rows["source"].str.contains("DSM-5").all()


def test_at_least_three_overlapping_symptoms(symptoms):
    overlapping = symptoms[symptoms["depression"] & symptoms["chronic_pain"]]
    assert len(overlapping) >= 3
    assert {"sleep_disturbance", "fatigue", "poor_concentration"} <= set(overlapping["symptom"])


def test_chronic_pain_features_include_persistence_beyond_three_months(symptoms):
    pain_only = symptoms[symptoms["chronic_pain"] & ~symptoms["depression"]]
    assert len(pain_only) >= 3
    persistent = symptoms.set_index("symptom").loc["persistent_pain"]
    assert "3 months" in persistent["label"]
    assert bool(persistent["chronic_pain"])


def test_overlap_table_covers_the_core_aspects():
    overlap = pd.read_csv(DATASETS_DIR / "overlap.csv")
    assert list(overlap.columns[:3]) == ["aspect", "chronic_pain", "depression"]
    assert len(overlap) >= 9
    aspects = set(overlap["aspect"].str.lower())
    assert {"core feature", "duration", "sleep", "energy", "cognition", "mood"} <= aspects
    assert overlap[["chronic_pain", "depression"]].map(str.strip).ne("").all().all()


@pytest.fixture(scope="module")
def vicious_cycle() -> pd.DataFrame:
    return pd.read_csv(DATASETS_DIR / "vicious_cycle.csv", dtype=str, keep_default_na=False)


def test_vicious_cycle_links_pain_to_each_node_and_each_back(vicious_cycle):
    nodes = set(vicious_cycle_nodes()["node"])
    others = nodes - {"pain"}
    pairs = set(zip(vicious_cycle["from_node"], vicious_cycle["to_node"], strict=True))
    assert len(pairs) == len(vicious_cycle)
    assert pairs == {("pain", node) for node in others} | {(node, "pain") for node in others}
    assert vicious_cycle[["label", "explanation"]].map(str.strip).ne("").all().all()


def test_vicious_cycle_cites_only_the_studies_its_diagram_cited(vicious_cycle):
    """The links moved from code to data with their citations: each source names a study
    in the references of ``charts.vicious_cycle_links``, and none was made up."""
    references = vicious_cycle_links.__doc__.split("References")[1].split("Examples")[0]
    assert vicious_cycle["source"].str.strip().ne("").all()
    for source in vicious_cycle["source"]:
        surname, year = source.split()[0], source.split(";")[0].split()[-1]
        assert f"{surname} " in references and f"{year};" in references, source
