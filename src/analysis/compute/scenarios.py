"""Readings of the report's goals that need outside facts: GDP scenarios, the target
paths the fan chart simulates, and the 2020 urbanization base.

The report gives one number for GDP after 2020, the 2021 target (8%左右). Its
five-year and 2035 goals are words; each scenario below turns words into
annual rates (one per year from 2021), with its bound
(``analysis.records.vocabulary``), its status and its price basis:

- ``henan_plus_margin`` (central): Henan's realized growth of each year
  2021-2025 plus a county margin of growth: the pass-through β (0.60) times
  Shangqiu's target margin over Henan in 2025 (6.5% against 5.5%, equal to
  Minquan's own in 2021, 8% against 7%), since a point of target premium went
  with about 0.6 point of growth in the prefecture panel; the margins the record
  allows run from below zero to 1.5 points (``county_margins``);
- ``henan_realized_2021_2025`` (reference): Henan's realized growth, year by
  year, applied to Minquan (to 2025 only);
- ``targets_step_down`` (illustration): 8% in 2021, stepping down in equal
  steps to Henan's 2025 target (5.5%) and held there to 2035: what the county's
  targets may have been if its premium over the province faded (China's
  targets fell from 6% to 5%, Henan's from 7% to 5.5%); the path the ex-ante
  fan chart feeds its model;
- ``target_2021_held`` (ambition): 8% every year for 15 years, a rate no level
  above Minquan has targeted since 2021;
- ``implied_2016_2020_average`` (reference, nominal): the past pace implied by
  「较2015年提高近百亿元」, an upper bound at current prices; and
  ``implied_2016_2020_average_real``, the same deflated with national CPI;
- ``henan_14th_fyp`` (reference): the province's plan, a benchmark;
- ``doubling_by_2035`` (ambition): the national vision of a doubled economy;
- ``above_averages_floor`` (ambition, a lower bound): 「超全国、全省、全市平均
  增速」 over 2021-2025, read against what was realized: the higher of China's
  and Henan's realized average growth (Shangqiu's was not found);
- ``above_averages_2021_margin`` (illustration): that floor plus the margin
  Minquan set over Henan in 2021.

Growth targets are real; a real rate applied to the 2020 GDP (current prices)
gives a path at 2020 prices (``price_basis`` real). Only the first 2016-2020
reading is nominal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..records import context, lookup
from ..records.record import CONTEXT, Record
from ..records.vocabulary import (
    AMBITION,
    CENTRAL,
    EXACT,
    ILLUSTRATION,
    INDEX,
    LOWER,
    NOMINAL,
    REAL,
    REFERENCE,
    combine,
    propagate,
)
from . import targets_panel, uncertainty
from .growth import cagr, level_from_increase, required_rate
from .prices import cpi_rise, deflate

BASE_YEAR = 2020
PLAN_END = 2025
VISION_END = 2035
GDP, GDP_TARGET, GDP_INCREASE = "F0001", "F0401", "F0156"
POTENTIAL = "potential GDP growth per year (no major reforms)"
MARGIN = "sq_2025_target_passed"  # the central county margin (county_margins)
PLAN_YEARS = range(BASE_YEAR + 1, PLAN_END + 1)


@dataclass(frozen=True)
class GdpScenario:
    scenario: str
    rates: tuple[float, ...]  # fraction a year, one per year from 2021
    bound: str
    status: str
    basis: str
    inputs: tuple[str, ...]
    externals: tuple[str, ...]
    confidence: str
    price_basis: str = REAL

    @property
    def end(self) -> int:
        return BASE_YEAR + len(self.rates)

    @property
    def rate(self) -> float:
        """The constant rate, or the average (compound) rate over the path."""
        factor = 1.0
        for rate in self.rates:
            factor *= 1 + rate
        return factor ** (1 / len(self.rates)) - 1


def prices_label(price_basis: str, unit: str) -> str:
    """What a path of data/paths.csv measures, for a table: an index says whether it
    indexes a volume (real) or a value at current prices (nominal)."""
    if price_basis != INDEX:
        return price_basis
    if unit.endswith(("volume", "real")):
        return "index, real"
    if unit.endswith("current prices"):
        return "index, nominal"
    raise ValueError(f"data/paths.csv: an index path's unit must end in 'real', 'volume' or "
                     f"'current prices', got '{unit}'")  # fmt: skip


def held(rate: float, end: int = VISION_END) -> tuple[float, ...]:
    return (rate,) * (end - BASE_YEAR)


def step_down(start: float, end_rate: float, end_year: int = PLAN_END,
              horizon: int = VISION_END) -> tuple[float, ...]:  # fmt: skip
    """Rates falling in equal steps from ``start`` (2021) to ``end_rate`` (``end_year``),
    then held to ``horizon``."""
    n = end_year - BASE_YEAR
    steps = tuple(start + (end_rate - start) * k / (n - 1) for k in range(n))
    return steps + (end_rate,) * (horizon - end_year)


def henan_targets() -> list[Record]:
    """Henan's annual GDP growth targets, 2021-2025 (7%以上, 7%, 6%左右, 5.5%, 5.5%左右)."""
    return [lookup.fact("Henan", "GDP growth", "target", str(y)) for y in PLAN_YEARS]


