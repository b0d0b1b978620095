"""Line charts: levels at a few years (no path invented between them), where each
reading of the GDP goals (data/paths.csv) puts GDP in 2025 and 2035, and slopes
between two dates.

Dashed lines and open markers are one-sided numbers (upper or lower bounds) or
illustrations; dotted lines join levels across years without data (arithmetic,
labelled as such); the records drawn give the source line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.ticker import StrMethodFormatter

from ..records.record import Record
from ..records.vocabulary import AMBITION, CENTRAL, ILLUSTRATION, NOMINAL, REAL, REFERENCE
from . import style
from .numbers import round_outward


def bound_label(value: float, bound: str = "", fmt: str = "{:.1f}", unit: str = "") -> str:
    """``style.label`` with a bound rounded outward to the format's decimals, so that a
    label never claims more than the data: an upper bound of 9.438 reads '≤ 9.5', not 9.4."""
    places = re.search(r"\.(\d+)f", fmt)
    if places:
        value = round_outward(value, int(places.group(1)), bound)
    return style.label(value, bound, fmt, unit)


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
            level = bound_label(row["value"], row["bound"], fmt)
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
            rate = bound_label(pace.value, pace.bound, "{:.1f}", "%") if pace is not None else ""
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


# what each reading of the GDP goals is called on the chart (the chapter may pass its own)
SCENARIO_LABELS = {
    "henan_plus_margin": "Henan's growth plus a margin",
    "targets_step_down": "Targets stepping down",
    "target_2021_held": "2021 target held",
    "doubling_by_2035": "Doubling by 2035",
    "above_averages_floor": "Above the realized averages: floor",
    "implied_2016_2020_average_real": "2016-2020 pace, CPI-deflated",
    "henan_14th_fyp": "Henan's 14th Five-Year Plan",
    "henan_realized_2021_2025": "Henan's realized growth",
    "above_averages_2021_margin": "Floor plus the 2021 margin",
    "implied_2016_2020_average": "2016-2020 pace",
}
STATUS_HEADINGS = {CENTRAL: "Central case", AMBITION: "Ambitions", REFERENCE: "References",
                   ILLUSTRATION: "Illustrations"}  # fmt: skip
MILESTONES = (2025, 2035)
# 2025 and 2035 told apart by lightness and shape: dark blue dots, light orange diamonds
MILESTONE_STYLE = {2025: (style.PAIR[0], "o"), 2035: (style.PAIR[1], "D")}
ROW_IN = 0.27  # inches per row of the chart


def _readings(gdp: pd.DataFrame, scenarios) -> pd.DataFrame:
    """One row per reading: its status, price basis, bound and level in 2025 and 2035."""
    rows = []
    for scenario, path in gdp.groupby("scenario", sort=False):
        if scenarios is not None and scenario not in scenarios:
            continue
        first, levels = path.iloc[-1], path.set_index("year")["value"]
        rows.append({"scenario": scenario, "status": first["status"],
                     "price_basis": first["price_basis"], "bound": first["bound"],
                     **{str(y): levels.get(y, np.nan) for y in MILESTONES}})  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["rank"] = frame["status"].map({s: i for i, s in enumerate(STATUS_HEADINGS)})
    frame["last"] = frame[[str(y) for y in MILESTONES]].max(axis=1)
    return frame.sort_values(["rank", "last"], ascending=[True, False]).reset_index(drop=True)


def _milestone_panel(ax, readings: pd.DataFrame, labels: dict, base: float, unit: str):
    """Rows of readings grouped by status (bold headings), a dot for 2025 and a diamond
    for 2035 on one axis, each labelled with its level; one-sided levels open, with ≤/≥."""
    y, ticks, names, headings = 0.0, [], [], []
    for _, group in readings.groupby("rank", sort=True):
        ticks.append(y)
        names.append(STATUS_HEADINGS.get(group["status"].iloc[0], group["status"].iloc[0]))
        headings.append(len(ticks) - 1)
        y -= 1
        for row in group.to_dict("records"):
            drawn = [(m, row[str(m)]) for m in MILESTONES if row[str(m)] == row[str(m)]]
            xs = [v for _, v in drawn]
            ax.plot(xs, [y] * len(xs), color=style.LIGHT_GREY, linewidth=1.2, zorder=1)
            for k, (milestone, value) in enumerate(drawn):
                colour, shape = MILESTONE_STYLE[milestone]
                face = "white" if style.one_sided(row["bound"]) else colour
                ax.scatter([value], [y], s=46, marker=shape, facecolor=face, edgecolor=colour,
                           linewidth=1.5, zorder=3)  # fmt: skip
                last = k == len(drawn) - 1
                ax.annotate(bound_label(value, row["bound"], "{:,.0f}"), (value, y),
                            xytext=(7 if last else -7, 0), textcoords="offset points",
                            ha="left" if last else "right", va="center", fontsize=9,
                            color=style.TEXT_COLOUR.get(colour, colour))  # fmt: skip
            ticks.append(y)
            names.append(labels.get(row["scenario"], SCENARIO_LABELS.get(row["scenario"], "")))
            y -= 1
    ax.set_yticks(ticks, names)
    for index in headings:  # bold, in the Latin font alone (Noto Sans CJK here has no bold)
        ax.get_yticklabels()[index].set(fontweight="bold", fontfamily=style.LATIN_FAMILY)
    ax.set_ylim(y + 0.4, 0.6)
    ax.axvline(base, color="#333333", linewidth=0.8, zorder=1)
    top = readings[[str(m) for m in MILESTONES]].max().max()
    ax.set_xlim(base - 0.06 * (top - base), top + 0.16 * (top - base))
    ax.set_xlabel(unit)
    ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)


def gdp_scenarios(table: pd.DataFrame, records: Iterable[Record], scenarios=None,
                  labels: dict[str, str] | None = None):  # fmt: skip
    """Where each reading of the GDP goals puts Minquan's GDP in 2025 and 2035.

    One row per reading (rows of paths.csv whose ``path_id`` starts with ``gdp:``),
    grouped by status (central case, ambitions, references, illustration), with a
    dot for 2025 and a diamond for 2035 and the 2020 level as a line. Real readings
    (2020 prices) share one axis; nominal ones (current prices) are drawn apart, in a
    panel of their own below, never on the 2020-prices axis. ``scenarios`` chooses the
    readings (default: all), ``labels`` names them; ``records`` are those the rows cite.
    """
    gdp = table[table["path_id"].str.startswith("gdp:")]
    readings = _readings(gdp, scenarios)
    real = readings[readings["price_basis"] == REAL]
    nominal = readings[readings["price_basis"] == NOMINAL]
    other = readings[~readings["price_basis"].isin([REAL, NOMINAL])]
    if len(other):
        raise ValueError(f"neither real nor nominal: {list(other['scenario'])}")
    base = float(gdp.loc[gdp["year"] == gdp["year"].min(), "value"].iloc[0])
    panels = [(real, "GDP, 亿元 at 2020 prices"), (nominal, "GDP, 亿元 at current prices")]
    panels = [(rows, unit) for rows, unit in panels if len(rows)]
    heights = [len(rows) + rows["status"].nunique() + 0.6 for rows, _ in panels]
    fig, axes = style.figure(height=ROW_IN * sum(heights) + 1.35 * len(panels) + 0.35,
                             nrows=len(panels), squeeze=False,
                             gridspec_kw={"height_ratios": heights})  # fmt: skip
    for ax, (rows, unit) in zip(axes[:, 0], panels, strict=True):
        _milestone_panel(ax, rows, labels or {}, base, unit)
    if len(panels) > 1:
        axes[1, 0].set_title("Nominal: not comparable with the above", fontsize=9.5)
    first = axes[0, 0]
    first.annotate(f"2020: {base:,.1f}", (base, 0.6), xytext=(3, 2), textcoords="offset points",
                   ha="left", va="bottom", fontsize=9, annotation_clip=False)  # fmt: skip
    for milestone, (colour, shape) in MILESTONE_STYLE.items():
        first.scatter([], [], s=46, marker=shape, color=colour, label=str(milestone))
    first.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, borderaxespad=0.2,
                 handletextpad=0.3)  # fmt: skip
    style.add_source(fig, records, note="Open markers, ≤ and ≥: bounds; ≈: about (左右)")
    data = readings.melt(id_vars=["scenario", "status", "price_basis", "bound"],
                         value_vars=[str(m) for m in MILESTONES], var_name="year")  # fmt: skip
    data = data.dropna(subset=["value"]).assign(
        reading=lambda f: [(labels or {}).get(s, SCENARIO_LABELS.get(s, s)) for s in f["scenario"]]
    )
    return style.attach_data(fig, data[["reading", "scenario", "status", "price_basis", "bound",
                                        "year", "value"]])  # fmt: skip


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
            ax.annotate(bound_label(value, bound, fmt), (xi, value), xytext=(-8 if xi == 0 else 8, 0),
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
