"""The chart standard, as checks a drawn figure must pass (``tests/test_chart_standard.py``).

Each check returns the problems it finds, as sentences naming the text or axis:

- ``size``: every text, as rendered in the page column (``style.COLUMN_PX`` CSS px
  wide), is at least ``style.MIN_TEXT_PT`` points;
- ``overlap``: no two texts overlap, no text leaves the figure or runs into another
  panel, and no value label sits on a bar or a marker (labels drawn inside bars on
  purpose carry ``gid="inside-label"``);
- ``ticks``: an axis that counts things (``style.count_axis``, or labelled as a
  count) has whole-number ticks only;
- ``labels``: no raw code in any text but the source line: no snake_case names, no
  record ids (F0001), no section ids (p1.t3);
- ``values``: the chart keeps the data it plots (``style.attach_data``, published
  as its CSV) and plots at least four values; fewer belong in a sentence.
"""

from __future__ import annotations

import itertools
import re

from matplotlib.collections import PathCollection
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from . import style

CHECKS = ("size", "overlap", "ticks", "labels", "values")
MIN_VALUES = 4
SLACK_PX = 1.0  # bounding boxes are shrunk by this much before testing for overlap
COUNT_WORDS = re.compile(
    r"\b(number of|count|counts|figures stated|figures|mentions|checks|prefecture-years|"
    r"projects|stations)\b",
    re.IGNORECASE,
)
RAW_CODES = {
    "snake_case name": re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b"),
    "record id": re.compile(r"\b[FDXC]\d{3,4}\b"),
    "section id": re.compile(r"\bp\d(\.t\d+)?\b"),
}


def points_in_column(fig, size_pt: float) -> float:
    """Points a font size becomes on the page, where the PNG is shown at most
    ``style.COLUMN_PX`` CSS px wide (96 CSS px = 72 pt)."""
    png_px = fig.get_figwidth() * fig.dpi
    shown_px = min(png_px, style.COLUMN_PX)
    return size_pt * (fig.dpi / 72) * (shown_px / png_px) * 0.75


def _renderer(fig):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def drawn_texts(fig) -> list[Text]:
    """Every visible, non-empty text the figure draws (tick labels only where drawn)."""
    found: list[Text] = list(fig.texts)
    for legend in fig.legends:
        found += [*legend.get_texts(), legend.get_title()]
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        found += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label]
        found += list(ax.texts)
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis._update_ticks():
                found += [t for t in (tick.label1, tick.label2) if t.get_visible()]
        legend = ax.get_legend()
        if legend is not None:
            found += [*legend.get_texts(), legend.get_title()]
    unique = list(dict.fromkeys(found))
    return [t for t in unique if t.get_visible() and t.get_text().strip()]


def _name(text: Text) -> str:
    return repr(" ".join(text.get_text().split())[:50])


def check_size(fig) -> list[str]:
    return [
        f"{_name(t)} renders at {points_in_column(fig, t.get_fontsize()):.1f} pt"
        for t in drawn_texts(fig)
        if points_in_column(fig, t.get_fontsize()) < style.MIN_TEXT_PT - 0.01
    ]


def _box(artist, renderer):
    return artist.get_window_extent(renderer).padded(-SLACK_PX)


def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _marker_boxes(ax, renderer):
    from matplotlib.transforms import Bbox

    boxes = []
    for collection in ax.collections:
        if not isinstance(collection, PathCollection) or not collection.get_visible():
            continue
        sizes = collection.get_sizes()
        offsets = collection.get_offset_transform().transform(collection.get_offsets())
        for k, (x, y) in enumerate(offsets):
            radius = (sizes[k % len(sizes)] ** 0.5 / 2 if len(sizes) else 3) * ax.figure.dpi / 72
            boxes.append(Bbox.from_extents(x - radius, y - radius, x + radius, y + radius))
    return boxes


def check_overlap(fig) -> list[str]:
    renderer = _renderer(fig)
    texts = drawn_texts(fig)
    boxes = {t: _box(t, renderer) for t in texts}
    problems = [
        f"{_name(a)} overlaps {_name(b)}"
        for a, b in itertools.combinations(texts, 2)
        if _overlaps(boxes[a], boxes[b])
    ]
    frame = fig.bbox
    problems += [
        f"{_name(t)} runs off the figure"
        for t in texts
        if boxes[t].x0 < frame.x0 - 1
        or boxes[t].x1 > frame.x1 + 1
        or boxes[t].y0 < frame.y0 - 1
        or boxes[t].y1 > frame.y1 + 1
    ]
    panels = [ax for ax in fig.axes if ax.get_visible()]
    for t in texts:
        for ax in panels:
            if t.axes is not None and t.axes is not ax and _overlaps(boxes[t], ax.bbox):
                problems.append(f"{_name(t)} runs into another panel")
    for ax in panels:
        data = [
            p.get_window_extent(renderer)
            for p in ax.patches
            if isinstance(p, Rectangle) and p.get_visible() and p.get_width() and p.get_height()
        ]
        data += _marker_boxes(ax, renderer)
        for t in ax.texts:
            if t.get_gid() == "inside-label" or not t.get_visible() or not t.get_text().strip():
                continue
            if any(_overlaps(boxes.get(t, _box(t, renderer)), d.padded(-SLACK_PX)) for d in data):
                problems.append(f"{_name(t)} sits on the data")
    return problems


def count_axes(fig) -> list:
    axes = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if getattr(axis, "counts_things", False) or COUNT_WORDS.search(axis.label.get_text()):
                axes.append(axis)
    return axes


def _number(text: str) -> float | None:
    try:
        return float(text.replace("\u2212", "-").replace(",", ""))
    except ValueError:
        return None


def check_ticks(fig) -> list[str]:
    _renderer(fig)
    problems = []
    for axis in count_axes(fig):
        for tick in axis._update_ticks():
            value = _number(tick.label1.get_text())
            if value is not None and value != round(value):
                problems.append(f"count axis {axis.label.get_text()!r} has tick {value:g}")
    return problems


def check_labels(fig) -> list[str]:
    source = getattr(fig, "_supxlabel", None)
    problems = []
    for t in drawn_texts(fig):
        if t is source:
            continue
        for what, pattern in RAW_CODES.items():
            if found := pattern.search(t.get_text()):
                problems.append(f"{_name(t)} shows a {what} ({found.group(0)})")
    return problems


def plotted_values(fig) -> int | None:
    """Numbers the chart plots, from its attached data (None if it keeps none)."""
    data = getattr(fig, "book_data", None)
    if data is None:
        return None
    column = "value" if "value" in data else None
    numeric = data[[column]] if column else data.select_dtypes("number")
    return int(numeric.notna().sum().sum())


def check_values(fig) -> list[str]:
    count = plotted_values(fig)
    if count is None:
        return ["keeps no data (style.attach_data): no CSV can be published"]
    if count < MIN_VALUES:
        return [f"plots {count} values; fewer than {MIN_VALUES} belong in a sentence or table"]
    return []


def problems(fig, checks=CHECKS) -> dict[str, list[str]]:
    """Every check's problems for one drawn figure."""
    run = {"size": check_size, "overlap": check_overlap, "ticks": check_ticks,
           "labels": check_labels, "values": check_values}  # fmt: skip
    return {name: run[name](fig) for name in checks}
