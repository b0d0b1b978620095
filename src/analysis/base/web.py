"""What the chapters' kernels and the book's build agree on, in one place.

A chapter's kernel marks what it shows (a number and the records behind it, the
data a chart plots) with these MIME types and names, and writes a number's link
to its records; the book layer (``analysis.book``) reads them back when it builds
the pages. Both import this module, so the names cannot drift apart. Standard
library only.
"""

from __future__ import annotations

import html

# a glued number's records: {"ids": [...], "anchor": "F0003", "tip": "..."}
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
