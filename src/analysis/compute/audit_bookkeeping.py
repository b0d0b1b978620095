"""Bookkeeping checks: identities, repeats and range sanity.

They catch a mistyped record or a wrong period label, but cannot fail for the
report as it is written (529 = 529; 10亿度 lies between 10 and 10.77亿度), so
the audit counts them apart from the evidence (``analysis.compute.audit_rules``).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pandas as pd

from ..records.record import Record
from ..text import report
from .audit_rules import (
    BOOKKEEPING,
    CONSISTENT,
    INCONSISTENT,
    Check,
    Finding,
    equal_values,
    fmt,
    parts_within_whole,
    within_range,
)

# Statements that count the same set in other words: one centre per township,
# one clinic per village. Repeats under the *same* indicator are found
# automatically (repeated_figures); these pairs need a reader to link them.
# (count, the same count in other words, what, why the two should be equal)
LINKED = [
    ("F0015", "F0151", "townships (subdistricts) and their governance centres, all built",
     "One governance centre per township or subdistrict, and 「全部建成」 says every one was "
     "built, so the two counts should match."),
    ("F0016", "F0138", "administrative villages and village clinics under integrated management",
     "Village clinics (村卫生室) are planned one to an administrative village, and the "
     "integrated management covers 「全县」 clinics, so the two counts should match."),
    ("F0016", "F0442", "administrative villages and those given cultural equipment in 2021",
     "The 2021 task names 「全县529个行政村」, every village of the county, so the number "
     "equipped should be the number of villages."),
]  # fmt: skip
# Whole and size classes (largest threshold first) of newly started (2020) and
# newly attracted (2021 target) projects of 5000万元 or more.
PROJECT_CLASSES = [
    ("F0109", ["F0110", "F0111", "F0112", "F0113"], "2020"),
    ("F0431", ["F0435", "F0434", "F0433", "F0432"], "2021 target"),
]
# (whole, part, what): a part stated over many years that exceeds its whole
# means the whole covers fewer years (the civil-affairs funds are one year's).
NESTED = [("F0129", "F0054", "civil-affairs funds and the subsidies of the same programmes "
           "paid to registered poor households")]  # fmt: skip
# Kinds where the same indicator stated twice should carry the same number.
RESTATABLE_KINDS = ("count", "level")
MULTI_YEAR = ("to-", "-")  # period forms that span more than one year


def multi_year(period: str) -> bool:
    return any(mark in period for mark in MULTI_YEAR)


def nested_total(whole: float, whole_period: str, part: float, part_period: str) -> str:
    """A part may exceed its whole only if the part covers more years."""
    if part <= whole:
        return CONSISTENT
    return CONSISTENT if multi_year(part_period) and not multi_year(whole_period) else INCONSISTENT


def _titles(sections) -> str:
    """Section ids as a reader knows them: 'Epidemic control and Poverty alleviation'."""
    titles = [f"“{report.section(sid).title}”" for sid in dict.fromkeys(sections)]
    return ", ".join(titles[:-1]) + " and " + titles[-1] if len(titles) > 1 else titles[0]


def repeated_figures(figs: pd.DataFrame) -> list[pd.DataFrame]:
    """Groups of records stating the same indicator (same kind and unit) more than once.

    Only counts and levels: a growth rate and a level of one indicator are not
    a repeat. Groups whose values differ *and* whose periods differ are left
    out: they are two years of one series, not one figure said twice.
    """
    pool = figs[figs["kind"].isin(RESTATABLE_KINDS)]
    groups = []
    for _, group in pool.groupby(["indicator", "kind", "unit_std"], sort=True):
        if len(group) < 2:
            continue
        if len(set(group["value"].astype(float))) > 1 and group["period"].nunique() > 1:
            continue
        groups.append(group.reset_index(drop=True).sort_values("id"))
    return groups


def class_readings(whole: float, parts: list[float], names: list[str]) -> pd.DataFrame:
    """The two readings of '其中 …以上 n个' size classes of a whole.

    parts and names run from the largest threshold down, the last name being
    the class below the smallest threshold. 'Bands' reads each class as
    exclusive (the rest fall below the smallest threshold); 'cumulative'
    reads each class as including the larger ones, so a band holds the
    difference between a class and the one above it.
    """
    bands = [*parts, whole - sum(parts)]
    above = [parts[0]] + [b - a for a, b in pairwise(parts)]
    cumulative = [*above, whole - parts[-1]]
    rows = []
    for reading, values in (("Read as bands", bands), ("Read as cumulative", cumulative)):
        rows += [
            {"whole": reading, "part": name, "value": float(value)}
            for name, value in zip(names, values, strict=True)
        ]
    return pd.DataFrame(rows)


def _check(check, description, inputs, formula, tolerance, why, finding) -> Check:
    return Check(BOOKKEEPING, check, description, tuple(inputs), formula, tolerance, why, finding)


def checks(figs: pd.DataFrame, d: Callable[[str], Record]) -> list[Check]:
    v: Callable[[str], float] = lambda fid: float(figs.loc[fid, "value"])  # noqa: E731
    rows: list[Check] = []
    why_identity = "an identity or a range: it catches a mistyped record, not a report at odds with itself"  # fmt: skip
    for level, growth, what in [("F0011", "F0012", "total"), ("F0013", "F0014", "industrial")]:
        floor, ceiling = v(level), v(level) * (1 + v(growth) / 100)
        rows.append(_check(
            f"electricity_{what}_threshold", f"{what.capitalize()} electricity use 「首次突破」 "
            f"{floor:g}亿度 with {v(growth):g}% growth", [level, growth],
            f"{level} ≤ 2020 < {level} × (1 + {growth}/100)", "a non-empty interval", why_identity,
            Finding(f"2020 between {floor:g} and {ceiling:.2f}亿度",
                    within_range(floor, floor, ceiling),
                    "“For the first time above” with that growth pins 2020 use in a narrow "
                    "interval; it cannot be empty while growth is positive.")))  # fmt: skip
    rev19 = d("revenue_2019")
    rows.append(_check(
        "revenue_threshold", "Budget revenue 「率先突破10亿大关」 during 2016-2020",
        ["F0157", "F0003", rev19.id], "F0003 ≥ F0157", "2020 level above 10", why_identity,
        Finding(f"2019 {rev19.value:.2f}, 2020 {v('F0003'):g}亿元",
                CONSISTENT if v("F0003") >= v("F0157") else INCONSISTENT,
                "Revenue was above 10亿元 in 2020 and, by the stated growth, already in 2019; "
                "being first in the prefecture cannot be checked.")))  # fmt: skip
    plan55, plan186 = d("provincial_projects_plan_2020"), d("key_projects_plan_2020")
    for year, ids, plans in [
        ("2020", ("F0026", "F0023", "F0027", "F0024"), (plan55.value, plan186.value)),
        ("2021", ("F0416", "F0413", "F0417", "F0414", "F0418", "F0415"), ()),
    ]:
        pairs = [(v(ids[i]), v(ids[i + 1])) for i in range(0, len(ids), 2)] + [plans] * bool(plans)
        extra = [plan55.id, plan186.id] if plans else []
        rows.append(_check(
            f"key_projects_subset_{year}", f"Provincial and municipal projects within the key "
            f"projects, {year}", [*ids, *extra], "each part ≤ its whole", "each part at most its "
            "whole", why_identity,
            Finding("; ".join(f"{fmt(a)} of {fmt(b)}" for a, b in pairs),
                    CONSISTENT if all(a <= b for a, b in pairs) else INCONSISTENT,
                    "Numbers, investment and plans of the subset fit inside the whole.")))  # fmt: skip
    size = d("persons_per_poor_household")
    rows.append(_check(
        "poverty_household_size", "Registered poor persons per registered poor household",
        ["F0042", "F0043", size.id], "F0043 / F0042", "between 1 and 6", why_identity,
        Finding(f"{size.value:.2f} persons per household", within_range(size.value, 1, 6),
                "A plausible household size; the report states no yearly breakdown.")))  # fmt: skip
    for whole, part, what in NESTED:
        if whole in figs.index and part in figs.index:
            w, p = figs.loc[whole], figs.loc[part]
            rows.append(_check(
                "nested_total", f"Part and whole over their periods: {what}", [whole, part],
                f"{part} ≤ {whole}, unless {part} covers more years", "a larger part covers "
                "more years", "checks the period labels of two records", Finding(
                    f"{p['value']:g} ({p['period']}) vs {w['value']:g} ({w['period']})",
                    nested_total(w["value"], w["period"], p["value"], p["period"]),
                    "The campaign-long part exceeds the whole, so the whole is one year's "
                    "total, whatever 「累计」 suggests.")))  # fmt: skip
    for whole, parts, year in PROJECT_CLASSES:
        if not all(i in figs.index for i in [whole, *parts]):
            continue
        values = [v(i) for i in parts]
        rows.append(_check(
            f"project_classes_{year[:4]}", f"Projects of 5000万元 or more by size class, {year}",
            [whole, *parts], "Σ classes ≤ whole (bands) or largest ≤ whole (cumulative)",
            "classes within the whole", why_identity, Finding(
                f"{' + '.join(f'{x:g}' for x in values)} = {sum(values):g} of {v(whole):g}",
                parts_within_whole(values, v(whole)),
                f"Read as bands, {v(whole) - sum(values):g} projects lie between 5000万 and "
                f"1亿元; read as cumulative, {v(whole) - values[-1]:g} do; the text cannot tell "
                "them apart.")))  # fmt: skip
    for group in repeated_figures(figs):
        values = [float(x) for x in group["value"]]
        label = group["indicator"].iloc[0]
        rows.append(_check(
            "repeated", f"{label} stated {len(group)} times", list(group["id"]), "equal values",
            "identical", "the same figure said twice", Finding(
                " = ".join(fmt(x) for x in values), equal_values(values),
                f"The same {label.lower()} figure appears in the sections "
                f"{_titles(group['section'])}.")))  # fmt: skip
    for a, b, what, why in LINKED:
        if a in figs.index and b in figs.index:
            values = [v(a), v(b)]
            rows.append(_check(
                "linked", f"Same count in other words: {what}", [a, b], "equal values",
                "identical", why.split(",")[0].lower(), Finding(
                    " = ".join(fmt(x) for x in values), equal_values(values), why)))  # fmt: skip
    return rows
