"""Fixes to the curated records found by an independent check of sampled records.

Each test states the rule that would have caught the error, and checks it on
the whole dataset, not only on the record that was wrong.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.records import coverage, lookup
from analysis.records.figures import PLAN_YEAR, period_problems
from analysis.records.vocabulary import KINDS, TARGET_KINDS


@pytest.fixture(scope="module")
def figs():
    return lookup.figures()


def test_civil_affairs_funds_are_the_2020_total(figs):
    """「累计发放各类民政资金1.5亿元」: the campaign-long subsidies of the same
    programmes to poor households (3.43亿元) exceed it, so it is one year."""
    whole, part = figs.loc["F0129"], figs.loc["F0054"]
    assert part["value"] > whole["value"]  # 3.43 > 1.5
    assert whole["period"] == "2020"


def test_targets_stated_as_a_change_have_a_target_kind(figs):
    assert "target_change" in KINDS and "target_change" in TARGET_KINDS
    assert figs.loc["F0407", "kind"] == "target_change"


def test_every_number_for_the_plan_year_is_counted_as_a_target(figs):
    plan_year = figs[figs["period"] == PLAN_YEAR]
    assert len(plan_year) == 55  # counted by hand in the 2021 sections of the report
    assert plan_year["kind"].isin(TARGET_KINDS).all()
    assert int(figs["kind"].isin(TARGET_KINDS).sum()) == 55


def test_the_validator_refuses_a_plan_year_number_without_a_target_kind():
    row = {"period": "2021", "kind": "change_vs_base", "quote": "城镇化率提高1.5个百分点左右"}
    assert [column for _, column in period_problems(row)] == ["kind"]
    assert period_problems({**row, "kind": "target_change"}) == []


def test_a_change_over_a_base_year_starts_the_year_after_it(figs):
    assert figs.loc["F0048", "period"] == "2017-2020"  # 较2016年: four years of growth
    assert figs.loc["F0166", "period"] == "2016-2020"  # 较2015年: five years
    for _, row in figs.iterrows():
        assert period_problems(row.to_dict()) == [], row["id"]


def test_the_validator_refuses_a_base_year_read_as_the_first_year():
    row = {"period": "2016-2020", "kind": "growth_rate", "quote": "较2016年增长42.6%"}
    assert [column for _, column in period_problems(row)] == ["period"]
    assert period_problems({**row, "period": "2017-2020"}) == []


def test_the_platform_counts_its_parks_alike(figs):
    """「“1+4+6”（“一区四园”和乡镇六个工业园）」: the four parks and the six
    township parks are both counts; the digits of the name are both names."""
    f456, f163 = figs.loc["F0456"], figs.loc["F0163"]
    assert (f456["value"], f456["kind"]) == (4, "count")
    assert (f163["value"], f163["kind"]) == (6, "count")
    ledger = {(e.mention.start, e.mention.text): e for e in coverage.check()}
    assert ledger[(6813, "四")].status == ledger[(6819, "六")].status == "used"
    excluded = pd.read_csv(coverage.excluded_path(), dtype=str).set_index("offset")
    name_digits = excluded.loc[["6803", "6805", "6807", "6811"], "reason"]
    assert set(name_digits) == {"name"}


def test_the_two_zones_are_a_name_not_a_grade():
    excluded = pd.read_csv(coverage.excluded_path(), dtype=str).set_index("offset")
    assert excluded.loc["1833", "text"] == "两"
    assert excluded.loc["1833", "reason"] == "name"
    assert excluded.loc["1826", "reason"] == "grade"  # 四星级 is a grade


def test_newly_started_is_not_newly_attracted(figs):
    """新上 = newly started; 新引进 = newly attracted."""
    for _, row in figs.iterrows():
        if row["quote"].startswith("新上"):
            assert "started" in row["indicator"] and "attracted" not in row["indicator"]
        if "新引进" in row["quote"]:
            assert "attracted" in row["indicator"], row["id"]
    assert figs.loc["F0109", "indicator"].startswith("Newly started")
