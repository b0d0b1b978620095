"""Chart builders shared by the chapters on 2020, the themes, the 13th Five-Year
Plan and the audit.

Each function takes the data to draw (rows of figures.csv / derived.csv, as
plain lists or frames the chapter builds from them) and the record ids the
numbers come from, draws in the book style (analysis.plotting), writes the
source line naming those ids, and returns the figure. One-sided numbers
(``bound`` 'upper' / 'lower') are drawn as open markers labelled ≤ / ≥.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from . import plotting

BOUND_PREFIX = {"upper": "≤ ", "lower": "≥ ", "approximate": "≈ ", "": ""}
VERDICT_COLOURS = {
    "consistent": plotting.PALETTE["green"],
    "approximate": plotting.PALETTE["orange"],
    "inconsistent": plotting.PALETTE["vermillion"],
    "cannot check": plotting.GREY,
}


def label(value: float, bound: str = "", fmt: str = "{:.1f}", unit: str = "") -> str:
    """A value label with its bound sign: '≤ 9.4%'."""
    return f"{BOUND_PREFIX.get(bound, '')}{fmt.format(value)}{unit}"


def _marker(ax, x, y, bound: str, colour: str, size: float = 60) -> None:
    """Filled for exact values, open for one-sided ones."""
    face = "white" if bound in ("upper", "lower") else colour
    ax.scatter([x], [y], s=size, facecolor=face, edgecolor=colour, linewidth=1.6, zorder=3)


def _finish(fig, records: Iterable[str], note: str = ""):
    fig.tight_layout()
    plotting.add_source(fig, records=records, note=note)
    return fig


def growth_dots(
    rows: pd.DataFrame, records: Iterable[str], xlabel: str = "Growth, % ", note: str = ""
):
    """Dot chart of growth rates against a zero line, one row each.

    rows: columns label, value (percent), optional bound and group (colour).
    """
    rows = rows.reset_index(drop=True)
    bounds = rows["bound"] if "bound" in rows else pd.Series([""] * len(rows))
    groups = rows["group"] if "group" in rows else pd.Series([""] * len(rows))
    colours = {
        g: plotting.SERIES[i % len(plotting.SERIES)] for i, g in enumerate(dict.fromkeys(groups))
    }
    fig, ax = plotting.figure(height=0.45 * len(rows) + 1.2)
    y = np.arange(len(rows))[::-1]
    for yi, (_, row), bound, group in zip(y, rows.iterrows(), bounds, groups, strict=True):
        colour = colours[group]
        ax.hlines(yi, 0, row["value"], color=colour, linewidth=1, alpha=0.5)
        _marker(ax, row["value"], yi, bound, colour)
        ax.annotate(
            label(row["value"], bound, unit="%"),
            (row["value"], yi),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    plotting.zero_line(ax)
    ax.set_yticks(y, rows["label"])
    ax.set_xlabel(xlabel)
    ax.set_xlim(min(0, rows["value"].min()) - 2, rows["value"].max() * 1.18 + 2)
    if len(colours) > 1:
        for group, colour in colours.items():
            ax.scatter([], [], color=colour, label=group)
        ax.legend(loc="upper right", fontsize=8)
    return _finish(fig, records, note)


def before_after(panels: Sequence[dict], records: Iterable[str], before: str, after: str, note=""):
    """Small multiples: one panel per indicator with two bars (e.g. 2019 and 2020).

    panels: dicts with title, unit, before, after, and optional before_bound /
    after_bound; each panel keeps its own scale and unit.
    """
    ncols = min(len(panels), 4)
    nrows = int(np.ceil(len(panels) / ncols))
    fig, axes = plotting.figure(height=2.3 * nrows, nrows=nrows, ncols=ncols, squeeze=False)
    for ax, panel in zip(axes.flat, panels, strict=False):
        values = [panel["before"], panel["after"]]
        bounds = [panel.get("before_bound", ""), panel.get("after_bound", "")]
        colours = [plotting.GREY, plotting.PALETTE["blue"]]
        for x, (value, bound, colour) in enumerate(zip(values, bounds, colours, strict=True)):
            hatch = "//" if bound in ("upper", "lower") else None
            face = "white" if hatch else colour
            ax.bar(x, value, color=face, edgecolor=colour, hatch=hatch, width=0.6)
            ax.annotate(
                label(value, bound, "{:,.4g}"),
                (x, value),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=8,
            )
        ax.set_xticks([0, 1], [before, after])
        ax.set_title(f"{panel['title']}\n({panel['unit']})", fontsize=9)
        ax.set_ylim(0, max(values) * 1.22)
        ax.grid(axis="x", visible=False)
        ax.grid(axis="y", visible=True)
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_visible(False)
    return _finish(fig, records, note)


def waterfall(steps: Sequence[tuple[str, float]], total_label: str, records, unit="亿元", note=""):
    """Waterfall: steps add up, left to right, to a total bar at the end."""
    fig, ax = plotting.figure(height=3.6)
    start = 0.0
    names = [name for name, _ in steps] + [total_label]
    for i, (_, value) in enumerate(steps):
        ax.bar(i, value, bottom=start, color=plotting.SERIES[i % 4], width=0.6)
        ax.annotate(
            f"{value:,.1f}",
            (i, start + value),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            fontsize=9,
        )
        if i:
            ax.plot([i - 1.3, i - 0.3], [start, start], color=plotting.GREY, linewidth=0.8)
        start += value
    total = len(steps)
    ax.bar(total, start, color="white", edgecolor="#333333", width=0.6)
    ax.plot([total - 1.3, total - 0.3], [start, start], color=plotting.GREY, linewidth=0.8)
    ax.annotate(
        f"{start:,.1f}", (total, start), xytext=(0, 2), textcoords="offset points", ha="center"
    )
    ax.set_xticks(range(len(names)), names, fontsize=9)
    ax.set_ylabel(unit)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_ylim(0, start * 1.12)
    return _finish(fig, records, note)


def hbars(
    rows: pd.DataFrame,
    records: Iterable[str],
    unit: str = "",
    reference: float | None = None,
    reference_label: str = "",
    fmt: str = "{:,.1f}",
    note: str = "",
):
    """Horizontal bars with value labels; an optional reference line (e.g. 100% of plan).

    rows: columns label, value, optional bound.
    """
    rows = rows.reset_index(drop=True)
    bounds = rows["bound"] if "bound" in rows else pd.Series([""] * len(rows))
    fig, ax = plotting.figure(height=0.45 * len(rows) + 1.3)
    y = np.arange(len(rows))[::-1]
    for yi, value, bound in zip(y, rows["value"], bounds, strict=True):
        hatch = "//" if bound in ("upper", "lower") else None
        colour = plotting.PALETTE["blue"]
        ax.barh(yi, value, color="white" if hatch else colour, edgecolor=colour, hatch=hatch,
                height=0.6)  # fmt: skip
        ax.annotate(
            label(value, bound, fmt, unit),
            (value, yi),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    if reference is not None:
        ax.axvline(reference, color=plotting.ACCENT, linewidth=1, linestyle="--")
        ax.annotate(
            reference_label,
            (reference, y.max() + 0.5),
            xytext=(3, 0),
            textcoords="offset points",
            fontsize=8,
            color=plotting.ACCENT,
        )
    ax.set_yticks(y, rows["label"])
    ax.set_xlim(0, rows["value"].max() * 1.2)
    if unit:
        ax.set_xlabel(unit.strip())
    return _finish(fig, records, note)


def index_chart(rows: pd.DataFrame, records: Iterable[str], base_year=2015, end_year=2020, note=""):
    """Index chart, base year = 100: a straight compound path to each end value.

    rows: columns label, value (index in the end year), bound, optional
    base_year (a later base, e.g. 2016 for rural incomes). Only the end points
    are stated; the path between them is the constant-rate path, drawn thin.
    """
    fig, ax = plotting.figure(height=4.0)
    rows = rows.reset_index(drop=True)
    texts: dict[tuple[float, str], list[str]] = {}
    for i, row in enumerate(rows.itertuples()):
        colour = plotting.SERIES[i % len(plotting.SERIES)]
        start = int(getattr(row, "base_year", base_year) or base_year)
        years = np.arange(start, end_year + 1)
        path = 100 * (row.value / 100) ** ((years - start) / (end_year - start))
        style = "--" if row.bound in ("upper", "lower") else "-"
        ax.plot(years, path, style, color=colour, linewidth=1.4)
        _marker(ax, end_year, row.value, row.bound, colour)
        # series ending at the same point share one label
        texts.setdefault((round(row.value), row.bound), []).append(row.label)
    for y, (key, names) in zip(spread([k[0] for k in texts], 6.0), texts.items(), strict=True):
        ax.annotate(f"{' = '.join(names)}: {label(key[0], key[1], '{:.0f}')}", (end_year, key[0]),
                    xytext=(end_year + 0.15, y), textcoords="data", va="center", fontsize=9)  # fmt: skip
    ax.axhline(100, color="#333333", linewidth=0.8)
    ax.set_xlim(base_year - 0.2, end_year + 2.6)
    ax.set_xticks(range(base_year, end_year + 1))
    ax.set_ylabel(f"Index, {base_year} = 100")
    ax.grid(axis="y", visible=True)
    return _finish(fig, records, note)


def spread(values: Sequence[float], gap: float) -> list[float]:
    """Label positions near `values`, at least `gap` apart, order kept (for end labels)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed: dict[int, float] = {}
    last = -np.inf
    for i in order:
        placed[i] = max(values[i], last + gap)
        last = placed[i]
    return [placed[i] for i in range(len(values))]


