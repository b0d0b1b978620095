"""Distributions: histograms of the prefecture panel (target escalation, target
misses), with Minquan's or the recent record's values marked."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..records.record import Record
from . import style

LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1}


def escalation(panel: pd.DataFrame, minquan_over: dict[str, float], records: Iterable[Record]):
    """Histogram of prefecture-over-province escalation, with Minquan's 2021 margins.

    ``records`` are those the margins are computed from (Minquan's target and
    the targets above it)."""
    fig, ax = style.figure(height=3.6)
    bins = np.arange(-4, 12.5, 0.5) - 0.25
    ax.hist(panel["escalation_pp"].clip(-4, 12), bins=bins, color=style.SERIES[0], alpha=0.8)
    ax.axvline(panel["escalation_pp"].mean(), color="#333333", linewidth=1)
    top = ax.get_ylim()[1]
    ax.annotate(f"panel mean {panel['escalation_pp'].mean():.1f}",
                (panel["escalation_pp"].mean(), top * 0.95), xytext=(4, 0),
                textcoords="offset points", fontsize=9)  # fmt: skip
    for k, (label, value) in enumerate(minquan_over.items()):
        ax.axvline(value, color=style.ACCENT, linewidth=1.5, linestyle="--")
        ax.annotate(label, (value, top * (0.8 - 0.12 * k)), xytext=(4, 0),
                    textcoords="offset points", fontsize=9, color=style.ACCENT, bbox=LABEL_BOX)  # fmt: skip
    ax.set_xlabel("Own GDP growth target minus the target of the level above, points")
    ax.set_ylabel("Prefecture-years")
    ax.grid(axis="y")
    style.count_axis(ax, "y")
    style.add_source(fig, records, sources=[style.PANEL_SOURCE],
                     note="Panel values clipped to -4..12 for display")  # fmt: skip
    return style.attach_data(fig, panel[["escalation_pp"]])


def calibration(panel_misses: pd.Series, recent: pd.DataFrame, records: Iterable[Record],
                panel_era: str = "2003-2012"):  # fmt: skip
    """Misses (realized minus target) in the panel era beside the recent national and
    Henan years; ``records`` are the recent years' targets and outcomes."""
    fig, (left, right) = style.figure(height=3.9, ncols=2,
                                      gridspec_kw={"width_ratios": [3, 2], "wspace": 0.5})  # fmt: skip
    left.hist(panel_misses.clip(-8, 10), bins=np.arange(-8, 10.5, 0.5), color=style.SERIES[0],
              alpha=0.8)  # fmt: skip
    style.zero_line(left)
    left.set_title(f"Prefectures, {panel_era}")
    left.set_xlabel("Realized minus own target, points")
    left.set_ylabel("Prefecture-years")
    left.grid(axis="y")
    labels = [f"{j} {y}" for j, y in zip(recent["jurisdiction"], recent["year"], strict=True)]
    colours = [style.PAIR[1] if m else style.PAIR[0] for m in recent["met"]]
    right.barh(labels, recent["miss_pp"], color=colours)
    style.zero_line(right)
    right.invert_yaxis()
    years = f"{min(recent['year'])}-{max(recent['year'])}"
    right.set_title(f"China and Henan, {years}")
    right.set_xlabel("Realized minus target, points")
    style.add_source(fig, records, sources=[style.PANEL_SOURCE],
                     note="Panel values clipped to -8..10 for display; light orange: target met "
                     "(hedge honoured), dark blue: missed")  # fmt: skip
    style.count_axis(left, "y")
    return style.attach_data(fig, recent.assign(panel_mean_miss=float(panel_misses.mean())))
