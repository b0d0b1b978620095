"""Every evidence check of the audit can come out the other way.

Each test gives the check the report's numbers and then one plausible other
number, and the verdict changes. Expectations are worked out by hand from the
report's numbers in the comments, not taken from the code.
"""

from __future__ import annotations

import pytest

from analysis.compute import audit
from analysis.compute import audit_evidence as ev
from analysis.records import lookup


def test_key_projects_against_gdp():
    assert ev.key_projects_vs_gdp(438.1, 275.5).verdict == "tension"  # 159% of GDP
    assert ev.key_projects_vs_gdp(200.0, 275.5).verdict == "consistent"  # 72.6%


def test_key_project_plans_against_the_investment_target():
    # 2020 plan 438.1 / 1.054 = 415.66; 491 / 415.66 = +18.1%, 11.1 points above 7, tol 5.4
    assert ev.key_project_plans_vs_fai_target(491, 438.1, 105.4, 7).verdict == "tension"
    # 450 / 415.66 = +8.3%: 1.3 points from 7
    assert ev.key_project_plans_vs_fai_target(450, 438.1, 105.4, 7).verdict == "consistent"


def test_share_of_total_investment_planned_for_one_year():
    assert ev.one_year_share(491, 589.9).verdict == "tension"  # 83.2%
    assert ev.one_year_share(491, 800).verdict == "approximate"  # 61.4%
    assert ev.one_year_share(491, 1200).verdict == "consistent"  # 40.9%


def test_grain_every_year_reading():
    assert ev.grain_every_year(74.5, 14.8).verdict == "tension"  # 14.9 vs 14.8: 0.67%
    assert ev.grain_every_year(80.0, 14.8).verdict == "consistent"  # 16.0 vs 14.8: 7.5%


def test_grain_floor():
    assert ev.grain_floor(74.5, 14.8).verdict == "consistent"  # 14.9 >= 14.8
    assert ev.grain_floor(72.0, 14.8).verdict == "inconsistent"  # 14.4 < 14.8 × 0.99


def test_livelihood_spending_path():
    # g = 0 gives 5 × 43.7 = 218.5; g = -2% gives 43.7 × 5.2083 = 227.6
    assert ev.livelihood_path(43.7, 220).verdict == "approximate"  # 218.5 < 220 < 227.6
    assert ev.livelihood_path(43.7, 200).verdict == "consistent"  # 200 < 218.5: g > 0
    assert ev.livelihood_path(43.7, 260).verdict == "tension"  # 260 > 227.6: g < -2%


@pytest.mark.parametrize(
    "level, growth, other, expected_other",
    [(282.8, 16.8, 30.0, "tension"),  # 2019 = 217.5; (217.5/141.4)^(1/4) = 11.4%: gap 18.6
     (157.9, 15.6, 25.0, "tension")],  # 2019 = 126.3; (126.3/78.95)^(1/4) = 12.5%: gap 12.5
)  # fmt: skip
def test_deposits_and_loans_against_their_doubling(level, growth, other, expected_other):
    # deposits: 2019 = 242.1, (242.1/141.4)^(1/4) = 14.4%, gap 2.4; loans: 14.7%, gap 0.9
    assert ev.growth_vs_doubling(level, growth, 2, "x").verdict == "consistent"
    assert ev.growth_vs_doubling(level, other, 2, "x").verdict == expected_other


def test_enterprise_loans_against_the_stock():
    assert ev.enterprise_loans(61.3, 157.9, 21.3).verdict == "consistent"  # 39% of the stock
    assert ev.enterprise_loans(200.0, 157.9, 21.3).verdict == "tension"  # 127%


def test_rural_against_all_income():
    # 1.426^(1/4) = 1.0928, 1.56^(1/5) = 1.0930
    assert ev.rural_vs_all_income(42.6, 4, 56, 5).verdict == "consistent"
    # 1.30^(1/4) = 1.0678: 2.5 points slower
    assert ev.rural_vs_all_income(30.0, 4, 56, 5).verdict == "tension"


def test_three_beats_room():
    beats = [("Shangqiu 2019", 7.4), ("China 2020", 2.3)]  # 1.074 × 1.023 = 1.0987
    assert ev.three_beats_room(156.98, beats).verdict == "consistent"  # 275.5 / 175.5
    # 近二十亿 instead of 近百亿: 275.5 / 255.5 = 1.0783 < 1.0987
    assert ev.three_beats_room(107.83, beats).verdict == "inconsistent"


def test_three_beats_targets():
    pairs = [("GDP vs Henan", 8, 7), ("GDP vs China", 8, 6), ("revenue vs Henan", 7, 5)]
    assert ev.targets_above(pairs).verdict == "consistent"
    assert ev.targets_above([("GDP vs Henan", 6.5, 7), *pairs[1:]]).verdict == "inconsistent"
    assert ev.targets_above([("GDP vs Henan", 7, 7), *pairs[1:]]).verdict == "approximate"


def test_a_perturbed_dataset_flips_the_audit():
    """The same, through the audit as it runs on data/figures.csv."""
    frame = lookup.figures().reset_index(drop=True)
    frame.loc[frame["id"] == "F0024", "value"] = 200.0  # key projects completed
    frame.loc[frame["id"] == "F0401", "value"] = 6.5  # the 2021 GDP target
    result = audit.run(frame).set_index("check")
    assert result.loc["key_projects_vs_gdp", "verdict"] == "consistent"
    assert result.loc["three_beats_2021_targets", "verdict"] == "inconsistent"


def test_every_decided_evidence_check_has_a_perturbation_test():
    """A new evidence check needs a test above: listed here by the function it calls."""
    checks = audit.run()
    decided = checks[(checks["class"] == "evidence") & (checks["verdict"] != "cannot check")]
    tested = {"key_projects_vs_gdp", "key_project_plans_vs_fai_target", "key_projects_one_year",
              "grain_every_year", "grain_floor", "livelihood_five_year", "deposits_doubling",
              "loans_doubling", "enterprise_loans", "income_rural_vs_all", "three_beats_room",
              "three_beats_2021_targets"}  # fmt: skip
    assert set(decided["check"]) == tested
