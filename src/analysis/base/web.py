"""What the chapters' kernels and the book's build agree on, in one place.

A chapter's kernel marks what it shows (a number and the records behind it, the
data a chart plots) with these MIME types and names, and writes a number's link
to its records; the book layer (``analysis.book``) reads them back when it builds
the pages. Both import this module, so the names cannot drift apart. Standard
library only.
"""

from __future__ import annotations

import html
import re

# a glued number's records: {"ids": [...], "anchor": "F0003", "tip": "..."}, and for a
# bound its side and exact value: {"bound": "upper", "exact": 9.4382}
RECORDS_MIME = "application/vnd.minquan.records+json"
# the data a figure plots, as CSV text, in the same display output as its PNG
FIGURE_DATA_MIME = "application/vnd.minquan.figure-data+csv"
RECORDS_PAGE = "chapters/records"  # the page with one anchor per record id
FIGURE_DATA_DIR = "figure-data"  # <site>/figure-data/<figure name>.csv
LINK_CLASS = "record-link"


def record_link(text: str, anchor: str, ids: list[str] | tuple[str, ...], tip: str,
                href_page: str = "records.html") -> str:  # fmt: skip
    """A number as a link to its records: the tip shows on hover and on keyboard focus
    (CSS in ``_static/book.css``), ``data-records`` names every id behind it."""
    return (
        f'<a class="{LINK_CLASS}" href="{href_page}#{html.escape(anchor)}"'
        f' data-records="{html.escape(" ".join(ids))}" data-tip="{html.escape(tip)}">'
        f'<span class="pasted-text">{html.escape(text)}</span></a>'
    )


NEGATIVE = re.compile(r"(?<![\w.])-(?=\.?\d)")  # a hyphen-minus that starts a number


def true_minus(text: str) -> str:
    """Negative numbers with the minus sign (U+2212), as typeset: '-0.9%' -> '−0.9%'.

    Only a hyphen that starts a number changes: ranges (5.8-7.1), years (2016-2020)
    and ids keep theirs."""
    return NEGATIVE.sub("\u2212", text)


def breaks_bound(text: str, exact: float, bound: str) -> bool:
    """Whether ``text`` (a number as the prose prints it) is on the wrong side of a bound:
    a lower bound printed above its exact value, or an upper bound printed below it."""
    try:
        printed = float(text.replace(",", "").replace("−", "-").strip())
    except ValueError:
        return False
    tolerance = 1e-9 * max(1.0, abs(exact))
    if bound == "lower":
        return printed > exact + tolerance
    if bound == "upper":
        return printed < exact - tolerance
    return False
