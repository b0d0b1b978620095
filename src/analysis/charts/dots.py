"""Dot charts: values on one axis, a dot each (growth rates, a value against a
reference, pairs of rates, targets by level of government).

Rows carry their Records (a ``record`` column, or ``a``/``b`` for pairs): the
value, its bound (open markers and ≤/≥ for one-sided numbers) and the source
line all come from them.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.ticker import MultipleLocator

from ..records.record import Record, with_inputs
from ..records.vocabulary import LOWER, UPPER
from . import style
from .numbers import round_outward, true_minus


def growth_dots(rows: pd.DataFrame, xlabel: str = "Growth, % ", note: str = ""):
    """Dot chart of growth rates against a zero line, one row each.

    rows: columns label, record (a rate in percent), optional group (colour).
    """
    rows = style.with_values(rows)
    groups = rows["group"] if "group" in rows else pd.Series([""] * len(rows))
    colours = {g: style.SERIES[i % len(style.SERIES)] for i, g in enumerate(dict.fromkeys(groups))}
    fig, ax = style.figure(height=0.45 * len(rows) + 1.2)
    y = np.arange(len(rows))[::-1]
    for yi, (_, row), group in zip(y, rows.iterrows(), groups, strict=True):
        colour = colours[group]
        ax.hlines(yi, 0, row["value"], color=colour, linewidth=1, alpha=0.5)
        style.marker(ax, row["value"], yi, row["bound"], colour)
        ax.annotate(style.label(row["value"], row["bound"], unit="%"), (row["value"], yi),
                    xytext=(8, 0), textcoords="offset points", va="center", fontsize=9.5)  # fmt: skip
    style.zero_line(ax)
    ax.set_yticks(y, rows["label"])
    ax.set_xlabel(xlabel)
    ax.set_xlim(min(0, rows["value"].min()) - 2, rows["value"].max() * 1.18 + 2)
    if len(colours) > 1:
        for group, colour in colours.items():
            ax.scatter([], [], color=colour, label=group)
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(colours))
    records = style.records_in(rows, "record")
    data = style.record_frame(rows["label"], records)
    if len(colours) > 1:
        data.insert(1, "group", list(groups))
    return style.finish(fig, records, note, data=data)


def dots(rows: pd.DataFrame, unit: str, reference: Record, reference_label: str = "",
         fmt: str = "{:,.1f}", note: str = ""):  # fmt: skip
    """Dots on an axis zoomed to the values (no zero baseline), against a reference line.

    For comparing values that differ by little (a harvest against its floor).
    rows: columns label, record.
    """
    rows = style.with_values(rows)
    fig, ax = style.figure(height=0.5 * len(rows) + 1.4)
    y = np.arange(len(rows))[::-1]
    for yi, value in zip(y, rows["value"], strict=True):
        style.marker(ax, value, yi, "", style.PALETTE["blue"], size=80)
        ax.annotate(fmt.format(value), (value, yi), xytext=(0, 10), textcoords="offset points",
                    ha="center", fontsize=9.5)  # fmt: skip
    values = [*rows["value"], reference.value]
    span = (max(values) - min(values)) or abs(max(values)) * 0.05
    ax.axvline(reference.value, color=style.ACCENT, linewidth=1, linestyle="--")
    ax.annotate(reference_label, (reference.value, y.min() - 0.4), xytext=(-4, 0),
                textcoords="offset points", ha="right", fontsize=9, color=style.ACCENT)  # fmt: skip
    ax.set_xlim(min(values) - 1.5 * span, max(values) + 1.5 * span)
    ax.set_ylim(y.min() - 0.7, y.max() + 0.7)
    ax.set_yticks(y, rows["label"])
    ax.set_xlabel(unit)
    records = [*style.records_in(rows, "record"), reference]
    data = style.record_frame([*rows["label"], reference_label or "reference"], records)
    return style.finish(fig, records, note, data=data)


def _low_ends(rows: pd.DataFrame, key: str) -> list[float | None]:
    """The low end of each row's range (``<key>_low``: a Record, a number or None)."""
    if f"{key}_low" not in rows:
        return [None] * len(rows)
    lows = []
    for low in rows[f"{key}_low"]:
        lows.append(low.value if isinstance(low, Record) else None if low is None or
                    pd.isna(low) else float(low))  # fmt: skip
    return lows


def _range_label(low: float, high: float, high_bound: str, decimals: int) -> str:
    """'48.5–57.0%': the low end rounded down, the high end (a ceiling) rounded up."""
    low_text = f"{round_outward(low, decimals, LOWER):.{decimals}f}"
    high_text = f"{round_outward(high, decimals, high_bound or UPPER):.{decimals}f}"
    return true_minus(f"{low_text}–{high_text}%")


