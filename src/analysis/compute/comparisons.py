"""Minquan beside its prefecture, province, country and neighbours: per resident,
as a share, by year and basis.

The report gives levels for the county alone; the context files give what the
levels above published, in other years and on other bases. Every comparison
here names both years, and each becomes a derived value (ids D050-D062,
D075-D078, group ``context``; the fiscal ones are in ``analysis.compute.fiscal``)
with the figure ids (F…) and outside rows (X…) it is computed from.

Two rules. A per-resident figure divides by the 2020 census count (746,389,
X055) unless it says otherwise: the county's resident population moves with the
census basis (70.07万 in 2019 on the old basis, 76.2万 in 2022, 73.18万 in 2023).
A number read from the wording of an outside source rather than its value
column (Henan's 2023 revenue, 4512亿元, stated beside its growth rate) is read
by ``stated_in`` and must appear in that row's excerpt, or an InputError names
the row.
"""

from __future__ import annotations

import re

import pandas as pd

from ..base.errors import InputError
from ..records import context, lookup
from ..records.record import Record
from ..records.vocabulary import EXACT, propagate
from .growth import cagr
from .prices import cpi_rise, deflate

YI, WAN = 1e8, 1e4  # 亿, 万


def stated_in(record: Record, pattern: str) -> float:
    """A number the source states in its excerpt (regex with one group), not in its
    value column; an InputError naming the row if the words are not there."""
    found = re.search(pattern, record.quote)
    if not found:
        raise InputError(f"expected {pattern!r} in the excerpt of {record.id}",
                         file=context.external_path(context.MORE_TARGETS), column="excerpt",
                         record=record.id)  # fmt: skip
    return float(found.group(1).replace(",", ""))


def facts() -> dict[str, Record]:
    """The outside rows the comparisons use, by a short name."""
    f = lookup.fact
    return {
        "population": context.minquan_population_2020(),
        "shangqiu_population": f("Shangqiu", "resident population (7th census)", "realized", "2020"),
        "shangqiu_gdp_2019": f("Shangqiu", "GDP", "realized", "2019"),
        "china_pc_2020": f("China", "per-capita GDP", "realized", "2020"),
        "henan_pc_2021": f("Henan", "per-capita GDP", "realized", "2021"),
        "henan_pc_2022": f("Henan", "per-capita GDP", "realized", "2022"),
        "henan_pc_2023": f("Henan", "per-capita GDP", "realized", "2023"),
        "registered_2019": f("Minquan", "registered (hukou) population", "realized", "2019"),
        "registered_2018": f("Minquan", "registered (hukou) population", "realized", "2018"),
        "resident_2019": f("Minquan", "resident population", "realized", "2019"),
        "resident_2022": f("Minquan", "resident population", "realized", "2022"),
        "resident_2023": f("Minquan", "resident population", "realized", "2023"),
        "gdp_2016": f("Minquan", "GDP", "realized", "2016"),
        "yongcheng_gdp": f("Yongcheng (永城市)", "GDP", "realized", "2020"),
        "yongcheng_population": f("Yongcheng (永城市)", "resident population (7th census)",
                                  "realized", "2020"),
        "zhecheng_gdp": f("Zhecheng (柘城县)", "GDP", "realized", "2021"),
        "zhecheng_growth": f("Zhecheng (柘城县)", "GDP growth", "realized", "2021"),
        "zhecheng_pc": f("Zhecheng (柘城县)", "per-capita GDP", "realized", "2021"),
        "sui_gdp": f("Sui (睢县)", "GDP", "realized", "2022"),
        "sui_growth": f("Sui (睢县)", "GDP growth", "realized", "2022"),
        "sui_population": f("Sui (睢县)", "total population", "realized", "-"),
        "yucheng_population": f("Yucheng (虞城县)", "resident population (7th census)",
                                "realized", "2020"),
    }  # fmt: skip


def _row(did, key, description, formula, inputs, value, unit, bound=EXACT, group="context"):
    return dict(id=did, key=key, group=group, description=description, formula=formula,
                input_ids=tuple(inputs), value=value, unit=unit, bound=bound)  # fmt: skip


