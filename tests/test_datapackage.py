"""data/datapackage.json lists and describes every CSV in data/, each resource validates,\nand data/README.md's tables are generated from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frictionless import Package

from analysis.compute import derive, paths, scoring
from analysis.records import context, coverage, datapackage, figures, lookup, units, vocabulary

DATA = Path(__file__).resolve().parents[1] / "data"
DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["path"]: r for r in DESCRIPTOR["resources"]}
# staging/ holds curators' drafts that the book does not read
UNLISTED_FOLDERS = {"staging"}


def test_every_csv_is_listed():
    csvs = {
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*.csv")
        if p.relative_to(DATA).parts[0] not in UNLISTED_FOLDERS
    }
    assert csvs - set(RESOURCES) == set(), "add these CSVs to data/datapackage.json"


def test_every_listed_file_exists():
    missing = [p for p in RESOURCES if not (DATA / p).is_file()]
    assert missing == []


def test_every_resource_has_a_primary_key_and_types():
    for path, resource in RESOURCES.items():
        schema = resource["schema"]
        names = [f["name"] for f in schema["fields"]]
        assert schema.get("primaryKey"), path
        assert set(schema["primaryKey"]) <= set(names), path
        assert all(f.get("type") for f in schema["fields"]), path


@pytest.mark.parametrize("path", sorted(RESOURCES))
def test_resource_validates(path):
    if not (DATA / path).is_file():
        pytest.fail(f"{path} is listed but missing")
    package = Package(DATA / "datapackage.json")
    resource = package.get_resource(RESOURCES[path]["name"])
    report = resource.validate()
    errors = [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors]
    assert report.valid, errors[:10]


def test_schema_columns_match_the_code():
    fields = lambda p: [f["name"] for f in RESOURCES[p]["schema"]["fields"]]  # noqa: E731
    assert fields("figures.csv") == figures.COLUMNS
    assert fields("excluded_mentions.csv") == coverage.EXCLUDED_COLUMNS
    assert fields("derived.csv") == derive.COLUMNS
    assert fields("paths.csv") == paths.COLUMNS
    assert fields("targets_scored.csv") == scoring.COLUMNS
    assert set(lookup.SCORED_NEEDS) <= set(scoring.COLUMNS)
    assert set(lookup.DERIVED_NEEDS) <= set(derive.COLUMNS)
    assert set(lookup.PATHS_NEEDS) <= set(paths.COLUMNS)
    for name, required in context.REQUIRED.items():
        assert set(required) <= set(fields(f"external/{name}")), name


def test_every_column_is_described():
    undescribed = [
        f"{path}: {f['name']}"
        for path, resource in RESOURCES.items()
        for f in resource["schema"]["fields"]
        if len(f.get("description", "").split()) < 2
    ]
    assert undescribed == []
    assert all(r.get("description") and r.get("title") for r in RESOURCES.values())


def test_data_readme_is_what_the_generator_writes():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert datapackage.readme_text(readme) == readme, "run: python -m analysis readme"
    for name in RESOURCES.values():
        assert f"<!-- generated: columns:{name['name']} -->" in readme, name["name"]


def test_the_readme_generator_rewrites_a_stale_table():
    stale = "<!-- generated: columns:derived -->\n| old |\n<!-- end generated -->\n"
    fresh = datapackage.readme_text(stale)
    assert "| old |" not in fresh and "`key`" in fresh and "Primary key: `id`." in fresh


def test_enums_match_the_vocabularies():
    def enum(path, name):
        (field,) = [f for f in RESOURCES[path]["schema"]["fields"] if f["name"] == name]
        return set(field["constraints"]["enum"])

    assert enum("figures.csv", "unit") == set(units.UNITS)
    assert enum("figures.csv", "kind") == set(vocabulary.KINDS)
    assert enum("figures.csv", "qualifier") == {"", *vocabulary.QUALIFIERS}
    assert enum("derived.csv", "bound") == set(vocabulary.BOUNDS)
    assert enum("derived.csv", "group") == set(derive.GROUPS)
    assert enum("paths.csv", "bound") == set(vocabulary.BOUNDS)
    assert enum("paths.csv", "status") == set(vocabulary.STATUSES)
    assert enum("paths.csv", "price_basis") == set(vocabulary.PRICE_BASES)
    assert enum("targets_scored.csv", "verdict") == set(vocabulary.VERDICTS)
    assert enum("excluded_mentions.csv", "reason") == set(coverage.REASONS)


def test_generate_check_passes_on_the_repository(capsys):
    from analysis import cli

    assert cli.main(["generate", "--check"]) == 0
    out = capsys.readouterr().out
    assert out.count("is up to date") == 4


def test_readme_check_fails_on_a_stale_table(tmp_path, monkeypatch, capsys):
    import shutil

    from analysis import cli

    shutil.copytree(DATA, tmp_path / "data")
    readme = tmp_path / "data" / "README.md"
    table_row = "| `exact` | the number as stated or computed |"
    assert table_row in readme.read_text(encoding="utf-8")
    readme.write_text(readme.read_text(encoding="utf-8").replace(table_row, "| `exakt` | |"))
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    assert cli.main(["readme", "--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert cli.main(["readme"]) == 0
    assert cli.main(["readme", "--check"]) == 0
    assert cli.main(["readme", "--bogus"]) == 2
