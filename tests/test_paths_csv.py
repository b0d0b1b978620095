"""data/paths.csv (analysis.compute.paths): current, complete, hand-checked where it matters, failing loudly."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analysis import cli
from analysis.base.io import csv_text
from analysis.compute import cascade, paths
from analysis.records import lookup, vocabulary

TARGET_KINDS = {"target_level", "target_count", "target_share", "target_growth"}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return paths.build()


def test_committed_file_is_what_the_code_produces(repo_root, table):
    committed = (repo_root / "data" / "paths.csv").read_text(encoding="utf-8")
    assert committed == csv_text(table), "run: python -m analysis paths"


def test_chapters_read_the_file_the_code_writes(table):
    read = lookup.paths()
    assert list(read.columns) == list(table.columns)
    pd.testing.assert_frame_equal(read, table, check_dtype=False)


def test_bounds_and_statuses_are_one_vocabulary_each(table):
    with_path = table[table["scenario"] != "none"]
    assert set(with_path["bound"]) <= set(vocabulary.BOUNDS)
    assert set(with_path["status"]) <= set(vocabulary.STATUSES)
    none = table[table["scenario"] == "none"]
    assert set(none["bound"]) == {""} and set(none["status"]) == {""}


def test_bound_and_status_by_hand(table):
    first = table.drop_duplicates("path_id").set_index("path_id")
    # 8%左右 held for 15 years: approximate, an ambition, not the central case
    assert tuple(first.loc["gdp:target_2021_held", ["bound", "status"]]) == (
        "approximate",
        "ambition",
    )
    # targets stepping down from 8%左右 to Henan's 5.5%左右: an illustration of what the
    # county's targets may have been; the central case is Henan's realized growth plus 1
    assert tuple(first.loc["gdp:targets_step_down", ["bound", "status"]]) == (
        "approximate", "illustration")  # fmt: skip
    assert tuple(first.loc["gdp:henan_plus_margin", ["bound", "status"]]) == ("exact", "central")
    # one-year targets held to 2025 are illustrations, not central
    held = first[first.index.str.endswith(("target_2021_held", "floor_held"))
                 & ~first.index.str.startswith("gdp:")]  # fmt: skip
    assert len(held) >= 5 and (held["status"] == "illustration").all()
    assert (first["status"] == "central")[first.index.str.startswith("gdp:")].sum() == 1
    # 近百亿 makes the 2016-2020 pace an upper bound; a past pace is a reference
    assert tuple(first.loc["gdp:implied_2016_2020_average", ["bound", "status"]]) == (
        "upper", "reference")  # fmt: skip
    assert first.loc["gdp:henan_14th_fyp", "status"] == "reference"
    assert first.loc["gdp:doubling_by_2035", "status"] == "ambition"
    assert tuple(first.loc["gdp:above_averages_floor", ["bound", "status"]]) == (
        "lower", "ambition")  # fmt: skip
    assert first.loc["gdp:above_averages_2021_margin", "status"] == "illustration"
    # 力争 leaves the number exact and makes it an ambition
    aim = lookup.figure("F0440")
    assert aim.qualifier == "力争"
    assert tuple(first.loc["target_F0440:as_set", ["bound", "status"]]) == ("exact", "ambition")
    # 5800人以上 repeated: a lower bound, an illustration
    assert tuple(first.loc["new_urban_jobs:2021_amount_repeated", ["bound", "status"]]) == (
        "lower", "illustration")  # fmt: skip


def test_every_2021_target_with_a_number_has_a_row(table):
    figs = lookup.figures()
    wanted = figs[
        (figs["period"] == "2021")
        & (figs["kind"].isin(TARGET_KINDS) | (figs["kind"] == "change_vs_base"))
    ]["id"]
    cited = set(";".join(table["input_ids"]).split(";"))
    missing = sorted(set(wanted) - cited)
    assert not missing, f"2021 targets without a path row: {missing}"


def test_rows_have_a_value_or_a_reason_never_both(table):
    has_value = table["value"].notna()
    has_reason = table["reason_no_path"].fillna("") != ""
    assert (has_value ^ has_reason).all()
    assert set(table.loc[has_reason, "path_id"]) >= {"cpi:none", "constraint_indicators:none"}


def test_sorted_and_unique(table):
    assert not table.duplicated(["path_id", "year"]).any()
    assert table.equals(table.sort_values(["path_id", "year"]).reset_index(drop=True))


def gdp(table, scenario, year):
    row = table[(table["path_id"] == f"gdp:{scenario}") & (table["year"] == year)]
    assert len(row) == 1
    return float(row["value"].iloc[0])


def test_gdp_scenarios_by_hand(table):
    # 275.5 x 1.08^5 = 275.5 x 1.4693281 = 404.80
    assert gdp(table, "target_2021_held", 2025) == pytest.approx(404.80, abs=0.01)
    # doubling by 2035 ends at exactly twice 275.5
    assert gdp(table, "doubling_by_2035", 2035) == pytest.approx(551.0, abs=0.01)
    # Henan's 6%: 275.5 x 1.06^5 = 275.5 x 1.3382256 = 368.68
    assert gdp(table, "henan_14th_fyp", 2025) == pytest.approx(368.68, abs=0.01)
    # the 2016-2020 pace: 175.5 -> 275.5 in five years, so five more years multiply
    # 2020 by the same factor again: 275.5 x 275.5 / 175.5 = 432.48
    assert gdp(table, "implied_2016_2020_average", 2025) == pytest.approx(432.48, abs=0.01)
    # the floor of 'above the averages' is the higher realized average of 2021-2025: China's
    # 8.1, 3.0, 5.2, 5.0, 5.0 (Henan's 6.3, 3.1, 4.1, 5.1, 5.6 compound to less)
    china = 1.081 * 1.03 * 1.052 * 1.05 * 1.05
    assert china > 1.063 * 1.031 * 1.041 * 1.051 * 1.056
    assert gdp(table, "above_averages_floor", 2025) == pytest.approx(275.5 * china, abs=1e-3)
    assert 2030 not in set(table.loc[table["path_id"] == "gdp:above_averages_floor", "year"])
    # the central case: Henan's realized growth plus 0.60 x one point of target margin
    m = 0.006  # the chapter's β (0.60) to two decimals: the level to within 0.1
    central = 275.5 * (1.063 + m) * (1.031 + m) * (1.041 + m) * (1.051 + m) * (1.056 + m)
    assert gdp(table, "henan_plus_margin", 2025) == pytest.approx(central, abs=0.1)
    scenarios = set(table.loc[table["path_id"].str.startswith("gdp:"), "scenario"])
    assert len(scenarios) >= 5


def test_step_down_by_hand(table):
    rows = table[table["path_id"] == "gdp:targets_step_down"].set_index("year")
    # 8% in 2021 to 5.5% in 2025 in four equal steps of 0.625, then 5.5% held
    assert list(rows.loc[2021:2026, "rate"]) == pytest.approx([0.08, 0.07375, 0.0675, 0.06125,
                                                               0.055, 0.055])  # fmt: skip
    level = 275.5 * 1.08 * 1.07375 * 1.0675 * 1.06125 * 1.055
    assert rows.loc[2025, "value"] == pytest.approx(level, abs=1e-3)
    # Henan's realized growth 2021-2025 (6.3, 3.1, 4.1, 5.1, 5.6) applied to Minquan
    henan = table[table["path_id"] == "gdp:henan_realized_2021_2025"].set_index("year")["value"]
    assert henan.index.max() == 2025
    assert henan[2025] == pytest.approx(275.5 * 1.063 * 1.031 * 1.041 * 1.051 * 1.056, abs=1e-3)


def test_rates_reproduce_the_values(table):
    with_rate = table[table["rate"].notna()]
    assert len(with_rate) > 100
    previous = table.set_index(["path_id", "year"])["value"]
    for row in with_rate.itertuples():
        before = previous[(row.path_id, row.year - 1)]
        assert row.value == pytest.approx(before * (1 + row.rate), rel=1e-5, abs=1e-3)
    # additive and cumulative paths carry no rate
    assert table.loc[table["path_id"] == "urbanization:target_2021_held", "rate"].isna().all()
    assert table.loc[table["path_id"].str.endswith("2021_amount_repeated"), "rate"].isna().all()


def test_every_path_has_a_price_basis_that_fits_its_unit(table):
    with_path = table[table["scenario"] != "none"]
    assert set(with_path["price_basis"]) <= set(vocabulary.PRICE_BASES)
    first = with_path.drop_duplicates("path_id").set_index("path_id")
    # the GDP targets are real: paths at 2020 prices
    assert first.loc["gdp:targets_step_down", "price_basis"] == "real"
    assert first.loc["gdp:targets_step_down", "unit"] == "亿元, 2020 prices"
    # the 2016-2020 pace from current-price levels is nominal, its deflated twin real
    assert first.loc["gdp:implied_2016_2020_average", "price_basis"] == "nominal"
    assert first.loc["gdp:implied_2016_2020_average_real", "price_basis"] == "real"
    # budget revenue's 7% is nominal; industrial value added's index is an index
    assert first.loc["budget_revenue:target_2021_held", "unit"] == "亿元, current prices"
    assert first.loc["index_F0402:target_2021_held", "price_basis"] == "index"
    assert first.loc["grain:floor_held", "price_basis"] == "physical"
    paths.check_price_bases(table)  # the committed paths pass


def test_a_real_rate_applied_to_a_nominal_level_fails(table):
    from analysis.base.errors import InputError

    # a path labelled nominal built from the real GDP target
    wrong = table.copy()
    rows = wrong["path_id"] == "gdp:target_2021_held"
    wrong.loc[rows, "price_basis"] = "nominal"
    wrong.loc[rows, "unit"] = "亿元, current prices"
    with pytest.raises(InputError, match="F0401, a real growth target") as info:
        paths.check_price_bases(wrong)
    assert info.value.problems[0].record == "gdp:target_2021_held"
    # a nominal rate drawn on a 2020-prices axis: the nominal path with a real unit
    wrong = table.copy()
    rows = wrong["path_id"] == "gdp:implied_2016_2020_average"
    wrong.loc[rows, "unit"] = "亿元, 2020 prices"
    with pytest.raises(InputError, match="needs 'current prices'"):
        paths.check_price_bases(wrong)
    # the nominal revenue target drawn as real
    wrong = table.copy()
    rows = wrong["path_id"] == "budget_revenue:target_2021_held"
    wrong.loc[rows, ["price_basis", "unit"]] = ["real", "亿元, 2020 prices"]
    with pytest.raises(InputError, match="F0406, a nominal growth target"):
        paths.check_price_bases(wrong)


def test_the_gdp_chart_draws_nominal_readings_apart_from_real_ones(table):
    """No nominal level on the axis at 2020 prices: the nominal 2016-2020 pace gets an axis
    of its own, at current prices; a reading of another price basis is refused."""
    import matplotlib.pyplot as plt

    from analysis.charts import lines

    fig = lines.gdp_scenarios(table, [])
    real_ax, nominal_ax = fig.axes
    assert "2020 prices" in real_ax.get_xlabel() and "current prices" in nominal_ax.get_xlabel()
    levels = table[table["path_id"].str.startswith("gdp:") & table["year"].isin([2025, 2035])]
    nominal = set(levels.loc[levels["price_basis"] == "nominal", "value"].round(6))
    real = set(levels.loc[levels["price_basis"] == "real", "value"].round(6))

    def drawn(ax):
        return {round(float(x), 6) for c in ax.collections for x, _ in c.get_offsets()}

    assert nominal and drawn(nominal_ax) == nominal
    assert drawn(real_ax) == real and not drawn(real_ax) & nominal
    labels = [t.get_text() for t in real_ax.get_yticklabels()]
    assert "Central case" in labels and "Illustrations" in labels  # statuses readable
    assert len(fig.book_data) == len(levels.dropna(subset=["value"]))
    plt.close(fig)
    wrong = table.copy()
    wrong.loc[wrong["path_id"] == "gdp:doubling_by_2035", "price_basis"] = "index"
    with pytest.raises(ValueError, match="neither real nor nominal"):
        lines.gdp_scenarios(wrong, [])


def test_a_growth_target_without_a_price_basis_is_refused():
    from analysis.base.errors import InputError

    with pytest.raises(InputError, match="no price basis"):
        paths.rate_basis("F0999")


def test_urbanization_keeps_its_low_confidence(table):
    rows = table[table["path_id"] == "urbanization:target_2021_held"]
    assert set(rows["confidence"]) == {"low"}
    assert rows["external_ids"].iloc[0] != ""
    step = rows.set_index("year")["value"]
    assert step[2025] - step[2020] == pytest.approx(7.5)
    # built from 2018-2019 only: 39.27 + (39.27 - 37.73), so 2022 and 2023 remain a check
    assert step[2020] == pytest.approx(40.81)
    assert set(rows["external_ids"].iloc[0].split(";")) == {"X056", "X057"}


def test_cumulative_jobs_by_hand(table):
    rows = table[table["path_id"] == "new_urban_jobs:2021_amount_repeated"].set_index("year")
    assert rows.loc[2025, "value"] == 5 * 5800


def make_root(tmp_path, repo_root):
    (tmp_path / "data").mkdir()
    shutil.copy(repo_root / "_config.yml", tmp_path / "_config.yml")
    shutil.copytree(repo_root / "seeds", tmp_path / "seeds")
    shutil.copytree(repo_root / "data" / "external", tmp_path / "data" / "external")
    figs = lookup.figures()
    figs.to_csv(tmp_path / "data" / "figures.csv", index=False)
    return figs


def test_cli_writes_the_file(tmp_path, repo_root, monkeypatch, table):
    make_root(tmp_path, repo_root)
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    assert cli.main(["paths"]) == 0
    written = pd.read_csv(tmp_path / "data" / "paths.csv")
    assert len(written) == len(table)
    assert not list((tmp_path / "data").glob(".paths.csv.*"))  # no temporary file left


def test_cli_fails_cleanly_when_a_figure_is_missing(tmp_path, repo_root, monkeypatch, capsys):
    figs = make_root(tmp_path, repo_root)
    figs = figs[figs["id"] != "F0001"]  # the 2020 GDP every GDP path starts from
    figs.to_csv(tmp_path / "data" / "figures.csv", index=False)
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    assert cli.main(["paths"]) == 1
    err = capsys.readouterr().err
    assert "figures.csv" in err and "F0001" in err and "Traceback" not in err
    assert not (tmp_path / "data" / "paths.csv").exists()


def test_check_mode_writes_nothing_and_fails_on_a_stale_file(tmp_path, repo_root, monkeypatch):
    make_root(tmp_path, repo_root)
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    assert cli.main(["paths", "--check"]) == 1  # no file yet
    assert not (tmp_path / "data" / "paths.csv").exists()
    assert cli.main(["paths"]) == 0
    assert cli.main(["paths", "--check"]) == 0
    assert cli.main(["paths", "--bogus"]) == 2


def test_charts_carry_their_source_lines(table):
    import warnings

    import matplotlib.pyplot as plt

    from analysis.charts import dots, lines

    levels = cascade.cascade_2021()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph would warn
        charts = [
            lines.gdp_scenarios(table, lookup.records(";".join(table["input_ids"][:40]))),
            dots.target_cascade(levels, lookup.records(levels.loc[levels["id"] != "", "id"])),
        ]
        for fig in charts:
            fig.canvas.draw()
    for fig in charts:
        texts = " ".join(t.get_text() for t in fig.texts)
        assert texts.startswith("Source:")
        assert "F0001" in texts or "F0401" in texts
        plt.close(fig)


def test_a_bad_word_in_the_generated_file_is_named(tmp_path, repo_root, monkeypatch):
    from analysis.base.errors import InputError

    (tmp_path / "data").mkdir()
    text = (repo_root / "data" / "paths.csv").read_text(encoding="utf-8")
    first = text.splitlines()[1]
    broken = first.replace(",exact,illustration,", ",aspiration,illustration,", 1)
    assert broken != first
    (tmp_path / "data" / "paths.csv").write_text(text.replace(first, broken), encoding="utf-8")
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    with pytest.raises(InputError) as info:
        lookup.paths()
    (problem,) = info.value.problems
    assert (problem.row, problem.column) == (2, "bound") and "paths.csv" in str(problem.file)
    assert problem.record == first.split(",")[0]


def test_income_paths_say_real_or_nominal_and_follow_the_central_gdp_path(table):
    """The past pace is nominal (a 56% rise over 2016-2020 at current prices); the goal
    'income growth above economic growth' is read on the central GDP path (real)."""
    income = table[table["path_id"].str.startswith("income:")].set_index(["scenario", "year"])
    past = income.loc["implied_2016_2020_average"]
    assert past.loc[2025, "value"] == pytest.approx(100 * 1.56, abs=1e-3)  # the 2016-2020 factor
    assert past.loc[2025, "unit"].endswith("current prices")
    floor = income.loc["at_least_central_gdp"]
    assert floor.loc[2025, "unit"].endswith("real") and floor.loc[2025, "bound"] == "lower"
    # the same factor as the central GDP path: 2025 GDP / 275.5 (Henan's growth + 0.60 point)
    gdp_2025 = float(gdp(table, "henan_plus_margin", 2025))
    assert floor.loc[2025, "value"] == pytest.approx(100 * gdp_2025 / 275.5, abs=1e-3)
    m = 0.006
    by_hand = 100 * (1.063 + m) * (1.031 + m) * (1.041 + m) * (1.051 + m) * (1.056 + m)
    assert floor.loc[2025, "value"] == pytest.approx(by_hand, abs=0.05)
    assert "at_least_gdp_target" not in set(table["scenario"])


def test_the_urbanization_rate_is_a_share_not_a_physical_quantity(table):
    urb = table[table["path_id"] == "urbanization:target_2021_held"]
    assert set(urb["price_basis"]) == {"share"}


def test_prices_label_names_the_index_basis():
    from analysis.compute import scenarios

    assert scenarios.prices_label("index", "index, 2020 = 100, current prices") == "index, nominal"
    assert scenarios.prices_label("index", "index, 2020 = 100, volume") == "index, real"
    assert scenarios.prices_label("real", "亿元, 2020 prices") == "real"
    with pytest.raises(ValueError, match=r"paths\.csv"):
        scenarios.prices_label("index", "index, 2020 = 100")
