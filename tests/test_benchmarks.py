"""Minquan's 2020 numbers beside China's and Henan's: expectations by hand from the
report (F…) and the sources' own numbers (C…, X…), never from the code under test."""

from __future__ import annotations

import pytest

from analysis.compute import benchmarks
from analysis.records import lookup


def test_national_ratios_by_hand():
    # 182,895 / 1,015,986 亿元; local 本级 100,124 / 1,015,986
    assert lookup.derived("china_revenue_share_of_gdp_2020").value == pytest.approx(
        18.0017, abs=1e-4
    )
    assert lookup.derived("china_local_revenue_share_of_gdp_2020").value == pytest.approx(
        9.8549, abs=1e-4
    )
    # (217.2 − 8.16) 万亿 = 2,090,400 亿 over 1,015,986 亿: 205.75%, a floor
    deposits = lookup.derived("china_deposits_floor_to_gdp_2020")
    assert deposits.value == pytest.approx(205.75, abs=0.01) and deposits.bound == "lower"
    # 171.6 万亿 = 1,716,000 亿 over 1,015,986 亿: 168.90%
    assert lookup.derived("china_loans_floor_to_gdp_2020").value == pytest.approx(168.90, abs=0.01)
    # 171.6 / 209.04 = 82.09%, approximate
    ratio = lookup.derived("china_loan_deposit_ratio_2020_approx")
    assert ratio.value == pytest.approx(82.09, abs=0.01) and ratio.bound == "approximate"


def test_minquan_against_china_by_hand():
    # deposits/GDP 282.8 / 275.5 = 102.65% against 205.75%: about half, an upper bound
    share = lookup.derived("deposits_to_gdp_vs_china_2020")
    assert share.value == pytest.approx(100 * (282.8 / 275.5) / (2090400 / 1015986), abs=0.01)
    assert share.value == pytest.approx(49.89, abs=0.01) and share.bound == "upper"
    # loan-to-deposit ratio 157.9 / 282.8 = 55.83% against 82.09%: 26.3 points lower
    gap = lookup.derived("loan_deposit_ratio_gap_vs_china_2020")
    assert gap.value == pytest.approx(55.834 - 82.090, abs=0.01)


def test_henan_investment_2020_from_its_two_year_average():
    # 1.044² / 1.045 − 1 = 1.089936 / 1.045 − 1 = 4.300%
    assert benchmarks.growth_from_two_year_average(4.4, 4.5) == pytest.approx(4.3001, abs=1e-4)
    assert benchmarks.growth_from_two_year_average(10, 0) == pytest.approx(21.0)
    assert lookup.derived("henan_fai_growth_2020_implied").value == pytest.approx(4.30, abs=0.005)


def test_compare_rounds_to_the_sources_decimal_and_names_the_untestable():
    assert benchmarks.compare(1.8, 2.7) == "below"
    assert benchmarks.compare(4.0, -0.9) == "above"
    assert benchmarks.compare(4.31, 4.3) == "equal"
    assert benchmarks.compare(None, 2.3) == "not testable"
    assert benchmarks.compare(1.8, None) == "not testable"


def test_three_exceeds_for_2020():
    table = benchmarks.growth_2020().set_index("indicator")
    # investment 1.8% against China 2.7% and Henan 4.3%: below both
    assert table.loc["Fixed-asset investment", "vs_china"] == "below"
    assert table.loc["Fixed-asset investment", "vs_henan"] == "below"
    # revenue 4% against local revenue −0.9%; tax 3.3% against −2.3%; loans 15.6% against 12.8%
    assert table.loc["General public budget revenue", "vs_china"] == "above"
    assert table.loc["Tax revenue", "vs_china"] == "above"
    assert table.loc["Loans, year end", "vs_china"] == "above"
    # the report gives no GDP or retail growth for 2020; no national deposit growth was found
    for name in ("GDP, real", "Retail sales of consumer goods", "Deposits, year end"):
        assert table.loc[name, "vs_china"] == "not testable"
    assert benchmarks.summary(table.reset_index()) == {
        "tested": 4,
        "above": 3,
        "below": 1,
        "untested": 3,
    }
