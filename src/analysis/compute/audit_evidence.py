"""Evidence checks: tests of the report's numbers that could come out otherwise.

Each check is a pure function of plain numbers returning a ``Finding`` (so a
test can feed it a plausible other number and see the verdict change), and
``checks`` wires it to the records: which figure, derived value or outside
fact goes in, the formula, the tolerance and why, and what data would settle
a check that cannot be decided. They are listed strongest tension first.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ..records import units
from ..records.record import Record
from .audit_rules import (
    APPROXIMATE,
    CANNOT_CHECK,
    CONSISTENT,
    EVIDENCE,
    INCONSISTENT,
    TENSION,
    Check,
    Finding,
    at_least,
    at_most,
    close,
)
from .growth import annualised, rate_from_total

FAI_CEILING_PCT = 100.0  # investment above GDP: see key_projects_vs_gdp
ONE_YEAR_SOFT_PCT, ONE_YEAR_CEILING_PCT = 50.0, 200 / 3
GRAIN_MIN_BAND_PCT = 2.0
STEP_UP_PP = 5.0  # deposits and loans: 2020 growth against the earlier average
INCOME_PP = 1.0
LIVELIHOOD_FLAT_PCT = -2.0


def key_projects_vs_gdp(invest: float, gdp: float) -> Finding:
    ratio = 100 * invest / gdp
    verdict = at_most(ratio, FAI_CEILING_PCT)
    if verdict == CONSISTENT:
        why = "could be fixed-asset investment made in the county during the year"
    else:
        why = ("cannot be fixed-asset investment in the statistical sense: the key-project tally "
               "must count multi-year costs, land and equipment bought outside the county, or "
               "projects only partly in it")  # fmt: skip
    return Finding(f"{ratio:.1f}% of GDP", verdict,
                   f"Key-project investment of {invest:g}亿元 against GDP of {gdp:g}亿元 "
                   f"{why}.")  # fmt: skip


def key_project_plans_vs_fai_target(plan_2021: float, done_2020: float, completion_pct: float,
                                    fai_target_pct: float) -> Finding:  # fmt: skip
    plan_2020 = done_2020 / (completion_pct / 100)
    growth = 100 * (plan_2021 / plan_2020 - 1)
    tol = abs(completion_pct - 100)
    gap = growth - fai_target_pct
    verdict = at_most(abs(gap), tol)
    return Finding(
        f"2021 plan {growth:+.1f}% on the 2020 plan ({plan_2020:.1f}亿元) vs fixed-asset "
        f"investment target {fai_target_pct:g}%以上; gap {gap:+.1f} points", verdict,
        f"Key-project plans rise {growth:.0f}% while total investment is to rise {fai_target_pct:g}% "
        + ("or more: in step." if verdict == CONSISTENT else
           "or more: the key projects' share of investment must jump within a year, or, as the "
           "ratio to GDP suggests, the key-project tally is not fixed-asset investment."))  # fmt: skip


def one_year_share(annual: float, total: float) -> Finding:
    share = 100 * annual / total
    verdict = at_most(share, ONE_YEAR_CEILING_PCT, soft=ONE_YEAR_SOFT_PCT)
    return Finding(
        f"{share:.1f}% of total investment planned for one year", verdict,
        f"{annual:g} of {total:g}亿元 in 2021: "
        + ("a spread consistent with projects lasting two years or more." if verdict == CONSISTENT
           else "projects such as high-speed rail and motorways take years, so either most of "
           "the list finishes within about a year or 总投资 counts only what remains to be "
           "spent."))  # fmt: skip


def grain_floor(output_wan_t: float, floor_yi_jin: float) -> Finding:
    jin = units.convert(output_wan_t, "万吨", "亿斤")
    return Finding(f"{jin:.2f} vs floor {floor_yi_jin:g} 亿斤", at_least(jin, floor_yi_jin, 0.01),
                   f"{output_wan_t:g}万吨 is {jin:.1f}亿斤 (1 吨 = {units.JIN_PER_TONNE} 斤): "
                   "2020's harvest stands on the 「台阶」 the five-year review names.")  # fmt: skip


def grain_every_year(output_wan_t: float, floor_yi_jin: float) -> Finding:
    jin = units.convert(output_wan_t, "万吨", "亿斤")
    band = 100 * (jin - floor_yi_jin) / jin
    verdict = TENSION if band < GRAIN_MIN_BAND_PCT else CONSISTENT
    verdict = INCONSISTENT if band < 0 else verdict
    return Finding(
        f"all five harvests within {band:.2f}% ({floor_yi_jin:g} to {jin:.2f} 亿斤)", verdict,
        "「再创历史新高」 puts every earlier harvest below 2020's; if 「站稳」 also meant at least "
        f"{floor_yi_jin:g}亿斤 every year, five harvests would lie within {band:.1f}% of each "
        "other. The text does not say every year: read as reached and held by the end of the "
        "plan, the statements agree.")  # fmt: skip


def growth_vs_doubling(level: float, growth_pct: float, ratio: float, what: str) -> Finding:
    base = level / ratio  # floor on the 2015 level (将近: ratio under 2)
    level_2019 = level / (1 + growth_pct / 100)
    early = 100 * ((level_2019 / base) ** (1 / 4) - 1)
    verdict = close(growth_pct, early, STEP_UP_PP, beyond=TENSION)
    return Finding(
        f"2020 {growth_pct:g}% vs 2016-2019 average at most {early:.1f}% a year", verdict,
        f"Nearly doubling since 2015 with {growth_pct:g}% in 2020 leaves at most {early:.1f}% a "
        f"year for 2016-2019: {what} "
        + ("picked up a little in 2020, a year of credit easing." if verdict == CONSISTENT else
           "would have accelerated sharply in 2020."))  # fmt: skip


def rural_vs_all_income(rural_pct: float, rural_years: int, all_pct: float,
                        all_years: int) -> Finding:  # fmt: skip
    rural = 100 * annualised(rural_pct / 100, rural_years)
    every = 100 * annualised(all_pct / 100, all_years)
    verdict = close(rural, every, INCOME_PP, beyond=TENSION)
    return Finding(f"rural {rural:.2f}% vs all residents {every:.2f}% a year", verdict,
                   "Annualised over their own spans (rural four years from 2016, all residents "
                   "five from 2015), the two paces "
                   + ("agree." if verdict == CONSISTENT else "differ: rural incomes fell behind."))  # fmt: skip


def livelihood_path(last: float, total: float, years: int = 5) -> Finding:
    g = 100 * rate_from_total(last, total, years)
    verdict = APPROXIMATE if g >= LIVELIHOOD_FLAT_PCT else TENSION
    verdict = CONSISTENT if g >= 0 else verdict
    return Finding(f"constant growth {g:+.2f}% a year", verdict,
                   f"{years} years ending in {last:g}亿元 sum to {total:g}亿元 only if spending "
                   f"changed by {g:+.1f}% a year: "
                   + ("it rose over the plan." if verdict == CONSISTENT else
                      "flat, although revenue and the budget grew; or the five-year total counts "
                      "more narrowly than the 2020 figure." if verdict == APPROXIMATE else
                      "falling, at odds with the report's account of rising livelihood spending."))  # fmt: skip


def enterprise_loans(issued: float, stock: float, increase: float) -> Finding:
    share = 100 * issued / stock
    verdict = at_most(share, 100.0)
    return Finding(f"issued {issued:g} = {share:.0f}% of the stock; stock rose {increase:.1f}亿元",
                   verdict,
                   f"Gross lending to enterprises ({issued:g}亿元) exceeds the rise in all loans "
                   f"({increase:.1f}亿元), as it should when loans are repaid and renewed; "
                   + ("it stays below the year-end stock, so enterprise credit turned over less "
                      "than once." if verdict == CONSISTENT else
                      "above the whole stock, enterprise credit turned over more than once."))  # fmt: skip


def three_beats_room(index_2020: float, required: list[tuple[str, float]]) -> Finding:
    """Can the county have outgrown the named comparators in their years, given its
    five-year change? ``index_2020``: 2015 = 100, an upper bound; ``required``:
    (label, growth %) of the highest comparator each year."""
    needed = math.prod(1 + rate / 100 for _, rate in required)
    left = index_2020 / 100 / needed
    verdict = CONSISTENT if left >= 1 else INCONSISTENT
    years = len(required)
    return Finding(
        f"needed {100 * (needed - 1):.1f}% over {years} years; 2016-2020 allows at most "
        f"{index_2020 - 100:.1f}%, leaving at most {100 * (left - 1):.1f}% for the other years",
        verdict,
        "The five-year change leaves room to have grown faster than "
        + ", ".join(label for label, _ in required)
        + ("; the test is weak: it ignores prices, so real growth had less room." if left >= 1
           else ": the county would have had to shrink in the other years."))  # fmt: skip


def targets_above(pairs: list[tuple[str, float, float]]) -> Finding:
    """(label, own target, comparator's target): 三超 as a plan needs own > other."""
    below = [label for label, own, other in pairs if own < other]
    level = [label for label, own, other in pairs if own == other]
    verdict = INCONSISTENT if below else (APPROXIMATE if level else CONSISTENT)
    text = "; ".join(f"{label} {own:g} vs {other:g}" for label, own, other in pairs)
    return Finding(text, verdict,
                   "The 2021 targets are set above those of the levels above"
                   + (f", except {', '.join(below)}." if below else
                      ", so the plan is coherent with its 「三超」 goal."))  # fmt: skip


def cannot(computed: str, explanation: str) -> Finding:
    return Finding(computed, CANNOT_CHECK, explanation)


Value = Callable[[str], float]
Derived = Callable[[str], Record]
Fact = Callable[..., Record]


def checks(v: Value, d: Derived, x: Fact) -> list[Check]:
    """Every evidence check, strongest tension first, then the others by theme."""
    kp_gdp, kp_plan = d("key_projects_to_gdp_2020"), d("key_projects_2021_plan_over_2020_plan")
    share, pm_share = (
        d("key_projects_2021_annual_share_of_total"),
        d("provincial_projects_2021_annual_share_of_total"),
    )
    jin, band = d("grain_2020_jin"), d("grain_band_every_year")
    sq19, cn20 = (
        x("Shangqiu", "GDP growth", "realized", "2019"),
        x("China", "GDP growth", "realized", "2020"),
    )
    index = d("gdp_index_2020")
    cn21, hn21 = (
        x("China", "GDP growth", "target", "2021"),
        x("Henan", "GDP growth", "target", "2021"),
    )
    hn_fai = x("Henan", "fixed-asset investment growth", "target", "2021")
    hn_rev = x("Henan", "general public budget revenue growth", "target", "2021")
    hn_urb = x("Henan", "urbanization rate change", "target", "2021")
    liv_g, ent = d("livelihood_implied_growth_2016_2020"), d("enterprise_loans_to_loan_stock")
    loan_up = d("loans_increase_2020")
    rows = [
        Check(EVIDENCE, "key_projects_vs_gdp", "Key projects' completed investment (2020) against "
              "GDP, read as fixed-asset investment", ("F0024", "F0001", kp_gdp.id),
              "F0024 / F0001 × 100", f"at most {FAI_CEILING_PCT:.0f}% of GDP",
              "Investment larger than a year's output would have to be financed from outside on "
              "the scale of the whole economy; no county sustains it", key_projects_vs_gdp(
                  v("F0024"), v("F0001")),
              "The county's fixed-asset investment level for 2020 (statistical communique) and "
              "the definition behind the key-project tally (planning office)."),
        Check(EVIDENCE, "key_project_plans_vs_fai_target", "2021 key-project plan against the "
              "2020 plan, and the 2021 fixed-asset investment target",
              ("F0415", "F0024", "F0025", "F0403", kp_plan.id),
              "F0415 / [F0024 / (F0025/100)] − 1 against F0403",
              f"within the key projects' 2020 over-fulfilment ({v('F0025') - 100:.1f} points)",
              "The report's own key projects beat their plan by that much in 2020; a plan can "
              "drift from investment by as much without a change in what it covers",
              key_project_plans_vs_fai_target(v("F0415"), v("F0024"), v("F0025"), v("F0403")),
              "Fixed-asset investment levels for 2020 and 2021, and the key projects' share "
              "of them."),
        Check(EVIDENCE, "key_projects_one_year", "Share of the 184 key projects' total "
              "investment planned for 2021", ("F0415", "F0414", share.id, pm_share.id),
              "F0415 / F0414 × 100", "at most 50%; up to two thirds approximate",
              "Projects lasting two years or more, spending evenly, put at most half their cost "
              "in one year; above two thirds the average project lasts under about 18 months",
              one_year_share(v("F0415"), v("F0414")),
              f"The project list with start and end years (the provincial and municipal subset "
              f"plans {pm_share.value:.0f}% of its total for 2021)."),
        Check(EVIDENCE, "grain_every_year", "「站稳14.8亿斤台阶」 read as every year 2016-2020, "
              "with 2020 a record (「再创历史新高」)", ("F0088", "F0162", jin.id, band.id),
              "(F0088 in 亿斤 − F0162) / (F0088 in 亿斤) × 100",
              f"a band of at least {GRAIN_MIN_BAND_PCT:g}%",
              "A county's grain output moves with the weather; five harvests within 2% of each "
              "other would be unusual (our judgement; the report gives no yearly series)",
              grain_every_year(v("F0088"), v("F0162")),
              "Grain output by year, 2016-2019 (county statistical communiques)."),
        Check(EVIDENCE, "livelihood_five_year", "2020 livelihood spending against the "
              "2016-2020 total of 220亿元", ("F0127", "F0165", liv_g.id),
              "g solving Σ_{k=0..4} F0127 / (1+g)^k = F0165",
              f"g ≥ 0; approximate down to {LIVELIHOOD_FLAT_PCT:g}% a year",
              "Rising budgets put the last year above the five-year average (g > 0); a slightly "
              "negative g is flat spending",
              livelihood_path(v("F0127"), v("F0165"))),
        Check(EVIDENCE, "grain_floor", "2020 grain output against 「站稳14.8亿斤台阶」",
              ("F0088", "F0162", jin.id), f"F0088 × 10^4 × {units.JIN_PER_TONNE} / 10^8 ≥ F0162",
              "at or above the floor; approximate within 1% below",
              "「站稳」 says the level was reached and held; the record year must stand on it",
              grain_floor(v("F0088"), v("F0162"))),
        *[Check(EVIDENCE, f"{what}_doubling", f"2020 growth of {what} against 「将近翻了一番」 "
                "since 2015", (level, growth, ratio, d(f"{what}_growth_2016_2019").id),
                f"[{level} / (1 + {growth}/100) / ({level} / {ratio})]^(1/4) − 1",
                f"2020 within {STEP_UP_PP:g} points of the 2016-2019 average",
                "2020 was a year of credit easing: a step-up of a few points needs no "
                "explanation; a larger one would put the 2020 rate or the doubling in doubt",
                growth_vs_doubling(v(level), v(growth), v(ratio), what))
          for what, level, growth, ratio in [("deposits", "F0007", "F0008", "F0158"),
                                             ("loans", "F0009", "F0010", "F0159")]],
        Check(EVIDENCE, "enterprise_loans", "Loans issued to enterprises (a flow) against the "
              "loan stock and its 2020 rise", ("F0032", "F0009", "F0010", ent.id, loan_up.id),
              "F0032 / F0009 × 100", "issuance at most the year-end stock",
              "Above the stock, enterprise credit would turn over more than once a year, "
              "possible only with mostly short-term bills",
              enterprise_loans(v("F0032"), v("F0009"), loan_up.value)),
        Check(EVIDENCE, "income_rural_vs_all", "Rural income growth (+42.6% on 2016) against "
              "all residents' (+56% on 2015)", ("F0048", "F0166", d("income_growth_2016_2020").id,
                                                d("rural_income_growth_2017_2020").id),
              "(1 + F0048/100)^(1/4) − 1 vs (1 + F0166/100)^(1/5) − 1",
              f"within {INCOME_PP:g} point a year",
              "Rural incomes growing more than a point a year slower than the average would "
              "widen the rural gap, at odds with the poverty campaign",
              rural_vs_all_income(v("F0048"), 4, v("F0166"), 5)),
        Check(EVIDENCE, "three_beats_room", "「三超」 2016-2020: room in the five-year GDP change "
              "to beat Shangqiu in 2019 and China in 2020", ("F0001", "F0156", index.id, sq19.id,
                                                            cn20.id),
              "(F0001 / (F0001 − F0156)) / [(1 + Shangqiu 2019) × (1 + China 2020)]",
              "the other years' growth not negative",
              "Nominal growth is an upper bound on real growth when prices rise; comparators are "
              "the highest growth in our outside data for each year",
              three_beats_room(index.value, [(f"Shangqiu in 2019 ({sq19.value:g}%)", sq19.value),
                                             (f"China in 2020 ({cn20.value:g}%)", cn20.value)]),
              "Minquan's real GDP growth by year 2016-2020 (county communiques); national, Henan "
              "and Shangqiu growth for 2016-2018 and Henan's for 2019-2020; a GDP deflator."),
        Check(EVIDENCE, "three_beats_2020", "「三超」 in 2020: the year's growth rates against "
              "China, Henan and Shangqiu", ("F0001", "F0002", "F0004", "F0006", cn20.id),
              "none", "none", "no comparison possible",
              cannot("no 2020 GDP growth for Minquan; no 2020 comparators but China's GDP "
                     f"({cn20.value:g}%)",
                     "The report states 2020 growth only for investment, revenue, tax, "
                     "deposits, loans and electricity, and our outside data hold none of these "
                     "for China, Henan or Shangqiu in 2020."),
              "Minquan's 2020 real GDP growth; national, Henan and Shangqiu 2020 growth of "
              "fixed-asset investment, budget and tax revenue (statistical communiques)."),
        Check(EVIDENCE, "three_beats_2021_targets", "「三超」 as a 2021 goal: the county's "
              "targets against China's and Henan's", ("F0401", "F0403", "F0406", "F0407",
                                                      cn21.id, hn21.id, hn_fai.id, hn_rev.id,
                                                      hn_urb.id),
              "own target > comparator's target, each indicator", "every own target above",
              "「超」 means above; a target equal to the comparator's is only approximate",
              targets_above([("GDP vs Henan", v("F0401"), hn21.value),
                             ("GDP vs China", v("F0401"), cn21.value),
                             ("investment vs Henan", v("F0403"), hn_fai.value),
                             ("revenue vs Henan", v("F0406"), hn_rev.value),
                             ("urbanization (points) vs Henan", v("F0407"), hn_urb.value)]),
              "Shangqiu's 2021 targets (its congress met on 2021-06-09, after Minquan's) and "
              "Minquan's 2021 outcomes: not found."),
        Check(EVIDENCE, "key_projects_2020_vs_fai", "Key projects over their 2020 plan "
              "(105.4%) while fixed-asset investment grew 1.8%", ("F0024", "F0025", "F0002"),
              "none", "none", "no comparison possible",
              cannot("no 2019 key-project figure; no investment level",
                     "Over-fulfilling the plan fits slow investment growth if the plan was set "
                     "low or key projects displaced others; the report gives neither."),
              "Key projects' completed investment in 2019 (the 2020 report) and fixed-asset "
              "investment levels for 2019 and 2020."),
        Check(EVIDENCE, "livelihood_share", "Livelihood spending 43.7亿元 = 88.8% of budget "
              "expenditure", ("F0127", "F0128", d("budget_expenditure_2020").id),
              "F0127 / (F0128/100)", "none", "no stated expenditure to compare",
              cannot(f"implied expenditure {d('budget_expenditure_2020').value:.2f}亿元",
                     "The share implies an expenditure the report never states, so it can only "
                     "be taken as given."),
              "The county's 2020 final accounts (决算): general public budget expenditure."),
    ]  # fmt: skip
    return rows
