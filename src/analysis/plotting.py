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

from collections.abc import Iterable
from pathlib import Path

import matplotlib as mpl

# at import, not on first use: a chapter's kernel then pays for pyplot while
# warming up (analysis.book_ext.warm_kernels), not in its first chart cell
import matplotlib.pyplot as plt
from matplotlib import font_manager

from .base.fonts import CJK_FONT_FILE, cjk_font_path  # noqa: F401  (re-exported for callers)

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


def source_text(records: Iterable[str] = (), source: str = REPORT_SOURCE, note: str = "") -> str:
    """'Source: <source>; records F0001, F0002' (records sorted, unique)."""
    ids = sorted(set(records))
    text = f"Source: {source}"
    if ids:
        label = "record" if len(ids) == 1 else "records"
        text += f"; {label} {', '.join(ids)}"
    if note:
        text += f". {note}"
    return text


def add_source(
    fig, records: Iterable[str] = (), source: str = REPORT_SOURCE, note: str = ""
) -> None:
    """Write the source line under the chart, left-aligned, small and grey.

    Returns nothing, so it can end a notebook cell without adding a text output.

    Long lines wrap so the line never widens the figure.
    """
    import textwrap

    text = source_text(records, source, note)
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