def change_and_pace(rows: pd.DataFrame, titles=("Change over the period, %",
                    "Average a year, %"), note: str = ""):  # fmt: skip
    """Two panels sharing the rows: each indicator's change over a period, and the
    average yearly growth it implies, each a dot on a line from zero.

    rows: columns label, change (Record: a percent change, or an index when ``base``
    is 100), base (subtracted from the change record: 100 for an index, 0 for a
    change), decimals (of the change as the source gives it) and pace (Record, % a
    year). One-sided values are open markers with their ≤ or ≥ sign. Optional
    columns change_low and pace_low (a Record, a percent change as a number, or
    None) give the low end of a range whose high end is the ceiling: the range is
    drawn as a thick bar and labelled 'low–high%', each end rounded outward.
    """
    rows = style.with_values(rows, "change", "change_value")
    rows = style.with_values(rows, "pace", "pace_value")
    rows["change_value"] = rows["change_value"] - rows["base"]
    fig, axes = style.figure(height=0.5 * len(rows) + 1.3, ncols=2, sharey=True)
    y = np.arange(len(rows))[::-1]
    colour = style.PALETTE["blue"]
    lows = {key: _low_ends(rows, key) for key in ("change", "pace")}
    for ax, key, title in zip(axes, ("change", "pace"), titles, strict=True):
        values, bounds = rows[f"{key}_value"], rows[f"{key}_value_bound"]
        places = rows["decimals"] if key == "change" else [1] * len(rows)
        for yi, value, bound, decimals, low in zip(y, values, bounds, places, lows[key],
                                                   strict=True):  # fmt: skip
            ax.hlines(yi, 0, value, color=colour, linewidth=1, alpha=0.5)
            if low is None:
                style.marker(ax, value, yi, bound, colour)
                text = style.label(value, bound, f"{{:.{int(decimals)}f}}", "%")
            else:
                ax.hlines(yi, low, value, color=colour, linewidth=5, alpha=0.45)
                style.marker(ax, low, yi, LOWER, colour)
                style.marker(ax, value, yi, bound, colour)
                text = _range_label(low, value, bound, int(decimals))
            ax.annotate(text, (value, yi), xytext=(8, 0), textcoords="offset points",
                        va="center", fontsize=9.5)  # fmt: skip
        style.zero_line(ax)
        ax.set_xlim(0, values.max() * (1.8 if any(v is not None for v in lows[key]) else 1.45))
        ax.set_xlabel(title)
    axes[0].set_yticks(y, rows["label"])
    axes[0].set_ylim(y.min() - 0.6, y.max() + 0.6)
    records = style.records_in(rows, "change", "pace", *[f"{k}_low" for k in lows
                                                         if f"{k}_low" in rows])  # fmt: skip
    data = pd.DataFrame({
        "label": [*rows["label"], *rows["label"]],
        "measure": ["change over the period, %"] * len(rows) + ["average a year, %"] * len(rows),
        "value": [*rows["change_value"], *rows["pace_value"]],
        "bound": [*rows["change_value_bound"], *rows["pace_value_bound"]],
        "low_end": [*lows["change"], *lows["pace"]],
        "records": [" ".join(with_inputs([r])) for r in [*rows["change"], *rows["pace"]]],
    })  # fmt: skip
    return style.finish(fig, records, note, data=data)


