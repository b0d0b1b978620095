"""CITATION.cff is valid Citation File Format 1.2 and names both licences.

Validated with the installed jsonschema against the CFF 1.2.0 schema kept in
tests/fixtures (cffconvert, the usual validator, pins a conflicting jsonschema).
"""

from __future__ import annotations

import json
import tomllib

import jsonschema
import pytest
import yaml

from conftest import ROOT

SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "cff-1.2.0-schema.json").read_text("utf-8"))


def citation() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def validate(document: dict) -> None:
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)


def test_citation_file_is_valid_cff_1_2():
    document = citation()
    assert document["cff-version"] == "1.2.0"
    validate(document)


def test_the_schema_check_can_fail():
    document = citation()
    document["license"] = "not-a-licence"
    with pytest.raises(jsonschema.ValidationError):
        validate(document)
    del document["license"]
    document["authors"] = []
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_both_licences_are_listed_and_match_the_package_metadata():
    licences = citation()["license"]
    assert sorted(licences) == ["CC-BY-4.0", "MIT"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name
