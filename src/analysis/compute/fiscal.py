"""How far Minquan pays its own way: the public purse per resident, as a share of GDP,
and what the 2021 revenue target implies for it.

The report gives general public budget revenue (一般公共预算收入, 11.3亿元), its tax
part, livelihood spending (43.7亿元) and that spending's share of budget
expenditure (88.8%), from which expenditure follows (``budget_expenditure_2020``,
D016). Everything below divides those by GDP or by the 2020 census population,
or compares them with what Henan and Shangqiu published (derived values
D063-D074 and D079, group ``fiscal``).

The revenue target (7%左右) is nominal; the GDP target (8%左右) is real. Their
ratio needs expected inflation: we take the report's own CPI ceiling (3%左右)
as that assumption and say so; national CPI turned out 0.9% in 2021, which
``revenue_share`` lets a chapter show beside it.

What the report does not give, and no arithmetic here can supply: transfers
from higher levels (which fill most of the gap between spending and own
revenue), government-fund revenue (政府性基金, mostly land sales), the stock of
debt (only 「政府性债务保持在安全合理范围」) and whether the 12.5亿元 of bonds
are special bonds (专项债券, outside the general budget) or general bonds.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import context, lookup
from ..records.vocabulary import APPROXIMATE, combine
from .comparisons import YI, stated_in
from .prices import inflate

REVENUE, REVENUE_TARGET, GDP, GDP_TARGET, CPI_TARGET = "F0003", "F0406", "F0001", "F0401", "F0405"
LIVELIHOOD, LIVELIHOOD_SHARE, TAX_CUTS, BONDS = "F0127", "F0128", "F0031", "F0030"


def expenditure(v) -> float:
    """Budget expenditure implied by livelihood spending and its share, 亿元."""
    return v(LIVELIHOOD) / (v(LIVELIHOOD_SHARE) / 100)


def revenue_share(years: int, revenue: float, gdp: float, revenue_growth: float,
                  real_growth: float, inflation: float) -> float:  # fmt: skip
    """Revenue as a percent of nominal GDP after ``years`` years, both growing from their
    levels: revenue at a nominal rate, GDP at a real rate times inflation (fractions)."""
    nominal = inflate(real_growth, inflation)
    return 100 * revenue * (1 + revenue_growth) ** years / (gdp * (1 + nominal) ** years)


def derived_rows(v, b) -> list[dict]:
    """Fiscal ratios as rows of data/derived.csv (``v``, ``b`` as in analysis.compute.derive)."""
    pop = context.minquan_population_2020()
    p = pop.id
    henan_gdp = lookup.fact("Henan", "GDP", "realized", "2023")
    henan_pc = lookup.fact("Henan", "per-capita GDP", "realized", "2023")
    henan_rev = lookup.fact("Henan", "general public budget revenue growth", "realized", "2023")
    henan_rev_level = stated_in(henan_rev, r"一般公共预算收入\s*([\d,.]+)\s*亿元")
    sq_rev = lookup.fact("Shangqiu", "general public budget revenue", "realized", "2022")
    sq_gdp = lookup.fact("Shangqiu", "GDP", "realized", "2022")
    spend = expenditure(v)
    rev_per_resident = v(REVENUE) * YI / pop.value
    henan_share = 100 * henan_rev_level / henan_gdp.value
    henan_per_resident = henan_share / 100 * henan_pc.value
    growth, real, prices = v(REVENUE_TARGET) / 100, v(GDP_TARGET) / 100, v(CPI_TARGET) / 100
    hedged = combine(b(REVENUE_TARGET), b(GDP_TARGET), b(CPI_TARGET))
    share = lambda years: revenue_share(years, v(REVENUE), v(GDP), growth, real, prices)  # noqa: E731
    rows = [
        ("D063", "revenue_share_of_gdp_2020", "General public budget revenue as a share of GDP, "
         "2020", "F0003 / F0001 × 100", ("F0003", "F0001"), 100 * v(REVENUE) / v(GDP), "%"),
        ("D064", "revenue_per_resident_2020", "General public budget revenue per resident, 2020",
         f"F0003 × 10^8 / {p}", ("F0003", p), rev_per_resident, "元"),
        ("D065", "expenditure_per_resident_2020", "Implied general public budget expenditure per "
         "resident, 2020", f"F0127 / (F0128/100) × 10^8 / {p}", ("F0127", "F0128", p),
         spend * YI / pop.value, "元"),
        ("D066", "expenditure_share_of_gdp_2020", "Implied general public budget expenditure as a "
         "share of GDP, 2020", "F0127 / (F0128/100) / F0001 × 100", ("F0127", "F0128", "F0001"),
         100 * spend / v(GDP), "%"),
        ("D067", "henan_revenue_share_of_gdp_2023", "Henan's general public budget revenue as a "
         "share of its GDP, 2023 (revenue 4512亿元 as stated in the excerpt of its growth row)",
         f"{henan_rev.id} [4512] / {henan_gdp.id} × 100", (henan_rev.id, henan_gdp.id),
         henan_share, "%"),
        ("D068", "henan_revenue_per_resident_2023", "Henan's general public budget revenue per "
         "resident, 2023 (revenue share of GDP × GDP per resident)",
         f"D067 / 100 × {henan_pc.id}", (henan_rev.id, henan_gdp.id, henan_pc.id),
         henan_per_resident, "元"),
        ("D069", "shangqiu_revenue_share_of_gdp_2022", "Shangqiu's general public budget revenue "
         "as a share of its GDP, 2022 (both stated as 突破, so either side)",
         f"{sq_rev.id} / {sq_gdp.id} × 100", (sq_rev.id, sq_gdp.id),
         100 * sq_rev.value / sq_gdp.value, "%", APPROXIMATE),
        ("D070", "nominal_gdp_growth_2021_assumed", "Nominal GDP growth implied by the 2021 real "
         "growth target and the CPI ceiling taken as expected inflation (an assumption)",
         "[(1 + F0401/100) × (1 + F0405/100) − 1] × 100", ("F0401", "F0405"),
         100 * inflate(real, prices), "%", combine(b(GDP_TARGET), b(CPI_TARGET))),
        ("D071", "revenue_share_of_gdp_2021_implied", "Revenue share of GDP in 2021 if revenue "
         "grows at its target and GDP at its real target plus the CPI ceiling",
         "F0003 × (1 + F0406/100) / [F0001 × (1 + F0401/100) × (1 + F0405/100)] × 100",
         ("F0003", "F0406", "F0001", "F0401", "F0405"), share(1), "%", hedged),
        ("D072", "revenue_share_of_gdp_2025_if_held", "Revenue share of GDP in 2025 if the 2021 "
         "revenue, growth and inflation numbers held for five years",
         "F0003 × (1 + F0406/100)^5 / [F0001 × ((1 + F0401/100) × (1 + F0405/100))^5] × 100",
         ("F0003", "F0406", "F0001", "F0401", "F0405"), share(5), "%", hedged),
        ("D073", "tax_cuts_share_of_revenue_2020", "Taxes and fees cut for enterprises "
         "(减免企业税费) relative to general public budget revenue, 2020", "F0031 / F0003 × 100",
         ("F0031", "F0003"), 100 * v(TAX_CUTS) / v(REVENUE), "%"),
        ("D074", "bonds_to_revenue_2020", "Government bond funds approved in 2020 relative to "
         "general public budget revenue", "F0030 / F0003 × 100", ("F0030", "F0003"),
         100 * v(BONDS) / v(REVENUE), "%"),
        ("D079", "revenue_per_resident_vs_henan", "Minquan's 2020 revenue per resident as a share "
         "of Henan's 2023 figure", "D064 / D068 × 100",
         ("F0003", p, henan_rev.id, henan_gdp.id, henan_pc.id),
         100 * rev_per_resident / henan_per_resident, "%"),
    ]  # fmt: skip
    return [
        dict(
            id=did,
            key=key,
            group="fiscal",
            description=what,
            formula=formula,
            input_ids=tuple(inputs),
            value=value,
            unit=unit,
            bound=rest[0] if rest else "exact",
        )
        for did, key, what, formula, inputs, value, unit, *rest in rows
    ]


@dataclass(frozen=True)
class SharePath:
    """The revenue share of GDP, 2020 to ``end``, under one inflation assumption."""

    inflation: float  # fraction a year
    label: str
    shares: dict[int, float]  # year -> percent of GDP


def revenue_share_paths(end: int = 2025) -> list[SharePath]:
    """Revenue share of GDP if revenue grew at its 2021 target and GDP at its real target,
    under the report's CPI ceiling (the book's assumption) and under the national CPI
    realized in 2021 (0.9%), each held to ``end``."""
    f = lookup.figure
    revenue, gdp = f(REVENUE).value, f(GDP).value
    growth, real = f(REVENUE_TARGET).value / 100, f(GDP_TARGET).value / 100
    ceiling = f(CPI_TARGET).value / 100
    realized = lookup.fact("China", "CPI increase", "realized", "2021").value / 100
    out = []
    for inflation, label in ((ceiling, "CPI ceiling of the report (3%左右) as expected inflation"),
                             (realized, "national CPI realized in 2021 (0.9%), held")):  # fmt: skip
        shares = {2020 + k: revenue_share(k, revenue, gdp, growth, real, inflation)
                  for k in range(end - 2020 + 1)}  # fmt: skip
        out.append(SharePath(inflation, label, shares))
    return out
