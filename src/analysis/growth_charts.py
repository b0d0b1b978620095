"""Charts for the chapters on targets, growth paths and the ten practical things.

Each function draws one chart from data the caller passes in (so the chapter
shows where the numbers come from), writes the source line naming the record
ids, and returns the figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import plotting

GOAL_MARKERS = ["D", "^", "s", "v"]
LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1}
CONTEXT_SOURCE = "data/external/targets_and_outcomes.csv"
PANEL_SOURCE = "Li, Liu, Weng and Zhou (2019) replication panel, filtered (data/external)"

SCENARIO_LABELS = {
    "implied_2016_2020_average": "2016-2020 pace (upper bound)",
    "target_2021_held": "2021 target held (8%)",
    "above_averages_2021_margin": "Above averages + 2021 margin",
    "above_averages_floor": "Above averages: floor",
    "henan_14th_fyp": "Henan 14th FYP (about 6%)",
    "doubling_by_2035": "Doubling by 2035",
}


def gdp_scenarios(table: pd.DataFrame):
    """GDP level paths 2020-2035, one line per scenario (rows of paths.csv).

    Scenarios that end at the same level share one label.
    """
    fig, ax = plotting.figure(height=4.4)
    gdp = table[table["path_id"].str.startswith("gdp:")]
    ids: set[str] = set()
    order = [s for s in SCENARIO_LABELS if s in set(gdp["scenario"])]
    labels: dict[float, list[tuple[str, str]]] = {}
    for colour, scenario in zip(plotting.SERIES, order, strict=False):
        rows = gdp[gdp["scenario"] == scenario]
        style = "--" if rows["bound"].iloc[0] in ("upper", "illustrative") else "-"
        ax.plot(rows["year"], rows["value"], style, color=colour, linewidth=1.8)
        last = rows.iloc[-1]
        labels.setdefault(round(float(last["value"]), 1), []).append(
            (SCENARIO_LABELS[scenario], colour)
        )
        ids |= set(";".join(rows[["input_ids", "external_ids"]].iloc[0]).split(";"))
    for value, entries in labels.items():
        text = " = ".join(label for label, _ in entries)
        ax.annotate(
            f"{text}: {value:.0f}",
            (rows["year"].max(), value),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=entries[0][1],
        )
    ax.axvline(2025, color=plotting.GREY, linewidth=0.8, linestyle=":")
    ax.set_xlim(2020, 2041)
    ax.set_xticks([2020, 2025, 2030, 2035])
    ax.set_ylabel("GDP, 亿元 (2020 prices for growth paths)")
    ax.grid(axis="y")
    plotting.add_source(
        fig,
        records=sorted(i for i in ids if i.startswith("F")),
        source=f"{plotting.REPORT_SOURCE}; {CONTEXT_SOURCE} "
        f"{', '.join(sorted(i for i in ids if i.startswith('X')))}",
        note="Data: data/paths.csv",
    )
    return fig


LEVEL_COLOURS = {
    "China": plotting.SERIES[0],
    "Henan": plotting.SERIES[1],
    "Minquan": plotting.ACCENT,
}


def cascade(cascade_table: pd.DataFrame):
    """2021 targets by level: one row per indicator, one dot per level."""
    indicators = list(dict.fromkeys(cascade_table["indicator"]))
    fig, ax = plotting.figure(height=0.45 * len(indicators) + 1.2)
    for i, indicator in enumerate(indicators):
        rows = cascade_table[cascade_table["indicator"] == indicator].set_index("level")
        values = rows["value"].dropna()
        ax.plot([values.min(), values.max()], [i, i], color="#cccccc", linewidth=2, zorder=1)
        for level, colour in LEVEL_COLOURS.items():
            if level in values.index:
                ax.scatter(
                    values[level],
                    i,
                    color=colour,
                    s=45,
                    zorder=3,
                    label=level if i == 0 else None,
                    marker="D" if level == "Minquan" else "o",
                )
    ax.set_yticks(range(len(indicators)))
    ax.set_yticklabels(
        [
            f"{name}\n{zh}"
            for name, zh in cascade_table.drop_duplicates("indicator")[
                ["indicator", "indicator_zh"]
            ].values
        ],
        fontsize=8,
    )
    ax.invert_yaxis()
    ax.set_xlabel("2021 target, % (urbanization: percentage points)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8)
    ids = sorted(i for i in cascade_table["id"] if i)
    plotting.add_source(
        fig,
        records=[i for i in ids if i.startswith("F")],
        source=f"{plotting.REPORT_SOURCE}; {CONTEXT_SOURCE} "
        f"{', '.join(i for i in ids if i.startswith('X'))}",
        note="Shangqiu's 2021 targets were not found",
    )
    return fig


def escalation(
    panel: pd.DataFrame, minquan_over: dict[str, float], records: list[str], external: list[str]
):
    """Histogram of prefecture-over-province escalation, with Minquan's 2021 margins."""
    fig, ax = plotting.figure(height=3.6)
    bins = np.arange(-4, 12.5, 0.5) - 0.25
    ax.hist(panel["escalation_pp"].clip(-4, 12), bins=bins, color=plotting.SERIES[0], alpha=0.8)
    ax.axvline(panel["escalation_pp"].mean(), color="#333333", linewidth=1)
    top = ax.get_ylim()[1]
    ax.annotate(
        f"panel mean {panel['escalation_pp'].mean():.1f}",
        (panel["escalation_pp"].mean(), top * 0.95),
        xytext=(4, 0),
        textcoords="offset points",
        fontsize=8,
    )
    for k, (label, value) in enumerate(minquan_over.items()):
        ax.axvline(value, color=plotting.ACCENT, linewidth=1.5, linestyle="--")
        ax.annotate(
            label,
            (value, top * (0.8 - 0.12 * k)),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=8,
            color=plotting.ACCENT,
            bbox=LABEL_BOX,
        )
    ax.set_xlabel("Own GDP growth target minus the target of the level above, points")
    ax.set_ylabel("Prefecture-years")
    ax.grid(axis="y")
    plotting.add_source(
        fig,
        records=records,
        source=f"{PANEL_SOURCE}; {plotting.REPORT_SOURCE}; {CONTEXT_SOURCE} {', '.join(external)}",
        note="Panel values clipped to -4..12 for display",
    )
    return fig


