"""analysis.compute.growth, growth arithmetic: hand-computed examples, inverses as properties, bad inputs."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.compute import growth

levels = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False)
rates = st.floats(min_value=-0.5, max_value=0.5, allow_nan=False)
horizons = st.integers(min_value=1, max_value=40)


def test_compound_path_by_hand():
    # 100 growing 10% then 20%: 110, then 132
    path = growth.compound_path(100, 2020, [0.10, 0.20])
    assert list(path) == [2020, 2021, 2022]
    assert path[2021] == pytest.approx(110)
    assert path[2022] == pytest.approx(132)


def test_constant_rate_path_by_hand():
    # 275.5 at 8% for two years: 275.5 * 1.08 * 1.08 = 321.3432
    path = growth.compound_path(275.5, 2020, 0.08, years=2)
    assert path[2022] == pytest.approx(321.3432)


def test_cagr_by_hand():
    # 100 -> 121 in two years is 10% a year
    assert growth.cagr(100, 121, 2) == pytest.approx(0.10)


def test_implied_2016_2020_average_by_hand():
    # GDP 275.5 in 2020, "近百亿元" above 2015: 175.5 in 2015; (275.5/175.5)^(1/5)-1
    assert growth.cagr(175.5, 275.5, 5) == pytest.approx(0.094382, abs=1e-6)


def test_doubling_at_4_73_from_2020_lands_in_2035():
    assert growth.doubling_year(2020, 0.0473) == 2035
    assert growth.years_to_double(0.0473) == pytest.approx(15.0, abs=0.01)
    # a slightly lower rate needs one more year
    assert growth.doubling_year(2020, 0.0460) == 2036


def test_rule_of_72_roughly_holds():
    assert growth.years_to_double(0.08) == pytest.approx(72 / 8, rel=0.05)


def test_point_path_urbanization():
    path = growth.point_path(40.0, 2020, 1.5, years=5)
    assert path[2025] == pytest.approx(47.5)
    assert path[2021] == pytest.approx(41.5)


def test_cumulative_totals():
    assert growth.cumulative({2022: 2, 2021: 5, 2023: 1}) == {2021: 5, 2022: 7, 2023: 8}


def test_level_from_increase():
    assert growth.level_from_increase(275.5, 100) == pytest.approx(175.5)
    with pytest.raises(growth.PathInputError, match="increase"):
        growth.level_from_increase(50, 100)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: growth.compound_path(0, 2020, 0.05, years=3), "base"),
        (lambda: growth.compound_path(-1, 2020, 0.05, years=3), "base"),
        (lambda: growth.compound_path(1, 2020, 0.05, years=-1), "years"),
        (lambda: growth.compound_path(1, 2020, -1.0, years=2), "rates[0]"),
        (lambda: growth.compound_path(1, 2020, [0.1, -1.5]), "rates[1]"),
        (lambda: growth.compound_path(1, 2020, 0.05), "years"),
        (lambda: growth.cagr(0, 10, 2), "level0"),
        (lambda: growth.cagr(10, -1, 2), "level1"),
        (lambda: growth.cagr(10, 20, 0), "years"),
        (lambda: growth.required_rate(-5, 10, 3), "base"),
        (lambda: growth.required_rate(5, 0, 3), "target"),
        (lambda: growth.required_rate(5, 10, -3), "years"),
        (lambda: growth.years_to_double(-1.2), "rate"),
        (lambda: growth.doubling_year(2020, 0.0), "rate"),
        (lambda: growth.point_path(40, 2020, 1.5, years=-2), "years"),
        (lambda: growth.cumulative({2021: math.nan}), "annual"),
    ],
)
def test_impossible_inputs_name_the_argument(call, argument):
    with pytest.raises(ValueError) as info:
        call()
    assert isinstance(info.value, growth.PathInputError)
    assert info.value.argument == argument
    assert f"'{argument}'" in str(info.value)


@given(levels, rates, horizons)
def test_rate_of_a_path_is_its_rate(base, rate, years):
    path = growth.compound_path(base, 2020, rate, years=years)
    assert growth.cagr(path[2020], path[2020 + years], years) == pytest.approx(rate, abs=1e-9)


@given(levels, levels, horizons)
def test_required_rate_reaches_the_target(base, target, years):
    rate = growth.required_rate(base, target, years)
    path = growth.compound_path(base, 0, rate, years=years)
    assert path[years] == pytest.approx(target, rel=1e-6)


@given(st.floats(min_value=0.005, max_value=0.5), st.integers(min_value=1900, max_value=2100))
def test_doubling_year_is_the_first_year_at_double(rate, base_year):
    year = growth.doubling_year(base_year, rate)
    n = year - base_year
    assert (1 + rate) ** n >= 2 * (1 - 1e-5)
    assert (1 + rate) ** (n - 1) < 2


@given(st.lists(st.floats(min_value=-1e4, max_value=1e4), min_size=1, max_size=20))
def test_cumulative_last_is_the_sum(amounts):
    totals = growth.cumulative(dict(enumerate(amounts, start=2021)))
    assert totals[2020 + len(amounts)] == pytest.approx(math.fsum(amounts), abs=1e-6)


@given(st.floats(min_value=0, max_value=90), st.floats(min_value=-3, max_value=3), horizons)
def test_point_path_steps_are_equal(base, step, years):
    path = growth.point_path(base, 2020, step, years=years)
    assert path[2020 + years] - path[2020] == pytest.approx(step * years, abs=1e-9)
