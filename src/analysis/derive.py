"""What the report's numbers imply: levels, plans, totals, ratios and rates.

Every derived number is one small function of stated figures (data/figures.csv)
and becomes one record of data/derived.csv with a stable id (D001, D002, ...),
a human-readable formula naming the figure ids, and a ``bound`` flag when a
hedged input (近, 将近, 首次突破, 超 ...) makes the result one-sided.

Bounds are reasoned out, not guessed: a hedge says on which side of the stated
number the true number lies (analysis.figures.QUALIFIERS: 'lower' = the true
value is at least the stated one, 'upper' = at most). A derived value that
*increases* with that input keeps the side; one that *decreases* flips it.
``propagate`` encodes exactly this rule, and each function's docstring says
which way it goes and why.

``python -m analysis derive`` writes data/derived.csv (atomically,
deterministically); ``--check`` exits 1 when the committed file differs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .base import io, locations

COLUMNS = [
    "id", "group", "description", "formula", "input_ids", "value", "unit", "bound",
]  # fmt: skip
GROUPS = ("implied_2019", "implied_plan", "implied_total", "ratio", "fyp13", "conversion")
BOUNDS = ("lower", "upper", "approximate", "")
JIN_PER_TONNE = 2000  # 1 斤 = 0.5 kg


# --- the arithmetic, pure functions of numbers -------------------------------


def previous_level(level: float, growth_pct: float) -> float:
    """Level a year earlier, from this year's level and its growth in percent."""
    return level / (1 + growth_pct / 100)


def next_level(level: float, growth_pct: float) -> float:
    """Level a year later, from this year's level and next year's growth in percent."""
    return level * (1 + growth_pct / 100)


def plan_from_completion(achieved: float, completion_pct: float) -> float:
    """The plan (or target) an achieved amount is a given percentage of."""
    return achieved / (completion_pct / 100)


def total_from_share(part: float, share_pct: float) -> float:
    """The whole a part is a given percentage of."""
    return part / (share_pct / 100)


def share_pct(part: float, whole: float) -> float:
    """A part as a percentage of a whole."""
    return 100 * part / whole


def annual_rate_pct(ratio: float, years: float) -> float:
    """Compound annual growth rate in percent for a cumulative ratio over `years` years."""
    return 100 * (ratio ** (1 / years) - 1)


def tonnes_to_jin(tonnes: float) -> float:
    return tonnes * JIN_PER_TONNE


def flip(side: str) -> str:
    return {"lower": "upper", "upper": "lower"}.get(side, side)


def propagate(side: str, increasing: bool) -> str:
    """Side of a derived value given the side of its hedged input.

    `side` is 'lower' (true input >= stated), 'upper' (true input <= stated),
    'approximate' or '' (exact). A derived value increasing in the input keeps
    the side; a decreasing one flips it; approximate stays approximate.
    """
    return side if increasing else flip(side)


def input_side(qualifier: str) -> str:
    """The side a figure's qualifier puts the true value on ('' when exact)."""
    from .figures import QUALIFIERS

    if not qualifier:
        return ""
    side = QUALIFIERS[qualifier][1]
    return {"approx": "approximate", "exact": "", "target": ""}.get(side, side)


# --- the records --------------------------------------------------------------


@dataclass(frozen=True)
class Derived:
    id: str
    group: str
    description: str
    formula: str
    input_ids: tuple[str, ...]
    value: float
    unit: str
    bound: str = ""


Getter = Callable[[str], float]
Qualifier = Callable[[str], str]


def implied_2019_levels(v: Getter, q: Qualifier) -> list[tuple]:
    """2019 levels = 2020 level / (1 + 2020 growth).

    Exact inputs give exact results. Electricity is hedged: 「首次突破10亿度」
    means 2020 use was above 10 (qualifier 'lower'); the 2019 level rises with
    the 2020 level, so 10 / 1.077 is a LOWER bound on 2019 use. 「首次」 (for
    the first time) also says 2019 was below 10, so 10 × 1.077 is an UPPER
    bound on 2020 use: the report pins 2020 use between 10 and 10.77 亿度.
    The same holds for industrial use (3 亿度, +9%).
    """
    rows = []
    for level, growth, what, unit in [
        ("F0003", "F0004", "general public budget revenue (一般公共预算收入)", "亿元"),
        ("F0005", "F0006", "tax revenue (税收收入)", "亿元"),
        ("F0007", "F0008", "deposits of financial institutions, year-end (存款余额)", "亿元"),
        ("F0009", "F0010", "loans of financial institutions, year-end (贷款余额)", "亿元"),
        ("F0011", "F0012", "total electricity consumption (全社会用电量)", "亿度"),
        ("F0013", "F0014", "industrial electricity consumption (工业用电量)", "亿度"),
        ("F0032", "F0033", "loans issued to enterprises (发放企业贷款)", "亿元"),
        ("F0118", "F0119", "funds utilised from outside China (利用境外资金)", "万美元"),
        ("F0120", "F0121", "imports and exports (进出口额)", "亿元"),
    ]:
        side = propagate(input_side(q(level)), increasing=True)
        rows.append(
            (
                "implied_2019",
                f"Implied 2019 level of {what}",
                f"{level} / (1 + {growth}/100)",
                (level, growth),
                previous_level(v(level), v(growth)),
                unit,
                side,
            )
        )
        if q(level) == "首次突破":
            # 2019 was below the threshold, so 2020 < threshold × (1 + growth).
            rows.append(
                (
                    "implied_2019",
                    f"Ceiling on the 2020 level of {what}: 2019 was below the threshold "
                    "(「首次突破」)",
                    f"{level} × (1 + {growth}/100)",
                    (level, growth),
                    next_level(v(level), v(growth)),
                    unit,
                    "upper",
                )
            )
    return rows


