"""analysis.compute.derive: expectations computed by hand from the report's numbers."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from analysis import cli
from analysis.base import files, io
from analysis.compute import derive
from analysis.records import lookup, vocabulary

REPORT = {  # the report's numbers, typed from the seed text
    "F0003": 11.3, "F0004": 4, "F0007": 282.8, "F0008": 16.8, "F0009": 157.9, "F0010": 15.6,
    "F0011": 10, "F0012": 7.7, "F0027": 200, "F0028": 113.6, "F0001": 275.5, "F0156": 100,
    "F0127": 43.7, "F0128": 88.8, "F0088": 74.5, "F0162": 14.8, "F0166": 56, "F0048": 42.6,
    "F0158": 2, "F0042": 26238, "F0043": 83358,
}  # fmt: skip
# every id ever published with its key (add new ones; never change or drop a line)
PUBLISHED = Path(__file__).parent / "fixtures" / "derived_ids.csv"


@pytest.fixture(scope="module")
def table():
    return derive.from_figures().set_index("key")


def test_the_report_numbers_match_figures_csv():
    for fid, number in REPORT.items():
        assert lookup.figure(fid).value == pytest.approx(number), fid


@pytest.mark.parametrize(
    "key, expected, bound",
    [
        ("revenue_2019", 10.8654, "exact"),  # 11.3 / 1.04
        ("deposits_2019", 242.1233, "exact"),  # 282.8 / 1.168
        ("electricity_2019", 9.2851, "lower"),  # 10 / 1.077, 首次突破 = above 10
        ("electricity_2020_ceiling", 10.77, "upper"),  # 2019 below 10
        ("provincial_projects_plan_2020", 176.0563, "exact"),  # 200 / 1.136
        ("budget_expenditure_2020", 49.2117, "exact"),  # 43.7 / 0.888
        ("gdp_2015", 175.5, "lower"),  # 近百亿: increase under 100
        ("gdp_growth_2016_2020", 9.4382, "upper"),
        ("deposits_2015", 141.4, "lower"),  # 将近翻一番: ratio under 2
        ("deposits_growth_2016_2020", 14.8698, "upper"),
        ("income_growth_2016_2020", 9.3012, "exact"),  # 1.56^(1/5)
        ("rural_income_growth_2017_2020", 9.2773, "exact"),  # 1.426^(1/4)
        ("grain_2020_jin", 14.9, "exact"),  # 74.5万吨 = 14.9亿斤
        ("persons_per_poor_household", 3.177, "exact"),  # 83358 / 26238
        ("loan_deposit_ratio_2020", 55.8345, "exact"),
    ],
)
def test_derived_values_and_bounds(table, key, expected, bound):
    row = table.loc[key]
    assert row["value"] == pytest.approx(expected, abs=1e-4)
    assert row["bound"] == bound


def test_ids_and_keys_are_unique_and_inputs_are_figure_ids():
    frame = derive.from_figures()
    assert frame["id"].is_unique and frame["key"].is_unique
    assert all(key == key.lower() and " " not in key for key in frame["key"])
    assert list(frame["id"]) == sorted(frame["id"])
    assert set(frame["group"]) <= set(derive.GROUPS)
    assert set(frame["bound"]) <= set(vocabulary.BOUNDS)
    for ids in frame["input_ids"]:
        assert all(re.fullmatch(r"F\d{4}|[XC]\d{3}", part) for part in ids.split(";")), ids
    # outside rows only in the groups that compare with outside facts
    outside = frame[frame["input_ids"].str.contains("X|C")]
    assert set(outside["group"]) <= {"context", "fiscal"}


def test_no_id_is_reused_for_another_key():
    with PUBLISHED.open(encoding="utf-8") as handle:
        published = {row["id"]: row["key"] for row in csv.DictReader(handle)}
    current = dict(zip(*derive.from_figures()[["id", "key"]].T.values, strict=True))
    for did, key in published.items():
        if did in derive.RETIRED:
            assert derive.RETIRED[did] == key, f"{did} retired under another key"
            assert did not in current, f"{did} is retired but used again"
        else:
            assert current.get(did) == key, f"{did} was {key}, now {current.get(did)}"
    new = set(current) - set(published)
    assert not new, f"add the new ids to {PUBLISHED.name}: {sorted(new)}"


def test_a_retired_id_cannot_come_back(monkeypatch):
    monkeypatch.setitem(derive.RETIRED, "D001", "revenue_2019")
    with pytest.raises(AssertionError, match="D001 is retired but used again"):
        test_no_id_is_reused_for_another_key()


def test_the_lookup_finds_a_value_by_key_with_its_id_and_inputs():
    record = lookup.derived("revenue_2019")
    assert (record.id, record.origin, record.bound) == ("D001", "derived", "exact")
    assert record.inputs == ("F0003", "F0004")
    assert record.value == pytest.approx(11.3 / 1.04, abs=1e-4)
    assert lookup.record("D001") == record


def test_an_unknown_key_names_the_file_and_the_key():
    from analysis.base.errors import InputError

    with pytest.raises(InputError, match="no_such_value") as info:
        lookup.derived("no_such_value")
    assert "derived.csv" in str(info.value)


def test_committed_file_equals_what_the_code_produces():
    committed = files.derived_csv().read_text(encoding="utf-8")
    assert committed == io.csv_text(derive.from_figures())


def test_check_flag_detects_a_stale_file(tmp_path, monkeypatch, repo_root):
    (tmp_path / "data").mkdir()
    shutil.copy(repo_root / "data" / "figures.csv", tmp_path / "data" / "figures.csv")
    shutil.copytree(repo_root / "seeds", tmp_path / "seeds")
    # the comparisons with outside facts (D050-D079) read the external files
    shutil.copytree(repo_root / "data" / "external", tmp_path / "data" / "external")
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    written = tmp_path / "data" / "derived.csv"
    assert cli.main(["derive", "--check"]) == 1  # no file yet
    assert cli.main(["derive"]) == 0
    assert cli.main(["derive", "--check"]) == 0
    written.write_text(written.read_text(encoding="utf-8").replace("10.8654", "10.8655"))
    assert cli.main(["derive", "--check"]) == 1
    assert cli.main(["derive", "--bogus"]) == 2