def dots(
    rows: pd.DataFrame,
    records: Iterable[str],
    unit: str,
    reference: float | None = None,
    reference_label: str = "",
    fmt: str = "{:,.1f}",
    note: str = "",
):
    """Dots on an axis zoomed to the values (no zero baseline), with an optional reference line.

    For comparing values that differ by little (a harvest against its floor).
    rows: columns label, value.
    """
    rows = rows.reset_index(drop=True)
    fig, ax = plotting.figure(height=0.5 * len(rows) + 1.4)
    y = np.arange(len(rows))[::-1]
    for yi, value in zip(y, rows["value"], strict=True):
        _marker(ax, value, yi, "", plotting.PALETTE["blue"], size=80)
        ax.annotate(fmt.format(value), (value, yi), xytext=(0, 10), textcoords="offset points",
                    ha="center", fontsize=9)  # fmt: skip
    values = list(rows["value"]) + ([reference] if reference is not None else [])
    span = (max(values) - min(values)) or abs(max(values)) * 0.05
    if reference is not None:
        ax.axvline(reference, color=plotting.ACCENT, linewidth=1, linestyle="--")
        ax.annotate(reference_label, (reference, y.min() - 0.4), xytext=(-4, 0),
                    textcoords="offset points", ha="right", fontsize=8, color=plotting.ACCENT)  # fmt: skip
    ax.set_xlim(min(values) - 1.5 * span, max(values) + 1.5 * span)
    ax.set_ylim(y.min() - 0.7, y.max() + 0.7)
    ax.set_yticks(y, rows["label"])
    ax.set_xlabel(unit)
    return _finish(fig, records, note)


