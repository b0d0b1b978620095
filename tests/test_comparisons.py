"""Minquan in context and the fiscal picture: derived values checked by hand.

Expectations are typed from the report's numbers (GDP 275.5亿元, revenue 11.3亿元,
livelihood spending 43.7亿元 = 88.8% of expenditure, 29.2万 transferred workers,
deposits 282.8亿元, targets 8%, 7%, CPI 3%) and from the context rows (census
746,389; China 2020 per-capita GDP 72,447 元; Henan 2023 GDP 59,132.39亿元, revenue
4,512亿元, per-capita GDP 60,073 元; registered population 93.7万; 2016 GDP 202.5亿元;
CPI 2016-2020 2.0, 1.6, 2.1, 2.9, 2.5%), never from the code under test.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from analysis.base.errors import InputError
from analysis.compute import comparisons, derive, fiscal
from analysis.records import lookup

POP = 746389
CPI_16_20 = 1.020 * 1.016 * 1.021 * 1.029 * 1.025


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return derive.from_figures().set_index("key")


@pytest.mark.parametrize(
    "key, expected, bound",
    [
        ("gdp_per_resident_2020", 275.5e8 / POP, "exact"),  # about 36,911 元
        ("gdp_per_resident_vs_china_2020", 100 * 275.5e8 / POP / 72447, "exact"),  # about 51%
        ("gdp_per_resident_vs_henan_2021", 100 * 275.5e8 / POP / 59410, "exact"),
        ("shangqiu_gdp_per_resident_2019", 2911.2e8 / 7816831, "exact"),
        ("registered_not_resident", 93.7 - 74.6389, "exact"),  # about 19万
        ("registered_not_resident_share", 100 * (93.7 - 74.6389) / 93.7, "exact"),  # a fifth
        ("registered_not_resident_2019", 93.7 - 70.07, "exact"),
        ("transferred_workers_share_of_residents", 100 * 292000 / POP, "exact"),  # 39%
        ("deposits_per_resident_2020", 282.8e8 / POP, "exact"),
        ("yongcheng_gdp_per_resident_2020", 637.04e8 / 125.64e4, "exact"),
        ("revenue_share_of_gdp_2020", 100 * 11.3 / 275.5, "exact"),  # 4.1%
        ("revenue_per_resident_2020", 11.3e8 / POP, "exact"),  # about 1,514 元
        ("expenditure_per_resident_2020", 43.7 / 0.888 * 1e8 / POP, "exact"),
        ("expenditure_share_of_gdp_2020", 100 * 43.7 / 0.888 / 275.5, "exact"),
        ("henan_revenue_share_of_gdp_2023", 100 * 4512 / 59132.39, "exact"),
        ("henan_revenue_per_resident_2023", 4512 / 59132.39 * 60073, "exact"),
        ("shangqiu_revenue_share_of_gdp_2022", 100 * 200 / 3000, "approximate"),  # two 突破
        ("nominal_gdp_growth_2021_assumed", 100 * (1.08 * 1.03 - 1), "approximate"),
        (
            "revenue_share_of_gdp_2021_implied",
            100 * 11.3 * 1.07 / (275.5 * 1.08 * 1.03),
            "approximate",
        ),
        (
            "revenue_share_of_gdp_2025_if_held",
            100 * 11.3 * 1.07**5 / (275.5 * (1.08 * 1.03) ** 5),
            "approximate",
        ),
        ("tax_cuts_share_of_revenue_2020", 100 * 1.7 / 11.3, "exact"),
        ("bonds_to_revenue_2020", 100 * 12.5 / 11.3, "exact"),
        ("cpi_2016_2020_annual", 100 * (CPI_16_20**0.2 - 1), "exact"),
        # 「近百亿」: 2015 GDP at least 175.5, so the deflated pace is an upper bound too
        (
            "gdp_real_growth_2016_2020_cpi",
            100 * ((275.5 / 175.5) ** 0.2 / CPI_16_20**0.2 - 1),
            "upper",
        ),
        ("gdp_growth_2017_2020_from_2016", 100 * ((275.5 / 202.5) ** 0.25 - 1), "exact"),
        (
            "gdp_real_growth_2017_2020_cpi",
            100 * ((275.5 / 202.5) ** 0.25 / (CPI_16_20 / 1.02) ** 0.25 - 1),
            "exact",
        ),
        (
            "revenue_per_resident_vs_henan",
            100 * (11.3e8 / POP) / (4512 / 59132.39 * 60073),
            "exact",
        ),
    ],
)
def test_by_hand(table, key, expected, bound):
    row = table.loc[key]
    assert row["value"] == pytest.approx(expected, abs=1e-3)
    assert row["bound"] == bound


def test_the_revenue_share_falls_when_revenue_grows_slower_than_nominal_gdp():
    # 7% nominal revenue against 8% real GDP and 3% prices: the share falls every year
    shares = [fiscal.revenue_share(k, 11.3, 275.5, 0.07, 0.08, 0.03) for k in range(6)]
    assert shares[0] == pytest.approx(100 * 11.3 / 275.5)
    assert all(later < earlier for earlier, later in itertools.pairwise(shares))
    # with prices flat, 7% against 8% still lowers it, by less
    flat = fiscal.revenue_share(1, 11.3, 275.5, 0.07, 0.08, 0.0)
    assert shares[1] < flat < shares[0]
    # and a revenue target equal to nominal growth keeps it
    assert fiscal.revenue_share(3, 11.3, 275.5, 1.08 * 1.03 - 1, 0.08, 0.03) == pytest.approx(
        shares[0]
    )


def test_share_paths_name_their_assumption():
    ceiling, realized = fiscal.revenue_share_paths()
    assert ceiling.inflation == pytest.approx(0.03) and realized.inflation == pytest.approx(0.009)
    assert ceiling.shares[2025] < realized.shares[2025] < ceiling.shares[2020]
    assert "assumption" not in realized.label and "expected inflation" in ceiling.label


def test_a_number_read_from_an_excerpt_must_be_there():
    row = lookup.fact("Henan", "general public budget revenue growth", "realized", "2023")
    assert comparisons.stated_in(row, r"一般公共预算收入\s*([\d,.]+)\s*亿元") == 4512
    with pytest.raises(InputError, match="excerpt") as info:
        comparisons.stated_in(row, r"税收收入([\d.]+)亿元")
    assert info.value.problems[0].record == row.id


def test_peers_keep_what_is_missing_missing():
    peers = comparisons.peers().set_index("county")
    # Yucheng: a census count only; Sui: no per-resident figure (its population is undated)
    assert peers.loc["Yucheng (虞城县)", ["gdp_yi", "gdp_per_resident"]].isna().all()
    assert pd.isna(peers.loc["Sui (睢县)", "gdp_per_resident"])
    assert peers.loc["Yongcheng (永城市)", "confidence"] == "low"
    # Zhecheng: 2,951,434万元 = 295.1434亿元
    assert peers.loc["Zhecheng (柘城县)", "gdp_yi"] == pytest.approx(295.1434)
    assert set(peers["year"]) == {"2020", "2021", "2022"}


def test_per_resident_table_labels_each_year():
    table = comparisons.per_resident().set_index(["place", "year"])
    assert table.loc[("Minquan", "2020"), "minquan_pct"] == pytest.approx(100)
    assert table.loc[("China", "2020"), "minquan_pct"] == pytest.approx(
        100 * 275.5e8 / POP / 72447, abs=1e-3
    )
    assert {"Henan (province)"} <= set(table.index.get_level_values("place"))
