"""``data/paths.csv``: a year-by-year path for every target and goal with a number.

Each 2021 target in the figures dataset gets rows here, found by its kind, so a
target added to figures.csv appears without editing this module; the goals
that need outside facts or reasoning (the GDP scenarios, urbanization, the
stocks and pipelines) are built by name below. A target that cannot sensibly
be projected gets one row with ``reason_no_path`` filled and no value.

Figures are referenced by id; the builders find a figure by the words of its
quote (and check its value), so the table fails loudly if the dataset changes
under it rather than citing the wrong record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import context, figures, paths
from .base.errors import InputError
from .base.io import write_csv_atomic
from .base.locations import data_dir

COLUMNS = [
    "path_id",
    "indicator",
    "indicator_zh",
    "scenario",
    "year",
    "value",
    "unit",
    "bound",
    "basis",
    "input_ids",
    "external_ids",
    "confidence",
    "reason_no_path",
]
BASE_YEAR = 2020
PLAN_END = 2025
VISION_END = 2035

# the report's hedge -> what the number bounds
BOUND = {"以上": "lower", "不低于": "lower", "左右": "central", "近": "upper", "力争": "aspiration"}


def figures_path() -> Path:
    return data_dir() / "figures.csv"


def load_figures() -> pd.DataFrame:
    """The validated figures dataset (analysis.figures), sorted by id."""
    return figures.load().sort_values("id").reset_index(drop=True)


@dataclass(frozen=True)
class Fig:
    id: str
    value: float
    unit: str
    qualifier: str
    indicator: str
    indicator_zh: str


def find(figs: pd.DataFrame, snippet: str, value: float, section: str | None = None) -> Fig:
    """The one figure whose quote contains ``snippet`` and whose value is ``value``."""
    hits = figs[figs["quote"].str.contains(snippet, regex=False) & (figs["value"] == value)]
    if section is not None:
        hits = hits[hits["section"] == section]
    if len(hits) != 1:
        raise InputError(
            f"expected one figure quoting {snippet!r} with value {value:g}, found {len(hits)}"
            + (f" ({', '.join(hits['id'])})" if len(hits) else ""),
            file=figures_path(),
            column="quote",
        )
    row = hits.iloc[0]
    return Fig(
        row["id"],
        float(row["value"]),
        row["unit"],
        row["qualifier"],
        row["indicator"],
        row["indicator_zh"],
    )


@dataclass
class Rows:
    """Collects rows; one ``add`` call per path (a scenario of one indicator)."""

    rows: list[dict] = field(default_factory=list)

    def add(
        self,
        key,
        indicator,
        indicator_zh,
        scenario,
        series,
        unit,
        basis,
        inputs=(),
        externals=(),
        bound="",
        confidence="high",
    ):
        for year, value in sorted(series.items()):
            self.rows.append(
                dict(
                    path_id=f"{key}:{scenario}",
                    indicator=indicator,
                    indicator_zh=indicator_zh,
                    scenario=scenario,
                    year=int(year),
                    value=round(float(value), 4),
                    unit=unit,
                    bound=bound,
                    basis=basis,
                    input_ids=";".join(inputs),
                    external_ids=";".join(externals),
                    confidence=confidence,
                    reason_no_path="",
                )
            )

    def no_path(self, key, indicator, indicator_zh, reason, inputs=(), externals=(), year=2021):
        self.rows.append(
            dict(
                path_id=f"{key}:none",
                indicator=indicator,
                indicator_zh=indicator_zh,
                scenario="none",
                year=year,
                value=None,
                unit="",
                bound="",
                basis="",
                input_ids=";".join(inputs),
                external_ids=";".join(externals),
                confidence="",
                reason_no_path=reason,
            )
        )


def years(end: int) -> int:
    return end - BASE_YEAR


@dataclass(frozen=True)
class GdpScenario:
    scenario: str
    rate: float  # fraction a year
    bound: str
    basis: str
    inputs: tuple[str, ...]
    externals: tuple[str, ...]
    confidence: str


def gdp_scenarios(figs: pd.DataFrame | None = None) -> tuple[Fig, list[GdpScenario]]:
    """The 2020 GDP level and the growth rates the report's goals imply for it."""
    figs = load_figures() if figs is None else figs
    gdp = find(figs, "275.5亿元", 275.5)
    target = find(figs, "生产总值增长8%", 8)
    increase = find(figs, "近百亿", 100)
    henan_plan = context.fact("Henan", "GDP growth per year", "plan goal", "2021-2025")
    henan_2021 = context.fact("Henan", "GDP growth", "target", "2021")
    vision = context.fact("China", "GDP or per-capita income", "vision", "2020-2035")
    gdp_2015 = paths.level_from_increase(gdp.value, increase.value)
    doubling = paths.required_rate(gdp.value, vision.value * gdp.value, years(VISION_END))
    floor = max(henan_plan.value / 100, doubling)
    margin = (target.value - henan_2021.value) / 100
    scenarios = [
        GdpScenario(
            "target_2021_held",
            target.value / 100,
            BOUND.get(target.qualifier, ""),
            "the 2021 target (8%) held every year",
            (gdp.id, target.id),
            (),
            "high",
        ),
        GdpScenario(
            "implied_2016_2020_average",
            paths.cagr(gdp_2015, gdp.value, 5),
            "upper",
            "average of 2016-2020 implied by 2020 GDP and 'nearly 100亿 above 2015' "
            "(2015 level = 275.5 - 100); an upper bound because the rise was under 100亿, "
            "and nominal because the levels are at current prices",
            (gdp.id, increase.id),
            (),
            "high",
        ),
        GdpScenario(
            "henan_14th_fyp",
            henan_plan.value / 100,
            "central",
            "Henan's 14th Five-Year Plan average of about 6% a year",
            (gdp.id,),
            (henan_plan.id,),
            henan_plan.confidence,
        ),
        GdpScenario(
            "doubling_by_2035",
            doubling,
            "central",
            "constant rate that doubles 2020 GDP by 2035 (the national 2035 vision)",
            (gdp.id,),
            (vision.id,),
            vision.confidence,
        ),
        GdpScenario(
            "above_averages_floor",
            floor,
            "lower",
            "'above national, provincial and prefecture averages': the higher of Henan's "
            "plan (6%) and the national doubling rate; Shangqiu's plan was not found",
            (gdp.id,),
            (henan_plan.id, vision.id),
            "medium",
        ),
        GdpScenario(
            "above_averages_2021_margin",
            floor + margin,
            "illustrative",
            "the floor above plus the margin Minquan set over Henan in 2021 (8% vs 7%)",
            (gdp.id, target.id),
            (henan_plan.id, vision.id, henan_2021.id),
            "medium",
        ),
    ]
    return gdp, scenarios