def derived_rows(v, b) -> list[dict]:
    """Comparisons with outside facts, as rows of data/derived.csv (``v``: figure id ->
    value, ``b``: figure id -> bound, as in ``analysis.compute.derive``)."""
    x = facts()
    pop = x["population"]
    gdp_pc = v("F0001") * YI / pop.value
    shangqiu_pc = x["shangqiu_gdp_2019"].value * YI / x["shangqiu_population"].value
    registered = x["registered_2019"]
    absent = registered.value - pop.value / WAN
    prices = cpi_rise(2016, 2020)
    later = cpi_rise(2017, 2020)
    past = cagr(v("F0001") - v("F0156"), v("F0001"), 5)
    from_2016 = cagr(x["gdp_2016"].value, v("F0001"), 4)
    # the 2016-2020 rate falls as 2015 GDP rises, which falls as the increase rises
    past_bound = propagate(propagate(b("F0156"), increasing=False), increasing=False)
    p, ch, h21 = pop.id, x["china_pc_2020"], x["henan_pc_2021"]
    return [
        _row("D050", "gdp_per_resident_2020", "GDP per resident, 2020 (2020 GDP over the 2020 "
             "census population)", f"F0001 × 10^8 / {p}", ("F0001", p), gdp_pc, "元"),
        _row("D051", "gdp_per_resident_vs_china_2020", "Minquan's GDP per resident as a share "
             "of China's per-capita GDP, both 2020", f"F0001 × 10^8 / {p} / {ch.id} × 100",
             ("F0001", p, ch.id), 100 * gdp_pc / ch.value, "%"),
        _row("D052", "gdp_per_resident_vs_henan_2021", "Minquan's 2020 GDP per resident as a "
             "share of Henan's 2021 per-capita GDP (Henan's 2020 figure was not found)",
             f"F0001 × 10^8 / {p} / {h21.id} × 100", ("F0001", p, h21.id),
             100 * gdp_pc / h21.value, "%"),
        _row("D053", "shangqiu_gdp_per_resident_2019", "Shangqiu's 2019 GDP over its 2020 census "
             "population (its 2020 GDP was not found)",
             f"{x['shangqiu_gdp_2019'].id} × 10^8 / {x['shangqiu_population'].id}",
             (x["shangqiu_gdp_2019"].id, x["shangqiu_population"].id), shangqiu_pc, "元"),
        _row("D054", "gdp_per_resident_vs_shangqiu", "Minquan's 2020 GDP per resident as a share "
             "of Shangqiu's 2019 GDP per 2020 resident", "D050 / D053 × 100",
             ("F0001", p, x["shangqiu_gdp_2019"].id, x["shangqiu_population"].id),
             100 * gdp_pc / shangqiu_pc, "%"),
        _row("D055", "minquan_share_of_shangqiu_residents_2020", "Minquan's share of Shangqiu's "
             "residents, 2020 census", f"{p} / {x['shangqiu_population'].id} × 100",
             (p, x["shangqiu_population"].id),
             100 * pop.value / x["shangqiu_population"].value, "%"),
        _row("D056", "registered_not_resident", "People registered (户籍) in Minquan in 2019 but "
             "not counted as residents in the 2020 census", f"{registered.id} − {p} / 10^4",
             (registered.id, p), absent, "万人"),
        _row("D057", "registered_not_resident_share", "Registered people not resident, as a share "
             "of the 2019 registered population", f"({registered.id} − {p} / 10^4) / "
             f"{registered.id} × 100", (registered.id, p), 100 * absent / registered.value, "%"),
        _row("D058", "registered_not_resident_2019", "Registered minus resident population, both "
             "2019 (resident count on the pre-census basis)",
             f"{registered.id} − {x['resident_2019'].id}", (registered.id, x["resident_2019"].id),
             registered.value - x["resident_2019"].value, "万人"),
        _row("D059", "transferred_workers_share_of_residents", "Rural workers transferred to "
             "off-farm jobs (in the county or away) as a share of 2020 census residents",
             f"F0126 × 10^4 / {p} × 100", ("F0126", p), 100 * v("F0126") * WAN / pop.value, "%"),
        _row("D060", "transferred_workers_share_of_registered", "Rural workers transferred to "
             "off-farm jobs as a share of the 2019 registered population",
             f"F0126 / {registered.id} × 100", ("F0126", registered.id),
             100 * v("F0126") / registered.value, "%"),
        _row("D061", "deposits_per_resident_2020", "Deposits of financial institutions per "
             "resident, end-2020", f"F0007 × 10^8 / {p}", ("F0007", p),
             v("F0007") * YI / pop.value, "元"),
        _row("D062", "yongcheng_gdp_per_resident_2020", "Yongcheng's 2020 GDP per census "
             "resident (low-confidence sources)",
             f"{x['yongcheng_gdp'].id} × 10^8 / ({x['yongcheng_population'].id} × 10^4)",
             (x["yongcheng_gdp"].id, x["yongcheng_population"].id),
             x["yongcheng_gdp"].value * YI / (x["yongcheng_population"].value * WAN), "元"),
        _row("D075", "cpi_2016_2020_annual", "Average annual rise of China's consumer prices, "
             "2016-2020 (the deflator the book uses)",
             f"[Π(1 + {prices.ids[0]}…{prices.ids[-1]}/100)^(1/5) − 1] × 100", prices.ids,
             100 * prices.annual, "%"),
        _row("D076", "gdp_real_growth_2016_2020_cpi", "Average annual GDP growth 2016-2020 "
             "implied by 「较2015年提高近百亿元」, deflated with national CPI (an upper bound)",
             "[(1 + D031/100) / (1 + D075/100) − 1] × 100", ("F0001", "F0156", *prices.ids),
             100 * deflate(past, prices.annual), "%", past_bound),
        _row("D077", "gdp_growth_2017_2020_from_2016", "Average annual nominal GDP growth "
             "2017-2020 from the 2016 level of a news report (202.5亿元, before the 2018 "
             "economic census revision)", f"[(F0001 / {x['gdp_2016'].id})^(1/4) − 1] × 100",
             ("F0001", x["gdp_2016"].id), 100 * from_2016, "%"),
        _row("D078", "gdp_real_growth_2017_2020_cpi", "The 2017-2020 nominal pace from the 2016 "
             "level, deflated with national CPI 2017-2020",
             "[(1 + D077/100) / (1 + CPI 2017-2020 average) − 1] × 100",
             ("F0001", x["gdp_2016"].id, *later.ids), 100 * deflate(from_2016, later.annual), "%"),
    ]  # fmt: skip


