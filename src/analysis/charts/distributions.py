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
    counts, _, _ = ax.hist(panel["escalation_pp"].clip(-4, 12), bins=bins,
                           color=style.SERIES[0], zorder=2)  # fmt: skip
    top = float(counts.max())
    mean = panel["escalation_pp"].mean()
    ax.axvline(mean, color="#333333", linewidth=1.2, label=f"Prefectures' mean, {mean:.1f}")
    # Minquan's margins fall on the tallest bars: drawn behind them (visible above each
    # bar) and marked by a triangle over the tallest bar, so no bar is hidden
    for k, (label, value) in enumerate(minquan_over.items()):
        ax.axvline(value, color=style.ACCENT, linewidth=1.4, zorder=1,
                   linestyle=MARGIN_STYLES[k % len(MARGIN_STYLES)], label=f"{label}, {value:g}")  # fmt: skip
        ax.plot([value], [top * 1.06], marker="v", color=style.ACCENT, markersize=7, zorder=3)
    ax.set_ylim(0, top * 1.12)
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
    return "0" if text in {"+0", "-0"} else text.replace("-", "\u2212")


def calibration(panel_misses: pd.Series, recent: pd.DataFrame, records: Iterable[Record],
                panel_era: str = "2003-2012"):  # fmt: skip
    """Misses (realized minus target) in two eras, on one shared scale: a histogram of
    the prefecture panel above, the recent national and Henan years below, one row
    each, met and missed told apart by lightness and shape (light orange dots, dark
    blue squares) and each labelled with its miss. ``records`` are the recent years'
    targets and outcomes."""
    fig, (top, bottom) = style.figure(height=5.6, nrows=2, sharex=True,
                                      gridspec_kw={"height_ratios": [2.1, 3]})  # fmt: skip
    # misses beyond the axis are counted in an end bar of their own, drawn apart (grey,
    # labelled), not piled into the last bin; misses of exactly zero are counted aside,
    # so that the heap of targets reported as met to the decimal is named, not hidden
    low, high = -8, 10
    inside = panel_misses[(panel_misses >= low - 0.25) & (panel_misses < high + 0.25)]
    bins = np.arange(low, high + 0.5, 0.5) - 0.25
    counts, edges, _ = top.hist(inside, bins=bins, color=style.SERIES[0], alpha=0.8)
    tails = {
        low - 0.75: int((panel_misses < low - 0.25).sum()),
        high + 0.75: int((panel_misses >= high + 0.25).sum()),
    }
    for x, n in tails.items():
        top.bar([x], [n], width=0.5, color=style.LIGHT_GREY, edgecolor="#666666", linewidth=0.6)
        side = "below" if x < 0 else "above"
        top.annotate(f"{n} {side}", (x, n), xytext=(6 if x < 0 else -6, 3),
                     textcoords="offset points", ha="left" if x < 0 else "right", va="bottom",
                     fontsize=9)  # fmt: skip
    exact = int((panel_misses == 0).sum())
    peak = counts.max()
    top.annotate(f"{exact} exactly on target", (0, peak), xytext=(14, -2),
                 textcoords="offset points", ha="left", va="top", fontsize=9)  # fmt: skip
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
    ranged = rows["target_low"].notna() & (rows["target_low"] != rows["value_target"])
    for yi, miss, met, is_range in zip(y, rows["miss_pp"], rows["met"], ranged, strict=True):
        left = miss < 0 and not is_range  # a range target's note goes right, into the space
        text = _points(miss) + (" (range target; from its midpoint)"
                                if is_range else "")  # fmt: skip
        bottom.annotate(text, (miss, yi), xytext=(-8 if left else 8, 0),
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
    bottom.set_xlim(-9.2, 11.2)
    bottom.set_xticks(range(-8, 11, 2))
    style.add_source(fig, records, sources=[style.PANEL_SOURCE],
                     note="Grey end bars: panel misses beyond -8 or +10 points")  # fmt: skip
    histogram = pd.DataFrame({"panel": f"Prefectures, {panel_era}",
                              "bin_from": [-np.inf, *edges[:-1], high + 0.25],
                              "bin_to": [low - 0.25, *edges[1:], np.inf],
                              "prefecture_years": [tails[low - 0.75], *counts.astype(int),
                                                   tails[high + 0.75]]})  # fmt: skip
    points = rows[["jurisdiction", "year", "value_target", "value_realized", "miss_pp", "met",
                   "id_target", "id_realized"]].assign(panel=f"China and Henan, {years}")  # fmt: skip
    return style.attach_data(fig, pd.concat([histogram, points], ignore_index=True))
