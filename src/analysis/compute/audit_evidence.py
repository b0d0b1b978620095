"""Evidence checks: tests of the report's numbers that could come out otherwise.

Each check is a pure function of plain numbers returning a ``Finding`` (so a
test can feed it a plausible other number and see the verdict change), and
``checks`` wires it to the records: which figure, derived value or outside
fact goes in, the formula, the tolerance and why, and what data would settle
a check that cannot be decided. They are listed strongest tension first.
"""

from __future__ import annotations

from collections.abc import Callable

from ..records import units
from ..records.record import Record
from . import audit_outside
from .audit_rules import (
    APPROXIMATE,
    CANNOT_CHECK,
    CONSISTENT,
    EVIDENCE,
    TENSION,
    Check,
    Finding,
    at_least,
    at_most,
    close,
)
from .growth import annualised, rate_from_total

FAI_CEILING_PCT = 100.0  # a year's investment above a year's output: see key_projects_vs_gdp
ONE_YEAR_SOFT_PCT, ONE_YEAR_CEILING_PCT = 50.0, 200 / 3
STEP_UP_PP = 5.0  # deposits and loans: 2020 growth against the earlier average
INCOME_PP = 1.0
LIVELIHOOD_FLAT_PCT = -2.0


def key_projects_vs_gdp(invest: float, gdp: float) -> Finding:
    ratio = 100 * invest / gdp
    verdict = at_most(ratio, FAI_CEILING_PCT)
    if verdict == CONSISTENT:
        why = "could be fixed-asset investment made in the county during the year"
    else:
        why = ("fits statistical fixed-asset investment only under a reading the report does not "
               "state: the tally counts multi-year costs, land, equipment bought outside the "
               "county, or projects only partly in it")  # fmt: skip
    return Finding(f"{ratio:.1f}% of GDP", verdict,
                   f"Key-project investment of {invest:g}亿元 against GDP of {gdp:g}亿元 "
                   f"{why}.")  # fmt: skip


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


def growth_vs_doubling(level: float, growth_pct: float, ratio: float, what: str) -> Finding:
    base = level / ratio  # floor on the 2015 level (将近: ratio under 2)
    level_2019 = level / (1 + growth_pct / 100)
    early = 100 * ((level_2019 / base) ** (1 / 4) - 1)
    verdict = close(growth_pct, early, STEP_UP_PP, beyond=TENSION)
    return Finding(
        f"2020 {growth_pct:g}% vs 2016-2019 average at most {early:.1f}% a year", verdict,
        f"Nearly doubling since 2015 with {growth_pct:g}% in 2020 leaves at most {early:.1f}% a "
        f"year for 2016-2019: {what} "
        + ("picked up a little in 2020." if verdict == CONSISTENT else
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


def cannot(computed: str, explanation: str) -> Finding:
    return Finding(computed, CANNOT_CHECK, explanation)


Value = Callable[[str], float]
Derived = Callable[[str], Record]
Fact = Callable[..., Record]


def checks(v: Value, d: Derived, x: Fact) -> list[Check]:
    """Every evidence check, strongest tension first, then the others by theme."""
    kp_gdp = d("key_projects_to_gdp_2020")
    share, pm_share = (
        d("key_projects_2021_annual_share_of_total"),
        d("provincial_projects_2021_annual_share_of_total"),
    )
    jin = d("grain_2020_jin")
    three_beats, outside = audit_outside.checks(v, d, x)
    liv_g, ent = d("livelihood_implied_growth_2016_2020"), d("enterprise_loans_to_loan_stock")
    loan_up = d("loans_increase_2020")
    rows = [
        Check(EVIDENCE, "key_projects_vs_gdp", "Key projects' completed investment (2020) against "
              "GDP, read as fixed-asset investment", ("F0024", "F0001", kp_gdp.id),
              "F0024 / F0001 × 100", f"at most {FAI_CEILING_PCT:.0f}% of GDP; above it, tension",
              "Not a ceiling on what a county can report: statistical fixed-asset investment "
              "(固定资产投资) is not gross fixed capital formation; it counts land purchases and "
              "equipment bought from elsewhere, which are not the county's value added, so it "
              "can approach or pass GDP. Above a whole year's output, though, a tally needs a "
              "stated scope (multi-year costs, land, projects partly elsewhere) to be read as "
              "the year's investment", key_projects_vs_gdp(v("F0024"), v("F0001")),
              "The county's fixed-asset investment level for 2020 (the report and the statistics "
              "we found give only its growth, 1.8%) and the definition behind the key-project "
              "tally (planning office)."),
        Check(EVIDENCE, "key_projects_one_year", "Share of the 184 key projects' total "
              "investment planned for 2021", ("F0415", "F0414", share.id, pm_share.id),
              "F0415 / F0414 × 100", "at most 50%; up to two thirds approximate",
              "Projects lasting two years or more, spending evenly, put at most half their cost "
              "in one year; above two thirds the average project lasts under about 18 months",
              one_year_share(v("F0415"), v("F0414")),
              f"The project list with start and end years (the provincial and municipal subset "
              f"plans {pm_share.value:.0f}% of its total for 2021)."),
        *three_beats,
        Check(EVIDENCE, "livelihood_five_year", "2020 livelihood spending against the "
              "2016-2020 total of 220亿元", ("F0127", "F0165", liv_g.id),
              "g solving Σ_{k=0..4} F0127 / (1+g)^k = F0165",
              f"g ≥ 0; approximate down to {LIVELIHOOD_FLAT_PCT:g}% a year",
              "Rising budgets put the last year above the five-year average (g > 0); a slightly "
              "negative g is flat spending. 220 is a round figure: 215 would make g positive",
              livelihood_path(v("F0127"), v("F0165")),
              "Livelihood spending by year 2016-2019 (final accounts, 决算); flat spending could "
              "also reflect poverty-campaign spending peaking in 2018-2019."),
        Check(EVIDENCE, "grain_floor", "2020 grain output against 「站稳14.8亿斤台阶」",
              ("F0088", "F0162", jin.id), f"F0088 × 10^4 × {units.JIN_PER_TONNE} / 10^8 ≥ F0162",
              "at or above the floor; approximate within 1% below",
              "「站稳」 says the level was reached and held; the record year must stand on it",
              grain_floor(v("F0088"), v("F0162"))),
        *[Check(EVIDENCE, f"{what}_doubling", f"2020 growth of {what} against 「将近翻了一番」 "
                "since 2015", (level, growth, ratio, d(f"{what}_growth_2016_2019").id),
                f"[{level} / (1 + {growth}/100) / ({level} / {ratio})]^(1/4) − 1",
                f"2020 within {STEP_UP_PP:g} points of the 2016-2019 average",
                ("2020 was a year of credit easing: a step-up of a few points needs no "
                 "explanation; a larger one would put the 2020 rate or the doubling in doubt")
                if what == "deposits" else "As for deposits: a step-up of a few points "
                "is ordinary in 2020; a larger one would put the 2020 rate or the doubling in doubt",
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
        *outside,
        Check(EVIDENCE, "livelihood_share", "Livelihood spending 43.7亿元 = 88.8% of budget "
              "expenditure", ("F0127", "F0128", d("budget_expenditure_2020").id),
              "F0127 / (F0128/100)", "none", "no stated expenditure to compare",
              cannot(f"implied expenditure {d('budget_expenditure_2020').value:.2f}亿元",
                     "The share implies an expenditure the report never states, so it can only "
                     "be taken as given."),
              "The county's 2020 final accounts (决算): general public budget expenditure."),
    ]  # fmt: skip
    return rows