def level_path(points: pd.DataFrame, records: Iterable[str], unit: str, note: str = ""):
    """Levels at a few years, one line per series, joined by constant-rate segments.

    points: columns series, year, value, bound.
    """
    fig, ax = plotting.figure(height=3.8)
    for i, (series, rows) in enumerate(points.groupby("series", sort=False)):
        colour = plotting.SERIES[i % len(plotting.SERIES)]
        rows = rows.sort_values("year")
        ax.plot(rows["year"], rows["value"], color=colour, linewidth=1.4, label=series)
        for row in rows.itertuples():
            _marker(ax, row.year, row.value, row.bound, colour)
            ax.annotate(
                label(row.value, row.bound),
                (row.year, row.value),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                fontsize=8,
            )
    ax.set_ylabel(unit)
    ax.set_ylim(0, points["value"].max() * 1.15)
    ax.set_xticks(sorted(set(points["year"])))
    ax.grid(axis="y", visible=True)
    ax.legend(loc="upper left")
    return _finish(fig, records, note)


def intervals(rows: pd.DataFrame, records: Iterable[str], unit: str, note: str = ""):
    """Ranges a hedged statement allows: one small panel per row, each on its own scale.

    rows: columns label, low, high.
    """
    rows = rows.reset_index(drop=True)
    fig, axes = plotting.figure(height=1.1 * len(rows) + 0.8, nrows=len(rows), squeeze=False)
    for ax, row in zip(axes[:, 0], rows.itertuples(), strict=True):
        ax.hlines(0, row.low, row.high, color=plotting.PALETTE["blue"], linewidth=8, alpha=0.6)
        for x, sign in ((row.low, -1), (row.high, 1)):
            ax.annotate(f"{x:,.4g}", (x, 0), xytext=(8 * sign, 0), textcoords="offset points",
                        ha="right" if sign < 0 else "left", va="center", fontsize=9)  # fmt: skip
        span = row.high - row.low
        ax.set_xlim(row.low - 0.6 * span, row.high + 0.6 * span)
        ax.set_yticks([0], [row.label])
        ax.set_ylim(-1, 1)
    axes[-1, 0].set_xlabel(unit)
    return _finish(fig, records, note)


