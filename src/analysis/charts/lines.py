"""Line charts: index paths from a base year, levels joined over a few years,
and GDP paths under the scenarios of data/paths.csv.

Dashed lines and open markers are one-sided numbers (upper or lower bounds) or
illustrations; the records drawn give the source line.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..records.record import Record
from ..records.vocabulary import ILLUSTRATION, REAL, UPPER
from . import style


def index_chart(rows: pd.DataFrame, base_year: int = 2015, end_year: int = 2020, note: str = ""):
    """Index chart, base year = 100: a straight compound path to each end value.

    rows: columns label, record (the index in the end year), optional
    base_year (a later base, e.g. 2016 for rural incomes). Only the end points
    are stated; the path between them is the constant-rate path, drawn thin.
    """
    fig, ax = style.figure(height=4.0)
    rows = style.with_values(rows)
    texts: dict[tuple[float, str], list[str]] = {}
    for i, row in enumerate(rows.itertuples()):
        colour = style.SERIES[i % len(style.SERIES)]
        start = int(getattr(row, "base_year", base_year) or base_year)
        years = np.arange(start, end_year + 1)
        path = 100 * (row.value / 100) ** ((years - start) / (end_year - start))
        ax.plot(years, path, "--" if style.one_sided(row.bound) else "-", color=colour,
                linewidth=1.4)  # fmt: skip
        style.marker(ax, end_year, row.value, row.bound, colour)
        # series ending at the same point share one label
        texts.setdefault((round(row.value), row.bound), []).append(row.label)
    for y, (key, names) in zip(style.spread([k[0] for k in texts], 6.0), texts.items(),
                               strict=True):  # fmt: skip
        ax.annotate(f"{' = '.join(names)}: {style.label(key[0], key[1], '{:.0f}')}",
                    (end_year, key[0]), xytext=(end_year + 0.15, y), textcoords="data",
                    va="center", fontsize=9.5)  # fmt: skip
    ax.axhline(100, color="#333333", linewidth=0.8)
    ax.set_xlim(base_year - 0.2, end_year + 2.6)
    ax.set_xticks(range(base_year, end_year + 1))
    ax.set_ylabel(f"Index, {base_year} = 100")
    ax.grid(axis="y", visible=True)
    records = style.records_in(rows, "record")
    return style.finish(fig, records, note, data=style.record_frame(rows["label"], records))


def level_path(points: pd.DataFrame, unit: str, note: str = ""):
    """Levels at a few years, one line per series, joined by constant-rate segments.

    points: columns series, year, record.
    """
    points = style.with_values(points)
    fig, ax = style.figure(height=3.8)
    for i, (series, rows) in enumerate(points.groupby("series", sort=False)):
        colour = style.SERIES[i % len(style.SERIES)]
        rows = rows.sort_values("year")
        ax.plot(rows["year"], rows["value"], color=colour, linewidth=1.4, label=series)
        for row in rows.itertuples():
            style.marker(ax, row.year, row.value, row.bound, colour)
            ax.annotate(style.label(row.value, row.bound), (row.year, row.value), xytext=(0, 7),
                        textcoords="offset points", ha="center", fontsize=9)  # fmt: skip
    ax.set_ylabel(unit)
    ax.set_ylim(0, points["value"].max() * 1.15)
    ax.set_xticks(sorted(set(points["year"])))
    ax.grid(axis="y", visible=True)
    ax.legend(loc="upper left")
    records = style.records_in(points, "record")
    data = style.record_frame(points["series"], records, year=points["year"])
    return style.finish(fig, records, note, data=data)


SCENARIO_LABELS = {
    "implied_2016_2020_average_real": "2016-2020 pace, CPI-deflated (upper bound)",
    "target_2021_held": "8% held (ambition)",
    "above_averages_2021_margin": "Above averages + 2021 margin",
    "targets_step_down": "Targets stepping down (central)",
    "above_averages_floor": "Above averages: floor",
    "henan_14th_fyp": "Henan 14th FYP (about 6%)",
    "doubling_by_2035": "Doubling by 2035",
    "henan_realized_2021_2025": "Henan's realized growth",
    "implied_2016_2020_average": "2016-2020 pace, nominal (upper bound)",
}

# one colour per reading (the two that coincide, Henan's plan and the floor it sets, share one)
SCENARIO_COLOURS = {
    "targets_step_down": style.PALETTE["black"],
    "target_2021_held": style.PALETTE["orange"],
    "implied_2016_2020_average_real": style.PALETTE["sky"],
    "above_averages_2021_margin": style.PALETTE["green"],
    "above_averages_floor": style.PALETTE["purple"],
    "henan_14th_fyp": style.PALETTE["purple"],
    "doubling_by_2035": style.PALETTE["blue"],
    "henan_realized_2021_2025": style.PALETTE["vermillion"],
}


def gdp_scenarios(table: pd.DataFrame, records: Iterable[Record], scenarios=None):
    """GDP level paths 2020-2035, one line per scenario (rows of paths.csv).

    The axis is at 2020 prices, so only real paths may be drawn: a nominal one
    (``price_basis`` nominal) is a ValueError. ``scenarios`` chooses and orders
    the paths (default: every real one). Upper bounds and illustrations are
    dashed; paths that end at the same level share one label. ``records`` are
    those the rows cite.
    """
    gdp = table[table["path_id"].str.startswith("gdp:")]
    real = set(gdp.loc[gdp["price_basis"] == REAL, "scenario"])
    order = [s for s in SCENARIO_LABELS if s in real] if scenarios is None else list(scenarios)
    nominal = [s for s in order if s not in real]
    if nominal:
        raise ValueError(f"not real, cannot be drawn at 2020 prices (nominal?): {nominal}")
    fig, ax = style.figure(height=4.6)
    labels: dict[tuple[int, float], list[tuple[str, str]]] = {}
    for scenario in order:
        colour = SCENARIO_COLOURS.get(scenario, style.GREY)
        rows = gdp[gdp["scenario"] == scenario]
        first = rows.iloc[0]
        style_ = "--" if first["bound"] == UPPER or first["status"] == ILLUSTRATION else "-"
        width = 2.4 if first["status"] == "central" else 1.5
        ax.plot(rows["year"], rows["value"], style_, color=colour, linewidth=width)
        last = rows.iloc[-1]
        labels.setdefault((int(last["year"]), round(float(last["value"]), 0)), []).append(
            (SCENARIO_LABELS.get(scenario, scenario), colour)
        )
    ends = sorted(labels)
    for (year, value), y in zip(ends, _spread_by_year(ends), strict=True):
        entries = labels[(year, value)]
        ax.annotate(f"{' = '.join(label for label, _ in entries)}: {value:.0f}", (year, value),
                    xytext=(year + 0.3, y), textcoords="data", va="center", fontsize=9,
                    color=entries[0][1])  # fmt: skip
    ax.axvline(2025, color=style.GREY, linewidth=0.8, linestyle=":")
    ax.set_xlim(2020, 2043)
    ax.set_xticks([2020, 2025, 2030, 2035])
    ax.set_ylabel("GDP, 亿元 (2020 prices)")
    ax.grid(axis="y")
    style.add_source(fig, records, note="Data: data/paths.csv (real paths only)")
    return style.attach_data(fig, gdp[["scenario", "year", "value", "bound", "status"]])


def _spread_by_year(ends: list[tuple[int, float]]) -> list[float]:
    """Label heights: labels ending in the same year kept apart (a twentieth of the range)."""
    values = [v for _, v in ends]
    gap = (max(values) - min(values)) / 20 if len(values) > 1 else 1.0
    placed = [0.0] * len(ends)
    for year in {y for y, _ in ends}:
        idx = [i for i, (y, _) in enumerate(ends) if y == year]
        for i, y in zip(idx, style.spread([values[i] for i in idx], gap), strict=True):
            placed[i] = y
    return placed


def slope(points: pd.DataFrame, unit: str, note: str = "", fmt: str = "{:,.1f}"):
    """A slope chart: a few series between two dates on one axis from zero, each end
    labelled with its level and each line with its change.

    points: columns series, when (two labels, in order), record.
    """
    points = style.with_values(points)
    whens = list(dict.fromkeys(points["when"]))
    fig, ax = style.figure(height=3.6)
    top = points["value"].max()
    for i, (series, rows) in enumerate(points.groupby("series", sort=False)):
        colour = style.PAIR[i % 2]
        x = [whens.index(w) for w in rows["when"]]
        ax.plot(x, rows["value"], color=colour, linewidth=2, marker="o", markersize=6)
        for xi, value, bound in zip(x, rows["value"], rows["bound"], strict=True):
            ax.annotate(style.label(value, bound, fmt), (xi, value), xytext=(-8 if xi == 0 else 8, 0),
                        textcoords="offset points", ha="right" if xi == 0 else "left",
                        va="center", fontsize=9.5)  # fmt: skip
        change = rows["value"].iloc[-1] - rows["value"].iloc[0]
        middle = rows["value"].mean()
        ax.annotate(f"{series}: {change:+,.1f}", (0.5, middle), xytext=(0, 8),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9.5,
                    color=style.TEXT_COLOUR.get(colour, colour))  # fmt: skip
    ax.set_xticks(range(len(whens)), whens)
    ax.set_xlim(-0.45, len(whens) - 0.55)
    ax.set_ylim(0, top * 1.15)
    ax.set_ylabel(unit)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    records = style.records_in(points, "record")
    data = style.record_frame(points["series"], records, when=points["when"])
    return style.finish(fig, records, note, data=data)
