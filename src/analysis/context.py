"""Facts from outside the report, loaded from ``data/external/`` with validation.

Each file is a copy of a file in the shared context folder, with every row
carrying a ``source`` and a ``confidence`` (high, medium or low) so the book
can cite it and keep its reliability visible. A row without a source, or with
another confidence word, is an ``InputError`` naming the file, the row as a
spreadsheet shows it, the column and the record id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from .base.errors import InputError, Problem
from .base.io import read_csv_strings
from .base.locations import data_dir

CONFIDENCE = ("high", "medium", "low")

TARGETS = "targets_and_outcomes.csv"
COUNTY_CRITERIA = "county_to_city_1993_criteria.csv"
LI_PANEL = "li2019_prefecture_growth_targets.csv"

# columns each file must hold (besides source and confidence)
REQUIRED = {
    TARGETS: ["id", "jurisdiction", "level", "year", "indicator", "measure", "value", "unit"],
    COUNTY_CRITERIA: ["id", "criterion", "unit", "density_over_400", "density_100_to_400"],
    LI_PANEL: [
        "prefecture_code",
        "province_code",
        "year",
        "realized_growth_pct",
        "provincial_target_pct",
        "prefecture_target_pct",
        "prefecture_target_observed",
    ],
}


def external_path(name: str) -> Path:
    return data_dir() / "external" / name


def read_validated(path: Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read one external CSV as text and check source/confidence on every row."""
    path = Path(path)
    frame = read_csv_strings(path)
    problems = [
        Problem("required column is missing", file=path, column=column)
        for column in [*(required or []), "source", "confidence"]
        if column not in frame.columns
    ]
    if problems:
        raise InputError(problems)
    ids = frame["id"] if "id" in frame.columns else pd.Series([None] * len(frame))
    # vectorised checks (the Li panel has 3,500 rows); problems listed in row order
    no_source = frame["source"].str.strip() == ""
    bad_confidence = ~frame["confidence"].str.strip().isin(CONFIDENCE)
    for index in frame.index[no_source | bad_confidence]:
        where = dict(file=path, row=int(index) + 2, record=ids.iloc[index] or None)
        if no_source[index]:
            problems.append(Problem("source is empty", column="source", **where))
        if bad_confidence[index]:
            confidence = frame.at[index, "confidence"]
            problems.append(
                Problem(
                    f"confidence must be one of {', '.join(CONFIDENCE)}, got {confidence!r}",
                    column="confidence",
                    **where,
                )
            )
    if problems:
        raise InputError(problems)
    return frame


@cache
def _load(name: str, root: str) -> pd.DataFrame:
    return read_validated(external_path(name), REQUIRED.get(name))


def load(name: str) -> pd.DataFrame:
    """One external file, validated (cached per data folder; returns a copy)."""
    return _load(name, str(data_dir())).copy()


def targets() -> pd.DataFrame:
    """Targets and outcomes above the county, with ``value`` as a number (NaN if qualitative)."""
    frame = load(TARGETS)
    frame["value"] = pd.to_numeric(frame["value"].replace("", None), errors="raise")
    return frame


def county_criteria() -> pd.DataFrame:
    """The 1993 county-to-city thresholds, numbers as floats."""
    frame = load(COUNTY_CRITERIA)
    for column in ("density_over_400", "density_100_to_400", "density_under_100"):
        frame[column] = pd.to_numeric(frame[column])
    return frame


def li_panel_raw() -> pd.DataFrame:
    """The Li et al. (2019) panel as stored (validated for provenance only)."""
    return load(LI_PANEL)


@dataclass(frozen=True)
class Fact:
    """One external number with its provenance."""

    id: str
    value: float
    unit: str
    year: str
    source: str
    confidence: str


def fact(jurisdiction: str, indicator: str, measure: str, year: str) -> Fact:
    """Exactly one row of targets_and_outcomes.csv, or an InputError saying why not."""
    frame = targets()
    hits = frame[
        (frame["jurisdiction"] == jurisdiction)
        & (frame["indicator"] == indicator)
        & (frame["measure"] == measure)
        & (frame["year"] == str(year))
    ]
    if len(hits) != 1:
        raise InputError(
            f"expected one row for {jurisdiction} / {indicator} / {measure} / {year}, "
            f"found {len(hits)}",
            file=external_path(TARGETS),
        )
    row = hits.iloc[0]
    return Fact(
        row["id"], float(row["value"]), row["unit"], row["year"], row["source"], row["confidence"]
    )


URBANIZATION = "urbanization rate of resident population"


def minquan_urbanization_base() -> Fact:
    """Minquan's 2020 urbanization rate, which no source we hold states directly.

    The context holds 2019 (39.27%) and 2022 (42.87%), both medium confidence.
    We interpolate linearly to 2020 and label the result low confidence: the
    2020 census re-based urbanization rates, so the true 2020 figure may differ.
    """
    before = fact("Minquan", URBANIZATION, "realized", "2019")
    after = fact("Minquan", URBANIZATION, "realized", "2022")
    value = before.value + (after.value - before.value) * (2020 - 2019) / (2022 - 2019)
    return Fact(
        f"{before.id};{after.id}",
        value,
        "%",
        "2020",
        "linear interpolation between the 2019 and 2022 rates",
        "low",
    )


