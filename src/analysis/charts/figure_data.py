"""The data behind each chart, published beside it as a CSV.

Chart builders keep the frame they plot on the figure (``style.attach_data``).
In a Jupyter kernel, ``register`` adds a display formatter for figures, so the
display output that carries a chart's PNG also carries that frame as CSV text
under ``analysis.base.web.FIGURE_DATA_MIME``. Notebook viewers ignore the
unknown type; the book's build (``analysis.book.figures``) writes it to
``figure-data/<figure name>.csv`` and links it from the caption.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from ..base.web import FIGURE_DATA_MIME


def csv_text(fig) -> str | None:
    """The figure's data as CSV (None when a chart keeps no data)."""
    data = getattr(fig, "book_data", None)
    if data is None:
        return None
    return data.to_csv(index=False, lineterminator="\n", float_format=_number)


def _number(value: float) -> str:
    return f"{value:.10g}"


def register(shell) -> None:
    """Add the figure-data formatter to an IPython shell's display formatters (once)."""
    from IPython.core.formatters import BaseFormatter
    from traitlets import ObjectName, Unicode

    class FigureDataFormatter(BaseFormatter):
        format_type = Unicode(FIGURE_DATA_MIME)
        print_method = ObjectName("_repr_figure_data_")

    formatters = shell.display_formatter.formatters
    if FIGURE_DATA_MIME not in formatters:
        formatters[FIGURE_DATA_MIME] = FigureDataFormatter(parent=shell.display_formatter)
    formatters[FIGURE_DATA_MIME].for_type(Figure, csv_text)