def fan(
    fans: dict[str, pd.DataFrame],
    central: pd.Series,
    goals: dict[str, tuple[int, float]],
    records: list[str],
    external: list[str],
):
    """Fan chart: 5-95% and 25-75% bands of simulated GDP, one panel per calibration."""
    fig, axes = plotting.figure(height=3.8, ncols=len(fans), sharey=True)
    axes = np.atleast_1d(axes)
    for ax, (name, frame) in zip(axes, fans.items(), strict=True):
        wide = frame.pivot(index="year", columns="quantile", values="value")
        years = wide.index.astype(int)
        for low, high, alpha in ((0.05, 0.95, 0.18), (0.25, 0.75, 0.35)):
            ax.fill_between(
                years,
                wide[low],
                wide[high],
                color=plotting.SERIES[0],
                alpha=alpha,
                linewidth=0,
                label=f"{low:.0%}-{high:.0%}".replace("%-", "-"),
            )
        ax.plot(years, wide[0.5], color=plotting.SERIES[0], linewidth=1.5, label="median")
        ax.plot(
            central.index,
            central.values,
            color="#333333",
            linewidth=1,
            linestyle="--",
            label="target path",
        )
        for marker, (label, (year, level)) in zip(GOAL_MARKERS, goals.items(), strict=False):
            ax.scatter(
                [year], [level], color=plotting.ACCENT, marker=marker, zorder=4, s=36, label=label
            )
        ax.set_title(name, fontsize=9)
        ax.set_xticks([2020, 2025, 2030, 2035])
        ax.grid(axis="y")
    axes[0].set_ylabel("GDP, 亿元 (2020 prices)")
    axes[0].legend(loc="upper left", fontsize=7.5)
    plotting.add_source(
        fig,
        records=records,
        source=f"{plotting.REPORT_SOURCE}; {PANEL_SOURCE}; {CONTEXT_SOURCE} {', '.join(external)}",
        note="Simulation: 10,000 draws, fixed seed (analysis.uncertainty)",
    )
    return fig


def calibration(panel_misses: pd.Series, recent: pd.DataFrame, records_external: list[str]):
    """Misses (realized minus target) in the panel era beside the recent national and Henan years."""
    fig, (left, right) = plotting.figure(height=3.4, ncols=2, gridspec_kw={"width_ratios": [3, 2]})
    left.hist(
        panel_misses.clip(-8, 10),
        bins=np.arange(-8, 10.5, 0.5),
        color=plotting.SERIES[0],
        alpha=0.8,
    )
    plotting.zero_line(left)
    left.set_title("Prefectures, 2003-2012", fontsize=9)
    left.set_xlabel("Realized minus own target, points")
    left.set_ylabel("Prefecture-years")
    left.grid(axis="y")
    labels = [f"{j} {y}" for j, y in zip(recent["jurisdiction"], recent["year"], strict=True)]
    colours = [plotting.SERIES[1] if m else plotting.ACCENT for m in recent["met"]]
    right.barh(labels, recent["miss_pp"], color=colours)
    plotting.zero_line(right)
    right.invert_yaxis()
    right.set_title("China and Henan, 2021-2025", fontsize=9)
    right.set_xlabel("Realized minus target, points")
    plotting.add_source(
        fig,
        source=f"{PANEL_SOURCE}; {CONTEXT_SOURCE} {', '.join(records_external)}",
        note="Panel values clipped to -8..10 for display; orange: met, red: missed",
    )
    return fig


def stock_path(rows: pd.DataFrame, label: str, records: list[str]):
    """A stock built up year by year (e.g. 5G base stations), as bars."""
    fig, ax = plotting.figure(height=3.0)
    colours = [plotting.SERIES[0] if y <= 2021 else "#b9cfe0" for y in rows["year"]]
    ax.bar(rows["year"].astype(str), rows["value"], color=colours)
    for year, value in zip(rows["year"].astype(str), rows["value"], strict=True):
        ax.annotate(
            f"{value:,.0f}",
            (year, value),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    ax.set_ylabel(label)
    ax.grid(axis="y")
    plotting.add_source(
        fig,
        records=records,
        note="2022-2025: if 2021's number were repeated each year (illustrative)",
    )
    return fig