def stacked_shares(
    rows: pd.DataFrame,
    records: Iterable[str],
    unit: str = "亿元",
    note: str = "",
    fmt: str = "{:,.1f}",
):
    """Horizontal stacked bars: each whole split into named parts.

    rows: columns whole (bar label), part, value; parts stack in row order.
    """
    wholes = list(dict.fromkeys(rows["whole"]))
    parts = list(dict.fromkeys(rows["part"]))
    colours = {p: plotting.SERIES[i % len(plotting.SERIES)] for i, p in enumerate(parts)}
    fig, ax = plotting.figure(height=0.7 * len(wholes) + 1.5)
    y = np.arange(len(wholes))[::-1]
    for yi, whole in zip(y, wholes, strict=True):
        left = 0.0
        sub = rows[rows["whole"] == whole]
        total = sub["value"].sum()
        for row in sub.itertuples():
            ax.barh(yi, row.value, left=left, color=colours[row.part], height=0.55,
                    label=row.part)  # fmt: skip
            if row.value / total > 0.08:
                ax.text(left + row.value / 2, yi, fmt.format(row.value), ha="center",
                        va="center", fontsize=8, color="white")  # fmt: skip
            left += row.value
        ax.annotate(fmt.format(total), (left, yi), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=9)  # fmt: skip
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    ax.legend(unique.values(), unique.keys(), loc="upper center", ncols=min(len(parts), 4),
              bbox_to_anchor=(0.5, -0.25), fontsize=8)  # fmt: skip
    ax.set_yticks(y, wholes)
    ax.set_xlabel(unit)
    ax.set_xlim(0, rows.groupby("whole")["value"].sum().max() * 1.12)
    return _finish(fig, records, note)


def rate_pairs(rows: pd.DataFrame, records: Iterable[str], labels=("a", "b"), note: str = ""):
    """Dumbbell chart comparing two rates per row (e.g. one year vs a period average).

    rows: columns label, a, b, optional a_bound, b_bound (percent).
    """
    rows = rows.reset_index(drop=True)
    fig, ax = plotting.figure(height=0.6 * len(rows) + 1.4)
    y = np.arange(len(rows))[::-1]
    colours = (plotting.PALETTE["blue"], plotting.PALETTE["orange"])
    for yi, row in zip(y, rows.to_dict("records"), strict=True):
        ax.hlines(yi, min(row["a"], row["b"]), max(row["a"], row["b"]), color=plotting.GREY)
        for key, colour, offset in (("a", colours[0], -10), ("b", colours[1], 10)):
            bound = row.get(f"{key}_bound", "") or ""
            _marker(ax, row[key], yi, bound, colour)
            ax.annotate(
                label(row[key], bound, "{:.1f}", "%"),
                (row[key], yi),
                xytext=(0, offset),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=8,
                color=colour,
            )
    for colour, name in zip(colours, labels, strict=True):
        ax.scatter([], [], color=colour, label=name)
    plotting.zero_line(ax)
    ax.set_yticks(y, rows["label"])
    ax.set_xlabel("% a year")
    ax.set_xlim(0, max(rows["a"].max(), rows["b"].max()) * 1.2)
    ax.set_ylim(y.min() - 0.8, y.max() + 0.8)
    ax.legend(loc="lower right", fontsize=8)
    return _finish(fig, records, note)


def verdict_bars(counts: dict[str, int], records: Iterable[str], note: str = ""):
    """One bar per verdict, coloured by verdict."""
    names = list(counts)
    fig, ax = plotting.figure(height=2.4)
    y = np.arange(len(names))[::-1]
    for yi, name in zip(y, names, strict=True):
        ax.barh(yi, counts[name], color=VERDICT_COLOURS.get(name, plotting.GREY), height=0.6)
        ax.annotate(str(counts[name]), (counts[name], yi), xytext=(4, 0),
                    textcoords="offset points", va="center")  # fmt: skip
    ax.set_yticks(y, names)
    ax.set_xlabel("Number of checks")
    ax.set_xlim(0, max(counts.values()) * 1.15 + 1)
    return _finish(fig, records, note)
