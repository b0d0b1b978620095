"""The rows of data/paths.csv: a year-by-year path for every target and goal with a number.

Each 2021 target in the figures dataset gets rows here, found by its kind, so a
target added to figures.csv appears without editing this module; the goals
that need outside facts or reasoning (the GDP scenarios, urbanization, the
stocks and pipelines) are built by name below, from figures named by id. A
target that cannot sensibly be projected gets one row with ``reason_no_path``
filled and no value.

Every row says three things about its numbers: ``bound`` (exact, lower, upper,
approximate: which side of the truth, from the figure's hedge), ``status``
(central, ambition, illustration, reference: what the path is; see
``analysis.records.vocabulary`` and ``analysis.compute.scenarios``) and
``price_basis`` (real, nominal, physical, index). ``rate`` is the growth rate
that leads to the row's value from the year before (a fraction), on compound
paths only: empty in the base year, and on additive, cumulative, held-floor
and one-year paths, whose ``basis`` says what they are instead.

Real and nominal are never mixed: each growth target carries its basis
(``RATE_BASIS``: GDP and industrial value added real, budget revenue, retail
sales, investment and outside funds nominal), a real rate applied to a 2020
level at current prices gives a path at 2020 prices, and ``check_price_bases``
refuses a path whose basis or unit contradicts the rate it is built from.

Chapters do not call this module: they read data/paths.csv through
``analysis.records.lookup.paths()``; ``python -m analysis paths`` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..base.errors import InputError, Problem
from ..base.files import paths_csv
from ..records import lookup, units
from ..records.record import Record
from ..records.vocabulary import (
    CENTRAL,
    EXACT,
    ILLUSTRATION,
    INDEX,
    LOWER,
    NOMINAL,
    PHYSICAL,
    PRICE_BASES,
    REAL,
    REFERENCE,
    SHARE,
    combine,
    status_of,
)
from .growth import cagr, compound_path, cumulative, point_path
from .scenarios import BASE_YEAR, GDP, GDP_TARGET, PLAN_END, gdp_scenarios
from .scenarios import urbanization_base_2020 as urbanization_base

COLUMNS = ["path_id", "indicator", "indicator_zh", "scenario", "year", "value", "rate", "unit",
           "price_basis", "bound", "status", "basis", "input_ids", "external_ids", "confidence",
           "reason_no_path"]  # fmt: skip
INDEXED = "index, 2020 = 100"
AT_2020_PRICES, AT_CURRENT_PRICES = "2020 prices", "current prices"
MONEY_UNITS = ("亿元", "万元", "元", "万美元")
# the price basis of each growth target of the report: GDP and industrial value added
# are at comparable prices (real); money flows are at current prices (nominal)
RATE_BASIS = {"F0401": REAL, "F0402": REAL, "F0403": NOMINAL, "F0404": NOMINAL,
              "F0406": NOMINAL, "F0436": NOMINAL}  # fmt: skip
# which bases a path built from a rate of each basis may have
ALLOWED_FROM = {REAL: (REAL, INDEX), NOMINAL: (NOMINAL, INDEX)}


def priced(unit: str, price_basis: str) -> str:
    """A money unit with the prices it is at: '亿元, 2020 prices' (real paths) or
    '亿元, current prices' (nominal); other units as they are."""
    if price_basis == REAL:
        return f"{unit}, {AT_2020_PRICES}"
    if price_basis == NOMINAL:
        return f"{unit}, {AT_CURRENT_PRICES}"
    return unit


def rate_basis(fid: str) -> str:
    """The price basis of a growth target; a new target must be given one here."""
    if fid not in RATE_BASIS:
        raise InputError(f"growth target {fid} has no price basis (real or nominal) in "
                         "analysis.compute.paths.RATE_BASIS", record=fid)  # fmt: skip
    return RATE_BASIS[fid]


TARGET_KINDS = {"target_level", "target_count", "target_share", "target_growth", "change_vs_base"}


@dataclass
class Rows:
    """Collects rows; one ``add`` call per path (a scenario of one indicator)."""

    rows: list[dict] = field(default_factory=list)

    def add(self, key, indicator, indicator_zh, scenario, series, unit, basis, inputs=(),
            externals=(), bound=EXACT, status=CENTRAL, confidence="high", *, price_basis,
            rates=None):  # fmt: skip
        """One path; ``rates`` maps a year to the growth rate that leads to it (compound
        paths only)."""
        rates = rates or {}
        for year, value in sorted(series.items()):
            rate = rates.get(year)
            self.rows.append(
                dict(path_id=f"{key}:{scenario}", indicator=indicator, indicator_zh=indicator_zh,
                     scenario=scenario, year=int(year), value=round(float(value), 4),
                     rate=None if rate is None else round(float(rate), 6), unit=unit,
                     price_basis=price_basis, bound=bound, status=status, basis=basis,
                     input_ids=";".join(inputs), external_ids=";".join(externals),
                     confidence=confidence, reason_no_path="")
            )  # fmt: skip

    def no_path(self, key, indicator, indicator_zh, reason, inputs=(), year=2021):
        self.rows.append(
            dict(path_id=f"{key}:none", indicator=indicator, indicator_zh=indicator_zh,
                 scenario="none", year=year, value=None, rate=None, unit="", price_basis="",
                 bound="", status="", basis="", input_ids=";".join(inputs), external_ids="",
                 confidence="", reason_no_path=reason)
        )  # fmt: skip


def years(end: int) -> int:
    return end - BASE_YEAR


def constant(rate: float, first: int, last: int) -> dict[int, float]:
    return {year: rate for year in range(first, last + 1)}


def add_gdp(rows: Rows) -> set[str]:
    gdp, scenarios = gdp_scenarios()
    for s in scenarios:
        series = compound_path(gdp.value, BASE_YEAR, list(s.rates))
        pace = (f"{s.rate:.2%} a year" if len(set(s.rates)) == 1
                else f"{s.rates[0]:.2%} in 2021 to {s.rates[-1]:.2%} in {s.end}")  # fmt: skip
        rates = {BASE_YEAR + k: r for k, r in enumerate(s.rates, start=1)}
        rows.add("gdp", gdp.label, gdp.label_zh, s.scenario, series,
                 priced(gdp.unit, s.price_basis), f"{s.basis}; {pace} from {gdp.value:g} in 2020",
                 s.inputs, s.externals, s.bound, s.status, s.confidence,
                 price_basis=s.price_basis, rates=rates)  # fmt: skip
    return {GDP, GDP_TARGET}


def _held(rows: Rows, key: str, level: Record | None, target: Record, basis: str) -> None:
    """A 2021 growth target held every year to 2025, from a level (or an index of 100)."""
    start = 100 if level is None else level.value
    series = compound_path(start, BASE_YEAR, target.value / 100, years=years(PLAN_END))
    named = target if level is None else level
    inputs = (target.id,) if level is None else (level.id, target.id)
    price_basis = INDEX if level is None else rate_basis(target.id)
    # an index says what it indexes: a volume (real rate) or a value (nominal rate)
    indexed = f"{INDEXED}, " + ("volume" if rate_basis(target.id) == REAL else "current prices")
    rows.add(key, named.label, named.label_zh, "target_2021_held", series,
             indexed if level is None else priced(level.unit, price_basis),
             f"{basis}; {rate_basis(target.id)}", inputs, (), target.bound,
             status_of(target.qualifier, ILLUSTRATION), price_basis=price_basis,
             rates=constant(target.value / 100, BASE_YEAR + 1, PLAN_END))  # fmt: skip


def add_budget_revenue(rows: Rows) -> set[str]:
    level, target = lookup.figure("F0003"), lookup.figure("F0406")
    _held(rows, "budget_revenue", level, target,
          "2020 revenue grown at the 2021 target (7%) every year")  # fmt: skip
    return {target.id}


def add_urbanization(rows: Rows) -> set[str]:
    step = lookup.figure("F0407")
    base = urbanization_base()
    series = point_path(base.value, BASE_YEAR, step.value, years=years(PLAN_END))
    rows.add("urbanization", step.label, step.label_zh, "target_2021_held", series, "%",
             f"+{step.value:g} points a year (additive, no growth rate) from a 2020 base of "
             f"{base.value:.2f}% ({base.source}); the report gives no base rate", (step.id,),
             base.inputs, step.bound, status_of(step.qualifier, ILLUSTRATION), "low",
             price_basis=SHARE)  # fmt: skip
    return {step.id}


def add_grain(rows: Rows) -> set[str]:
    floor, output_2020 = lookup.figure("F0408"), lookup.figure("F0088")
    series = {BASE_YEAR: units.convert(output_2020.value, output_2020.unit, floor.unit)}
    series |= {year: floor.value for year in range(2021, PLAN_END + 1)}
    basis = (f"2020 output ({output_2020.value:g}万吨 = {series[BASE_YEAR]:g}亿斤), then the 2021 "
             "floor (14.8亿斤) held every year")  # fmt: skip
    rows.add("grain", floor.label, floor.label_zh, "floor_held", series, floor.unit, basis,
             (output_2020.id, floor.id), (), floor.bound, status_of(floor.qualifier, ILLUSTRATION),
             price_basis=PHYSICAL)  # fmt: skip
    return {floor.id}


def add_cpi(rows: Rows) -> set[str]:
    cpi = lookup.figure("F0405")
    rows.no_path("cpi", cpi.label, cpi.label_zh,
                 "a ceiling on price rises, set each year with the national target; "
                 "not a quantity that accumulates toward a goal", (cpi.id,))  # fmt: skip
    return {cpi.id}


def add_growth_indices(rows: Rows, figs: pd.DataFrame, done: set[str]) -> set[str]:
    """Growth targets without a 2020 level in the report: an index held to 2025."""
    targets = figs[(figs["kind"] == "target_growth") & (figs["period"] == "2021")]
    used = set()
    for fid in targets.loc[~targets["id"].isin(done) & (targets["unit"] == "%"), "id"]:
        target = lookup.figure(fid)
        _held(rows, f"index_{fid}", None, target,
              f"the 2021 target ({target.value:g}%) held every year; the report gives "
              "no 2020 level, so the path is an index")  # fmt: skip
        used.add(fid)
    return used


# annual additions the report might repeat each year: cumulative, an illustration
# Not a 5G stock: the 352 built by 2020 are counted in 处 (sites), the 210 new ones
# in 座 (stations), and the report does not say the two count the same thing.
REPEATED = {"new_urban_jobs": "F0441", "high_standard_farmland": "F0420",
            "afforestation": "F0437", "school_places": "F0449", "5g_base_stations": "F0451"}  # fmt: skip


def add_repeated(rows: Rows) -> set[str]:
    for key, fid in REPEATED.items():
        fig = lookup.figure(fid)
        annual = {year: fig.value for year in range(2021, PLAN_END + 1)}
        rows.add(key, fig.label, fig.label_zh, "2021_amount_repeated", cumulative(annual),
                 fig.unit, f"cumulative total if the 2021 amount ({fig.value:g} {fig.unit}) were "
                 "repeated each year to 2025; the report sets 2021 only", (fig.id,), (),
                 fig.bound, ILLUSTRATION, price_basis=PHYSICAL)  # fmt: skip
    return set(REPEATED.values())


INDEXED_NOMINAL, INDEXED_REAL = f"{INDEXED}, current prices", f"{INDEXED}, real"


def add_income(rows: Rows) -> None:
    """'Residents' income to grow faster than the economy' (城乡居民可支配收入增速高于经济增长
    速度): indices, one nominal (the past pace) and one real (the central GDP path, a floor)."""
    rise = lookup.figure("F0166")
    past = cagr(100, 100 + rise.value, 5)
    rows.add("income", rise.label, rise.label_zh, "implied_2016_2020_average",
             compound_path(100, BASE_YEAR, past, years=years(PLAN_END)), INDEXED_NOMINAL,
             f"the 2016-2020 average implied by a {rise.value:g}% rise over five years "
             f"({past:.2%} a year, nominal: incomes at current prices) held to 2025",
             (rise.id,), (), rise.bound, REFERENCE,
             price_basis=INDEX, rates=constant(past, BASE_YEAR + 1, PLAN_END))  # fmt: skip
    central = {s.scenario: s for s in gdp_scenarios()[1]}["henan_plus_margin"]
    rates = {BASE_YEAR + k: r for k, r in enumerate(central.rates, start=1)}
    rows.add("income", rise.label, rise.label_zh, "at_least_central_gdp",
             compound_path(100, BASE_YEAR, list(central.rates)), INDEXED_REAL,
             "14th Five-Year goal 'income growth above economic growth', read on the central "
             f"GDP path (Henan's realized growth plus the county margin, {100 * central.rate:.2f}% "
             "a year on average, real): a floor on real income growth; the report gives no "
             "income level", (rise.id,), central.externals, LOWER, CENTRAL,
             price_basis=INDEX, rates=rates)  # fmt: skip


def add_key_projects(rows: Rows) -> set[str]:
    annual, total, count = (lookup.figure(i) for i in ("F0415", "F0414", "F0413"))
    done_2020 = lookup.figure("F0024")
    share = annual.value / total.value
    rows.add("key_projects_investment", annual.label, annual.label_zh, "annual_plan",
             {2021: annual.value}, priced(annual.unit, NOMINAL),
             f"planned 2021 investment in the {count.value:g} key projects: {share:.1%} of "
             f"their total investment of {total.value:g}亿元, leaving "
             f"{total.value - annual.value:.1f}亿元 for later years (not scheduled in the report)",
             (annual.id, total.id, count.id), (), annual.bound, price_basis=NOMINAL)  # fmt: skip
    growth = annual.value / done_2020.value - 1
    rows.add("key_projects_investment", annual.label, annual.label_zh, "2020_done_to_2021_plan",
             {BASE_YEAR: done_2020.value, 2021: annual.value}, priced(annual.unit, NOMINAL),
             "investment completed in the 2020 key projects, then the 2021 plan: "
             f"{growth:.1%} more (the key-project lists differ from year to year)",
             (done_2020.id, annual.id), (), combine(done_2020.bound, annual.bound),
             price_basis=NOMINAL)  # fmt: skip
    return {annual.id, total.id, count.id}


def add_as_set(rows: Rows, figs: pd.DataFrame, done: set[str]) -> None:
    """Every other 2021 target: its one-year path, as the report sets it."""
    rest = figs[figs["kind"].isin(TARGET_KINDS) & (figs["period"] == "2021")
                & ~figs["id"].isin(done)]  # fmt: skip
    for fid in rest["id"]:
        fig = lookup.figure(fid)
        basis = NOMINAL if fig.unit in MONEY_UNITS else SHARE if fig.unit == "%" else PHYSICAL
        rows.add(f"target_{fid}", fig.label, fig.label_zh, "as_set", {2021: fig.value},
                 priced(fig.unit, basis), "the 2021 target as written; the report sets no later "
                 "years", (fid,), (), fig.bound, status_of(fig.qualifier),
                 price_basis=basis)  # fmt: skip


def add_qualitative(rows: Rows, figs: pd.DataFrame) -> None:
    """Goals with a direction but no number of their own, and the ten practical things
    that carry no quantity."""
    rows.no_path("constraint_indicators", "New urban jobs and energy use per 10,000 yuan of GDP",
                 "城镇新增就业、万元生产总值能耗等约束性指标",
                 "binding indicators whose 2021 values are 'the tasks the city sets' "
                 "(完成市定任务); the city's numbers are not in the report")  # fmt: skip
    with_figures = set(figs["section"])
    for n in range(1, 11):
        if f"p3.ten.{n}" not in with_figures:
            rows.no_path(f"ten_{n:02d}", f"Practical thing {n}", f"十件实事 {n}",
                         "no quantity in the text (named projects only)")  # fmt: skip


def build() -> pd.DataFrame:
    """Every path, sorted by path and year: the content of data/paths.csv."""
    figs = lookup.figures().sort_values("id").reset_index(drop=True)
    rows = Rows()
    done: set[str] = set()
    for add in (add_gdp, add_budget_revenue, add_urbanization, add_grain, add_cpi,
                add_key_projects, add_repeated):  # fmt: skip
        done |= add(rows)
    done |= add_growth_indices(rows, figs, done)
    add_income(rows)
    add_as_set(rows, figs, done)
    add_qualitative(rows, figs)
    frame = pd.DataFrame(rows.rows, columns=COLUMNS)
    frame = frame.sort_values(["path_id", "year"], kind="mergesort").reset_index(drop=True)
    check_price_bases(frame)
    return frame


def check_price_bases(frame: pd.DataFrame) -> None:
    """Refuse any row whose price basis contradicts its unit or the rate it is built from.

    A real path must say '2020 prices' in its unit, a nominal one 'current prices',
    an index 'index'; a physical quantity says neither. A path built from a growth
    target (its ``input_ids``) must have a basis that target allows: a real target
    cannot make a nominal path, nor a nominal target a real one.
    """
    problems = []
    for index, row in frame[frame["scenario"] != "none"].iterrows():
        where = dict(file=paths_csv(), row=int(index) + 2, record=row["path_id"])
        basis, unit = row["price_basis"], row["unit"]
        expected_word = {REAL: AT_2020_PRICES, NOMINAL: AT_CURRENT_PRICES, INDEX: "index"}
        if basis not in PRICE_BASES:
            problems.append(Problem(f"price basis '{basis}' is not one of "
                                    f"{', '.join(PRICE_BASES)}", column="price_basis", **where))  # fmt: skip
            continue
        if basis in expected_word and expected_word[basis] not in unit:
            problems.append(Problem(f"a {basis} path needs '{expected_word[basis]}' in its unit, "
                                    f"got '{unit}'", column="unit", **where))  # fmt: skip
        if basis in (PHYSICAL, SHARE) and ("prices" in unit or "index" in unit):
            problems.append(Problem(f"a physical path cannot have the unit '{unit}'",
                                    column="unit", **where))  # fmt: skip
        for fid in str(row["input_ids"]).split(";"):
            allowed = ALLOWED_FROM.get(RATE_BASIS.get(fid, ""), PRICE_BASES)
            if basis not in allowed:
                problems.append(Problem(f"built from {fid}, a {RATE_BASIS[fid]} growth target, "
                                        f"but labelled {basis}", column="price_basis", **where))  # fmt: skip
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