def henan_realized() -> list[Record]:
    """Henan's realized GDP growth 2021-2025, final figures."""
    return [lookup.fact("Henan", "GDP growth", "realized", str(y)) for y in PLAN_YEARS]


def realized_growth(jurisdiction: str) -> list[Record]:
    """A jurisdiction's realized GDP growth 2021-2025 (China or Henan)."""
    return [lookup.fact(jurisdiction, "GDP growth", "realized", str(y)) for y in PLAN_YEARS]


def average_rate(records: list[Record]) -> float:
    """The compound average of yearly growth rates given in percent (a fraction)."""
    factor = 1.0
    for record in records:
        factor *= 1 + record.value / 100
    return factor ** (1 / len(records)) - 1


def potential_decline() -> tuple[float, tuple[str, ...]]:
    """The fall of China's potential growth the IMF projects between 2025-30 and 2031-40
    without major reforms (3.8% to 2.8%: one point), with the two records."""
    early = lookup.fact("China", POTENTIAL, "projection", "2025-2030")
    late = lookup.fact("China", POTENTIAL, "projection", "2031-2040")
    return early.value - late.value, (early.id, late.id)


def norm_path(end: int = VISION_END, declining: bool = True
              ) -> tuple[tuple[float, ...], tuple[str, ...]]:  # fmt: skip
    """The level above Minquan's targets, in percent a year: Henan's annual targets
    2021-2025; after 2025 (no later target of Henan is known) falling linearly from
    Henan's 2025 target, a tenth of the fall each year, until in 2035 it is lower by the
    whole fall the IMF projects for China's potential growth (``potential_decline``),
    or, with ``declining=False``, the 2025 target held (the sensitivity case)."""
    records = henan_targets()
    rates = tuple(r.value for r in records)
    ids = tuple(r.id for r in records)
    years = end - PLAN_END
    if not declining or years == 0:
        return rates + (rates[-1],) * years, ids
    fall, sources = potential_decline()
    later = tuple(rates[-1] - fall * k / (VISION_END - PLAN_END) for k in range(1, years + 1))
    return rates + later, ids + sources


def henan_premium() -> tuple[float, tuple[str, ...]]:
    """Henan's realized average growth 2021-2025 minus China's, in points (compound
    averages), with the records: the premium of the province over the country the record
    shows (negative: Henan grew more slowly)."""
    henan, china = realized_growth("Henan"), realized_growth("China")
    gap = 100 * (average_rate(henan) - average_rate(china))
    return gap, tuple(r.id for r in (*henan, *china))


def imf_norm_path(premium: float | None = None, end: int = VISION_END
                  ) -> tuple[tuple[float, ...], tuple[str, ...]]:  # fmt: skip
    """The norm anchored on the IMF's levels of China's potential growth: Henan's targets
    2021-2025, then the IMF's level for 2025-30 (3.8%) in 2026-2030 and for 2031-40
    (2.8%) in 2031-2035, each plus Henan's premium over China (``henan_premium`` by
    default; pass 0 for none)."""
    records = henan_targets()
    early = lookup.fact("China", POTENTIAL, "projection", "2025-2030")
    late = lookup.fact("China", POTENTIAL, "projection", "2031-2040")
    ids = (*(r.id for r in records), early.id, late.id)
    if premium is None:
        premium, premium_ids = henan_premium()
        ids += premium_ids
    later = tuple((early if year <= 2030 else late).value + premium
                  for year in range(PLAN_END + 1, end + 1))  # fmt: skip
    return tuple(r.value for r in records) + later, tuple(dict.fromkeys(ids))


