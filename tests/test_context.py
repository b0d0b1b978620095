"""External context files: provenance on every row, clear errors, the facts the book uses."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.base.errors import InputError
from analysis.compute import cascade as targets_by_level
from analysis.compute import county_city, scenarios
from analysis.records import context, lookup

CSV = "id,name,value,source,confidence\nA1,x,1,somewhere,high\nA2,y,2,,medium\nA3,z,3,there,sure\n"


def test_every_external_file_has_source_and_confidence():
    for name in (context.TARGETS, context.COUNTY_CRITERIA, context.LI_PANEL):
        frame = context.load(name)
        assert len(frame) > 0
        assert (frame["source"].str.strip() != "").all()
        assert set(frame["confidence"]) <= {"high", "medium", "low"}


def test_copies_match_the_shared_context(repo_root):
    # our copies only add columns (id, source, confidence); the values are the shared ones
    import pandas as pd

    shared = repo_root.parent / "shared" / "context"
    if not shared.exists():
        pytest.skip("shared context folder not beside the repository")
    for name in (context.TARGETS, context.COUNTY_CRITERIA, context.LI_PANEL):
        theirs = pd.read_csv(shared / name, dtype=str, keep_default_na=False)
        ours = context.load(name)[list(theirs.columns)]
        pd.testing.assert_frame_equal(ours.reset_index(drop=True), theirs)


def test_missing_source_names_file_row_column_and_id(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(CSV, encoding="utf-8")
    with pytest.raises(InputError) as info:
        context.read_validated(path)
    problems = info.value.problems
    assert len(problems) == 2  # both bad rows are reported in one run
    empty = problems[0]
    assert (empty.row, empty.column, empty.record) == (3, "source", "A2")
    assert "bad.csv" in str(empty)
    assert (problems[1].row, problems[1].column, problems[1].record) == (4, "confidence", "A3")


def test_missing_column_is_named(tmp_path):
    path = tmp_path / "nocol.csv"
    path.write_text("id,value,source\nA1,1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="column 'confidence'"):
        context.read_validated(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match="missing") as info:
        context.read_validated(tmp_path / "absent.csv")
    assert "absent.csv" in str(info.value)


def test_minquan_facts():
    population = context.minquan_population_2020()
    assert population.value == 746389
    assert population.confidence == "medium"
    base = scenarios.urbanization_base_2020()
    # one third of the way from 39.27 (2019) to 42.87 (2022)
    assert base.value == pytest.approx(39.27 + 3.6 / 3)
    assert base.confidence == "low"


def test_fact_must_be_unique():
    with pytest.raises(InputError, match="found 0"):
        context.fact("Minquan", "GDP growth", "target", "2021")
    henan = lookup.fact("Henan", "GDP growth", "target", "2021")
    assert (henan.value, henan.origin, henan.qualifier, henan.bound) == (
        7,
        "context",
        "以上",
        "lower",
    )
    assert henan.source and henan.confidence == "high"
    assert lookup.record(henan.id) == henan


def test_cascade_keeps_shangqiu_as_not_found():
    cascade = targets_by_level.cascade_2021()
    shangqiu = cascade[cascade["level"] == "Shangqiu"]
    assert shangqiu["value"].isna().all() and set(shangqiu["note"]) == {"not found"}
    gdp = cascade[cascade["indicator"] == "GDP growth"].set_index("level")["value"]
    # the report's 8% against Henan's 7% and the nation's 6% (2021 plans)
    assert (gdp["China"], gdp["Henan"], gdp["Minquan"]) == (6, 7, 8)


def test_county_to_city_by_hand():
    table = county_city.county_to_city(275.5, 11.3).set_index("criterion")
    # 746,389 people on about 1,222 km2: about 611 a km2, the densest tier
    assert table.attrs["density"] == pytest.approx(746389 / 1222)
    assert table.attrs["tier"] == "density_over_400"
    assert table.loc["GDP", "threshold"] == 10
    # 11.3亿元 = 113,000万元; per person 1.13e9 / 746,389 = 1,514 yuan
    assert table.loc["local budget revenue", "minquan_2020"] == pytest.approx(113000)
    assert table.loc["local budget revenue per capita", "minquan_2020"] == pytest.approx(
        1513.96, abs=0.01
    )


def test_density_tiers():
    assert county_city.density_tier(611) == "density_over_400"
    assert county_city.density_tier(400) == "density_100_to_400"
    assert county_city.density_tier(100) == "density_100_to_400"
    assert county_city.density_tier(99.9) == "density_under_100"


def test_an_unknown_hedge_in_a_context_row_is_refused():
    row = {"id": "X999", "value": "5", "unit": "%", "qualifier": "大约", "jurisdiction": "China",
           "indicator": "GDP growth", "measure": "target", "year": "2030", "source": "s",
           "confidence": "high"}  # fmt: skip
    with pytest.raises(InputError, match="unknown qualifier") as info:
        context.as_record(row)
    assert info.value.problems[0].record == "X999"


def test_side_by_side_keeps_indicators_both_levels_target():
    cascade = pd.DataFrame(
        [
            ("GDP growth", "China", 6.0),
            ("GDP growth", "Henan", 7.0),
            ("GDP growth", "Shangqiu", None),
            ("GDP growth", "Minquan", 8.0),
            ("Retail sales", "Henan", 9.0),
            ("Grain", "Minquan", 14.8),
        ],
        columns=["indicator", "level", "value"],
    )
    wide = targets_by_level.side_by_side(cascade)
    assert list(wide.index) == ["GDP growth"]
    assert wide.loc["GDP growth", "Minquan"] - wide.loc["GDP growth", "Henan"] == 1.0
    assert "Shangqiu" not in wide.columns
