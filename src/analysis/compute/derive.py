"""What the report's numbers imply: levels, plans, totals, ratios and rates.

Every derived number is one small function of stated figures and becomes one
row of data/derived.csv: a stable ``key`` to ask for it by
(``lookup.derived("revenue_2019")``), a compact ``id`` to cite it by (D001),
both written beside its definition below and never taken from a position in
a list, a formula naming the figure ids, and a ``bound``.

Bounds are reasoned out, not guessed: a hedge says on which side of the stated
number the true number lies (``analysis.records.vocabulary``). A derived value
that *increases* with that input keeps the side; one that *decreases* flips it
(``vocabulary.propagate``); each function's docstring says which way it goes.

An id once published is never given to another value (a dropped one moves to ``RETIRED``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..records import lookup, units
from ..records.vocabulary import EXACT, UPPER, bound_of, flip, propagate
from . import benchmarks, comparisons, fiscal, five_years
from .growth import annualised, cagr, next_level, previous_level, rate_from_total

COLUMNS = ["id", "key", "group", "description", "formula", "input_ids", "value", "unit", "bound"]
GROUPS = ("implied_2019", "implied_plan", "implied_total", "ratio", "fyp13", "conversion",
          "key_projects", "context", "fiscal", "benchmarks")  # fmt: skip
RETIRED: dict[str, str] = {}  # id -> key of derived values no longer published


@dataclass(frozen=True)
class Derived:
    id: str
    key: str
    group: str
    description: str
    formula: str
    input_ids: tuple[str, ...]
    value: float
    unit: str
    bound: str = EXACT


Value = Callable[[str], float]  # figure id -> value as written
Bound = Callable[[str], str]  # figure id -> bound of its hedge


def plan_from_completion(achieved: float, completion_pct: float) -> float:
    """The plan (or target) an achieved amount is a given percentage of."""
    return achieved / (completion_pct / 100)


def total_from_share(part: float, share_pct: float) -> float:
    """The whole a part is a given percentage of."""
    return part / (share_pct / 100)


def share_pct(part: float, whole: float) -> float:
    """A part as a percentage of a whole."""
    return 100 * part / whole


def implied_2019_levels(v: Value, b: Bound) -> list[Derived]:
    """2019 levels = 2020 level / (1 + 2020 growth).

    Exact inputs give exact results. Electricity is hedged: 「首次突破10亿度」
    means 2020 use was above 10 (bound 'lower'); the 2019 level rises with
    the 2020 level, so 10 / 1.077 is a LOWER bound on 2019 use. 「首次」 (for
    the first time) also says 2019 was below 10, so 10 × 1.077 is an UPPER
    bound on 2020 use: the report pins 2020 use between 10 and 10.77 亿度.
    The same holds for industrial use (3 亿度, +9%).
    """
    rows = []
    for did, key, level, growth, what, unit, ceiling in [
        ("D001", "revenue_2019", "F0003", "F0004",
         "general public budget revenue (一般公共预算收入)", "亿元", None),
        ("D002", "tax_revenue_2019", "F0005", "F0006", "tax revenue (税收收入)", "亿元", None),
        ("D003", "deposits_2019", "F0007", "F0008",
         "deposits of financial institutions, year-end (存款余额)", "亿元", None),
        ("D004", "loans_2019", "F0009", "F0010",
         "loans of financial institutions, year-end (贷款余额)", "亿元", None),
        ("D005", "electricity_2019", "F0011", "F0012",
         "total electricity consumption (全社会用电量)", "亿度",
         ("D006", "electricity_2020_ceiling")),
        ("D007", "industrial_electricity_2019", "F0013", "F0014",
         "industrial electricity consumption (工业用电量)", "亿度",
         ("D008", "industrial_electricity_2020_ceiling")),
        ("D009", "enterprise_loans_2019", "F0032", "F0033",
         "loans issued to enterprises (发放企业贷款)", "亿元", None),
        ("D010", "foreign_funds_2019", "F0118", "F0119",
         "funds utilised from outside China (利用境外资金)", "万美元", None),
        ("D011", "trade_2019", "F0120", "F0121", "imports and exports (进出口额)", "亿元", None),
    ]:  # fmt: skip
        rate = v(growth) / 100
        rows.append(Derived(did, key, "implied_2019", f"Implied 2019 level of {what}",
                            f"{level} / (1 + {growth}/100)", (level, growth),
                            previous_level(v(level), rate), unit,
                            propagate(b(level), increasing=True)))  # fmt: skip
        if ceiling:  # 2019 was below the threshold, so 2020 < threshold × (1 + growth)
            rows.append(Derived(ceiling[0], ceiling[1], "implied_2019",
                                f"Ceiling on the 2020 level of {what}: 2019 was below the "
                                "threshold (「首次突破」)", f"{level} × (1 + {growth}/100)",
                                (level, growth), next_level(v(level), rate), unit, UPPER))  # fmt: skip
    return rows


def implied_plans(v: Value, b: Bound) -> list[Derived]:
    """Plan = achieved / completion ratio; rises with the achieved amount."""
    return [
        Derived(did, key, "implied_plan", f"Implied {what}", f"{achieved} / ({ratio}/100)",
                (achieved, ratio), plan_from_completion(v(achieved), v(ratio)), unit,
                propagate(b(achieved), increasing=True))
        for did, key, achieved, ratio, what, unit in [
            ("D012", "key_projects_plan_2020", "F0024", "F0025",
             "annual investment plan of the 186 key projects", "亿元"),
            ("D013", "provincial_projects_plan_2020", "F0027", "F0028",
             "annual investment plan of the 55 provincial and municipal key projects", "亿元"),
            ("D014", "trade_target_2020", "F0120", "F0122",
             "prefecture's (市定) target for imports and exports", "亿元"),
            ("D015", "hogs_target_2020", "F0094", "F0095",
             "prefecture's (市定) target for hogs marketed", "万头"),
        ]
    ]  # fmt: skip


def implied_totals(v: Value, b: Bound) -> list[Derived]:
    """Whole = part / share; 「达」 on the parts is read as exact."""
    agri = total_from_share(v("F0091"), v("F0092"))
    return [
        Derived("D016", "budget_expenditure_2020", "implied_total",
                "Implied general public budget expenditure (一般公共预算支出), from livelihood "
                "spending and its share", "F0127 / (F0128/100)", ("F0127", "F0128"),
                total_from_share(v("F0127"), v("F0128")), "亿元", b("F0127")),
        Derived("D017", "agricultural_output_2020", "implied_total",
                "Implied gross agricultural output value (农业总产值), from livestock output and "
                "its share", "F0091 / (F0092/100)", ("F0091", "F0092"), agri, "亿元", b("F0091")),
        Derived("D049", "agricultural_output_other_than_livestock", "implied_total",
                "Implied gross agricultural output other than animal husbandry",
                "F0091 / (F0092/100) − F0091", ("F0091", "F0092"), agri - v("F0091"), "亿元"),
    ]  # fmt: skip


def structural_ratios(v: Value, b: Bound) -> list[Derived]:
    """Shares and ratios of stated levels (and of levels derived above); all exact."""
    expenditure = total_from_share(v("F0127"), v("F0128"))
    deposits_2019 = previous_level(v("F0007"), v("F0008") / 100)
    loans_2019 = previous_level(v("F0009"), v("F0010") / 100)
    rows = [
        ("D018", "tax_share_of_revenue", "Tax revenue as a share of general public budget revenue",
         "F0005 / F0003 × 100", ("F0005", "F0003"), share_pct(v("F0005"), v("F0003")), "%"),
        ("D019", "non_tax_revenue", "Non-tax revenue (非税收入), budget revenue less tax revenue",
         "F0003 − F0005", ("F0003", "F0005"), v("F0003") - v("F0005"), "亿元"),
        ("D020", "non_tax_share_of_revenue",
         "Non-tax revenue as a share of general public budget revenue",
         "(F0003 − F0005) / F0003 × 100", ("F0003", "F0005"),
         share_pct(v("F0003") - v("F0005"), v("F0003")), "%"),
        ("D021", "loan_deposit_ratio_2020", "Loan-to-deposit ratio (存贷比), end-2020",
         "F0009 / F0007 × 100", ("F0009", "F0007"), share_pct(v("F0009"), v("F0007")), "%"),
        ("D022", "loan_deposit_ratio_2019", "Loan-to-deposit ratio, end-2019 (implied levels)",
         "[F0009 / (1 + F0010/100)] / [F0007 / (1 + F0008/100)] × 100",
         ("F0007", "F0008", "F0009", "F0010"), share_pct(loans_2019, deposits_2019), "%"),
        ("D023", "deposits_to_gdp_2020", "Deposits relative to GDP, 2020", "F0007 / F0001 × 100",
         ("F0007", "F0001"), share_pct(v("F0007"), v("F0001")), "%"),
        ("D024", "loans_to_gdp_2020", "Loans relative to GDP, 2020", "F0009 / F0001 × 100",
         ("F0009", "F0001"), share_pct(v("F0009"), v("F0001")), "%"),
        ("D025", "fiscal_self_sufficiency",
         "Fiscal self-sufficiency: budget revenue as a share of implied expenditure",
         "F0003 / [F0127 / (F0128/100)] × 100", ("F0003", "F0127", "F0128"),
         share_pct(v("F0003"), expenditure), "%"),
        ("D026", "fiscal_gap", "Fiscal gap: implied expenditure not covered by the county's own "
         "budget revenue (covered by transfers and debt)", "F0127 / (F0128/100) − F0003",
         ("F0127", "F0128", "F0003"), expenditure - v("F0003"), "亿元"),
        ("D027", "non_livelihood_expenditure",
         "Implied budget expenditure other than livelihood spending",
         "F0127 / (F0128/100) − F0127", ("F0127", "F0128"), expenditure - v("F0127"), "亿元"),
        ("D028", "persons_per_poor_household", "Persons per registered poor household (建档立卡)",
         "F0043 / F0042", ("F0043", "F0042"), v("F0043") / v("F0042"), "persons per household"),
        ("D029", "rural_to_urban_dibao",
         "Rural minimum living allowance (低保) standard as a share of the urban one",
         "F0132 / F0131 × 100", ("F0132", "F0131"), share_pct(v("F0132"), v("F0131")), "%"),
        ("D048", "key_projects_to_gdp_2020",
         "Key projects' investment completed relative to GDP, 2020", "F0024 / F0001 × 100",
         ("F0024", "F0001"), share_pct(v("F0024"), v("F0001")), "%"),
    ]  # fmt: skip
    return [Derived(did, key, "ratio", *rest) for did, key, *rest in rows]


def fyp13(v: Value, b: Bound) -> list[Derived]:
    """The 13th Five-Year Plan (2016-2020) in numbers.

    GDP: 「较2015年提高近百亿元」: the increase is slightly under 100 (bound
    'upper'). 2015 GDP = 2020 GDP − increase falls as the increase rises, so
    275.5 − 100 is a LOWER bound on 2015 GDP; the 2015-2020 growth rate falls
    as 2015 GDP rises, so the rate computed from it is an UPPER bound, and so
    is the index 2020 (2015 = 100).

    Deposits and loans: 「将近翻了一番」: the 2020/2015 ratio is slightly under 2
    ('upper'). 2015 level = 2020 level / ratio falls as the ratio rises, so
    2020 / 2 is a LOWER bound on the 2015 level; the annual rate 2^(1/5) − 1
    rises with the ratio, an UPPER bound. The 2016-2019 average growth implied
    by the 2015 floor and the 2019 level falls as the 2015 level rises: UPPER.

    Income: +56% over 2015 (all residents) and +42.6% over 2016 (rural) are
    exact cumulative rates: 5 and 4 years of compounding.
    """
    gdp_2015 = v("F0001") - v("F0156")
    gdp_side = propagate(b("F0156"), increasing=False)
    rows = [
        Derived("D030", "gdp_2015", "fyp13",
                "Implied 2015 GDP (生产总值), from 2020 GDP and the increase 「近百亿元」",
                "F0001 − F0156", ("F0001", "F0156"), gdp_2015, "亿元", gdp_side),
        Derived("D031", "gdp_growth_2016_2020", "fyp13",
                "Implied average annual GDP growth 2016-2020 (nominal)",
                "[(F0001 / (F0001 − F0156))^(1/5) − 1] × 100", ("F0001", "F0156"),
                100 * cagr(gdp_2015, v("F0001"), 5), "%", flip(gdp_side)),
        Derived("D032", "gdp_index_2020", "fyp13", "GDP index 2020 (2015 = 100, nominal)",
                "F0001 / (F0001 − F0156) × 100", ("F0001", "F0156"), 100 * v("F0001") / gdp_2015,
                "2015 = 100", flip(gdp_side)),
        Derived("D033", "income_growth_2016_2020", "fyp13",
                "Average annual growth of per-capita disposable income of residents, 2016-2020",
                "[(1 + F0166/100)^(1/5) − 1] × 100", ("F0166",),
                100 * annualised(v("F0166") / 100, 5), "%", b("F0166")),
        Derived("D034", "income_index_2020", "fyp13",
                "Per-capita disposable income of residents, index 2020 (2015 = 100)", "100 + F0166",
                ("F0166",), 100 + v("F0166"), "2015 = 100", b("F0166")),
        Derived("D035", "rural_income_growth_2017_2020", "fyp13",
                "Average annual growth of rural per-capita disposable income, 2017-2020",
                "[(1 + F0048/100)^(1/4) − 1] × 100", ("F0048",),
                100 * annualised(v("F0048") / 100, 4), "%", b("F0048")),
    ]  # fmt: skip
    for (base_id, base_key, rate_id, rate_key, index_id, index_key, early_id, early_key,
         level, ratio, growth, what) in [
        ("D036", "deposits_2015", "D037", "deposits_growth_2016_2020", "D038",
         "deposits_index_2020", "D039", "deposits_growth_2016_2019", "F0007", "F0158", "F0008",
         "deposits"),
        ("D040", "loans_2015", "D041", "loans_growth_2016_2020", "D042", "loans_index_2020",
         "D043", "loans_growth_2016_2019", "F0009", "F0159", "F0010", "loans"),
    ]:  # fmt: skip
        base = v(level) / v(ratio)
        base_side = propagate(b(ratio), increasing=False)
        rises = propagate(b(ratio), increasing=True)
        rows += [
            Derived(base_id, base_key, "fyp13", f"Implied end-2015 {what}, from 「将近翻了一番」",
                    f"{level} / {ratio}", (level, ratio), base, "亿元", base_side),
            Derived(rate_id, rate_key, "fyp13", f"Implied average annual growth of {what} "
                    "2016-2020", f"[{ratio}^(1/5) − 1] × 100", (ratio,),
                    100 * cagr(1, v(ratio), 5), "%", rises),
            Derived(index_id, index_key, "fyp13", f"{what.capitalize()} index 2020 (2015 = 100)",
                    f"{ratio} × 100", (ratio,), 100 * v(ratio), "2015 = 100", rises),
            Derived(early_id, early_key, "fyp13", f"Implied average annual growth of {what} "
                    f"2016-2019, before 2020's {v(growth):g}%",
                    f"{{[{level} / (1 + {growth}/100)] / ({level} / {ratio})}}^(1/4) − 1, × 100",
                    (level, growth, ratio),
                    100 * cagr(base, previous_level(v(level), v(growth) / 100), 4), "%",
                    flip(base_side)),
        ]  # fmt: skip
    rows += [
        Derived("D044", "livelihood_average_2016_2020", "fyp13",
                "Average annual livelihood spending 2016-2020", "F0165 / 5", ("F0165",),
                v("F0165") / 5, "亿元", b("F0165")),
        Derived("D045", "livelihood_2020_share_of_total", "fyp13",
                "2020 livelihood spending as a share of the 2016-2020 total", "F0127 / F0165 × 100",
                ("F0127", "F0165"), share_pct(v("F0127"), v("F0165")), "%"),
    ]  # fmt: skip
    return rows


def conversions(v: Value, b: Bound) -> list[Derived]:
    """Grain: 74.5 万吨 × 2000 斤/吨 = 14.9 亿斤, against the 14.8 亿斤 floor."""
    jin = units.convert(v("F0088"), "万吨", "亿斤")
    formula = f"F0088 × 10^4 × {units.JIN_PER_TONNE} / 10^8"
    return [
        Derived("D046", "grain_2020_jin", "conversion", "2020 grain output (粮食总产) in 亿斤",
                formula, ("F0088",), jin, "亿斤", b("F0088")),
        Derived("D047", "grain_margin_over_floor", "conversion",
                "2020 grain output above the 「站稳14.8亿斤台阶」 floor",
                f"{formula} − F0162", ("F0088", "F0162"), jin - v("F0162"),
                "亿斤"),
    ]  # fmt: skip


def key_projects(v: Value, b: Bound) -> list[Derived]:
    """The key-project lists (重点项目) of 2020 (completed) and 2021 (planned), and
    three values the consistency audit tests (livelihood, grain, enterprise loans).

    All inputs are stated without a hedge, so every value is exact. The 2020
    plan is 438.1 / 1.054 (D012); the 2021 plan is the 「年度计划投资」 of the 184
    projects, their 「总投资」 the full cost of the same projects.
    """
    plan_2020 = plan_from_completion(v("F0024"), v("F0025"))
    rows = [
        ("D080", "key_projects_2021_average_total", "Total investment per 2021 key project",
         "F0414 / F0413", ("F0414", "F0413"), v("F0414") / v("F0413"), "亿元 per project"),
        ("D081", "key_projects_2021_average_annual",
         "2021 planned investment per 2021 key project", "F0415 / F0413", ("F0415", "F0413"),
         v("F0415") / v("F0413"), "亿元 per project"),
        ("D082", "key_projects_2021_annual_share_of_total",
         "Share of the 2021 key projects' total investment planned for 2021",
         "F0415 / F0414 × 100", ("F0415", "F0414"), share_pct(v("F0415"), v("F0414")), "%"),
        ("D083", "provincial_projects_2021_share_of_annual",
         "Provincial and municipal projects' share of 2021 planned key-project investment",
         "F0418 / F0415 × 100", ("F0418", "F0415"), share_pct(v("F0418"), v("F0415")), "%"),
        ("D084", "provincial_projects_2021_annual_share_of_total",
         "Share of the provincial and municipal projects' total investment planned for 2021",
         "F0418 / F0417 × 100", ("F0418", "F0417"), share_pct(v("F0418"), v("F0417")), "%"),
        ("D085", "key_projects_2021_plan_over_2020_done",
         "2021 planned key-project investment against 2020 completed, change",
         "(F0415 / F0024 − 1) × 100", ("F0415", "F0024"), 100 * (v("F0415") / v("F0024") - 1),
         "%"),
        ("D086", "key_projects_2021_plan_over_2020_plan",
         "2021 planned key-project investment against the 2020 plan, change",
         "(F0415 / [F0024 / (F0025/100)] − 1) × 100", ("F0415", "F0024", "F0025"),
         100 * (v("F0415") / plan_2020 - 1), "%"),
        ("D087", "key_projects_2020_average_done", "Investment completed per 2020 key project",
         "F0024 / F0023", ("F0024", "F0023"), v("F0024") / v("F0023"), "亿元 per project"),
        ("D088", "provincial_projects_2020_share_of_done",
         "Provincial and municipal projects' share of 2020 completed key-project investment",
         "F0027 / F0024 × 100", ("F0027", "F0024"), share_pct(v("F0027"), v("F0024")), "%"),
        ("D089", "key_projects_2021_plan_to_gdp_2020",
         "2021 planned key-project investment relative to 2020 GDP", "F0415 / F0001 × 100",
         ("F0415", "F0001"), share_pct(v("F0415"), v("F0001")), "%"),
        ("D090", "other_projects_2021_plan_over_2020_done",
         "Key projects other than provincial and municipal: 2021 plan against 2020 completed, "
         "change", "[(F0415 − F0418) / (F0024 − F0027) − 1] × 100",
         ("F0415", "F0418", "F0024", "F0027"),
         100 * ((v("F0415") - v("F0418")) / (v("F0024") - v("F0027")) - 1), "%"),
        ("D091", "provincial_projects_2021_plan_over_2020_done",
         "Provincial and municipal projects: 2021 plan against 2020 completed, change",
         "(F0418 / F0027 − 1) × 100", ("F0418", "F0027"), 100 * (v("F0418") / v("F0027") - 1),
         "%"),
    ]  # fmt: skip
    jin = units.convert(v("F0088"), "万吨", "亿斤")
    loans_2019 = previous_level(v("F0009"), v("F0010") / 100)
    return [Derived(did, key, "key_projects", *rest) for did, key, *rest in rows] + [
        Derived("D092", "livelihood_implied_growth_2016_2020", "fyp13",
                "Constant annual growth of livelihood spending at which five years ending in "
                "2020's amount sum to the 2016-2020 total", "g: Σ_{k=0..4} F0127 / (1+g)^k = F0165",
                ("F0127", "F0165"), 100 * rate_from_total(v("F0127"), v("F0165"), 5), "%",
                b("F0165")),
        Derived("D093", "grain_band_every_year", "conversion",
                "Band holding every harvest 2016-2020 if each was at least 14.8亿斤 and 2020 the "
                "record, as a share of 2020 output", "(F0088 in 亿斤 − F0162) / (F0088 in 亿斤) × 100",
                ("F0088", "F0162"), share_pct(jin - v("F0162"), jin), "%"),
        Derived("D094", "enterprise_loans_to_loan_stock", "ratio",
                "Loans issued to enterprises in 2020 relative to the year-end loan stock",
                "F0032 / F0009 × 100", ("F0032", "F0009"), share_pct(v("F0032"), v("F0009")), "%"),
        Derived("D095", "loans_increase_2020", "implied_2019",
                "Increase in the loan stock during 2020", "F0009 − F0009 / (1 + F0010/100)",
                ("F0009", "F0010"), v("F0009") - loans_2019, "亿元"),
    ]  # fmt: skip


def with_outside_facts(v: Value, b: Bound) -> list[Derived]:
    """D050-D079, D120-D127, D180-D193: Minquan beside outside facts (X…, C…); defined in
    analysis.compute.comparisons, .fiscal, .benchmarks and .five_years."""
    parts = (comparisons, fiscal, benchmarks, five_years)
    return [Derived(**row) for part in parts for row in part.derived_rows(v, b)]


BUILDERS = (implied_2019_levels, implied_plans, implied_totals, structural_ratios, fyp13,
            conversions, key_projects, with_outside_facts)  # fmt: skip


def table(v: Value, b: Bound) -> pd.DataFrame:
    """Every derived value as one row of data/derived.csv, in id order."""
    rows = sorted((d for build in BUILDERS for d in build(v, b)), key=lambda d: d.id)
    return pd.DataFrame(
        [
            {
                "id": d.id,
                "key": d.key,
                "group": d.group,
                "description": d.description,
                "formula": d.formula,
                "input_ids": ";".join(d.input_ids),
                "value": round(float(d.value), 4),
                "unit": d.unit,
                "bound": d.bound,
            }
            for d in rows
        ],
        columns=COLUMNS,
    )


def from_figures(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """data/derived.csv as the code computes it, from the stated figures
    (``lookup.figure``) or from a given figures table (tests)."""
    if figures is None:
        return table(lambda fid: lookup.figure(fid).value, lambda fid: lookup.figure(fid).bound)
    frame = figures.set_index("id", drop=False) if "id" in figures.columns else figures
    return table(
        lambda fid: float(frame.loc[fid, "value"]),
        lambda fid: bound_of(str(frame.loc[fid, "qualifier"] or "")),
    )