def implied_plans(v: Getter, q: Qualifier) -> list[tuple]:
    """Plan = achieved / completion ratio. All inputs exact, results exact."""
    rows = []
    for achieved, ratio, what, unit in [
        ("F0024", "F0025", "annual investment plan of the 186 key projects", "亿元"),
        (
            "F0027",
            "F0028",
            "annual investment plan of the 55 provincial and municipal key projects",
            "亿元",
        ),
        ("F0120", "F0122", "prefecture's (市定) target for imports and exports", "亿元"),
        ("F0094", "F0095", "prefecture's (市定) target for hogs marketed", "万头"),
    ]:
        rows.append(
            (
                "implied_plan",
                f"Implied {what}",
                f"{achieved} / ({ratio}/100)",
                (achieved, ratio),
                plan_from_completion(v(achieved), v(ratio)),
                unit,
                propagate(input_side(q(achieved)), increasing=True),
            )
        )
    return rows


def implied_totals(v: Getter, q: Qualifier) -> list[tuple]:
    """Whole = part / share. 「达」 on the parts is read as exact."""
    return [
        (
            "implied_total",
            "Implied general public budget expenditure (一般公共预算支出), from livelihood "
            "spending and its share",
            "F0127 / (F0128/100)",
            ("F0127", "F0128"),
            total_from_share(v("F0127"), v("F0128")),
            "亿元",
            input_side(q("F0127")),
        ),
        (
            "implied_total",
            "Implied gross agricultural output value (农业总产值), from livestock output and its "
            "share",
            "F0091 / (F0092/100)",
            ("F0091", "F0092"),
            total_from_share(v("F0091"), v("F0092")),
            "亿元",
            input_side(q("F0091")),
        ),
    ]


def structural_ratios(v: Getter, q: Qualifier) -> list[tuple]:
    """Shares and ratios of stated levels (and of levels derived above); all exact."""
    expenditure = total_from_share(v("F0127"), v("F0128"))
    deposits_2019 = previous_level(v("F0007"), v("F0008"))
    loans_2019 = previous_level(v("F0009"), v("F0010"))
    return [
        ("ratio", "Tax revenue as a share of general public budget revenue", "F0005 / F0003 × 100",
         ("F0005", "F0003"), share_pct(v("F0005"), v("F0003")), "%", ""),
        ("ratio", "Non-tax revenue (非税收入), budget revenue less tax revenue", "F0003 − F0005",
         ("F0003", "F0005"), v("F0003") - v("F0005"), "亿元", ""),
        ("ratio", "Non-tax revenue as a share of general public budget revenue",
         "(F0003 − F0005) / F0003 × 100", ("F0003", "F0005"),
         share_pct(v("F0003") - v("F0005"), v("F0003")), "%", ""),
        ("ratio", "Loan-to-deposit ratio (存贷比), end-2020", "F0009 / F0007 × 100",
         ("F0009", "F0007"), share_pct(v("F0009"), v("F0007")), "%", ""),
        ("ratio", "Loan-to-deposit ratio, end-2019 (implied levels)",
         "[F0009 / (1 + F0010/100)] / [F0007 / (1 + F0008/100)] × 100",
         ("F0007", "F0008", "F0009", "F0010"), share_pct(loans_2019, deposits_2019), "%", ""),
        ("ratio", "Deposits relative to GDP, 2020", "F0007 / F0001 × 100", ("F0007", "F0001"),
         share_pct(v("F0007"), v("F0001")), "%", ""),
        ("ratio", "Loans relative to GDP, 2020", "F0009 / F0001 × 100", ("F0009", "F0001"),
         share_pct(v("F0009"), v("F0001")), "%", ""),
        ("ratio", "Fiscal self-sufficiency: budget revenue as a share of implied expenditure",
         "F0003 / [F0127 / (F0128/100)] × 100", ("F0003", "F0127", "F0128"),
         share_pct(v("F0003"), expenditure), "%", ""),
        ("ratio", "Fiscal gap: implied expenditure not covered by the county's own budget "
         "revenue (covered by transfers and debt)", "F0127 / (F0128/100) − F0003",
         ("F0127", "F0128", "F0003"), expenditure - v("F0003"), "亿元", ""),
        ("ratio", "Implied budget expenditure other than livelihood spending",
         "F0127 / (F0128/100) − F0127", ("F0127", "F0128"), expenditure - v("F0127"), "亿元",
         ""),
        ("ratio", "Persons per registered poor household (建档立卡)", "F0043 / F0042",
         ("F0043", "F0042"), v("F0043") / v("F0042"), "persons per household", ""),
        ("ratio", "Rural minimum living allowance (低保) standard as a share of the urban one",
         "F0132 / F0131 × 100", ("F0132", "F0131"), share_pct(v("F0132"), v("F0131")), "%", ""),
    ]  # fmt: skip