def henan_expected(centre: float, end: int = VISION_END, norms: tuple[float, ...] | None = None
                   ) -> tuple[float, ...]:  # fmt: skip
    """Henan's growth, percent a year from 2021: realized to 2025, then the declining norm
    (or ``norms``) plus ``centre`` (the recent era's average shortfall of growth against
    target)."""
    norms = norm_path(end)[0] if norms is None else norms
    known = tuple(r.value for r in henan_realized())
    return known + tuple(n + centre for n in norms[len(known) :])


@cache
def pass_through() -> float:
    """β, the panel's pass-through of a target's excess over the norm into growth (0.60)."""
    return uncertainty.pass_through(targets_panel.load_filtered().data)


def county_margins() -> dict[str, tuple[float, tuple[str, ...]]]:
    """The margins of county over provincial growth the record allows, in points, each
    with its records: Shangqiu's realized growth against Henan's in 2019, its target
    margins of 2023 and 2025 (the 2025 one equals Minquan's 2021 margin), none, and the
    central case (``MARGIN``): the 2025 target margin times the pass-through β, the
    growth a point of target premium went with in the panel."""
    pairs = {"sq_2019_realized": ("realized", "2019"), "sq_2025_target": ("target", "2025"),
             "sq_2023_target": ("target", "2023")}  # fmt: skip
    out = {"none": (0.0, ())}
    for name, (measure, year) in pairs.items():
        sq = lookup.fact("Shangqiu", "GDP growth", measure, year)
        henan = lookup.fact("Henan", "GDP growth", measure, year)
        out[name] = (sq.value - henan.value, (sq.id, henan.id))
    target_margin, ids = out["sq_2025_target"]
    out[MARGIN] = (pass_through() * target_margin, ids)
    return out