def rate_pairs(rows: pd.DataFrame, labels=("a", "b"), note: str = ""):
    """Dumbbell chart comparing two rates per row (e.g. one year vs a period average).

    rows: columns label, a, b (Records of rates in percent), and optionally a_label,
    b_label: what each dot is in that row ("2020", "2016-2019 a year"). With them,
    each dot is named beside it, on the outer side of its pair, and no legend is
    needed; without them, ``labels`` name a and b in a legend.
    """
    rows = style.with_values(style.with_values(rows, "a", "a_value"), "b", "b_value")
    named = {"a_label", "b_label"} <= set(rows.columns)
    fig, ax = style.figure(height=0.6 * len(rows) + 1.4)
    y = np.arange(len(rows))[::-1]
    colours = (style.PALETTE["blue"], style.PALETTE["orange"])
    for yi, row in zip(y, rows.to_dict("records"), strict=True):
        a, b = row["a_value"], row["b_value"]
        ax.hlines(yi, min(a, b), max(a, b), color=style.GREY)
        for key, colour, offset in (("a", colours[0], -10), ("b", colours[1], 10)):
            value, bound = row[f"{key}_value"], row[f"{key}_value_bound"]
            style.marker(ax, value, yi, bound, colour)
            text = style.label(value, bound, "{:.1f}", "%")
            if not named:
                ax.annotate(text, (value, yi), xytext=(0, offset), textcoords="offset points",
                            ha="center", va="center", fontsize=9, color=colour)  # fmt: skip
                continue
            right = value > (b if key == "a" else a) or (value == a == b and key == "a")
            ax.annotate(f"{row[f'{key}_label']}: {text}", (value, yi),
                        xytext=(9 if right else -9, 0), textcoords="offset points",
                        ha="left" if right else "right", va="center", fontsize=9.5,
                        color=style.TEXT_COLOUR.get(colour, colour))  # fmt: skip
    style.zero_line(ax)
    ax.set_yticks(y, rows["label"])
    ax.set_xlabel("% a year")
    ax.set_xlim(0, max(rows["a_value"].max(), rows["b_value"].max()) * (1.45 if named else 1.2))
    ax.set_ylim(y.min() - 0.8, y.max() + 0.8)
    if not named:
        for colour, name in zip(colours, labels, strict=True):
            ax.scatter([], [], color=colour, label=name)
        ax.legend(loc="lower right")
    records = style.records_in(rows, "a", "b")
    names = ([f"{label}, {row[f'{key}_label']}" for key in "ab" for label, row in
              zip(rows["label"], rows.to_dict("records"), strict=True)] if named else
             [f"{label}, {name}" for name in labels for label in rows["label"]])  # fmt: skip
    return style.finish(fig, records, note, data=style.record_frame(names, records))


LEVEL_COLOURS = {"China": style.SERIES[0], "Henan": style.SERIES[1], "Minquan": style.ACCENT}
LEVEL_MARKERS = {"China": "o", "Henan": "s", "Minquan": "D"}
LEVEL_DODGE = 0.22  # rows apart within an indicator, so equal targets stay visible


def target_cascade(cascade_table: pd.DataFrame, records: Iterable[Record], note: str = ""):
    """2021 targets by level: one row per indicator, one dot per level.

    Each level has its own colour, shape and small vertical offset within the
    indicator's row, so equal targets (Henan's and Minquan's, say) sit one above the
    other instead of hiding each other; Minquan's targets carry their value.
    cascade_table: columns indicator, indicator_zh, level, value; ``records``
    are those its ``id`` column names (``lookup.records``).
    """
    indicators = list(dict.fromkeys(cascade_table["indicator"]))
    levels = [level for level in LEVEL_COLOURS if level in set(cascade_table["level"])]
    offsets = {level: 0.1 + (k - (len(levels) - 1) / 2) * LEVEL_DODGE
               for k, level in enumerate(levels)}  # fmt: skip
    names = dict(cascade_table.drop_duplicates("indicator")[["indicator", "indicator_zh"]].values)
    fig, ax = style.figure(height=0.66 * len(indicators) + 1.2)
    for i, indicator in enumerate(indicators):
        rows = cascade_table[cascade_table["indicator"] == indicator].set_index("level")
        values = rows["value"].dropna()
        # the indicator's name heads its row, across the chart: the dots get the full width;
        # a rule above each name closes the row before, so a name reads with the dots below it
        if i:
            ax.axhline(i - 0.56, color="#9a9a9a", linewidth=0.7, zorder=1)
        ax.text(0.05, i - 0.34, f"{indicator}  {names[indicator]}", va="center", ha="left",
                fontsize=9, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # fmt: skip
        ax.plot([values.min(), values.max()], [i + 0.1, i + 0.1], color="#d9d9d9", linewidth=5,
                zorder=1, solid_capstyle="round")  # fmt: skip
        for level in levels:
            if level in values.index:
                ax.scatter(values[level], i + offsets[level], color=LEVEL_COLOURS[level], s=40,
                           zorder=3, marker=LEVEL_MARKERS[level],
                           label=level if level not in ax.get_legend_handles_labels()[1] else None)  # fmt: skip
        if "Minquan" in values.index:
            ax.annotate(f"{values['Minquan']:g}", (values["Minquan"], i + offsets["Minquan"]),
                        xytext=(8, 0), textcoords="offset points", va="center", fontsize=9,
                        color=LEVEL_COLOURS["Minquan"])  # fmt: skip
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_ylim(len(indicators) - 0.45, -0.6)
    ax.set_xlim(0, cascade_table["value"].max() * 1.08)
    ax.xaxis.set_major_locator(MultipleLocator(1))
    ax.set_xlabel("2021 target, % (urbanization: percentage points)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(levels))
    style.add_source(fig, records, note=note)
    data = cascade_table[["indicator", "indicator_zh", "level", "value"]].dropna(subset=["value"])
    return style.attach_data(fig, data)
