"""Line charts: levels at a few years (no path invented between them), GDP paths
under the scenarios of data/paths.csv, and slopes between two dates.

Dashed lines and open markers are one-sided numbers (upper or lower bounds) or
illustrations; dotted lines join levels across years without data (arithmetic,
labelled as such); the records drawn give the source line.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..records.record import Record
from ..records.vocabulary import ILLUSTRATION, REAL, UPPER
from . import style


def level_path(points: pd.DataFrame, unit: str, note: str = "", fmt: str = "{:,.1f}"):
    """Levels at a few years, one line per series, without inventing the years between.

    Points in consecutive years are joined by a solid line, the later level labelled
    with the growth between them; across years without data, a dotted line labelled
    with the average growth a year it implies, so the path between is marked as
    arithmetic, not data. A floor or ceiling is an open marker with its sign.

    points: columns series, year, record and pace (the Record of the growth, % a
    year, from the series' previous point to this one; None for the first point).
    """
    points = style.with_values(points)
    fig, ax = style.figure(height=4.0)
    top = points["value"].max()
    for i, (series, rows) in enumerate(points.groupby("series", sort=False)):
        colour = style.SERIES[i % len(style.SERIES)]
        text_colour = style.TEXT_COLOUR.get(colour, colour)
        rows = rows.sort_values("year").reset_index(drop=True)
        for k, row in rows.iterrows():
            style.marker(ax, row["year"], row["value"], row["bound"], colour)
            level = style.label(row["value"], row["bound"], fmt)
            pace = row.get("pace")
            if k == 0:
                ax.annotate(f"{series}: {level}", (row["year"], row["value"]), xytext=(-4, -11),
                            textcoords="offset points", ha="left", va="top", fontsize=9.5,
                            color=text_colour)  # fmt: skip
                continue
            before = rows.iloc[k - 1]
            gap = row["year"] - before["year"] > 1
            ax.plot([before["year"], row["year"]], [before["value"], row["value"]],
                    ":" if gap else "-", color=colour, linewidth=1.3 if gap else 2)  # fmt: skip
            rate = style.label(pace.value, pace.bound, "{:.1f}", "%") if pace is not None else ""
            if gap and rate:
                middle = ((before["year"] + row["year"]) / 2, (before["value"] + row["value"]) / 2)
                ax.annotate(f"{rate} a year", middle, xytext=(6, -6), textcoords="offset points",
                            ha="left", va="top", fontsize=9, color=text_colour)  # fmt: skip
            last = k == len(rows) - 1
            text = f"{level} (+{pace.value:.1f}%)" if rate and not gap else level
            ax.annotate(text, (row["year"], row["value"]), xytext=(9, 0) if last else (0, -11),
                        textcoords="offset points", ha="left" if last else "center",
                        va="center" if last else "top", fontsize=9.5)  # fmt: skip
    years = sorted(set(points["year"]))
    ax.set_xticks(years)
    ax.set_xlim(years[0] - 0.3, years[-1] + 1.4)
    ax.set_ylim(0, top * 1.18)
    ax.set_ylabel(unit)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    paces = [p for p in points.get("pace", []) if isinstance(p, Record)]
    records = [*style.records_in(points, "record"), *paces]
    data = style.record_frame(points["series"], style.records_in(points, "record"),
                              year=points["year"])  # fmt: skip
    data["pace_pct_a_year"] = [p.value if isinstance(p, Record) else None
                               for p in points.get("pace", [None] * len(points))]  # fmt: skip
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
