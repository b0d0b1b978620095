"""Evidence checks against facts from outside the report: 「三超」, grain yield,
people away from the county, bonds against revenue.

「主要经济指标增速连续多年实现超全国、全省、全市的"三超"目标」 says Minquan's
main indicators grew faster than China's, Henan's and Shangqiu's for many years.
The report states no real growth for any year, but the book holds Minquan's
2016 GDP (a news report, before the 2018 economic census revision), national
CPI for 2017-2020 and, for each year, the growth of at least one comparator.
If Minquan beat the fastest comparator every year, its real GDP grew at least
as much as their product: a check that can fail. CPI is not a GDP deflator, so
a shortfall after deflating by CPI is a *tension* (it holds only if the
county's prices rose less than consumer prices) and an *inconsistency* only if
even the nominal rise falls short.

Each function is pure (plain numbers in, a ``Finding`` out) so a test can feed
it another plausible number; ``checks`` wires them to the records.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ..records.record import Record
from . import benchmarks
from .audit_rules import (
    APPROXIMATE,
    CANNOT_CHECK,
    CONSISTENT,
    EVIDENCE,
    INCONSISTENT,
    TENSION,
    Check,
    Finding,
)

MU_PER_HECTARE = 15  # 1 公顷 = 15 亩
YIELD_NEAR_PCT, YIELD_FAR_PCT = 15.0, 30.0  # a county's yield against its province's


def beats_arithmetic(level_start: float, level_end: float, cpi_pcts: list[float],
                     required: list[float]) -> dict[str, float]:  # fmt: skip
    """The numbers of the 「三超」 real-growth check, in percent: ``needed`` (the
    comparators' cumulative real growth), ``nominal`` and ``real`` (the county's
    rise, undeflated and deflated by CPI), ``cpi`` (a year, average) and ``room``
    (the price rise a year at which the county's rise would still cover ``needed``)."""
    years = len(required)
    nominal = level_end / level_start
    prices = math.prod(1 + c / 100 for c in cpi_pcts)
    needed = math.prod(1 + r / 100 for r in required)
    return {"needed": 100 * (needed - 1), "nominal": 100 * (nominal - 1),
            "real": 100 * (nominal / prices - 1), "cpi": 100 * (prices ** (1 / years) - 1),
            "room": 100 * ((nominal / needed) ** (1 / years) - 1)}  # fmt: skip


def three_beats_real(level_start: float, level_end: float, cpi_pcts: list[float],
                     required: list[tuple[str, float]]) -> Finding:  # fmt: skip
    """Did real GDP grow at least as much as the fastest comparator of each year?

    ``level_start``/``level_end``: nominal GDP at the two ends; ``cpi_pcts``: CPI rise
    in each year between; ``required``: (label, real growth %) of the fastest
    comparator each year. Consistent if the CPI-deflated rise covers the product;
    tension if only the nominal rise does (the county's prices would have had to rise
    less than CPI); inconsistent if not even the nominal rise does.
    """
    n = beats_arithmetic(level_start, level_end, cpi_pcts, [r for _, r in required])
    if n["real"] >= n["needed"]:
        verdict, tail = CONSISTENT, "the claim fits even after deflating by consumer prices."
    elif n["nominal"] >= n["needed"]:
        verdict = TENSION
        tail = (f"it fits only if the county's prices rose at most {n['room']:.1f}% a year, "
                f"against consumer prices' {n['cpi']:.1f}%.")  # fmt: skip
    else:
        verdict, tail = INCONSISTENT, "not even the nominal rise covers it."
    return Finding(
        f"needed +{n['needed']:.1f}% real over {len(required)} years; GDP rose "
        f"+{n['nominal']:.1f}% nominal, +{n['real']:.1f}% deflated by CPI",
        verdict,
        "Beating " + ", ".join(label for label, _ in required)
        + f" takes +{n['needed']:.1f}% in real terms; {tail}")  # fmt: skip


def three_beats_income(own_pct: float, start: float, end: float, other: str) -> Finding:
    """Income per head over 2015-2020: the county's stated rise against a comparator's
    levels (both nominal, so no deflator is needed)."""
    theirs = 100 * (end / start - 1)
    verdict = CONSISTENT if own_pct >= theirs else INCONSISTENT
    return Finding(f"Minquan +{own_pct:g}% vs {other} +{theirs:.1f}%", verdict,
                   f"Per-capita disposable income rose {own_pct:g}% in Minquan and "
                   f"{theirs:.1f}% in {other}: "
                   + ("on income, Minquan outgrew it." if verdict == CONSISTENT else
                      "slower, so 「三超」 cannot hold for income."))  # fmt: skip


def three_beats_year(pairs: list[tuple[str, float, str, float]]) -> Finding:
    """「三超」 in one year: (indicator, own growth %, comparator, its growth %) for every
    indicator the report states with a comparator found. Consistent if Minquan is at or
    above every comparator (one decimal, as the sources round); tension if it is below on
    some: the claim then holds only if that year is not among the 「连续多年」 or those
    indicators are not among the 「主要经济指标」; inconsistent if below on all."""
    sides = [(name, own, who, theirs, benchmarks.compare(own, theirs))
             for name, own, who, theirs in pairs]  # fmt: skip
    below = [s for s in sides if s[4] == "below"]
    above = sorted({s[0] for s in sides} - {s[0] for s in below})
    verdict = (CONSISTENT if not below else INCONSISTENT if len(below) == len(sides)
               else TENSION)  # fmt: skip
    by_name: dict[str, list[str]] = {}
    for name, own, who, theirs, _ in below:
        by_name.setdefault(f"{name.lower()} ({own:.1f}%", []).append(f"{who}'s {theirs:.1f}%")
    shortfalls = "; ".join(f"{k} against {' and '.join(w)})" for k, w in by_name.items())
    computed = (f"at or above on {len(sides) - len(below)} of {len(sides)} comparisons"
                + (f"; below: {shortfalls}" if below else ""))  # fmt: skip
    if verdict == CONSISTENT:
        tail = "Minquan grew at least as fast as every comparator found."
    elif verdict == TENSION:
        tail = (f"Minquan grew faster on {'; '.join(a.lower() for a in above)} but slower on "
                f"{shortfalls}: the claim holds only if 2020 is not among the 「连续多年」 or "
                f"{'that indicator is' if len(by_name) == 1 else 'those indicators are'} "
                "not among the 「主要经济指标」.")  # fmt: skip
    else:
        tail = "Minquan grew slower than every comparator found."
    return Finding(computed, verdict, tail)


def targets_above(pairs: list[tuple[str, float, float]]) -> Finding:
    """(label "<indicator> vs <comparator>", own target, comparator's target): 三超 as a
    plan needs own > other. Counted by comparator, so "above Henan's on 5 of 6" uses the
    indicators chapter 6 compares with Henan, less the CPI ceiling (no growth target)."""
    below = [label for label, own, other in pairs if own < other]
    level = [label for label, own, other in pairs if own == other]
    verdict = INCONSISTENT if below else (APPROXIMATE if level else CONSISTENT)
    text = "; ".join(f"{label} {own:g} vs {other:g}" for label, own, other in pairs)
    counts: dict[str, list[int]] = {}
    for label, own, other in pairs:
        tally = counts.setdefault(label.rsplit(" vs ", 1)[-1], [0, 0])
        tally[0] += own > other
        tally[1] += 1
    above = "; ".join(f"above {who}'s on {n} of {m}" for who, (n, m) in counts.items())
    return Finding(text, verdict,
                   f"Targets set {above} (consumer prices, a ceiling, left out)"
                   + (f"; below: {', '.join(below)}." if below else
                      f"; equal: {', '.join(level)}, so 「超」 is not planned there." if level
                      else ", so the plan is coherent with its 「三超」 goal."))  # fmt: skip


def grain_yield(output_wan_t: float, area_wan_mu: float, province_kg_ha: float) -> Finding:
    """Grain output over the sown area against the province's yield per 亩."""
    own = output_wan_t * 1e4 * 1000 / (area_wan_mu * 1e4)
    theirs = province_kg_ha / MU_PER_HECTARE
    gap = 100 * (own / theirs - 1)
    verdict = (CONSISTENT if abs(gap) <= YIELD_NEAR_PCT else
               APPROXIMATE if abs(gap) <= YIELD_FAR_PCT else TENSION)  # fmt: skip
    return Finding(f"{own:.0f} vs Henan {theirs:.0f} kg per 亩 ({gap:+.0f}%)", verdict,
                   f"{output_wan_t:g}万吨 over at least {area_wan_mu:g}万亩 is at most {own:.0f} kg "
                   f"a sown 亩, {gap:+.0f}% on Henan's average: "
                   + ("a plausible yield for a county of the Huang-Huai plain." if verdict ==
                      CONSISTENT else "far from the province's average; the output or the area "
                      "would need another scope."))  # fmt: skip


def people_away(registered_wan: float, resident_wan: float, transferred_wan: float) -> Finding:
    """Registered people not living in the county against workers transferred off the farm."""
    away = registered_wan - resident_wan
    verdict = CONSISTENT if away <= transferred_wan else TENSION
    return Finding(f"{away:.1f}万 away vs {transferred_wan:g}万 transferred", verdict,
                   f"{away:.1f}万 registered people live outside the county and "
                   f"{transferred_wan:g}万 rural workers were transferred to off-farm work "
                   + ("(in the county or away): the transfers can account for those away." if
                      verdict == CONSISTENT else ": more people are away than workers were "
                      "transferred, possible only if many dependants left with them."))  # fmt: skip


Value = Callable[[str], float]
Derived = Callable[[str], Record]
Fact = Callable[..., Record]


def comparators(x: Fact) -> list[Record]:
    """The fastest real GDP growth the book holds for each year 2017-2020 (China,
    Henan or Shangqiu); the others of the year are lower or not found."""
    return [
        x("Shangqiu", "GDP growth", "realized", "2017"),  # China 6.8 (C153); Henan not found
        x("Henan", "GDP growth", "realized", "2018"),  # China 6.6 (C152); Shangqiu not found
        x("Shangqiu", "GDP growth", "realized", "2019"),  # Henan 7.0 (X123)
        x("China", "GDP growth", "realized", "2020"),
    ]  # Henan 1.3 (X126); Shangqiu not found


def year_2020(v: Value) -> Check:
    """「三超」 in 2020: chapter 2's benchmarks (``benchmarks.GROWTH_2020``) against the
    report's stated growth rates (``v``, so a test can feed in another number)."""
    pairs, ids = [], []
    for name, _, fid, china, henan in benchmarks.comparators_2020():
        for who, record in (("China", china), ("Henan", henan)):
            if fid and record is not None:
                pairs.append((name, v(fid), who, record.value))
                ids += [fid, record.id]
    return Check(
        EVIDENCE, "three_beats_2020", "「三超」 in 2020: the growth rates the report states "
        "against China's and Henan's (chapter 2's benchmarks)", tuple(ids),
        "own growth against each comparator's, one decimal",
        "at or above every comparator; below on some is a tension",
        "「三超」 means above all three levels; the sources round to one decimal, so equal at "
        "one decimal is not below. China's revenue is local governments' own (地方本级); "
        "Henan's investment growth is implied from its two-year average (approximate)",
        three_beats_year(pairs),
        "Minquan's 2020 real GDP growth (not stated in the report) and Shangqiu's 2020 growth "
        "rates (not found); Henan's 2020 revenue, tax and loan growth (not found).")  # fmt: skip


def checks(v: Value, d: Derived, x: Fact) -> tuple[list[Check], list[Check]]:
    """The 「三超」 checks of growth (2017-2020 in real terms, 2020 against chapter 2's
    benchmarks; listed with the strongest tensions) and the rest."""
    gdp16 = x("Minquan", "GDP", "realized", "2016")
    cpi = [x("China", "CPI increase", "realized", str(y)) for y in range(2017, 2021)]
    fast = comparators(x)
    others = [x("China", "GDP growth", "realized", "2017"), x("China", "GDP growth", "realized",
              "2018"), x("Henan", "GDP growth", "realized", "2019"),
              x("Henan", "GDP growth (inferred)", "realized", "2020")]  # fmt: skip
    real = Check(
        EVIDENCE, "three_beats_real", "「三超」 2017-2020: Minquan's real GDP growth from its "
        "2016 level against the fastest of China, Henan and Shangqiu each year",
        ("F0001", gdp16.id, *(r.id for r in cpi), *(r.id for r in fast), *(r.id for r in others),
         d("gdp_real_growth_2017_2020_cpi").id),
        f"(F0001 / {gdp16.id}) / Π(1 + CPI) against Π(1 + fastest comparator)",
        "consistent if the CPI-deflated rise covers it; tension if only the nominal rise does",
        "CPI is not a GDP deflator, so a shortfall after deflating by it is not a contradiction; "
        "the 2016 level predates the 2018 census revision, which raised later levels, so the "
        "measured rise is if anything too high. Two caveats: 「连续多年」 need not mean all four "
        "years, and 「主要经济指标」 are not GDP alone, so a GDP shortfall over four years "
        "strains the claim without refuting it",
        three_beats_real(gdp16.value, v("F0001"), [r.value for r in cpi],
                         [(f"{r.label.split(':')[0]} {r.period} ({r.value:g}%)", r.value)
                          for r in fast]),
        "Minquan's real GDP growth by year 2017-2020 (county statistical communiques), "
        "Shangqiu's growth for 2018 and 2020 and Henan's for 2017 (not found), and a GDP "
        "deflator for the county.")  # fmt: skip
    cn15, cn20 = (
        x("China", "per-capita disposable income", "realized", y) for y in ("2015", "2020")
    )
    hn20 = x("Henan", "per-capita disposable income", "realized", "2020")
    area, henan_yield = v("F0419"), x("Henan", "grain yield per hectare", "realized", "2020")
    registered, population = (
        x("Minquan", "registered (hukou) population", "realized", "2019"),
        x("Minquan", "resident population (7th census)", "realized", "2020"),
    )
    hn = {
        k: x("Henan", ind, "target", "2021")
        for k, ind in [
            ("gdp", "GDP growth"),
            ("iva", "industrial value added above designated size growth"),
            ("fai", "fixed-asset investment growth"),
            ("retail", "retail sales of consumer goods growth"),
            ("rev", "general public budget revenue growth"),
            ("urb", "urbanization rate change"),
        ]
    }
    cn21 = x("China", "GDP growth", "target", "2021")
    rest = [
        Check(EVIDENCE, "three_beats_income", "「三超」 for income: per-capita disposable income "
              "2015-2020 against China's", ("F0166", cn15.id, cn20.id, hn20.id),
              f"F0166 against ({cn20.id} / {cn15.id} − 1) × 100",
              "Minquan's rise at least China's", "Both nominal: no deflator is needed; a slower "
              "five-year rise cannot come from beating the nation every year",
              three_beats_income(v("F0166"), cn15.value, cn20.value, "China"),
              f"Henan's 2015 per-capita disposable income (not found; 2020: {hn20.value:,.0f}元), "
              "and Shangqiu's for both years."),
        Check(EVIDENCE, "three_beats_2021_targets", "「三超」 as a 2021 goal: every target the "
              "county shares with China and Henan", ("F0401", "F0402", "F0403", "F0404", "F0406",
                                                     "F0407", cn21.id, *(r.id for r in hn.values())),
              "own target > comparator's target, each indicator", "every own target above",
              "「超」 means above; a target equal to the comparator's is only approximate",
              targets_above([("GDP vs Henan", v("F0401"), hn["gdp"].value),
                             ("GDP vs China", v("F0401"), cn21.value),
                             ("industrial value added vs Henan", v("F0402"), hn["iva"].value),
                             ("investment vs Henan", v("F0403"), hn["fai"].value),
                             ("retail sales vs Henan", v("F0404"), hn["retail"].value),
                             ("revenue vs Henan", v("F0406"), hn["rev"].value),
                             ("urbanization (points) vs Henan", v("F0407"), hn["urb"].value)]),
              "Shangqiu's 2021 targets (its congress met on 2021-06-09, after Minquan's): not "
              "found."),
        Check(EVIDENCE, "grain_yield", "2020 grain output over the 2021 sown-area floor "
              "(「不低于162.22万亩」) against Henan's 2020 yield", ("F0088", "F0419", henan_yield.id),
              f"F0088 × 10^7 kg / (F0419 × 10^4 亩) against {henan_yield.id} / {MU_PER_HECTARE}",
              f"within {YIELD_NEAR_PCT:g}% of Henan's; approximate to {YIELD_FAR_PCT:g}%",
              "The eastern plain out-yields Henan's hilly west, so some excess is expected; a "
              "county far outside the province's average would need another scope of output "
              "or area (our judgement)",
              grain_yield(v("F0088"), area, henan_yield.value),
              "Minquan's 2020 grain sown area and output by crop (county statistical "
              "communique)."),
        Check(EVIDENCE, "people_away", "Registered people living outside the county against "
              "rural labour transferred to off-farm work", ("F0126", registered.id,
                                                            population.id),
              f"{registered.id} − {population.id} / 10^4 ≤ F0126",
              "those away no more than the workers transferred",
              "Those away are mostly migrant workers and their families; transfers also count "
              "workers who stay in the county, so they should cover those away",
              people_away(registered.value, population.value / 1e4, v("F0126")),
              "Minquan's outgoing migrants by age (census) and the definition behind "
              "「转移就业」 (in or outside the county, counted once a year or cumulatively)."),
        Check(EVIDENCE, "bonds_vs_revenue", "Government bond funds approved (2020) against "
              "general public budget revenue", ("F0030", "F0003", d("bonds_to_revenue_2020").id),
              "F0030 / F0003 × 100", "none", "bond funds are repaid over many years from all "
              "revenue, transfers included; one year's approvals against one year's own revenue "
              "sets no limit",
              Finding(f"{100 * v('F0030') / v('F0003'):.0f}% of the year's own revenue",
                      CANNOT_CHECK, "A year's bond approvals exceed the year's own revenue; "
                      "whether that is prudent depends on the debt stock and on transfers, "
                      "which the report does not give."),
              "The county's debt balance and its comprehensive fiscal resources (债务率), "
              "from the final accounts (决算)."),
    ]  # fmt: skip
    return [real, year_2020(v)], rest