def add_gdp(rows: Rows, figs: pd.DataFrame) -> set[str]:
    gdp, scenarios = gdp_scenarios(figs)
    for s in scenarios:
        series = paths.compound_path(gdp.value, BASE_YEAR, s.rate, years=years(VISION_END))
        rows.add(
            "gdp",
            gdp.indicator,
            gdp.indicator_zh,
            s.scenario,
            series,
            gdp.unit,
            f"{s.basis}; {s.rate:.2%} a year from {gdp.value:g} in 2020",
            s.inputs,
            s.externals,
            s.bound,
            s.confidence,
        )
    return {gdp.id, find(figs, "生产总值增长8%", 8).id}


def add_budget_revenue(rows: Rows, figs: pd.DataFrame) -> set[str]:
    level = find(figs, "11.3亿元", 11.3)
    target = find(figs, "收入增长7%", 7)
    series = paths.compound_path(level.value, BASE_YEAR, target.value / 100, years=years(PLAN_END))
    rows.add(
        "budget_revenue",
        level.indicator,
        level.indicator_zh,
        "target_2021_held",
        series,
        level.unit,
        "2020 revenue grown at the 2021 target (7%) every year",
        (level.id, target.id),
        (),
        BOUND.get(target.qualifier, ""),
    )
    return {target.id}


