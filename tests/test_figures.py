"""Loading and validating data/figures.csv (on a fixture built from seed quotes)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from analysis.base.errors import InputError
from analysis.records import figures, lookup, units, vocabulary

FIXTURE = Path(__file__).parent / "fixtures" / "figures_valid.csv"


@pytest.fixture
def valid(tmp_path):
    path = tmp_path / "figures.csv"
    shutil.copy(FIXTURE, path)
    return path


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(path):
    with pytest.raises(InputError) as info:
        figures.load(path)
    return info.value.problems


def test_fixture_loads_with_numbers(valid):
    frame = figures.load(valid)
    assert len(frame) == 6
    assert frame.loc["F0001", "value"] == 275.5  # 275.5亿元, by hand
    assert frame.loc["F0005", "value_std"] == 1e10  # 近百亿元 = 100 x 1e8
    assert frame.loc["F0006", "value"] == 2  # 翻了一番


def test_cache_rereads_an_edited_file(valid):
    assert figures.load(valid).loc["F0001", "indicator"] == "GDP"
    edit(valid, "F0001,p1.head,GDP,生产总值", "F0001,p1.head,Gross domestic product,生产总值")
    later = time.time() + 5
    os.utime(valid, (later, later))
    assert figures.load(valid).loc["F0001", "indicator"] == "Gross domestic product"


def test_the_lookup_rereads_an_edited_file(tmp_path, monkeypatch, repo_root):
    (tmp_path / "data").mkdir()
    shutil.copy(repo_root / "data" / "figures.csv", tmp_path / "data" / "figures.csv")
    shutil.copytree(repo_root / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    assert lookup.figure("F0001").label == "GDP"
    edit(tmp_path / "data" / "figures.csv", "F0001,p1.head,GDP,", "F0001,p1.head,GDP (edited),")
    later = time.time() + 5
    os.utime(tmp_path / "data" / "figures.csv", (later, later))
    assert lookup.figure("F0001").label == "GDP (edited)"


def test_unknown_id_is_named():
    with pytest.raises(InputError, match="F9999") as info:
        lookup.figure("F9999")
    assert "figures.csv" in str(info.value)


def test_a_figure_record_carries_value_unit_bound_and_quote():
    gdp = lookup.figure("F0001")
    assert (gdp.value, gdp.unit, gdp.bound, gdp.origin) == (275.5, "亿元", "exact", "report")
    assert "275.5亿元" in gdp.quote and gdp.label_zh == "生产总值"
    increase = lookup.figure("F0156")  # 较2015年提高近百亿元
    assert (increase.qualifier, increase.bound) == ("近", "upper")


def test_all_problems_reported_at_once(valid):
    edit(valid, ",亿元,27550000000,", ",亿圆,27550000000,")
    edit(valid, ",2020,rank,", ",2020-2019,rank,")
    found = {(p.row, p.column, p.record) for p in problems(valid)}
    assert (2, "unit", "F0001") in found
    assert (4, "period", "F0003") in found


def test_value_std_must_match_factor(valid):
    edit(valid, "27550000000", "2755000000")
    (p,) = problems(valid)
    assert (p.row, p.column, p.record) == (2, "value_std", "F0001")


def test_unit_std_must_match(valid):
    edit(valid, ",27550000000,CNY,", ",27550000000,USD,")
    (p,) = problems(valid)
    assert p.column == "unit_std"


def test_quote_offset_must_point_at_quote(valid):
    edit(valid, ",354,", ",355,")
    (p,) = problems(valid)
    assert (p.column, p.record) == ("quote_offset", "F0001")


def test_value_must_be_inside_quote(valid):
    edit(
        valid,
        "F0003,p1.t4,Rank of the high-tech zone,综合排序,8,位次,8",
        "F0003,p1.t4,Rank of the high-tech zone,综合排序,9,位次,9",
    )
    (p,) = problems(valid)
    assert (p.column, p.record) == ("value", "F0003")


def test_quote_must_lie_in_its_section(valid):
    edit(valid, "F0003,p1.t4,", "F0003,p1.t3,")  # 综合排序…第八位 is in p1.t4
    (p,) = problems(valid)
    assert (p.column, p.record) == ("section", "F0003") and "p1.t4" in p.message


@pytest.mark.parametrize(("old", "new", "column"), [
    (",level,", ",lvl,", "kind"),
    (",change_vs_base,近,", ",change_vs_base,大约是,", "qualifier"),
    ("F0002,p1.head", "F002,p1.head", "id"),
    ("F0002,p1.head", "F0002,p9.nowhere", "section"),
    (",446,", ",4x6,", "quote_offset"),
])  # fmt: skip
def test_bad_cells(valid, old, new, column):
    edit(valid, old, new)
    assert column in {p.column for p in problems(valid)}


@pytest.mark.parametrize(
    ("period", "ok"),
    [("2020", True), ("2016-2020", True), ("to-2020", True), ("2035", True),
     ("2020-2016", False), ("2020-2020", False), ("20", False), ("2020年", False), ("", False)],
)  # fmt: skip
def test_period_rule(period, ok):
    assert figures.period_ok(period) is ok


def test_vocabularies_are_documented():
    readme = (Path(__file__).resolve().parents[1] / "data" / "README.md").read_text(
        encoding="utf-8"
    )
    for word in [*vocabulary.KINDS, *vocabulary.QUALIFIERS, *units.UNITS, *vocabulary.BOUNDS,
                 *vocabulary.STATUSES]:  # fmt: skip
        assert f"`{word}`" in readme, word


def test_every_qualifier_has_a_bound_direction():
    for meaning, bound in vocabulary.QUALIFIERS.values():
        assert meaning and bound in vocabulary.BOUNDS


def test_repository_figures_validate():
    """The curated data/figures.csv passes every check (all problems listed if not)."""
    frame = figures.load()
    assert frame["id"].is_unique and len(frame) > 0