def _peer(name, year, gdp, growth, per_resident, population, basis, records):
    confidence = min((r.confidence for r in records), key=("high", "medium", "low").index)
    return dict(county=name, year=year, gdp_yi=gdp, growth_pct=growth, gdp_per_resident=per_resident,
                population_wan=population, population_basis=basis, confidence=confidence,
                records=";".join(r.id for r in records))  # fmt: skip


def peers() -> pd.DataFrame:
    """Minquan and the Shangqiu counties for which the context files hold something,
    each with its year, what is known, the records and the weakest confidence.
    Nothing is filled in: a county-year without a number keeps NaN."""
    x = facts()
    nan = float("nan")
    gdp, pop, pc = lookup.figure("F0001"), x["population"], lookup.derived("gdp_per_resident_2020")
    zc_gdp = x["zhecheng_gdp"].value / WAN  # 万元 -> 亿元
    rows = [
        _peer("Minquan (民权县)", "2020", gdp.value, nan, pc.value, pop.value / WAN,
              "2020 census", [pop]),
        _peer("Zhecheng (柘城县)", "2021", zc_gdp, x["zhecheng_growth"].value,
              x["zhecheng_pc"].value, zc_gdp * YI / x["zhecheng_pc"].value / WAN,
              "implied by GDP / GDP per person", [x["zhecheng_gdp"], x["zhecheng_growth"],
                                                  x["zhecheng_pc"]]),
        _peer("Sui (睢县)", "2022", x["sui_gdp"].value, x["sui_growth"].value, nan,
              x["sui_population"].value, "total population, undated (probably registered)",
              [x["sui_gdp"], x["sui_growth"], x["sui_population"]]),
        _peer("Yongcheng (永城市)", "2020", x["yongcheng_gdp"].value, nan,
              lookup.derived("yongcheng_gdp_per_resident_2020").value,
              x["yongcheng_population"].value, "2020 census",
              [x["yongcheng_gdp"], x["yongcheng_population"]]),
        _peer("Yucheng (虞城县)", "2020", nan, nan, nan, x["yucheng_population"].value,
              "2020 census", [x["yucheng_population"]]),
    ]  # fmt: skip
    rows[0].update(confidence="high (GDP) / medium (census)", records=f"{gdp.id};{pop.id}")
    return pd.DataFrame(rows)


