"""The one chart style of the book, and the chart standard's numbers.

Importing this module registers Noto Sans CJK SC, shipped by the pip package
``mplfonts`` under the SIL Open Font Licence, directly from its file (no
system fonts, no ``mplfonts init``, nothing written to the environment). The
font list puts DejaVu Sans (bundled with matplotlib) first so that digits,
Latin text and the minus sign come from a Latin font and only CJK characters
fall back to Noto. PNGs carry no timestamp or software tag, so the same
inputs give byte-identical files.

**Drawn at the width it is shown.** Measured in Chromium 156 with the book's
theme (the book theme of Jupyter Book 1, 1.3): at a 1280-px window the page column shows an
image 672 CSS px wide (774 at 1440 px, 739 at 1024 px; 364 at a 412-px phone).
672 CSS px are 7 inches at 96 px per inch, so a chart drawn 7 inches wide shows
at its own size on a laptop: a 9-point label in matplotlib is a 9-point label on
the page. Charts are saved at exactly that width (constrained layout, no "tight"
bounding box that would widen the PNG and shrink everything in it), at 120 dpi:
840 px, enough for the 637 device pixels a phone at 1.75x needs and for a crisp
laptop view, at about half the bytes of a 2x image. On a phone the column is
narrower and the whole chart scales down (to 54% at 412 px); the image opens at
full size when tapped.
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from ..base.fonts import CJK_FONT_FILE, cjk_font_path  # noqa: F401  (re-exported for callers)
from ..records.record import Record, cite, with_inputs
from ..records.vocabulary import BOUND_SIGNS, ONE_SIDED
from .numbers import round_outward

CJK_FAMILY = "Noto Sans CJK SC"
LATIN_FAMILY = "DejaVu Sans"

WINDOW_PX = 1280  # the laptop window the column was measured in
CSS_PX_PER_IN = 96
COLUMN_PX = 672  # CSS px of the page column at a 1280-px window (measured, see above)
MOBILE_PX = 364  # the same at a 412-px phone window
WIDTH_IN = COLUMN_PX / CSS_PX_PER_IN  # 7 inches: drawn at the width it is shown
DPI = 120  # 840-px PNGs
MIN_TEXT_PT = 9.0  # no text smaller than this as rendered in the column

# Okabe-Ito colours, safe for the common colour-vision deficiencies. SERIES is
# ordered so that the first four also differ in lightness (CIE L* 46, 71, 24, 58:
# at least 11 apart, tested), so a chart still reads in greyscale.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
DARK_GREY = "#3A3A3A"
SERIES = ["#0072B2", "#E69F00", DARK_GREY, "#009E73", "#CC79A7", "#56B4E9"]
# Two categories that must be told apart (met / missed, before / after): dark blue
# and light orange, 25 L* apart; a second cue (hatching, marker shape) goes with them.
PAIR = ("#0072B2", "#E69F00")
# text in a series' colour, dark enough on white (4.5:1 or more): orange text is darker
TEXT_COLOUR = {"#E69F00": "#8F6200", "#56B4E9": "#1F6E9E", "#009E73": "#00745A"}
GREY = "#7f7f7f"
LIGHT_GREY = "#b8b8b8"
ACCENT = PALETTE["vermillion"]
SOURCE_COLOUR = "#4d4d4d"  # 8.5:1 on white
# behind a value label: gridlines and reference lines stop short of the text
LABEL_BOX = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"}

REPORT_SOURCE = "Minquan County 2021 Government Work Report"
CONTEXT_DIR = "data/external"  # outside facts: each cited by the file that holds it
PANEL_SOURCE = "Li, Liu, Weng and Zhou (2019) replication panel, filtered (data/external)"
SOURCE_WRAP = 92  # characters per line of the source line at 9 pt across 7 inches, with margins
MAX_CITED = 60  # a longer list of ids is summarised ("42 records: F0003, …, F0133 (…)")
PNG_METADATA = {"Software": None}


def register_fonts() -> None:
    path = cjk_font_path()
    known = {Path(f.fname) for f in font_manager.fontManager.ttflist}
    if path not in known:
        font_manager.fontManager.addfont(str(path))


STYLE = {
    "font.family": [LATIN_FAMILY, CJK_FAMILY],
    "font.sans-serif": [LATIN_FAMILY, CJK_FAMILY],
    "axes.unicode_minus": True,
    "font.size": 10,
    "axes.titlesize": 10.5,
    "axes.titleweight": "normal",
    "axes.axisbelow": True,
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "legend.fontsize": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": mpl.cycler(color=SERIES),
    "legend.frameon": False,
    "figure.figsize": (WIDTH_IN, 4.0),
    "figure.dpi": DPI,
    "figure.constrained_layout.use": True,
    "figure.constrained_layout.h_pad": 0.08,
    "figure.constrained_layout.w_pad": 0.08,
    "savefig.dpi": DPI,
    "savefig.bbox": "standard",  # the PNG is exactly the figure: 7 inches wide
    "svg.hashsalt": "minquan",
    "path.simplify": True,
}


def apply_style() -> None:
    register_fonts()
    mpl.rcParams.update(STYLE)
    _configure_inline_backend()


INLINE_BACKENDS = ("module://matplotlib_inline.backend_inline", "inline")


def _configure_inline_backend() -> None:
    """In a Jupyter kernel with the inline backend: PNGs at the figure's own size and
    without a software tag, each chart drawn once, and its data beside its picture.

    pyplot hooks ``draw_all`` onto IPython's post_execute event, so every new
    figure is rendered in full at the end of its cell, and the inline backend
    then renders it again for the PNG it sends (matplotlib#5800). That first
    render is thrown away: it cost a third of each chapter's chart time.
    Interactive backends (ipympl, Qt) need the hook to refresh, so it is removed
    only when the backend is inline. The figure's data (``attach_data``) goes
    into the same display output as the PNG, as a CSV of its own MIME type,
    which the book publishes beside the figure (``analysis.book.figures``).
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the book's deps
        return
    shell = get_ipython()
    if shell is None:
        return
    # importing the inline backend activates it if it is the kernel's backend
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("png", metadata=PNG_METADATA, bbox_inches=None)
    if mpl.get_backend(auto_select=False) in INLINE_BACKENDS:
        plt.uninstall_repl_displayhook()
    from . import figure_data

    figure_data.register(shell)


def figure(height: float = 4.0, width: float = WIDTH_IN, **kwargs):
    """A new figure and axes in the book's size, laid out by matplotlib's constrained layout."""
    kwargs.setdefault("layout", "constrained")
    return plt.subplots(figsize=(width, height), **kwargs)


def cited(ids: Sequence[str]) -> str:
    """Ids as a source line shows them: ranges of consecutive ids only (F0001-F0003,
    F0007), or, for a long list, a count with the first and last id of each series and
    an ellipsis between ('14 records: F0001, …, F0166'): never 'F0001 to F0166', which
    reads as a range of 166 records."""
    text = cite(ids)
    if len(text) <= MAX_CITED:
        return f"{'record' if len(ids) == 1 else 'records'} {text}"
    spans: dict[str, list[str]] = {}
    for part in text.replace("-", ", ").split(", "):
        spans.setdefault(part[0], []).append(part)
    series = ", ".join(f"{p[0]}, …, {p[-1]}" if len(p) > 1 else p[0] for p in spans.values())
    return f"{len(set(ids))} records: {series} (each listed in the figure's data)"


@functools.cache
def _context_ids() -> dict[str, str]:
    from ..records import context as outside

    files = (*outside.TARGET_FILES, outside.COUNTY_CRITERIA, outside.EVENTS)
    return {str(i): name for name in files for i in outside.load(name)["id"]}


def context_files(ids: Iterable[str]) -> dict[str, list[str]]:
    """Outside-fact ids by the file in ``data/external`` that holds them, in file order."""
    where = _context_ids()
    found: dict[str, list[str]] = {}
    for rid in ids:
        if rid not in where:
            raise KeyError(f"outside fact {rid!r} is in none of the files of {CONTEXT_DIR}")
        found.setdefault(where[rid], []).append(rid)
    return found


def source_text(records: Iterable[Record] = (), sources: Sequence[str] = (), note: str = "") -> str:
    """The source line of a chart, written from the records it draws on.

    'Source: <report>; <other sources>; <context file> X001, X011; records
    F0001-F0014, D001': the report is named when a stated or derived record is
    cited (or nothing else is); derived records bring the figures they are
    computed from; ids are sorted, unique and collapsed into ranges, and a long
    list is summarised by its count and spans.
    """
    ids = with_inputs(records)
    context = [i for i in ids if i[0] in "XC"]  # outside facts (C: added, see data/external)
    own = [i for i in ids if i[0] not in "XC"]
    parts = [REPORT_SOURCE] if own or not (sources or context) else []
    parts += list(sources)
    for name, found in context_files(context).items():
        parts.append(f"{CONTEXT_DIR}/{name} {cite(found)}")
    text = "Source: " + "; ".join(parts)
    if own:
        text += f"; {cited(own)}"
    if note:
        text += f". {note}"
    return text


def add_source(
    fig, records: Iterable[Record] = (), sources: Sequence[str] = (), note: str = ""
) -> None:
    """Write the source line under the chart, left-aligned, at the minimum text size.

    It is the figure's x "super label", so the constrained layout keeps room for
    it below everything else (it never collides with an axis label). Long lines
    wrap. Returns nothing, so it can end a notebook cell without a text output.
    """
    text = source_text(records, sources, note)
    fig.supxlabel("\n".join(textwrap.wrap(text, width=SOURCE_WRAP)), x=0.012, ha="left",
                  fontsize=MIN_TEXT_PT, color=SOURCE_COLOUR, linespacing=1.3)  # fmt: skip


def attach_data(fig, data):
    """Keep the data a chart plots on the figure (published as its CSV); returns ``fig``."""
    fig.book_data = data.reset_index(drop=True)
    return fig


def finish(fig, records: Iterable[Record], note: str = "", sources: Sequence[str] = (),
           data=None):  # fmt: skip
    """Add the source line (and the plotted data, if given); returns the figure."""
    records = list(records)
    add_source(fig, records, sources, note)
    if data is not None:
        attach_data(fig, data)
    return fig


def record_frame(labels: Sequence[str], records: Sequence[Record], **columns) -> object:
    """The data of a chart drawn from records: one row per plotted value, with its
    label, value, unit, bound and the record ids behind it (derived: with inputs)."""
    import pandas as pd

    frame = pd.DataFrame({
        "label": list(labels),
        "value": [r.value for r in records],
        "unit": [r.unit for r in records],
        "bound": [r.bound for r in records],
        "records": [" ".join(with_inputs([r])) for r in records],
    })  # fmt: skip
    for name, values in columns.items():
        frame.insert(1, name, list(values))
    return frame


ROUND_STEPS = [1, 2, 5, 10]  # ticks at 1, 2 or 5 times a power of ten: 100, 200 (not 80, 160)


def count_axis(ax, which: str = "y"):
    """Mark an axis that counts things: integer ticks only (tested on every chart), at round
    steps (``ROUND_STEPS``)."""
    axis = ax.xaxis if which == "x" else ax.yaxis
    axis.set_major_locator(MaxNLocator(integer=True, steps=ROUND_STEPS))
    axis.counts_things = True
    return ax


def thousands(ax, which: str = "x", decimals: int = 0):
    """Tick labels with thousands separators (2,000, not 2000), as the value labels have."""
    axis = ax.xaxis if which == "x" else ax.yaxis
    axis.set_major_formatter(StrMethodFormatter(f"{{x:,.{decimals}f}}"))
    return ax


def label(value: float, bound: str = "", fmt: str = "{:.1f}", unit: str = "") -> str:
    """A value label with its bound sign, a bound rounded outward to the decimals of
    ``fmt`` so the label stays a bound: a ceiling of 9.4382 is '≤ 9.5%', never '≤ 9.4%'."""
    places = re.search(r"\.(\d+)f", fmt)
    if places and bound in ONE_SIDED:
        value = round_outward(value, int(places.group(1)), bound)
    return f"{BOUND_SIGNS.get(bound, '')}{fmt.format(value)}{unit}"


def one_sided(bound: str) -> bool:
    return bound in ONE_SIDED


def marker(ax, x, y, bound: str, colour: str, size: float = 60) -> None:
    """Filled for exact values, open for one-sided ones."""
    face = "white" if one_sided(bound) else colour
    ax.scatter([x], [y], s=size, facecolor=face, edgecolor=colour, linewidth=1.6, zorder=3)


def spread(values: Sequence[float], gap: float) -> list[float]:
    """Label positions near `values`, at least `gap` apart, order kept (for end labels)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed: dict[int, float] = {}
    last = float("-inf")
    for i in order:
        placed[i] = max(values[i], last + gap)
        last = placed[i]
    return [placed[i] for i in range(len(values))]


def with_values(rows, column: str = "record", prefix: str = ""):
    """Rows with a column of Records, given ``value`` and ``bound`` columns from them
    (named ``<prefix>`` and ``<prefix>_bound`` when a prefix is given)."""
    rows = rows.reset_index(drop=True).copy()
    records = list(rows[column])
    rows[prefix or "value"] = [r.value for r in records]
    rows[f"{prefix}_bound" if prefix else "bound"] = [r.bound for r in records]
    return rows


def records_in(rows, *columns: str) -> list[Record]:
    """The Records held in some columns of a table, in order."""
    return [r for column in columns for r in rows[column] if isinstance(r, Record)]


def save_png(fig, path: Path) -> Path:
    """Save a figure as a deterministic PNG (no software or time metadata)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", metadata=PNG_METADATA)
    return path


def zero_line(ax, axis: str = "x") -> None:
    """The reference line growth charts are read against."""
    if axis == "x":
        ax.axvline(0, color="#333333", linewidth=0.8, zorder=1)
    else:
        ax.axhline(0, color="#333333", linewidth=0.8, zorder=1)


apply_style()