def fyp13(v: Getter, q: Qualifier) -> list[tuple]:
    """The 13th Five-Year Plan (2016-2020) in numbers.

    GDP: 「较2015年提高近百亿元」: the increase is slightly under 100 (qualifier
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
    gdp_side = propagate(input_side(q("F0156")), increasing=False)
    rows = [
        ("fyp13", "Implied 2015 GDP (生产总值), from 2020 GDP and the increase 「近百亿元」",
         "F0001 − F0156", ("F0001", "F0156"), gdp_2015, "亿元", gdp_side),
        ("fyp13", "Implied average annual GDP growth 2016-2020 (nominal)",
         "[(F0001 / (F0001 − F0156))^(1/5) − 1] × 100", ("F0001", "F0156"),
         annual_rate_pct(v("F0001") / gdp_2015, 5), "%", flip(gdp_side)),
        ("fyp13", "GDP index 2020 (2015 = 100, nominal)", "F0001 / (F0001 − F0156) × 100",
         ("F0001", "F0156"), 100 * v("F0001") / gdp_2015, "2015 = 100", flip(gdp_side)),
        ("fyp13", "Average annual growth of per-capita disposable income of residents, "
         "2016-2020", "[(1 + F0166/100)^(1/5) − 1] × 100", ("F0166",),
         annual_rate_pct(1 + v("F0166") / 100, 5), "%", input_side(q("F0166"))),
        ("fyp13", "Per-capita disposable income of residents, index 2020 (2015 = 100)",
         "100 + F0166", ("F0166",), 100 + v("F0166"), "2015 = 100", input_side(q("F0166"))),
        ("fyp13", "Average annual growth of rural per-capita disposable income, 2017-2020",
         "[(1 + F0048/100)^(1/4) − 1] × 100", ("F0048",),
         annual_rate_pct(1 + v("F0048") / 100, 4), "%", input_side(q("F0048"))),
    ]  # fmt: skip
    for level, ratio, growth, what in [
        ("F0007", "F0158", "F0008", "deposits"),
        ("F0009", "F0159", "F0010", "loans"),
    ]:
        ratio_side = input_side(q(ratio))
        base = v(level) / v(ratio)
        base_side = propagate(ratio_side, increasing=False)
        rows += [
            ("fyp13", f"Implied end-2015 {what}, from 「将近翻了一番」", f"{level} / {ratio}",
             (level, ratio), base, "亿元", base_side),
            ("fyp13", f"Implied average annual growth of {what} 2016-2020",
             f"[{ratio}^(1/5) − 1] × 100", (ratio,), annual_rate_pct(v(ratio), 5), "%",
             propagate(ratio_side, increasing=True)),
            ("fyp13", f"{what.capitalize()} index 2020 (2015 = 100)", f"{ratio} × 100", (ratio,),
             100 * v(ratio), "2015 = 100", propagate(ratio_side, increasing=True)),
            ("fyp13", f"Implied average annual growth of {what} 2016-2019, before 2020's "
             f"{v(growth):g}%", f"{{[{level} / (1 + {growth}/100)] / ({level} / {ratio})}}^(1/4) "
             "− 1, × 100", (level, growth, ratio),
             annual_rate_pct(previous_level(v(level), v(growth)) / base, 4), "%",
             flip(base_side)),
        ]  # fmt: skip
    rows += [
        ("fyp13", "Average annual livelihood spending 2016-2020", "F0165 / 5", ("F0165",),
         v("F0165") / 5, "亿元", input_side(q("F0165"))),
        ("fyp13", "2020 livelihood spending as a share of the 2016-2020 total",
         "F0127 / F0165 × 100", ("F0127", "F0165"), share_pct(v("F0127"), v("F0165")), "%", ""),
    ]  # fmt: skip
    return rows


def conversions(v: Getter, q: Qualifier) -> list[tuple]:
    """Grain: 74.5 万吨 × 2000 斤/吨 = 14.9 亿斤, against the 14.8 亿斤 floor."""
    jin = tonnes_to_jin(v("F0088") * 1e4) / 1e8
    return [
        ("conversion", "2020 grain output (粮食总产) in 亿斤", "F0088 × 10^4 × 2000 / 10^8",
         ("F0088",), jin, "亿斤", input_side(q("F0088"))),
        ("conversion", "2020 grain output above the 「站稳14.8亿斤台阶」 floor",
         "F0088 × 10^4 × 2000 / 10^8 − F0162", ("F0088", "F0162"), jin - v("F0162"), "亿斤",
         ""),
    ]  # fmt: skip


def later_additions(v: Getter, q: Qualifier) -> list[tuple]:
    """Records added after the first release, kept last so earlier ids stay stable."""
    agri = total_from_share(v("F0091"), v("F0092"))
    return [
        ("ratio", "Key projects' investment completed relative to GDP, 2020",
         "F0024 / F0001 × 100", ("F0024", "F0001"), share_pct(v("F0024"), v("F0001")), "%", ""),
        ("implied_total", "Implied gross agricultural output other than animal husbandry",
         "F0091 / (F0092/100) − F0091", ("F0091", "F0092"), agri - v("F0091"), "亿元", ""),
    ]  # fmt: skip


# --- assembling the table -----------------------------------------------------


def derive(v: Getter, q: Qualifier) -> pd.DataFrame:
    """All derived records, ids D001... in a fixed order (append new ones at the end)."""
    rows = (
        implied_2019_levels(v, q)
        + implied_plans(v, q)
        + implied_totals(v, q)
        + structural_ratios(v, q)
        + fyp13(v, q)
        + conversions(v, q)
        + later_additions(v, q)
    )
    records = [
        Derived(f"D{i:03d}", group, desc, formula, tuple(ids), float(value), unit, bound)
        for i, (group, desc, formula, ids, value, unit, bound) in enumerate(rows, 1)
    ]
    frame = pd.DataFrame(
        [
            {
                "id": r.id,
                "group": r.group,
                "description": r.description,
                "formula": r.formula,
                "input_ids": ";".join(r.input_ids),
                "value": round(r.value, 4),
                "unit": r.unit,
                "bound": r.bound,
            }
            for r in records
        ],
        columns=COLUMNS,
    )
    return frame


def from_figures(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Derived records computed from data/figures.csv (or a given figures frame)."""
    from . import figures as figures_module

    frame = figures_module.load() if figures is None else figures
    frame = frame.set_index("id", drop=False) if "id" in frame.columns else frame

    def v(fid: str) -> float:
        return float(frame.loc[fid, "value"])

    def q(fid: str) -> str:
        return str(frame.loc[fid, "qualifier"] or "")

    return derive(v, q)