RANK = ("high", "medium", "low")


def confidence_of(record: Record) -> str:
    """An outside fact's confidence; for a derived value, the weakest of the outside rows
    it is computed from ('high' when it rests on the report alone)."""
    if record.confidence:
        return record.confidence
    outside = [lookup.record(i).confidence for i in record.inputs if i.startswith("X")]
    return max(outside, key=RANK.index) if outside else "high"


def per_resident() -> pd.DataFrame:
    """GDP per resident: Minquan (2020) beside each comparison the context allows, each
    with its own year and record; ``minquan_pct`` is Minquan's figure as a share of it."""
    x = facts()
    own = lookup.derived("gdp_per_resident_2020")
    rows = [("Minquan", "2020", own, "2020 GDP / 2020 census residents"),
            ("Shangqiu (prefecture)", "2019", lookup.derived("shangqiu_gdp_per_resident_2019"),
             "2019 GDP / 2020 census residents"),
            ("Henan (province)", "2021", x["henan_pc_2021"], "statistical communique"),
            ("Henan (province)", "2022", x["henan_pc_2022"], "statistical communique"),
            ("Henan (province)", "2023", x["henan_pc_2023"], "revised base (see text)"),
            ("China", "2020", x["china_pc_2020"], "statistical communique"),
            ("Zhecheng county (Shangqiu)", "2021", x["zhecheng_pc"], "county communique"),
            ("Yongcheng city (Shangqiu)", "2020", lookup.derived("yongcheng_gdp_per_resident_2020"),
             "2020 GDP / 2020 census residents")]  # fmt: skip
    frame = pd.DataFrame(
        [
            dict(
                place=place,
                year=year,
                value=r.value,
                basis=basis,
                record=r,
                confidence=confidence_of(r),
                minquan_pct=100 * own.value / r.value,
            )
            for place, year, r, basis in rows
        ]
    )
    return frame


def population() -> pd.DataFrame:
    """Minquan's registered and resident population by year, with the basis of each count."""
    x = facts()
    rows = [(x["registered_2018"], "registered (户籍)", "year-end register"),
            (x["registered_2019"], "registered (户籍)", "year-end register"),
            (x["resident_2019"], "resident (常住)", "pre-census estimate"),
            (x["population"], "resident (常住)", "7th census, 2020-11-01"),
            (x["resident_2022"], "resident (常住)", "post-census estimate"),
            (x["resident_2023"], "resident (常住)", "post-census estimate")]  # fmt: skip
    return pd.DataFrame(
        [dict(year=r.period, count=kind, value_wan=r.value / (WAN if r.unit == "persons" else 1),
              basis=basis, record=r, id=r.id, confidence=r.confidence) for r, kind, basis in rows]
    )  # fmt: skip


def source_label(record: Record) -> str:
    """A short source for a table cell: the outside source without its address, or
    'derived (D050)' / 'report (F0001)'."""
    if record.origin == "context":
        return record.source.split(" (http")[0].split(", http")[0]
    return f"{record.origin} ({record.id})"


def labelled(frame: pd.DataFrame, column: str = "record") -> pd.DataFrame:
    """A table of Records with a short source, its record id and confidence beside each."""
    out = frame.copy()
    out["source"] = [source_label(r) for r in out[column]]
    out["id"] = [r.id for r in out[column]]
    return out