def gdp_scenarios() -> tuple[Record, list[GdpScenario]]:
    """The 2020 GDP level and the growth paths the report's goals imply for it."""
    gdp, target, increase = (lookup.figure(i) for i in (GDP, GDP_TARGET, GDP_INCREASE))
    henan_plan = lookup.fact("Henan", "GDP growth per year", "plan goal", "2021-2025")
    henan_2021 = lookup.fact("Henan", "GDP growth", "target", "2021")
    vision = lookup.fact("China", "GDP or per-capita income", "vision", "2020-2035")
    henan_by_year, realized = henan_targets(), henan_realized()
    gdp_2015 = level_from_increase(gdp.value, increase.value)
    # 2015 GDP falls as the increase rises; the rate falls as 2015 GDP rises
    past_bound = propagate(propagate(increase.bound, increasing=False), increasing=False)
    past = cagr(gdp_2015, gdp.value, 5)
    prices = cpi_rise(BASE_YEAR - 4, BASE_YEAR)
    doubling = required_rate(gdp.value, vision.value * gdp.value, VISION_END - BASE_YEAR)
    china = realized_growth("China")
    averages = {"China's": average_rate(china), "Henan's": average_rate(realized)}
    higher = max(averages, key=averages.get)
    floor = averages[higher]
    china_avg, henan_avg = (f"{100 * a:.2f}%" for a in averages.values())
    margin = (target.value - henan_2021.value) / 100
    last = henan_by_year[-1]
    above = tuple(r.id for r in (*china, *realized))
    county, county_ids = county_margins()[MARGIN]
    return gdp, [
        GdpScenario("henan_plus_margin", tuple(r.value / 100 + county / 100 for r in realized),
                    EXACT, CENTRAL, f"Henan's realized growth of each year 2021-2025 plus "
                    f"{county:.2f} point, the pass-through ({pass_through():.2f}) times Shangqiu's "
                    "target margin over Henan in 2025 (and Minquan's in 2021): Minquan grows "
                    "with its province and keeps the growth margin its target premium implies",
                    (gdp.id,), (*(r.id for r in realized), *county_ids), "medium"),
        GdpScenario("targets_step_down", step_down(target.value / 100, last.value / 100),
                    combine(target.bound, last.bound), ILLUSTRATION,
                    f"the 2021 target ({target.value:g}%) stepping down in equal steps to Henan's "
                    f"2025 target ({last.value:g}%), then held to 2035: what the county's targets "
                    "may have been if its premium over the province faded",
                    (gdp.id, target.id), (last.id,), last.confidence),
        GdpScenario("target_2021_held", held(target.value / 100), target.bound, AMBITION,
                    f"the 2021 target ({target.value:g}%) held every year to 2035: an ambition, "
                    "not a central case", (gdp.id, target.id), (), "high"),
        GdpScenario("implied_2016_2020_average", held(past), past_bound, REFERENCE,
                    "average of 2016-2020 implied by 2020 GDP and 'nearly 100亿 above 2015' "
                    "(2015 level = 275.5 - 100); an upper bound because the rise was under 100亿, "
                    "and nominal because the levels are at current prices",
                    (gdp.id, increase.id), (), "high", NOMINAL),
        GdpScenario("implied_2016_2020_average_real", held(deflate(past, prices.annual)),
                    past_bound, REFERENCE,
                    f"the nominal 2016-2020 pace deflated with national CPI 2016-2020 "
                    f"({100 * prices.annual:.2f}% a year; no GDP deflator was found): an upper "
                    "bound, real", (gdp.id, increase.id), prices.ids, "medium"),
        GdpScenario("henan_realized_2021_2025", tuple(r.value / 100 for r in realized),
                    EXACT, REFERENCE, "Henan's realized growth of each year 2021-2025 applied to "
                    "Minquan's 2020 GDP: what the province around it delivered",
                    (gdp.id,), tuple(r.id for r in realized),
                    min((r.confidence for r in realized), key=("high", "medium", "low").index)),
        GdpScenario("henan_14th_fyp", held(henan_plan.value / 100), henan_plan.bound, REFERENCE,
                    "Henan's 14th Five-Year Plan average of about 6% a year", (gdp.id,),
                    (henan_plan.id,), henan_plan.confidence),
        GdpScenario("doubling_by_2035", held(doubling), vision.bound, AMBITION,
                    "constant rate that doubles 2020 GDP by 2035 (the national 2035 vision)",
                    (gdp.id,), (vision.id,), vision.confidence),
        GdpScenario("above_averages_floor", held(floor, PLAN_END), LOWER, AMBITION,
                    "'above national, provincial and prefecture averages' over 2021-2025, read "
                    f"against what was realized: the higher of China's ({china_avg}) and Henan's "
                    f"({henan_avg}) realized average growth, "
                    f"here {higher}; Shangqiu's realized growth was not found",
                    (gdp.id,), above, "high"),
        # one point chosen above the floor, not a bound on anything: exact, an illustration
        GdpScenario("above_averages_2021_margin", held(floor + margin, PLAN_END), EXACT,
                    ILLUSTRATION,
                    "the floor above plus the margin Minquan set over Henan in 2021 (8% vs 7%)",
                    (gdp.id, target.id), (*above, henan_2021.id), "high"),
    ]  # fmt: skip


def urbanization_base_2020() -> Record:
    """Minquan's 2020 urbanization rate, which no source we hold states.

    The county's census communique exists but its urban-rural section was not
    readable (data/external/README.md). We build the base from data before
    2021 only, so that the later rates (2022, 2023) remain a check the path
    cannot have been fitted to: the 2019 rate plus the 2018-2019 step
    (37.73% to 39.27%). Low confidence: the 2020 census re-based every
    urbanization rate, so the true 2020 figure on the census basis may differ.
    """
    before = lookup.fact("Minquan", context.URBANIZATION, "realized", "2018")
    last = lookup.fact("Minquan", context.URBANIZATION, "realized", "2019")
    step = last.value - before.value
    return Record(
        id=last.id,  # the nearest year's row; both rows are the inputs
        value=last.value + step,
        unit="%",
        bound=EXACT,
        label="Minquan: urbanization rate, 2020 (2019 rate plus the 2018-2019 step)",
        label_zh="常住人口城镇化率",
        quote="",
        origin=CONTEXT,
        period="2020",
        inputs=(before.id, last.id),
        source=f"the 2019 rate ({last.value:g}%) plus the 2018-2019 step ({step:+.2f} points)",
        confidence="low",
    )
