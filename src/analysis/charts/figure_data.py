"""The data behind each chart, published beside it as a CSV.

Chart builders keep the frame they plot on the figure (``style.attach_data``).
In a Jupyter kernel, ``register`` adds a display formatter for figures, so the
display output that carries a chart's PNG also carries that frame as CSV text
under ``analysis.base.web.FIGURE_DATA_MIME``. Notebook viewers ignore the
unknown type; the book's build (``analysis.book.figures``) writes it to
``figure-data/<figure name>.csv`` and links it from the caption.
"""

from __future__ import annotations

import csv
import io
import math

from matplotlib.figure import Figure

from ..base.web import FIGURE_DATA_MIME


def csv_text(fig) -> str | None:
    """The figure's data as CSV (None when a chart keeps no data)."""
    data = getattr(fig, "book_data", None)
    if data is None:
        return None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(data.columns)
    for row in data.itertuples(index=False):
        writer.writerow("" if _missing(v) else _cell(v) for v in row)
    return buffer.getvalue()


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _cell(value) -> str:
    """Numbers with up to ten significant digits (no float noise), the rest as text."""
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


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
