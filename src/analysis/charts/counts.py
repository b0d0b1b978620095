"""Charts that count: the report's sections by length and figures, numbers along the
text, and figures by form, outcomes beside targets.

Every value axis here counts things, so its ticks are whole numbers
(``style.count_axis``). The counts describe the report as a whole rather than a
few of its records, so the source line names the report and what was counted;
the data of each chart is kept for its CSV.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import transforms
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from . import style

BAR_HEIGHT = 0.7
ROW_IN = 0.24  # inches per row of a long list of sections (9.5-pt labels, no crowding)


def _count_ticks(ax, which: str = "x", nbins: int | str = "auto") -> None:
    """Whole-number ticks at round steps (1, 2, 5, 10 and their powers of ten)."""
    style.count_axis(ax, which)
    axis = ax.xaxis if which == "x" else ax.yaxis
    axis.set_major_locator(MaxNLocator(nbins=nbins, integer=True, steps=[1, 2, 5, 10]))


def _source(fig, note: str, sources: Sequence[str]) -> None:
    style.add_source(fig, sources=list(sources) or [style.REPORT_SOURCE], note=note)


def section_bars(rows: pd.DataFrame, measures: dict[str, str], groups: dict[str, str],
                 colours: Sequence[str] | None = None, note: str = "",
                 sources: Sequence[str] = ()):  # fmt: skip
    """Horizontal bars of several counts per row, one panel per count, rows shared.

    rows: columns label, group and one column per measure, in reading order (first
    at the top); measures: column -> axis label; groups: group -> legend label, in
    order (colours follow it, ``style.SERIES`` unless given).
    """
    colours = list(colours or style.SERIES)
    palette = {g: colours[i % len(colours)] for i, g in enumerate(groups)}
    fig, axes = style.figure(height=ROW_IN * len(rows) + 1.6, ncols=len(measures), sharey=True)
    axes = np.atleast_1d(axes)
    y = np.arange(len(rows))[::-1]
    bar_colours = [palette[g] for g in rows["group"]]
    for ax, (column, axis_label) in zip(axes, measures.items(), strict=True):
        ax.barh(y, rows[column], color=bar_colours, height=BAR_HEIGHT)
        ax.set_xlabel(axis_label)
        ax.set_ylim(-0.6, len(rows) - 0.4)
        _count_ticks(ax, "x", nbins=4)  # narrow panels
    axes[0].set_yticks(y, rows["label"])
    axes[0].tick_params(axis="y", length=0)
    handles = [Patch(facecolor=palette[g]) for g in groups]
    fig.legend(handles, list(groups.values()), loc="outside upper left", ncols=2)
    _source(fig, note, sources)
    return style.attach_data(fig, rows[["label", "group", *measures]])


def along_text(bins: pd.DataFrame, parts: Sequence[tuple[str, int, int]], length: int,
               series: dict[str, str], ylabel: str, note: str = "",
               sources: Sequence[str] = ()):  # fmt: skip
    """Columns along a text: counts per stretch of characters, the text's parts
    named above the plot and every other part shaded.

    bins: columns start, end and one count column per entry of ``series``
    (column -> legend label), drawn over each other in order (the first, largest,
    at the back); parts: (name, start, end) in characters; length: the text's.
    """
    fig, ax = style.figure(height=3.9)
    width = 0.96 * float((bins["end"] - bins["start"]).max())
    colours = [style.PALETTE["sky"], style.PALETTE["blue"], style.PALETTE["orange"]]
    for (column, label), colour in zip(series.items(), colours, strict=False):
        ax.bar(bins["start"], bins[column], width=width, align="edge", color=colour, label=label)
    top = float(bins[list(series)].to_numpy().max())
    ax.set_ylim(0, top * 1.08)
    ax.set_xlim(0, length)
    over_top = transforms.blended_transform_factory(ax.transData, ax.transAxes)
    for i, (name, start, end) in enumerate(parts):
        if i % 2:
            ax.axvspan(start, end, color="#000000", alpha=0.06, lw=0, zorder=0)
        middle = (start + end) / 2
        near_end = middle > 0.95 * length  # a short last part: its name ends at the axis
        ax.text(end - 0.01 * length if near_end else middle, 1.02, name, transform=over_top, va="bottom",
                ha="right" if near_end else "center", fontsize=9.5, color=style.DARK_GREY)  # fmt: skip
    ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel("Position in the report, characters from the start")
    ax.set_ylabel(ylabel)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    _count_ticks(ax, "y")
    fig.legend(loc="outside upper left", ncols=len(series))
    _source(fig, note, sources)
    return style.attach_data(fig, bins[["start", "end", *series]])


def paired_bars(rows: pd.DataFrame, columns: dict[str, str], xlabel: str, note: str = "",
                sources: Sequence[str] = ()):  # fmt: skip
    """Two counts per row as a pair of horizontal bars, each labelled with its count.

    rows: columns label and the two count columns of ``columns`` (column -> legend
    label); the first of each pair is dark, the second light and hatched.
    """
    (first, first_label), (second, second_label) = columns.items()
    fig, ax = style.figure(height=0.46 * len(rows) + 1.5)
    y = np.arange(len(rows))[::-1].astype(float)
    height = 0.38
    top = float(rows[[first, second]].to_numpy().max())
    for column, label, colour, shift, hatch in (
        (first, first_label, style.PAIR[0], height / 2, None),
        (second, second_label, style.PAIR[1], -height / 2, "///"),
    ):
        ax.barh(y + shift, rows[column], height=height * 0.92, color=colour, label=label,
                hatch=hatch, edgecolor="white" if hatch else colour, linewidth=0)  # fmt: skip
        for yi, n in zip(y + shift, rows[column], strict=True):
            ax.annotate(f"{int(n):,}", (n, yi), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=9)  # fmt: skip
    ax.set_yticks(y, rows["label"])
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, top * 1.12)
    ax.set_xlabel(xlabel)
    _count_ticks(ax, "x")
    fig.legend(loc="outside upper left", ncols=2)
    _source(fig, note, sources)
    return style.attach_data(fig, rows[["label", first, second]])