def path():
    return locations.data_dir() / "derived.csv"


def load() -> pd.DataFrame:
    """data/derived.csv as written (ids as index); chapters read through this."""
    frame = pd.read_csv(path(), dtype={"bound": str}, keep_default_na=False)
    frame["value"] = frame["value"].astype(float)
    return frame.set_index("id", drop=False)


def find(frame: pd.DataFrame, description_start: str) -> pd.Series:
    """The one record whose description starts with the given text."""
    hits = frame[frame["description"].str.startswith(description_start)]
    if len(hits) != 1:
        raise KeyError(f"{len(hits)} derived records start with {description_start!r}")
    return hits.iloc[0]


def main(argv: list[str]) -> int:
    """python -m analysis derive [--check]"""
    if argv not in ([], ["--check"]):
        print("usage: python -m analysis derive [--check]", file=sys.stderr)
        return 2
    frame = from_figures()
    if argv == ["--check"]:
        current = path().read_text(encoding="utf-8") if path().exists() else None
        if current != io.csv_text(frame):
            print(f"{path()} is out of date: run `python -m analysis derive`", file=sys.stderr)
            return 1
        print(f"{path()} is up to date ({len(frame)} records)")
        return 0
    io.write_csv_atomic(frame, path())
    print(f"wrote {path()} ({len(frame)} records)")
    return 0
