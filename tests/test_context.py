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
    for name in (*context.SHARED_COPIES, context.ADDED):
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
    for name in context.SHARED_COPIES:
        theirs = pd.read_csv(shared / name, dtype=str, keep_default_na=False)
        ours = context.load(name)[list(theirs.columns)]
        pd.testing.assert_frame_equal(ours.reset_index(drop=True), theirs)


def test_ids_continue_the_numbering_and_never_repeat():
    frame = context.targets()
    assert frame["id"].is_unique
    more = frame[frame["file"] == context.MORE_TARGETS]["id"]
    assert list(more) == [f"X{n}" for n in range(101, 101 + len(more))]
    assert list(context.events()["id"]) == [f"E{n:02d}" for n in range(1, 5)]


def test_added_facts_are_our_own_with_an_address_and_no_id_in_common(repo_root):
    # added_context.csv is not a copy of the shared folder: no row of it is there, every
    # source gives a URL, and its C ids (from C012) never repeat the 1993 criteria's C001-C011
    added = context.load(context.ADDED)
    assert len(added) > 0 and added["id"].str.fullmatch(r"C\d{3}").all()
    assert added["source"].str.contains(r"\(https?://", regex=True).all()
    assert (added["excerpt"].str.strip() != "").all()
    # one row per fact: a fact found twice by two searches is kept once
    twice = added[added.duplicated(["jurisdiction", "indicator", "measure", "year"], keep=False)]
    assert twice.empty, list(twice["id"])
    criteria = set(context.load(context.COUNTY_CRITERIA)["id"])
    assert not criteria & set(added["id"])
    assert context.ADDED not in context.SHARED_COPIES
    shared = repo_root.parent / "shared" / "context"
    if shared.exists():
        assert not (shared / context.ADDED).exists()
        theirs = pd.concat([pd.read_csv(shared / n, dtype=str, keep_default_na=False)
                            for n in (context.TARGETS, context.MORE_TARGETS)])  # fmt: skip
        key = ["jurisdiction", "indicator", "measure", "year"]
        assert not set(map(tuple, added[key].values)) & set(map(tuple, theirs[key].values))


def test_an_added_fact_is_a_record_by_its_id_and_its_words_hold_its_value():
    fai = lookup.fact("China", "fixed-asset investment growth (全社会)", "realized", "2020")
    assert (fai.id, fai.value, fai.confidence) == ("C013", 2.7, "medium")
    assert lookup.record("C013") == fai and "增長2.7%" in fai.quote
    loss = lookup.record("C025")
    assert loss.value == 1200.6 and "1200.6亿元" in loss.quote and loss.period == "2021"
    for row in context.load(context.ADDED).itertuples():  # each number stands in its excerpt
        # a range (4.5-5) stands in its excerpt by both ends
        value = row.value.lstrip("-")
        for number in value.split("-"):
            assert number in row.excerpt.replace(",", ""), row.id


def test_a_range_is_kept_as_its_ends_and_read_as_its_midpoint():
    # Henan's 2019 target: "7-7.5" (实现了7%~7.5%的年度预期目标)
    frame = context.targets().set_index("id")
    henan = lookup.fact("Henan", "GDP growth", "target", "2019")
    row = frame.loc[henan.id]
    assert (row["value_low"], row["value_high"]) == (7.0, 7.5) and row["value"] != row["value"]
    assert (henan.value, henan.bound) == (7.25, "approximate")


def test_a_bad_value_names_its_file_row_and_id(tmp_path, repo_root, monkeypatch):
    import shutil

    shutil.copytree(repo_root / "data" / "external", tmp_path / "data" / "external")
    path = tmp_path / "data" / "external" / context.MORE_TARGETS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("X103,China,national,2020,per-capita GDP,realized,72447",
                                 "X103,China,national,2020,per-capita GDP,realized,72 447"),
                    encoding="utf-8")  # fmt: skip
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    with pytest.raises(InputError) as info:
        context.targets()
    (problem,) = info.value.problems
    assert (problem.column, problem.record) == ("value", "X103")
    assert context.MORE_TARGETS in str(problem.file)


def test_events_are_records_with_their_date():
    congress = lookup.record("E01")
    assert (congress.period, congress.confidence, congress.kind) == ("2021-06-09", "high", "event")
    assert "商丘市第五届人民代表大会第五次会议" in congress.quote
    approval = lookup.event("E03")
    assert approval.period == "2019-08-29" and "长垣" in approval.quote
    with pytest.raises(InputError, match="no event"):
        lookup.event("E99")


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
    # the 2019 rate plus the 2018-2019 step: 39.27 + (39.27 - 37.73); nothing after 2020 used
    assert base.value == pytest.approx(39.27 + 1.54)
    assert base.confidence == "low"
    assert all(lookup.record(i).period in ("2018", "2019") for i in base.inputs)


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
    # the four money criteria: three tested by the report, industrial output not
    assert table.attrs["money_checked"] == ["GDP", "local budget revenue",
                                            "local budget revenue per capita"]  # fmt: skip
    assert table.attrs["money_not_checked"] == ["township-and-above industrial output"]
    # prices would have to have risen more than 15-fold since 1990: 1,514 / 100 yuan
    assert table.attrs["smallest_multiple"] == pytest.approx(1513.96 / 100, abs=1e-3)
    assert table.loc["GDP", "multiple"] == pytest.approx(275.5 / 10)


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
