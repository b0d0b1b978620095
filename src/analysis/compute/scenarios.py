"""Readings of the report's goals that need outside facts: GDP scenarios and the
2020 urbanization base.

The report gives one number for GDP after 2020, the 2021 target (8%左右). Its
five-year and 2035 goals are words; each scenario below turns words into an
annual rate, with its bound (``analysis.records.vocabulary``) and its status:

- ``target_2021_held`` (central): the 2021 target held every year;
- ``implied_2016_2020_average`` (reference): the past pace implied by 「较2015年
  提高近百亿元」, an upper bound and nominal;
- ``henan_14th_fyp`` (reference): the province's plan, a benchmark, not
  Minquan's own goal;
- ``doubling_by_2035`` (ambition): the national vision of a doubled economy,
  the reading of the report's 2035 goal 「迈上新台阶」;
- ``above_averages_floor`` (ambition, a lower bound): 「超全国、全省、全市平均
  增速」, the higher of Henan's plan and the national doubling rate;
- ``above_averages_2021_margin`` (illustration): that floor plus the margin
  Minquan set over Henan in 2021.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import context, lookup
from ..records.record import CONTEXT, Record
from ..records.vocabulary import (
    AMBITION,
    CENTRAL,
    EXACT,
    ILLUSTRATION,
    LOWER,
    REFERENCE,
    propagate,
    status_of,
)
from .growth import cagr, level_from_increase, required_rate

BASE_YEAR = 2020
PLAN_END = 2025
VISION_END = 2035
GDP, GDP_TARGET, GDP_INCREASE = "F0001", "F0401", "F0156"


@dataclass(frozen=True)
class GdpScenario:
    scenario: str
    rate: float  # fraction a year
    bound: str
    status: str
    basis: str
    inputs: tuple[str, ...]
    externals: tuple[str, ...]
    confidence: str


def gdp_scenarios() -> tuple[Record, list[GdpScenario]]:
    """The 2020 GDP level and the growth rates the report's goals imply for it."""
    gdp, target, increase = (lookup.figure(i) for i in (GDP, GDP_TARGET, GDP_INCREASE))
    henan_plan = lookup.fact("Henan", "GDP growth per year", "plan goal", "2021-2025")
    henan_2021 = lookup.fact("Henan", "GDP growth", "target", "2021")
    vision = lookup.fact("China", "GDP or per-capita income", "vision", "2020-2035")
    gdp_2015 = level_from_increase(gdp.value, increase.value)
    # 2015 GDP falls as the increase rises; the rate falls as 2015 GDP rises
    past_bound = propagate(propagate(increase.bound, increasing=False), increasing=False)
    doubling = required_rate(gdp.value, vision.value * gdp.value, VISION_END - BASE_YEAR)
    floor = max(henan_plan.value / 100, doubling)
    margin = (target.value - henan_2021.value) / 100
    above = (henan_plan.id, vision.id)
    return gdp, [
        GdpScenario("target_2021_held", target.value / 100, target.bound,
                    status_of(target.qualifier, CENTRAL),
                    "the 2021 target (8%) held every year", (gdp.id, target.id), (), "high"),
        GdpScenario("implied_2016_2020_average", cagr(gdp_2015, gdp.value, 5), past_bound,
                    REFERENCE,
                    "average of 2016-2020 implied by 2020 GDP and 'nearly 100亿 above 2015' "
                    "(2015 level = 275.5 - 100); an upper bound because the rise was under 100亿, "
                    "and nominal because the levels are at current prices",
                    (gdp.id, increase.id), (), "high"),
        GdpScenario("henan_14th_fyp", henan_plan.value / 100, henan_plan.bound, REFERENCE,
                    "Henan's 14th Five-Year Plan average of about 6% a year", (gdp.id,),
                    (henan_plan.id,), henan_plan.confidence),
        GdpScenario("doubling_by_2035", doubling, vision.bound, AMBITION,
                    "constant rate that doubles 2020 GDP by 2035 (the national 2035 vision)",
                    (gdp.id,), (vision.id,), vision.confidence),
        GdpScenario("above_averages_floor", floor, LOWER, AMBITION,
                    "'above national, provincial and prefecture averages': the higher of Henan's "
                    "plan (6%) and the national doubling rate; Shangqiu's plan was not found",
                    (gdp.id,), above, "medium"),
        # one point chosen above the floor, not a bound on anything: exact, an illustration
        GdpScenario("above_averages_2021_margin", floor + margin, EXACT, ILLUSTRATION,
                    "the floor above plus the margin Minquan set over Henan in 2021 (8% vs 7%)",
                    (gdp.id, target.id), (*above, henan_2021.id), "medium"),
    ]  # fmt: skip


def urbanization_base_2020() -> Record:
    """Minquan's 2020 urbanization rate, which no source we hold states directly.

    The context holds 2019 (39.27%) and 2022 (42.87%), both medium confidence.
    We interpolate linearly to 2020 and label the result low confidence: the
    2020 census re-based urbanization rates, so the true 2020 figure may differ.
    """
    before = lookup.fact("Minquan", context.URBANIZATION, "realized", "2019")
    after = lookup.fact("Minquan", context.URBANIZATION, "realized", "2022")
    value = before.value + (after.value - before.value) * (2020 - 2019) / (2022 - 2019)
    return Record(
        id=f"{before.id};{after.id}",  # not one row: the two it is interpolated from
        value=value,
        unit="%",
        bound=EXACT,
        label="Minquan: urbanization rate, 2020 (interpolated)",
        label_zh="常住人口城镇化率",
        quote="",
        origin=CONTEXT,
        period="2020",
        inputs=(before.id, after.id),
        source="linear interpolation between the 2019 and 2022 rates",
        confidence="low",
    )
