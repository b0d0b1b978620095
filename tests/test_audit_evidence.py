"""Every evidence check of the audit can come out the other way.

Each test gives the check the report's numbers and then one plausible other
number, and the verdict changes. Expectations are worked out by hand from the
report's numbers in the comments, not taken from the code.
"""

from __future__ import annotations

import pytest

from analysis.compute import audit
from analysis.compute import audit_evidence as ev
from analysis.compute import audit_outside as out
from analysis.records import lookup


def test_key_projects_against_gdp():
    assert ev.key_projects_vs_gdp(438.1, 275.5).verdict == "tension"  # 159% of GDP
    assert ev.key_projects_vs_gdp(200.0, 275.5).verdict == "consistent"  # 72.6%


def test_share_of_total_investment_planned_for_one_year():
    assert ev.one_year_share(491, 589.9).verdict == "tension"  # 83.2%
    assert ev.one_year_share(491, 800).verdict == "approximate"  # 61.4%
    assert ev.one_year_share(491, 1200).verdict == "consistent"  # 40.9%


def test_grain_floor():
    assert ev.grain_floor(74.5, 14.8).verdict == "consistent"  # 14.9 >= 14.8
    assert ev.grain_floor(72.0, 14.8).verdict == "inconsistent"  # 14.4 < 14.8 × 0.99


def test_livelihood_spending_path():
    # g = 0 gives 5 × 43.7 = 218.5; g = -2% gives 43.7 × 5.2083 = 227.6
    assert ev.livelihood_path(43.7, 220).verdict == "approximate"  # 218.5 < 220 < 227.6
    assert ev.livelihood_path(43.7, 200).verdict == "consistent"  # 200 < 218.5: g > 0
    assert ev.livelihood_path(43.7, 215).verdict == "consistent"  # the round 220 as 215
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


def test_three_beats_targets():
    pairs = [("GDP vs Henan", 8, 7), ("GDP vs China", 8, 6), ("revenue vs Henan", 7, 5)]
    assert out.targets_above(pairs).verdict == "consistent"
    assert out.targets_above([("GDP vs Henan", 6.5, 7), *pairs[1:]]).verdict == "inconsistent"
    assert out.targets_above([("GDP vs Henan", 7, 7), *pairs[1:]]).verdict == "approximate"


CPI_2017_2020 = [1.6, 2.1, 2.9, 2.5]  # X105-X108: product 1.09410
FASTEST = [("Shangqiu 2017", 8.5), ("Henan 2018", 7.6), ("Shangqiu 2019", 7.4), ("China 2020", 2.3)]


def test_three_beats_in_real_terms():
    # needed 1.085 × 1.076 × 1.074 × 1.023 = 1.28269; 275.5 / 202.5 = 1.36049 nominal,
    # / 1.09410 = 1.24348 real: short in real terms, covered in nominal terms
    assert out.three_beats_real(202.5, 275.5, CPI_2017_2020, FASTEST).verdict == "tension"
    # a 2016 level of 190: 1.45000 / 1.09410 = 1.32529 real, above 1.28269
    assert out.three_beats_real(190.0, 275.5, CPI_2017_2020, FASTEST).verdict == "consistent"
    # a 2016 level of 220: 1.25227 nominal, below 1.28269
    assert out.three_beats_real(220.0, 275.5, CPI_2017_2020, FASTEST).verdict == "inconsistent"


def test_three_beats_in_2020():
    # chapter 2's benchmarks, typed from the sources: investment 1.8 vs China 2.7 and
    # Henan (1.044^2 / 1.045 − 1 = 4.3); revenue 4 vs −0.9; tax 3.3 vs −2.3; loans 15.6 vs 12.8
    pairs = [("Investment", 1.8, "China", 2.7), ("Investment", 1.8, "Henan", 4.3),
             ("Revenue", 4.0, "China", -0.9), ("Tax", 3.3, "China", -2.3),
             ("Loans", 15.6, "China", 12.8)]  # fmt: skip
    found = out.three_beats_year(pairs)
    assert found.verdict == "tension"
    assert "investment (1.8% against China's 2.7% and Henan's 4.3%)" in found.explanation
    faster = [("Investment", 4.4, who, r) if name == "Investment" else (name, o, who, r)
              for name, o, who, r in pairs]  # fmt: skip
    assert out.three_beats_year(faster).verdict == "consistent"  # 4.4 > 4.3 and 2.7
    level = [("Investment", 4.3, "Henan", 4.3001), ("Loans", 15.6, "China", 12.8)]
    assert out.three_beats_year(level).verdict == "consistent"  # equal at one decimal
    slower = [(name, -5.0, who, r) for name, _, who, r in pairs]
    assert out.three_beats_year(slower).verdict == "inconsistent"


def test_the_2020_check_runs_on_the_report_and_flips():
    frame = lookup.figures().reset_index(drop=True)
    assert audit.run(frame).set_index("check").loc["three_beats_2020", "verdict"] == "tension"
    frame.loc[frame["id"] == "F0002", "value"] = 5.0  # investment above China and Henan
    assert audit.run(frame).set_index("check").loc["three_beats_2020", "verdict"] == "consistent"


def test_three_beats_for_income():
    # China 32,189 / 21,966 = 1.4654: +46.5% against Minquan's +56%
    assert out.three_beats_income(56, 21966, 32189, "China").verdict == "consistent"
    assert out.three_beats_income(40, 21966, 32189, "China").verdict == "inconsistent"


def test_grain_yield_against_henan():
    # 74.5万吨 / 162.22万亩 = 459.3 kg; Henan 6,356 / 15 = 423.7 kg: +8.4%
    assert out.grain_yield(74.5, 162.22, 6356).verdict == "consistent"
    # 74.5 / 140 = 532.1 kg: +25.6%
    assert out.grain_yield(74.5, 140.0, 6356).verdict == "approximate"
    # 74.5 / 120 = 620.8 kg: +46.5%
    assert out.grain_yield(74.5, 120.0, 6356).verdict == "tension"


def test_people_away_against_workers_transferred():
    # 93.7 − 74.6389 = 19.06万 away, 29.2万 transferred
    assert out.people_away(93.7, 74.6389, 29.2).verdict == "consistent"
    assert out.people_away(110.0, 74.6389, 29.2).verdict == "tension"  # 35.4 > 29.2


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
    tested = {"key_projects_vs_gdp", "key_projects_one_year", "three_beats_real",
              "grain_floor", "livelihood_five_year", "deposits_doubling", "loans_doubling",
              "enterprise_loans", "income_rural_vs_all", "three_beats_income",
              "three_beats_2021_targets", "grain_yield", "people_away", "three_beats_2020"}  # fmt: skip
    assert set(decided["check"]) == tested