def add_urbanization(rows: Rows, figs: pd.DataFrame) -> set[str]:
    step = find(figs, "提高1.5个百分点", 1.5)
    base = context.minquan_urbanization_base()
    series = paths.point_path(base.value, BASE_YEAR, step.value, years=years(PLAN_END))
    rows.add(
        "urbanization",
        step.indicator,
        step.indicator_zh,
        "target_2021_held",
        series,
        "%",
        f"+{step.value:g} points a year from a 2020 base of {base.value:.2f}% "
        f"({base.source}); the report gives no base rate",
        (step.id,),
        tuple(base.id.split(";")),
        BOUND.get(step.qualifier, ""),
        "low",
    )
    return {step.id}


def add_grain(rows: Rows, figs: pd.DataFrame) -> set[str]:
    floor = find(figs, "14.8亿斤以上", 14.8)
    output_2020 = find(figs, "74.5万吨", 74.5)
    # 万吨 -> 亿斤: x 1e4 t x 1000 kg / 0.5 kg per 斤 / 1e8
    series = {BASE_YEAR: output_2020.value * 1e4 * 1000 / 0.5 / 1e8}
    series |= {year: floor.value for year in range(2021, PLAN_END + 1)}
    basis = (
        f"2020 output ({output_2020.value:g}万吨 = {series[BASE_YEAR]:g}亿斤), then the 2021 "
        "floor (14.8亿斤) held every year"
    )
    rows.add(
        "grain",
        floor.indicator,
        floor.indicator_zh,
        "floor_held",
        series,
        floor.unit,
        basis,
        (output_2020.id, floor.id),
        (),
        "lower",
    )
    return {floor.id}


def add_cpi(rows: Rows, figs: pd.DataFrame) -> set[str]:
    cpi = find(figs, "涨幅3%", 3)
    rows.no_path(
        "cpi",
        cpi.indicator,
        cpi.indicator_zh,
        "a ceiling on price rises, set each year with the national target; "
        "not a quantity that accumulates toward a goal",
        (cpi.id,),
    )
    return {cpi.id}


INDEXED = "index, 2020 = 100"


def add_growth_indices(rows: Rows, figs: pd.DataFrame, done: set[str]) -> set[str]:
    """Growth targets without a 2020 level in the report: an index held to 2025."""
    used = set()
    targets = figs[(figs["kind"] == "target_growth") & (figs["period"] == "2021")]
    for _, row in targets[~targets["id"].isin(done)].iterrows():
        if row["unit"] != "%":
            continue
        series = paths.compound_path(100, BASE_YEAR, row["value"] / 100, years=years(PLAN_END))
        rows.add(
            f"index_{row['id']}",
            row["indicator"],
            row["indicator_zh"],
            "target_2021_held",
            series,
            INDEXED,
            f"the 2021 target ({row['value']:g}%) held every year; the report gives "
            "no 2020 level, so the path is an index",
            (row["id"],),
            (),
            BOUND.get(row["qualifier"], ""),
        )
        used.add(row["id"])
    return used


# annual additions the report might repeat each year: cumulative, illustrative
REPEATED = [
    ("new_urban_jobs", "5800人", 5800),
    ("high_standard_farmland", "18万亩", 18),
    ("afforestation", "4570亩", 4570),
    ("school_places", "学位3600个", 3600),
    ("5g_base_stations", "5G基站210座", 210),
]


