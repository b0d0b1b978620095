"""Ranges: the interval a hedged statement allows, and fan charts of simulated paths."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..records.record import Record
from . import style
from .lines import bound_label

GOAL_MARKERS = ["D", "^", "s", "v"]


def intervals(rows: pd.DataFrame, unit: str, note: str = "", fmt: str = "{:,.1f}"):
    """Ranges a hedged statement allows: one small panel per row, each on its own scale.

    rows: columns label, low, high (Records).
    """
    rows = rows.reset_index(drop=True)
    fig, axes = style.figure(height=1.0 * len(rows) + 1.1, nrows=len(rows), squeeze=False)
    for ax, row in zip(axes[:, 0], rows.itertuples(), strict=True):
        low, high = row.low.value, row.high.value
        ax.hlines(0, low, high, color=style.PALETTE["blue"], linewidth=9)
        for x, record, sign in ((low, row.low, -1), (high, row.high, 1)):
            ax.annotate(bound_label(x, record.bound, fmt), (x, 0), xytext=(8 * sign, 0),
                        textcoords="offset points", ha="right" if sign < 0 else "left",
                        va="center", fontsize=9.5)  # fmt: skip
        span = high - low
        ax.set_xlim(low - 0.6 * span, high + 0.6 * span)
        ax.set_yticks([0], [row.label])
        ax.set_ylim(-1, 1)
    axes[-1, 0].set_xlabel(unit)
    records = style.records_in(rows, "low", "high")
    labels = [f"{label}, {end}" for end in ("low", "high") for label in rows["label"]]
    return style.finish(fig, records, note, data=style.record_frame(labels, records))


def fan(fans: dict[str, pd.DataFrame], central: pd.Series | dict[str, pd.Series],
        goals: dict[str, tuple[int, float]], records: Iterable[Record], note: str = "",
        goals_by_panel: dict[str, Sequence[str]] | None = None,
        path_label: str = "targets met"):  # fmt: skip
    """Fan chart: 5-95% and 25-75% bands of simulated GDP, one panel per entry of ``fans``
    (a target path or a calibration, its name as the title), with the path the targets
    give if met (``central``: one Series, or one per panel) and the goal levels.

    ``goals_by_panel`` names the goals each panel marks (default: every goal in every
    panel), so that markers of one year do not pile up. The legend sits above the
    panels, clear of the bands."""
    fig, axes = style.figure(height=4.4, ncols=len(fans), sharey=True)
    axes = np.atleast_1d(axes)
    markers = dict(zip(goals, GOAL_MARKERS, strict=False))
    handles: dict[str, object] = {}
    for ax, (name, frame) in zip(axes, fans.items(), strict=True):
        wide = frame.pivot(index="year", columns="quantile", values="value")
        years = wide.index.astype(int)
        for low, high, alpha in ((0.05, 0.95, 0.18), (0.25, 0.75, 0.35)):
            label = f"{low:.0%}-{high:.0%}".replace("%-", "-") + " of simulations"
            handles[label] = ax.fill_between(years, wide[low], wide[high], color=style.SERIES[0],
                                             alpha=alpha, linewidth=0)  # fmt: skip
        (handles["median"],) = ax.plot(years, wide[0.5], color=style.SERIES[0], linewidth=1.5)
        path = central[name] if isinstance(central, dict) else central
        (handles[path_label],) = ax.plot(path.index, path.values, color="#333333",
                                         linewidth=1, linestyle="--")  # fmt: skip
        shown = goals if goals_by_panel is None else goals_by_panel.get(name, ())
        by_year: dict[int, list[str]] = {}
        for label in shown:
            by_year.setdefault(goals[label][0], []).append(label)
        for year, labels in by_year.items():
            # markers at their year; labels to the right, outside the bands for the last
            # year, on a white ground where the band continues
            for label in labels:
                level = goals[label][1]
                handles[label] = ax.scatter([year], [level], color=style.ACCENT, zorder=4, s=36,
                                            marker=markers.get(label, "o"))  # fmt: skip
                ax.annotate(f"{level:,.0f}", (year, level), xytext=(7, 0),
                            textcoords="offset points", ha="left", va="center", fontsize=9,
                            zorder=5, bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none",
                                                alpha=0.85))  # fmt: skip
        ax.set_xlim(2019.5, 2037.8)
        ax.set_title(name, fontsize=9.5)
        ax.set_xticks([2020, 2025, 2030, 2035])
        ax.grid(axis="y")
    axes[0].set_ylabel("GDP, 亿元 (2020 prices)")
    order = [k for k in handles if k not in goals] + [g for g in goals if g in handles]
    fig.legend([handles[k] for k in order], order, loc="outside upper center", ncols=3,
               fontsize=9, columnspacing=1.2, handletextpad=0.4)  # fmt: skip
    style.add_source(fig, records, sources=[style.PANEL_SOURCE],
                     note=note or "Simulation: 10,000 draws, fixed seed")  # fmt: skip
    data = pd.concat([frame.assign(panel=name) for name, frame in fans.items()])
    return style.attach_data(fig, data)
