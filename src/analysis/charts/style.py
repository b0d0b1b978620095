"""The one chart style of the book.

Importing this module registers Noto Sans CJK SC, shipped by the pip package
``mplfonts`` under the SIL Open Font Licence, directly from its file (no
system fonts, no ``mplfonts init``, nothing written to the environment). The
font list puts DejaVu Sans (bundled with matplotlib) first so that digits,
Latin text and the minus sign come from a Latin font and only CJK characters
fall back to Noto. PNGs carry no timestamp or software tag, so the same
inputs give byte-identical files.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib import font_manager

from ..base.fonts import CJK_FONT_FILE, cjk_font_path  # noqa: F401  (re-exported for callers)
from ..records.record import Record, cite, with_inputs
from ..records.vocabulary import BOUND_SIGNS, ONE_SIDED

CJK_FAMILY = "Noto Sans CJK SC"
LATIN_FAMILY = "DejaVu Sans"

# Okabe-Ito: distinguishable for the common colour-vision deficiencies and,
# ordered this way, with distinct lightness in greyscale (tested).
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
# Series order: the first four differ clearly in lightness (blue, orange, green,
# dark grey), so a chart still reads when printed in greyscale.
SERIES = ["#0072B2", "#E69F00", "#009E73", "#3A3A3A", "#CC79A7", "#56B4E9"]
GREY = "#7f7f7f"
ACCENT = PALETTE["vermillion"]

REPORT_SOURCE = "Minquan County 2021 Government Work Report"
CONTEXT_SOURCE = "data/external/*targets_and_outcomes.csv"
PANEL_SOURCE = "Li, Liu, Weng and Zhou (2019) replication panel, filtered (data/external)"
WIDTH_IN = 7.0  # full text width of the book's main column
DPI = 120  # enough for a crisp 840-px-wide chart; keeps pages light
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
    "axes.titlesize": 11,
    "axes.titleweight": "normal",
    "axes.axisbelow": True,
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
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
    "savefig.dpi": DPI,
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.15,
    "svg.hashsalt": "minquan",
    "path.simplify": True,
}


def apply_style() -> None:
    register_fonts()
    mpl.rcParams.update(STYLE)
    _configure_inline_backend()


INLINE_BACKENDS = ("module://matplotlib_inline.backend_inline", "inline")


def _configure_inline_backend() -> None:
    """In a Jupyter kernel with the inline backend: PNGs without a software tag,
    and each chart drawn once, not twice.

    pyplot hooks ``draw_all`` onto IPython's post_execute event, so every new
    figure is rendered in full at the end of its cell, and the inline backend
    then renders it again for the PNG it sends (matplotlib#5800). That first
    render is thrown away: it cost a third of each chapter's chart time.
    Interactive backends (ipympl, Qt) need the hook to refresh, so it is removed
    only when the backend is inline.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the book's deps
        return
    if get_ipython() is None:
        return
    # importing the inline backend activates it if it is the kernel's backend
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("png", metadata=PNG_METADATA)
    if mpl.get_backend(auto_select=False) in INLINE_BACKENDS:
        plt.uninstall_repl_displayhook()


def figure(height: float = 4.0, width: float = WIDTH_IN, **kwargs):
    """A new figure and axes in the book's size."""
    return plt.subplots(figsize=(width, height), **kwargs)


def source_text(records: Iterable[Record] = (), sources: Sequence[str] = (), note: str = "") -> str:
    """The source line of a chart, written from the records it draws on.

    'Source: <report>; <other sources>; <context file> X001, X011; records
    F0001-F0014, D001': the report is named when a stated or derived record is
    cited (or nothing else is); derived records bring the figures they are
    computed from; ids are sorted, unique and collapsed into ranges.
    """
    ids = with_inputs(records)
    context = [i for i in ids if i.startswith("X")]
    own = [i for i in ids if not i.startswith("X")]
    parts = [REPORT_SOURCE] if own or not (sources or context) else []
    parts += list(sources)
    if context:
        parts.append(f"{CONTEXT_SOURCE} {cite(context)}")
    text = "Source: " + "; ".join(parts)
    if own:
        text += f"; {'record' if len(own) == 1 else 'records'} {cite(own)}"
    if note:
        text += f". {note}"
    return text


def add_source(
    fig, records: Iterable[Record] = (), sources: Sequence[str] = (), note: str = ""
) -> None:
    """Write the source line under the chart, left-aligned, small and grey.

    Returns nothing, so it can end a notebook cell without adding a text output.

    Long lines wrap so the line never widens the figure.
    """
    text = source_text(records, sources, note)
    wrapped = "\n".join(textwrap.wrap(text, width=int(fig.get_figwidth() * 17)))
    fig.text(
        0.0,
        -0.01,
        wrapped,
        ha="left",
        va="top",
        fontsize=7.5,
        color="#555555",
        transform=fig.transFigure,
    )


def finish(fig, records: Iterable[Record], note: str = "", sources: Sequence[str] = ()):
    """Tighten the layout, then add the source line; returns the figure."""
    fig.tight_layout()
    add_source(fig, records, sources, note)
    return fig


def label(value: float, bound: str = "", fmt: str = "{:.1f}", unit: str = "") -> str:
    """A value label with its bound sign: '≤ 9.4%'."""
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
