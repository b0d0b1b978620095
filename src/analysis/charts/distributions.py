"""Distributions: histograms of the prefecture panel (target escalation, target
misses), with Minquan's or the recent record's values marked."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..records.record import Record
from . import style

MARGIN_STYLES = ("--", ":", "-.")


def escalation(panel: pd.DataFrame, minquan_over: dict[str, float], records: Iterable[Record]):
    """Histogram of prefecture-over-province escalation, with Minquan's 2021 margins.

    The panel's mean and Minquan's margins are vertical lines named in a legend
    above the bars (no label on the bars); ``records`` are those the margins are
    computed from (Minquan's target and the targets above it)."""
    fig, ax = style.figure(height=3.9)
    bins = np.arange(-4, 12.5, 0.5) - 0.25
    ax.hist(panel["escalation_pp"].clip(-4, 12), bins=bins, color=style.SERIES[0], alpha=0.8)
    mean = panel["escalation_pp"].mean()
    ax.axvline(mean, color="#333333", linewidth=1.2, label=f"Prefectures' mean, {mean:.1f}")
    for k, (label, value) in enumerate(minquan_over.items()):
        ax.axvline(value, color=style.ACCENT, linewidth=1.8,
                   linestyle=MARGIN_STYLES[k % len(MARGIN_STYLES)], label=f"{label}, {value:g}")  # fmt: skip
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(minquan_over) + 1,
              handlelength=2.2, columnspacing=1.2, borderaxespad=0.2)  # fmt: skip
    ax.set_xlabel("GDP growth target minus the target of the level above, percentage points")
    ax.set_ylabel("Prefecture-years")
    ax.set_xticks(range(-4, 13, 2))
    ax.grid(axis="y")
    style.count_axis(ax, "y")
    style.add_source(fig, records, sources=[style.PANEL_SOURCE],
                     note="Panel values clipped to -4..12 for display")  # fmt: skip
    return style.attach_data(fig, panel[["escalation_pp"]])


def _points(value: float) -> str:
    """A miss as the sources give it: up to two decimals, no trailing zeros, a sign."""
    text = f"{value:+.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"+0", "-0"} else text


def calibration(panel_misses: pd.Series, recent: pd.DataFrame, records: Iterable[Record],
                panel_era: str = "2003-2012"):  # fmt: skip
    """Misses (realized minus target) in two eras, on one shared scale: a histogram of
    the prefecture panel above, the recent national and Henan years below, one row
    each, met and missed told apart by lightness and shape (light orange dots, dark
    blue squares) and each labelled with its miss. ``records`` are the recent years'
    targets and outcomes."""
    fig, (top, bottom) = style.figure(height=5.6, nrows=2, sharex=True,
                                      gridspec_kw={"height_ratios": [2.1, 3]})  # fmt: skip
    bins = np.arange(-8, 10.5, 0.5) - 0.25
    counts, edges, _ = top.hist(panel_misses.clip(-8, 10), bins=bins, color=style.SERIES[0],
                                alpha=0.8)  # fmt: skip
    style.zero_line(top)
    mean = float(panel_misses.mean())
    top.set_title(f"Prefectures, {panel_era}: {len(panel_misses):,} prefecture-years, "
                  f"mean miss {mean:+.1f}")  # fmt: skip
    top.set_ylabel("Prefecture-years")
    top.grid(axis="y")
    style.count_axis(top, "y")
    rows = recent.reset_index(drop=True)
    groups = list(dict.fromkeys(rows["jurisdiction"]))
    y = [-(i + groups.index(j) * 0.6) for i, j in enumerate(rows["jurisdiction"])]
    kinds = {True: ("met", style.PAIR[1], "o"), False: ("missed", style.PAIR[0], "s")}
    for met, (name, colour, shape) in kinds.items():
        chosen = rows["met"] == met
        bottom.scatter(rows.loc[chosen, "miss_pp"], [v for v, c in zip(y, chosen, strict=True) if c],
                       s=42, marker=shape, color=colour, zorder=3, label=name)  # fmt: skip
    for yi, miss, met in zip(y, rows["miss_pp"], rows["met"], strict=True):
        left = miss < 0
        bottom.annotate(_points(miss), (miss, yi), xytext=(-8 if left else 8, 0),
                        textcoords="offset points", ha="right" if left else "left", va="center",
                        fontsize=9, color=style.TEXT_COLOUR.get(kinds[met][1], kinds[met][1]))  # fmt: skip
    style.zero_line(bottom)
    bottom.set_yticks(y, [f"{j} {yr}" for j, yr in zip(rows["jurisdiction"], rows["year"],
                                                         strict=True)])  # fmt: skip
    bottom.set_ylim(min(y) - 0.7, 0.7)
    bottom.grid(axis="y", visible=False)
    years = f"{min(rows['year'])}-{max(rows['year'])}"
    bottom.set_title(f"China and Henan, {years}: every year with a target and an outcome")
    bottom.legend(loc="lower right", title="Target (hedge honoured)", ncols=2)
    bottom.set_xlabel("Realized growth minus target, percentage points")
    bottom.set_xlim(-8.6, 10.6)
    bottom.set_xticks(range(-8, 11, 2))
    style.add_source(fig, records, sources=[style.PANEL_SOURCE],
                     note="Panel values clipped to -8..10 for display")  # fmt: skip
    histogram = pd.DataFrame({"panel": f"Prefectures, {panel_era}", "bin_from": edges[:-1],
                              "bin_to": edges[1:], "prefecture_years": counts.astype(int)})  # fmt: skip
    points = rows[["jurisdiction", "year", "value_target", "value_realized", "miss_pp", "met",
                   "id_target", "id_realized"]].assign(panel=f"China and Henan, {years}")  # fmt: skip
    return style.attach_data(fig, pd.concat([histogram, points], ignore_index=True))
