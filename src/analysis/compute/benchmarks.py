"""Minquan's 2020 numbers beside the same numbers for China and Henan.

The report's headline paragraph gives growth rates and levels for 2020 without a
comparison. The outside facts of ``data/external/added_context.csv`` (ids C…)
and the shared copies (X…) give the national and provincial figures for the
same year where they were found; this module turns them into derived values
(D120-D127, group ``benchmarks``) and into the table that tests the report's
「三超」 claim (growth above the national, provincial and prefecture averages)
for 2020 itself.

Two national stocks were not found for the end of 2020: the deposits and the
loans of all financial institutions (本外币各项存款/贷款余额). Their stand-ins
are floors, and say so in their bound: deposits ≥ M2 less cash in circulation
(M0) at the end of November 2020 (M2 leaves out fiscal deposits, and deposits
rose in December), loans ≥ RMB loans to the real economy at the end of 2020
(which leave out foreign-currency loans and loans to non-bank financial
institutions). Their ratio, the national loan-to-deposit ratio, divides one
floor by another and is only approximate.
"""

from __future__ import annotations

import pandas as pd

from ..records import lookup
from ..records.record import Record
from ..records.vocabulary import APPROXIMATE, LOWER, UPPER

WAN_YI = 1e4  # 万亿元 in 亿元


def facts() -> dict[str, Record]:
    """The outside rows the benchmarks use, by a short name."""
    f = lookup.fact
    return {
        "gdp": f("China", "GDP", "realized", "2020"),
        "gdp_growth": f("China", "GDP growth", "realized", "2020"),
        "fai": f("China", "fixed-asset investment growth (全社会)", "realized", "2020"),
        "retail": f("China", "retail sales of consumer goods growth", "realized", "2020"),
        "revenue": f("China", "general public budget revenue", "realized", "2020"),
        "revenue_growth": f("China", "general public budget revenue growth", "realized", "2020"),
        "local_revenue": f("China", "local general public budget revenue (地方本级)", "realized",
                           "2020"),
        "local_revenue_growth": f("China", "local general public budget revenue growth",
                                  "realized", "2020"),
        "tax_growth": f("China", "tax revenue growth", "realized", "2020"),
        "m2": f("China", "broad money M2 (end of November)", "realized", "2020-11"),
        "m0": f("China", "currency in circulation M0 (end of November)", "realized", "2020-11"),
        "loans": f("China", "RMB loans to the real economy (year-end stock)", "realized", "2020"),
        "loans_growth": f("China", "outstanding yuan loans growth", "realized", "2020"),
        "henan_gdp_growth": f("Henan", "GDP growth (inferred)", "realized", "2020"),
        "henan_fai_2y": f("Henan", "fixed-asset investment growth (two-year average)", "realized",
                          "2020-2021"),
        "henan_fai_2021": f("Henan", "fixed-asset investment growth", "realized", "2021"),
    }  # fmt: skip


def growth_from_two_year_average(average_pct: float, second_year_pct: float) -> float:
    """First-year growth, %, from a two-year average rate and the second year's rate:
    (1 + a)^2 / (1 + g2) − 1."""
    return 100 * ((1 + average_pct / 100) ** 2 / (1 + second_year_pct / 100) - 1)


