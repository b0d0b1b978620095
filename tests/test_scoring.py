"""The 2021 targets scored: each hedge's rule on hand-made cases, and the committed file.

The rules (analysis.compute.scoring): 以上 and a plain number are floors with no
slack; 左右 allows a shortfall of a quarter of a point; a ceiling (the CPI target)
is met at or below the number plus that tolerance; 力争 is scored against its
number and flagged; a range is met from its lower end; no outcome is unknown.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import cli
from analysis.base.io import csv_text
from analysis.compute import scoring
from analysis.compute.scoring import CEILING, FLOOR, verdict
from analysis.records import lookup


@pytest.mark.parametrize(
    "target, outcome, qualifier, direction, unit, low, expected",
    [
        (7, 7.0, "以上", FLOOR, "%", None, "met"),  # exactly the floor
        (7, 6.9, "以上", FLOOR, "%", None, "missed"),  # 以上 just missed: no slack
        (7, 6.99, "不低于", FLOOR, "%", None, "missed"),
        (8, 7.8, "左右", FLOOR, "%", None, "met"),  # 左右, slightly under, within 0.25
        (8, 7.75, "左右", FLOOR, "%", None, "met"),  # at the edge of the tolerance
        (8, 7.7, "左右", FLOOR, "%", None, "missed"),  # beyond it
        (8, 9.5, "左右", FLOOR, "%", None, "met"),  # beating an expected target is meeting it
        (1.5, 1.3, "左右", FLOOR, "个百分点", None, "met"),  # points: the same quarter point
        (1.3, 1.02, "左右", FLOOR, "个百分点", None, "missed"),  # Henan's urbanization, 2021
        (3, 3.2, "左右", CEILING, "%", None, "met"),  # a ceiling: a little above is 左右
        (3, 3.3, "左右", CEILING, "%", None, "missed"),
        (3, 0.9, "左右", CEILING, "%", None, "met"),  # far below a ceiling is met
        (3, 3.1, "", CEILING, "%", None, "missed"),  # a plain ceiling: no slack
        (100, 99.0, "力争", FLOOR, "%", None, "missed"),  # 力争 scored against its number
        (7.25, 7.0, "", FLOOR, "%", 7.0, "met"),  # the range 7-7.5 from its lower end
        (7.25, 6.9, "", FLOOR, "%", 7.0, "missed"),
        (5800, 5700, "左右", FLOOR, "人", None, "met"),  # other units: relative tolerance
        (5800, 5600, "左右", FLOOR, "人", None, "missed"),  # 5800 x 0.25/8 = 181.25
        (8, None, "左右", FLOOR, "%", None, "unknown"),
        (8, float("nan"), "以上", FLOOR, "%", None, "unknown"),
    ],
)
def test_each_hedge_is_honoured(target, outcome, qualifier, direction, unit, low, expected):
    assert verdict(target, outcome, qualifier, direction, unit, low) == expected


def test_a_wrong_direction_is_refused():
    with pytest.raises(ValueError, match="direction"):
        verdict(8, 8, "", "sideways")


@pytest.fixture(scope="module")
def scored() -> pd.DataFrame:
    return scoring.scored().set_index("id")


def test_committed_file_is_what_the_code_produces(repo_root):
    committed = (repo_root / "data" / "targets_scored.csv").read_text(encoding="utf-8")
    assert committed == csv_text(scoring.scored()), "run: python -m analysis scores"
    read = lookup.targets_scored()
    assert list(read["id"]) == list(scoring.scored()["id"])


def test_every_2021_target_has_one_verdict(scored):
    figs = lookup.figures()
    wanted = figs[(figs["period"] == "2021") & figs["kind"].isin(scoring.SCORED_KINDS)]["id"]
    # the key-project lists' size and lifetime cost describe a plan and are left out:
    # 重点项目184个, 总投资589.9亿元, 省市重点项目54个, 总投资265亿元; 55 − 4 = 51 scored
    assert sorted(scored.index) == sorted(set(wanted) - {"F0413", "F0414", "F0416", "F0417"})
    assert len(scored) == 51 and "F0415" in scored.index and "F0418" in scored.index
    assert [lookup.figure(i).value for i in scoring.PLAN_DESCRIPTIONS] == [184, 589.9, 54, 265]
    assert set(scored["verdict"]) <= {"met", "missed", "unknown"}
    # the eight main expected targets, the urbanization step (change_vs_base) among them
    main = scored[scored["group"] == "main target"]
    assert len(main) == 8 and "F0407" in main.index


def test_minquan_is_unknown_with_what_was_searched(scored):
    # no 2021 outcome for Minquan is in the context files
    assert (scored["verdict"] == "unknown").all() and scored["outcome_id"].fillna("").eq("").all()
    assert scored["outcome_note"].str.contains("not found").all()
    # its urbanization rate exists for 2022 and 2023 only: named, not used as 2021's
    assert "2022: 42.87%" in scored.loc["F0407", "outcome_note"]


def test_hedges_and_directions_in_the_file(scored):
    assert scored.loc["F0405", "direction"] == "ceiling"  # 居民消费价格涨幅3%左右
    assert (scored.drop(index="F0405")["direction"] == "floor").all()
    assert scored.loc["F0401", "tolerance"] == 0.25  # 8%左右
    assert scored.loc["F0403", "tolerance"] == 0  # 7%以上
    assert scored.loc["F0440", "ambition"] == "yes"  # 力争…100%


def test_benchmarks_by_hand(scored):
    gdp = scored.loc["F0401"]
    # Henan 6.3 against 7%以上: missed; China 8.1 against 6%以上: met
    assert (gdp["henan_outcome"], gdp["henan_verdict"]) == (6.3, "missed")
    assert (gdp["china_outcome"], gdp["china_verdict"]) == (8.1, "met")
    cpi = scored.loc["F0405"]  # 0.9% against ceilings of 3%左右: met at both levels
    assert (cpi["henan_verdict"], cpi["china_verdict"]) == ("met", "met")
    # Henan's urbanization rose 1.02 points against 1.3左右: missed even with the tolerance
    urb = scored.loc["F0407"]
    assert (urb["henan_outcome"], urb["henan_verdict"]) == (1.02, "missed")
    # China's 2021 outcomes found in round 3 (C210, C211); no national target, so no verdict
    assert urb["china_outcome"] == 0.83  # 「比2020年末提高0.83个百分点」
    assert scored.loc["F0404", "china_outcome"] == 12.5
    assert "C211" in urb["china_ids"] and "C210" in scored.loc["F0404", "china_ids"]
    # a level without its own target gets no verdict
    assert scored.loc["F0402", "china_verdict"] == "" or pd.isna(
        scored.loc["F0402", "china_verdict"]
    )


def test_cli_writes_and_checks(tmp_path, repo_root, monkeypatch):
    import shutil

    shutil.copytree(repo_root / "data", tmp_path / "data")
    shutil.copytree(repo_root / "seeds", tmp_path / "seeds")
    (tmp_path / "data" / "targets_scored.csv").unlink()
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    assert cli.main(["scores", "--check"]) == 1
    assert cli.main(["scores"]) == 0
    assert cli.main(["scores", "--check"]) == 0
    assert cli.main(["scores", "--bogus"]) == 2