def add_repeated(rows: Rows, figs: pd.DataFrame) -> set[str]:
    used = set()
    for key, snippet, value in REPEATED:
        fig = find(figs, snippet, value)
        annual = {year: fig.value for year in range(2021, PLAN_END + 1)}
        rows.add(
            key,
            fig.indicator,
            fig.indicator_zh,
            "2021_amount_repeated",
            paths.cumulative(annual),
            fig.unit,
            f"cumulative total if the 2021 amount ({fig.value:g} {fig.unit}) were "
            "repeated each year to 2025; the report sets 2021 only",
            (fig.id,),
            (),
            "illustrative",
        )
        used.add(fig.id)
    # 5G is a stock: the stations built by 2020 plus the new ones
    built = find(figs, "5G基站352处", 352)
    new = find(figs, "5G基站210座", 210)
    stock = {BASE_YEAR: built.value} | {
        year: built.value + total
        for year, total in paths.cumulative(
            {year: new.value for year in range(2021, PLAN_END + 1)}
        ).items()
    }
    rows.add(
        "5g_base_stations_stock",
        "5G base stations in service",
        "5G基站",
        "2021_amount_repeated",
        stock,
        new.unit,
        f"{built.value:g} built by 2020 plus {new.value:g} a year (2021's number "
        "repeated; the report sets 2021 only)",
        (built.id, new.id),
        (),
        "illustrative",
    )
    return used


def add_income(rows: Rows, figs: pd.DataFrame) -> None:
    """'Residents' income to grow faster than the economy': an index, GDP's pace a floor."""
    rise = find(figs, "增长56%", 56)
    target = find(figs, "生产总值增长8%", 8)
    past = paths.cagr(100, 100 + rise.value, 5)
    key, name, name_zh = "income", rise.indicator, rise.indicator_zh
    rows.add(
        key,
        name,
        name_zh,
        "implied_2016_2020_average",
        paths.compound_path(100, BASE_YEAR, past, years=years(PLAN_END)),
        INDEXED,
        f"the 2016-2020 average implied by a 56% rise over five years ({past:.2%} a "
        "year) held to 2025",
        (rise.id,),
        (),
        "reference",
    )
    rows.add(
        key,
        name,
        name_zh,
        "at_least_gdp_target",
        paths.compound_path(100, BASE_YEAR, target.value / 100, years=years(PLAN_END)),
        INDEXED,
        "14th Five-Year goal 'income growth above economic growth', with the 2021 GDP "
        "target (8%) as the economy's pace: a floor; the report gives no income level",
        (rise.id, target.id),
        (),
        "lower",
    )


def add_key_projects(rows: Rows, figs: pd.DataFrame) -> set[str]:
    annual = find(figs, "491亿元", 491)
    total = find(figs, "589.9亿元", 589.9)
    count = find(figs, "184个", 184)
    share = annual.value / total.value
    rows.add(
        "key_projects_investment",
        annual.indicator,
        annual.indicator_zh,
        "annual_plan",
        {2021: annual.value},
        annual.unit,
        f"planned 2021 investment in the {count.value:g} key projects: {share:.1%} of "
        f"their total investment of {total.value:g}亿元, leaving "
        f"{total.value - annual.value:.1f}亿元 for later years (not scheduled in the report)",
        (annual.id, total.id, count.id),
        (),
        "",
    )
    done_2020 = find(figs, "438.1亿元", 438.1, section="p1.t2")
    growth = annual.value / done_2020.value - 1
    rows.add(
        "key_projects_investment",
        annual.indicator,
        annual.indicator_zh,
        "2020_done_to_2021_plan",
        {BASE_YEAR: done_2020.value, 2021: annual.value},
        annual.unit,
        f"investment completed in the 2020 key projects, then the 2021 plan: "
        f"{growth:.1%} more (the key-project lists differ from year to year)",
        (done_2020.id, annual.id),
        (),
        "",
    )
    return {annual.id, total.id, count.id}


def add_as_set(rows: Rows, figs: pd.DataFrame, done: set[str]) -> None:
    """Every other 2021 target: its one-year path, as the report sets it."""
    kinds = {"target_level", "target_count", "target_share", "target_growth", "change_vs_base"}
    rest = figs[figs["kind"].isin(kinds) & (figs["period"] == "2021") & ~figs["id"].isin(done)]
    for _, row in rest.iterrows():
        rows.add(
            f"target_{row['id']}",
            row["indicator"],
            row["indicator_zh"],
            "as_set",
            {2021: row["value"]},
            row["unit"],
            "the 2021 target as written; the report sets no later years",
            (row["id"],),
            (),
            BOUND.get(row["qualifier"], ""),
        )


