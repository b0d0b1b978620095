"""Minquan's 2020 figures beside the 1993 criteria for turning a county into a city.

Money thresholds are at 1990 prices and Minquan's figures at 2020 prices: the
comparison shows orders of magnitude, not a test that Minquan passes. No price
index back to 1990 is in our data, so for each money criterion the table gives
``multiple``, Minquan's figure over the threshold: the rise in prices since
1990 that would have to be exceeded for the criterion to fail. The money
criteria are those in money units (亿元, 万元, 元); the report can test three of
them (GDP, local budget revenue, revenue per resident) and not the fourth
(township-and-above industrial output), which ``money_not_checked`` names.
"""

from __future__ import annotations

import pandas as pd

from ..records import context, units


def density_tier(density: float) -> str:
    """The column of the 1993 criteria that applies at this population density (per km²)."""
    if density > 400:
        return "density_over_400"
    return "density_100_to_400" if density >= 100 else "density_under_100"


def county_to_city(gdp_yi: float, revenue_yi: float) -> pd.DataFrame:
    """One row per criterion: the threshold of Minquan's density tier and Minquan's 2020 value."""
    population = context.minquan_population_2020()
    area = context.minquan_land_area()
    density = population.value / area.value
    tier = density_tier(density)
    criteria = context.county_criteria().set_index("criterion")
    minquan = {
        "GDP": (gdp_yi, "2020, current prices"),
        "local budget revenue": (
            units.convert(revenue_yi, "亿元", "万元"),
            "2020 general public budget revenue, 万元",
        ),
        "local budget revenue per capita": (
            units.convert(revenue_yi, "亿元", "元") / population.value,
            "2020 revenue / 2020 census population",
        ),
    }
    rows = []
    for criterion, row in criteria.iterrows():
        value, note = minquan.get(criterion, (float("nan"), "not in the report"))
        money = row["unit"] in MONEY_UNITS
        rows.append(
            dict(
                criterion=criterion,
                unit=row["unit"],
                threshold=row[tier],
                threshold_note=row["note"],
                minquan_2020=value,
                minquan_note=note,
                money=money,
                multiple=value / row[tier] if money else float("nan"),
                id=row["id"],
            )
        )
    table = pd.DataFrame(rows)
    money = table[table["money"]]
    table.attrs.update(
        density=density,
        tier=tier,
        population_id=population.id,
        area_id=area.id,
        area_confidence=area.confidence,
        money_checked=list(money.loc[money["minquan_2020"].notna(), "criterion"]),
        money_not_checked=list(money.loc[money["minquan_2020"].isna(), "criterion"]),
        smallest_multiple=float(money["multiple"].min()),
    )
    return table


MONEY_UNITS = ("亿元", "万元", "元")