def derived_rows(v, b) -> list[dict]:
    """Benchmarks as rows of data/derived.csv (``v``, ``b`` as in analysis.compute.derive)."""
    x = facts()
    gdp, rev, local, m2, m0, loans = (x[k] for k in ("gdp", "revenue", "local_revenue", "m2",
                                                      "m0", "loans"))  # fmt: skip
    deposits_floor = (m2.value - m0.value) * WAN_YI
    dep_gdp_china = 100 * deposits_floor / gdp.value
    ldr_china = 100 * loans.value / (m2.value - m0.value)
    dep_gdp = 100 * v("F0007") / v("F0001")
    henan_fai = growth_from_two_year_average(x["henan_fai_2y"].value, x["henan_fai_2021"].value)
    money = (m2.id, m0.id)
    rows = [
        ("D120", "china_revenue_share_of_gdp_2020", "China's general public budget revenue (all "
         "levels) as a share of its GDP, 2020", f"{rev.id} / {gdp.id} × 100", (rev.id, gdp.id),
         100 * rev.value / gdp.value, "%"),
        ("D121", "china_local_revenue_share_of_gdp_2020", "China's local general public budget "
         "revenue (地方本级, what local governments collect themselves) as a share of GDP, 2020",
         f"{local.id} / {gdp.id} × 100", (local.id, gdp.id), 100 * local.value / gdp.value, "%"),
        ("D122", "china_deposits_floor_to_gdp_2020", "China: a floor on deposits relative to GDP, "
         "2020 (M2 less cash, end-November, over 2020 GDP; year-end deposits were not found)",
         f"({m2.id} − {m0.id}) × 10^4 / {gdp.id} × 100", (*money, gdp.id), dep_gdp_china, "%",
         LOWER),
        ("D123", "china_loans_floor_to_gdp_2020", "China: a floor on loans relative to GDP, 2020 "
         "(RMB loans to the real economy, year-end, over 2020 GDP)",
         f"{loans.id} × 10^4 / {gdp.id} × 100", (loans.id, gdp.id),
         100 * loans.value * WAN_YI / gdp.value, "%", LOWER),
        ("D124", "china_loan_deposit_ratio_2020_approx", "China: loan-to-deposit ratio, 2020, "
         "approximate (RMB loans to the real economy over M2 less cash)",
         f"{loans.id} / ({m2.id} − {m0.id}) × 100", (loans.id, *money), ldr_china, "%",
         APPROXIMATE),
        ("D125", "henan_fai_growth_2020_implied", "Henan's fixed-asset investment growth in 2020, "
         "implied by its 2020-2021 two-year average and its 2021 growth",
         f"[(1 + {x['henan_fai_2y'].id}/100)^2 / (1 + {x['henan_fai_2021'].id}/100) − 1] × 100",
         (x["henan_fai_2y"].id, x["henan_fai_2021"].id), henan_fai, "%", APPROXIMATE),
        ("D126", "deposits_to_gdp_vs_china_2020", "Minquan's deposits-to-GDP ratio as a share "
         "of China's (an upper bound: China's is a floor)", "D023 / D122 × 100",
         ("F0007", "F0001", *money, gdp.id), 100 * dep_gdp / dep_gdp_china, "%", UPPER),
        ("D127", "loan_deposit_ratio_gap_vs_china_2020", "Minquan's loan-to-deposit ratio less "
         "China's approximate ratio, 2020, percentage points", "D021 − D124",
         ("F0009", "F0007", loans.id, *money), 100 * v("F0009") / v("F0007") - ldr_china,
         "percentage points", APPROXIMATE),
    ]  # fmt: skip
    return [
        dict(id=did, key=key, group="benchmarks", description=what, formula=formula,
             input_ids=tuple(inputs), value=value, unit=unit, bound=rest[0] if rest else "exact")
        for did, key, what, formula, inputs, value, unit, *rest in rows
    ]  # fmt: skip


def compare(own: float | None, other: float | None) -> str:
    """'above', 'below' or 'equal' (one decimal, as the sources round), or 'not testable'."""
    if own is None or other is None:
        return "not testable"
    own, other = round(own, 1), round(other, 1)
    return "above" if own > other else "below" if own < other else "equal"


HENAN_FAI = "henan_fai_growth_2020_implied"  # a derived value, not a fact
# The report's 2020 growth indicators and their comparators: (indicator, Chinese name,
# Minquan's figure id or None, key of China's fact or None, key of Henan's fact, HENAN_FAI
# or None). One list for chapter 2's table and the audit's 「三超」 check of 2020.
GROWTH_2020 = [
    ("GDP, real", "生产总值", None, "gdp_growth", "henan_gdp_growth"),
    ("Fixed-asset investment", "固定资产投资", "F0002", "fai", HENAN_FAI),
    ("Retail sales of consumer goods", "社会消费品零售总额", None, "retail", None),
    ("General public budget revenue", "一般公共预算收入", "F0004", "local_revenue_growth", None),
    ("Tax revenue", "税收收入", "F0006", "tax_growth", None),
    ("Loans, year end", "各项贷款余额", "F0010", "loans_growth", None),
    ("Deposits, year end", "各项存款余额", "F0008", None, None),
]  # fmt: skip


def comparators_2020() -> list[tuple[str, str, str | None, Record | None, Record | None]]:
    """GROWTH_2020 with China's and Henan's records in place of their keys."""
    x = facts()

    def henan(key: str | None) -> Record | None:
        return None if key is None else lookup.derived(key) if key == HENAN_FAI else x[key]

    return [(name, zh, fid, x[china] if china else None, henan(hn))
            for name, zh, fid, china, hn in GROWTH_2020]  # fmt: skip


def growth_2020() -> pd.DataFrame:
    """The report's 2020 growth indicators beside China's and Henan's, with the verdict of
    「三超」 against each level (None where a rate was not stated or not found)."""

    def value(r: Record | None) -> float | None:
        return None if r is None else r.value

    rows = [(name, zh, lookup.figure(fid) if fid else None, china, henan)
            for name, zh, fid, china, henan in comparators_2020()]  # fmt: skip
    return pd.DataFrame(
        [
            dict(indicator=name, indicator_zh=zh, minquan=own, china=china, henan=henan,
                 vs_china=compare(value(own), value(china)),
                 vs_henan=compare(value(own), value(henan)))
            for name, zh, own, china, henan in rows
        ]
    )  # fmt: skip


def summary(table: pd.DataFrame) -> dict[str, int]:
    """Counts for the text: indicators tested against China, above and below it."""
    tested = table[table["vs_china"] != "not testable"]
    return {
        "tested": len(tested),
        "above": int((tested["vs_china"] == "above").sum()),
        "below": int((tested["vs_china"] == "below").sum()),
        "untested": int(len(table) - len(tested)),
    }