def minquan_population_2020() -> Fact:
    """Resident population in the 7th census (2020-11-01)."""
    return fact("Minquan", "resident population (7th census)", "realized", "2020")


def minquan_land_area() -> Fact:
    return fact("Minquan", "land area", "realized", "-")


# --- targets in context ------------------------------------------------------

LEVELS = ("China", "Henan", "Shangqiu", "Minquan")

# indicator in targets_and_outcomes.csv -> (English label, Chinese name, Minquan quote, value)
CASCADE = {
    "GDP growth": ("GDP growth", "生产总值增长", "生产总值增长8%", 8),
    "industrial value added above designated size growth": (
        "Industrial value added above designated size, growth",
        "规上工业增加值增长",
        "规上工业增加值增长7%",
        7,
    ),
    "fixed-asset investment growth": (
        "Fixed-asset investment, growth",
        "固定资产投资增长",
        "固定资产投资增长7%",
        7,
    ),
    "retail sales of consumer goods growth": (
        "Retail sales of consumer goods, growth",
        "社会消费品零售总额增长",
        "社会消费品零售总额增长10%",
        10,
    ),
    "CPI increase": ("Consumer prices, rise", "居民消费价格涨幅", "涨幅3%", 3),
    "general public budget revenue growth": (
        "General public budget revenue, growth",
        "一般公共预算收入增长",
        "收入增长7%",
        7,
    ),
    "urbanization rate change": (
        "Urbanization rate, change (points)",
        "常住人口城镇化率提高",
        "提高1.5个百分点",
        1.5,
    ),
}


def cascade_2021(figs: pd.DataFrame) -> pd.DataFrame:
    """2021 targets by level, national -> Henan -> Shangqiu -> Minquan (long table).

    Shangqiu's 2021 targets were not found (its congress met ten weeks after
    Minquan's): its rows are kept, with no value and the note 'not found'.
    """
    from .paths_table import find  # late import: paths_table imports this module

    frame = targets()
    rows = []
    for indicator, (label, label_zh, snippet, value) in CASCADE.items():
        for level in LEVELS:
            row = dict(
                indicator=label,
                indicator_zh=label_zh,
                level=level,
                value=float("nan"),
                qualifier="",
                id="",
                confidence="",
                note="",
            )
            if level == "Minquan":
                fig = find(figs, snippet, value, section="p3.targets")
                row.update(value=fig.value, qualifier=fig.qualifier, id=fig.id, confidence="high")
            else:
                hit = frame[
                    (frame["jurisdiction"] == level)
                    & (frame["indicator"] == indicator)
                    & (frame["measure"] == "target")
                    & (frame["year"] == "2021")
                ]
                if len(hit) == 1:
                    h = hit.iloc[0]
                    row.update(
                        value=h["value"],
                        qualifier=h["qualifier"],
                        id=h["id"],
                        confidence=h["confidence"],
                    )
                else:
                    row["note"] = "not found" if level == "Shangqiu" else "no numeric target"
            rows.append(row)
    return pd.DataFrame(rows)


def county_to_city(gdp_yi: float, revenue_yi: float) -> pd.DataFrame:
    """Minquan's 2020 figures beside the 1993 thresholds of its density tier.

    Money thresholds are at 1990 prices and Minquan's figures at 2020 prices:
    the comparison shows orders of magnitude, not a test that Minquan passes.
    """
    population = minquan_population_2020()
    area = minquan_land_area()
    density = population.value / area.value
    tier = (
        "density_over_400"
        if density > 400
        else "density_100_to_400"
        if density >= 100
        else "density_under_100"
    )
    criteria = county_criteria().set_index("criterion")
    minquan = {
        "GDP": (gdp_yi, "2020, current prices"),
        "local budget revenue": (revenue_yi * 1e4, "2020 general public budget revenue, 万元"),
        "local budget revenue per capita": (
            revenue_yi * 1e8 / population.value,
            "2020 revenue / 2020 census population",
        ),
    }
    rows = []
    for criterion, row in criteria.iterrows():
        value, note = minquan.get(criterion, (float("nan"), "not in the report"))
        rows.append(
            dict(
                criterion=criterion,
                unit=row["unit"],
                threshold=row[tier],
                threshold_note=row["note"],
                minquan_2020=value,
                minquan_note=note,
                id=row["id"],
            )
        )
    table = pd.DataFrame(rows)
    table.attrs.update(
        density=density,
        tier=tier,
        population_id=population.id,
        area_id=area.id,
        area_confidence=area.confidence,
    )
    return table


def side_by_side(cascade: pd.DataFrame, upper: str = "Henan") -> pd.DataFrame:
    """Indicators for which both Minquan and ``upper`` set a 2021 target, one row each,
    with a column per level (Shangqiu, whose targets were not found, is left out)."""
    found = cascade[cascade["level"] != "Shangqiu"].dropna(subset=["value"])
    wide = found.pivot(index="indicator", columns="level", values="value")
    return wide.dropna(subset=[upper, "Minquan"])
