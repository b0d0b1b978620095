"""Bar charts: horizontal bars, before-and-after pairs, a waterfall, stacked
shares and parts of a whole.

Bars take their numbers from Records where the data are records (a ``record``
column, or ``before``/``after`` in a panel): hatched bars and ≤/≥ labels mark
one-sided numbers, and the source line names the records. ``cite`` adds
records that shaped a chart without being drawn (the whole a part belongs to).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..records.record import Record
from . import style

DARK = {style.PALETTE["blue"], style.DARK_GREY, style.PALETTE["green"]}


def _hatch(bound: str) -> str | None:
    return "//" if style.one_sided(bound) else None


def hbars(rows: pd.DataFrame, unit: str = "", reference: float | None = None,
          reference_label: str = "", fmt: str = "{:,.1f}", note: str = "",
          groups: Sequence[str] | None = None):  # fmt: skip
    """Horizontal bars with value labels; an optional reference line (e.g. 100% of plan).

    rows: columns label, record. ``groups`` (one name per row, optional) colours the
    bars by group, dark blue and light orange (apart in lightness too), with a legend
    above the bars: e.g. figures of the same year as the reference and of other years.
    """
    rows = style.with_values(rows)
    fig, ax = style.figure(height=0.5 * len(rows) + 1.5 + (0.3 if groups is not None else 0))
    y = np.arange(len(rows))[::-1]
    names = list(groups) if groups is not None else [""] * len(rows)
    colours = {g: style.PAIR[i % 2] if groups is not None else style.PALETTE["blue"]
               for i, g in enumerate(dict.fromkeys(names))}  # fmt: skip
    for yi, value, bound, group in zip(y, rows["value"], rows["bound"], names, strict=True):
        hatch, colour = _hatch(bound), colours[group]
        ax.barh(yi, value, color="white" if hatch else colour, edgecolor=colour, hatch=hatch,
                height=0.6, label=group or None)  # fmt: skip
        # a bar ending just short of the reference line: its label starts past the line
        near = reference is not None and 0 <= reference - value < 0.04 * rows["value"].max()
        ax.annotate(style.label(value, bound, fmt, unit), (reference if near else value, yi),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=9.5,
                    bbox=style.LABEL_BOX, zorder=4)  # fmt: skip
    if reference is not None:
        ax.axvline(reference, color=style.ACCENT, linewidth=1, linestyle="--")
        ax.annotate(reference_label, (reference, y.max() + 0.45), xytext=(3, 0),
                    textcoords="offset points", fontsize=9, color=style.ACCENT)  # fmt: skip
        ax.set_ylim(-0.5, y.max() + 0.9)
    if groups is not None:
        handles, labels = ax.get_legend_handles_labels()
        unique = dict(zip(labels, handles, strict=True))
        ax.legend(unique.values(), unique.keys(), loc="lower left", bbox_to_anchor=(0, 1.0),
                  ncols=len(unique))  # fmt: skip
    ax.set_yticks(y, rows["label"])
    ax.set_xlim(0, rows["value"].max() * (1.3 if unit else 1.22))  # room for 'n yuan'
    if rows["value"].max() >= 1000:
        style.thousands(ax, "x")
    if unit:
        ax.set_xlabel(unit.strip())
    records = style.records_in(rows, "record")
    data = style.record_frame(rows["label"], records)
    if groups is not None:
        data.insert(1, "group", names)
    return style.finish(fig, records, note, data=data)


def before_after(panels: Sequence[dict], before: str, after: str, note: str = "",
                 fmt: str = "{:,.1f}"):  # fmt: skip
    """Small multiples: one panel per indicator with two bars (e.g. 2019 and 2020).

    panels: dicts with title, unit, and the Records ``before`` and ``after``;
    each panel keeps its own scale and unit.
    """
    ncols = min(len(panels), 4)
    nrows = int(np.ceil(len(panels) / ncols))
    fig, axes = style.figure(height=2.3 * nrows, nrows=nrows, ncols=ncols, squeeze=False)
    for ax, panel in zip(axes.flat, panels, strict=False):
        pair = (panel["before"], panel["after"])
        for x, (record, colour) in enumerate(zip(pair, (style.GREY, style.PALETTE["blue"]),
                                                 strict=True)):  # fmt: skip
            hatch = _hatch(record.bound)
            ax.bar(x, record.value, color="white" if hatch else colour, edgecolor=colour,
                   hatch=hatch, width=0.6)  # fmt: skip
            ax.annotate(style.label(record.value, record.bound, fmt), (x, record.value),
                        xytext=(0, 2), textcoords="offset points", ha="center", fontsize=9)  # fmt: skip
        ax.set_xticks([0, 1], [before, after])
        ax.set_title(f"{panel['title']}\n({panel['unit']})", fontsize=9.5)
        ax.set_ylim(0, max(r.value for r in pair) * 1.22)
        ax.grid(axis="x", visible=False)
        ax.grid(axis="y", visible=True)
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_visible(False)
    records = [r for p in panels for r in (p["before"], p["after"])]
    labels = [f"{p['title']}, {when}" for p in panels for when in (before, after)]
    return style.finish(fig, records, note, data=style.record_frame(labels, records))


def waterfall(steps: Sequence[tuple[str, Record]], total_label: str, total: Record,
              unit: str = "亿元", note: str = ""):  # fmt: skip
    """Waterfall: steps add up, left to right, to a total bar at the end.

    The total bar is the sum of the steps as drawn; ``total`` is the record it
    stands for (cited in the source line).
    """
    fig, ax = style.figure(height=3.6)
    start = 0.0
    names = [name for name, _ in steps] + [total_label]
    for i, (_, record) in enumerate(steps):
        value = record.value
        ax.bar(i, value, bottom=start, color=style.SERIES[i % 4], width=0.6)
        ax.annotate(f"{value:,.1f}", (i, start + value), xytext=(0, 4), textcoords="offset points",
                    ha="center", va="bottom", fontsize=9.5)  # fmt: skip
        if i:
            ax.plot([i - 0.7, i - 0.3], [start, start], color=style.GREY, linewidth=0.8)  # gap only
        start += value
    end = len(steps)
    ax.bar(end, start, color="white", edgecolor="#333333", width=0.6)
    ax.plot([end - 0.7, end - 0.3], [start, start], color=style.GREY, linewidth=0.8)
    ax.annotate(f"{start:,.1f}", (end, start), xytext=(0, 4), textcoords="offset points",
                ha="center", va="bottom", fontsize=9.5)  # fmt: skip
    ax.set_xticks(range(len(names)), names)
    ax.set_title(unit, loc="left")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_ylim(0, start * 1.12)
    records = [*(r for _, r in steps), total]
    data = style.record_frame([n.replace("\n", " ") for n in names], records)
    return style.finish(fig, records, note, data=data)


def stacked_shares(rows: pd.DataFrame, unit: str = "亿元", note: str = "", fmt: str = "{:,.1f}",
                   cite: Iterable[Record] = (), colours: Sequence[str] | None = None,
                   min_share: float = 0.12, legend_cols: int = 4,
                   legend_title: str | None = None):  # fmt: skip
    """Horizontal stacked bars: each whole split into named parts.

    rows: columns whole (bar label), part, and record (or value, for numbers
    computed from records, which then go in ``cite``); parts stack in row order.
    ``colours`` (one per part, in order) suit ordered parts such as size classes: a
    sequence from dark to light; parts of at least ``min_share`` of their whole carry
    their value inside (``min_share=0``: every non-empty part); ``legend_title`` names
    what the parts are.
    """
    if "record" in rows:
        rows = style.with_values(rows)
    wholes = list(dict.fromkeys(rows["whole"]))
    parts = list(dict.fromkeys(rows["part"]))
    palette = list(colours) if colours else style.SERIES
    colours = {p: palette[i % len(palette)] for i, p in enumerate(parts)}
    dark = DARK if palette is style.SERIES else {c for c in palette if _luminance(c) < 0.3}
    fig, ax = style.figure(height=0.7 * len(wholes) + 1.5)
    y = np.arange(len(wholes))[::-1]
    for yi, whole in zip(y, wholes, strict=True):
        left = 0.0
        sub = rows[rows["whole"] == whole]
        total = sub["value"].sum()
        for row in sub.itertuples():
            ax.barh(yi, row.value, left=left, color=colours[row.part], height=0.55,
                    label=row.part)  # fmt: skip
            if row.value > 0 and row.value / total > min_share:
                ax.text(left + row.value / 2, yi, fmt.format(row.value), ha="center",
                        va="center", fontsize=9, color="white" if colours[row.part] in dark
                        else "black", gid="inside-label")  # fmt: skip
            left += row.value
        ax.annotate(fmt.format(total), (left, yi), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=9)  # fmt: skip
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    ncols = min(len(parts), legend_cols)
    # matplotlib fills a legend column by column: order the entries so rows read in order
    order = [k for j in range(ncols) for k in range(j, len(unique), ncols)]
    names = [list(unique)[k] for k in order]
    ax.legend([unique[n] for n in names], names, loc="lower left", bbox_to_anchor=(0, 1.0),
              ncols=ncols, title=legend_title, alignment="left", handlelength=1.2,
              columnspacing=1.0)  # fmt: skip
    ax.set_yticks(y, wholes)
    ax.set_xlabel(unit)
    ax.set_xlim(0, rows.groupby("whole")["value"].sum().max() * 1.12)
    drawn = style.records_in(rows, "record") if "record" in rows else []
    data = rows[["whole", "part", "value"]].assign(unit=unit)
    if drawn:
        data["records"] = [r.id for r in rows["record"]]
    elif "records" in rows:  # values computed from records: the ids behind each row
        data["records"] = rows["records"].to_numpy()
    if any(t in unit.lower() for t in ("number", "count")):
        style.count_axis(ax, "x")
    return style.finish(fig, [*drawn, *cite], note, data=data)


def _luminance(colour: str) -> float:
    """Relative luminance of a hex colour (0 black, 1 white), to choose the text on it."""
    from matplotlib.colors import to_rgb

    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def part_of_whole(rows: pd.DataFrame, note: str = "", cite: Iterable[Record] = ()):
    """100% bars: what share of each whole a stated part is, the rest implied.

    rows: columns whole, part, record; one row per part, parts in order. Labels
    give each part's level and share, so wholes in different units sit side by side.
    """
    rows = style.with_values(rows)
    wholes = list(dict.fromkeys(rows["whole"]))
    fig, ax = style.figure(height=0.9 * len(wholes) + 1.3)
    y = np.arange(len(wholes))[::-1]
    shares = []
    for yi, whole in zip(y, wholes, strict=True):
        sub = rows[rows["whole"] == whole]
        total, left = sub["value"].sum(), 0.0
        for k, row in enumerate(sub.itertuples()):
            share = 100 * row.value / total
            shares.append(share)
            colour = style.PAIR[k % 2]
            ax.barh(yi, share, left=left, color=colour, height=0.6)
            text = f"{row.part}\n{row.value:,.1f} {row.record.unit}, {share:.0f}%"
            if k == 0:  # the stated part, inside its bar
                ax.text(left + 1.5, yi, text, va="center", ha="left", fontsize=9,
                        gid="inside-label", color="white")  # fmt: skip
            else:  # the rest, beside the bar's end
                ax.text(101.5, yi, text, va="center", ha="left", fontsize=9)
            left += share
    ax.set_yticks(y, wholes)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 20))
    ax.spines["bottom"].set_bounds(0, 100)
    ax.set_xlabel("Share of the whole, %")
    records = style.records_in(rows, "record")
    data = style.record_frame(rows["part"], records, whole=rows["whole"])
    data["share_pct"] = shares
    return style.finish(fig, [*records, *cite], note, data=data)