def add_qualitative(rows: Rows, figs: pd.DataFrame) -> None:
    """Goals with a direction but no number of their own, and the ten practical things
    that carry no quantity."""
    rows.no_path(
        "constraint_indicators",
        "New urban jobs and energy use per 10,000 yuan of GDP",
        "城镇新增就业、万元生产总值能耗等约束性指标",
        "binding indicators whose 2021 values are 'the tasks the city sets' "
        "(完成市定任务); the city's numbers are not in the report",
    )
    with_figures = set(figs["section"])
    for n in range(1, 11):
        section = f"p3.ten.{n}"
        if section not in with_figures:
            rows.no_path(
                f"ten_{n:02d}",
                f"Practical thing {n}",
                f"十件实事 {n}",
                "no quantity in the text (named projects only)",
            )


def build(figs: pd.DataFrame | None = None) -> pd.DataFrame:
    figs = load_figures() if figs is None else figs
    rows = Rows()
    done: set[str] = set()
    done |= add_gdp(rows, figs)
    done |= add_budget_revenue(rows, figs)
    done |= add_urbanization(rows, figs)
    done |= add_grain(rows, figs)
    done |= add_cpi(rows, figs)
    done |= add_key_projects(rows, figs)
    done |= add_repeated(rows, figs)
    done |= add_growth_indices(rows, figs, done)
    add_income(rows, figs)
    add_as_set(rows, figs, done)
    add_qualitative(rows, figs)
    frame = pd.DataFrame(rows.rows, columns=COLUMNS)
    return frame.sort_values(["path_id", "year"], kind="mergesort").reset_index(drop=True)


def output_path() -> Path:
    return data_dir() / "paths.csv"


def main(argv: list[str]) -> int:
    frame = build()
    write_csv_atomic(frame, output_path())
    print(f"wrote {output_path()} ({len(frame)} rows, {frame['path_id'].nunique()} paths)")
    return 0


# --- the ten practical things ---------------------------------------------------


def ten_things(figs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per practical thing: its text and the quantities the figures dataset holds."""
    from . import report

    figs = load_figures() if figs is None else figs
    full = report.text()
    rows = []
    for n in range(1, 11):
        section = report.section(f"p3.ten.{n}")
        text = full[section.start : section.end].strip()
        text = text.split(".", 1)[1] if text[: len(str(n)) + 1] == f"{n}." else text
        own = figs[figs["section"] == f"p3.ten.{n}"]
        quantities = "; ".join(
            f"{row['indicator']}: {row['value']:g} {row['unit']}" for _, row in own.iterrows()
        )
        rows.append(
            {
                "number": n,
                "text_zh": text,
                "quantities": quantities or "none stated",
                "n_quantities": len(own),
                "ids": ";".join(own["id"]),
            }
        )
    return pd.DataFrame(rows)


def ten_things_totals(figs: pd.DataFrame | None = None) -> dict[str, float | str]:
    """What the quantified practical things add up to, with the records used."""
    figs = load_figures() if figs is None else figs
    things = ten_things(figs)
    new_kg = find(figs, "乡镇中心幼儿园1所", 1)
    rebuilt_kg = find(figs, "公办幼儿园5所", 5)
    bridges = find(figs, "桥梁30座", 30)
    weirs = find(figs, "48座", 48)
    built_5g = find(figs, "5G基站352处", 352)
    new_5g = find(figs, "5G基站210座", 210)
    return {
        "n_with_quantities": int((things["n_quantities"] > 0).sum()),
        "n_quantities": int(things["n_quantities"].sum()),
        "kindergartens": new_kg.value + rebuilt_kg.value,
        "kindergarten_ids": f"{new_kg.id};{rebuilt_kg.id}",
        "water_structures": bridges.value + weirs.value,
        "water_ids": f"{bridges.id};{weirs.id}",
        "stock_5g_2021": built_5g.value + new_5g.value,
        "growth_5g_pct": 100 * new_5g.value / built_5g.value,
        "ids_5g": f"{built_5g.id};{new_5g.id}",
    }
