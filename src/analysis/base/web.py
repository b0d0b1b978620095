"""What the chapters' kernels and the book's build agree on, in one place.

A chapter's kernel marks what it shows (a number and the records behind it, the
data a chart plots) with these MIME types and names; the book layer
(``analysis.book``) reads them back when it builds the pages. Both import this
module, so the names cannot drift apart. Standard library only.
"""

from __future__ import annotations

import html
import re
import struct
from pathlib import Path

# a glued number's records: {"ids": [...], "anchor": "F0003", "tip": "..."}
RECORDS_MIME = "application/vnd.minquan.records+json"
# the data a figure plots, as CSV text, in the same display output as its PNG
FIGURE_DATA_MIME = "application/vnd.minquan.figure-data+csv"
RECORDS_PAGE = "chapters/records"  # the page with one anchor per record id
FIGURE_DATA_DIR = "figure-data"  # <site>/figure-data/<figure name>.csv
LINK_CLASS = "record-link"
# The PyData theme's head script leaves mode and theme empty on a first visit: its
# script later reports an error and sets them, and the styles of the light theme (a
# border on inline code) then reflow the page. Set both before the first paint.
THEME_MODE_FIX = (
    "(() => { const d = document.documentElement.dataset;"
    ' if (!["light", "dark", "auto"].includes(d.mode)) { d.mode = "auto"; }'
    ' if (!["light", "dark"].includes(d.theme)) { d.theme = d.mode === "auto"'
    ' ? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light") : d.mode; }'
    " })();"
)


def record_link(text: str, anchor: str, ids: list[str] | tuple[str, ...], tip: str,
                href_page: str = "records.html") -> str:  # fmt: skip
    """A number as a link to its records: the tip shows on hover and on keyboard focus
    (CSS in ``_static/book.css``), ``data-records`` names every id behind it."""
    return (
        f'<a class="{LINK_CLASS}" href="{href_page}#{html.escape(anchor)}"'
        f' data-records="{html.escape(" ".join(ids))}" data-tip="{html.escape(tip)}">'
        f'<span class="pasted-text">{html.escape(text)}</span></a>'
    )


DESCRIPTION_CHARS = 155


def description(paragraphs) -> str:
    """A page's meta description: its first paragraph of some length, tags stripped,
    cut at a word to at most ``DESCRIPTION_CHARS`` characters ('' if none)."""
    for paragraph in paragraphs:
        text = html.unescape(re.sub(r"<[^>]+>", "", paragraph))
        text = " ".join(text.replace("In short.", "").split())
        if len(text) > 60:
            break
    else:
        return ""
    if len(text) > DESCRIPTION_CHARS:
        text = text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text


class FigureDataPlugin:
    """A myst-nb MIME renderer (entry point ``myst_nb.mime_renderers``, pyproject.toml):
    keeps a chart's CSV under its cell's figure name in the build's environment
    (``book_figure_data``) and renders nothing; ``analysis.book.figures`` links it."""

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != FIGURE_DATA_MIME:
            return None
        name = ((data.cell_metadata.get("mystnb") or {}).get("figure") or {}).get("name")
        env = renderer.renderer.document.settings.env
        kept = env.book_figure_data = getattr(env, "book_figure_data", {})
        if name:
            kept.setdefault(env.docname, {})[name] = ("", data.string)
        return []


# --- lighter pages ----------------------------------------------------------------------

_SCRIPT = re.compile(r'<script (?![^>]*\basync\b)([^>]*\bsrc="([^"]+)"[^>]*)></script>')
_IMAGE = re.compile(r'<img (?![^>]*\bwidth=)([^>]*?\bsrc="([^"]+)"[^>]*?)\s*/?>')
KEEP_BLOCKING = ("documentation_options.js",)  # inline scripts right after it read its object
SEARCH_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a PNG file from its header (None if it is not a PNG)."""
    try:
        head = path.read_bytes()[:24]
    except OSError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def lighten(page: str, size_of, search: bool = False) -> str:
    """A page that renders sooner: the head's scripts deferred (they run in order, after
    parsing, before DOMContentLoaded), the search index and its code only on the search
    page (the theme's search box sends its query there), and images with their size (no
    layout shift), decoded off the main thread and loaded when scrolled to (the first
    paint is text); bibliography entries as list items (ARIA). ``size_of(src)`` gives an
    image's (width, height) or None."""
    head, sep, body = page.partition("</head>")
    if not sep:
        return page

    def defer(found: re.Match) -> str:
        source = found.group(2).split("?")[0]
        if source.endswith(SEARCH_SCRIPTS) and not search:
            return ""
        if source.endswith(KEEP_BLOCKING) or re.search(r"\bdefer\b", found.group(1)):
            return found.group(0)
        return f"<script defer {found.group(1)}></script>"

    def sized(found: re.Match) -> str:
        size = size_of(found.group(2))
        if size is None:
            return found.group(0)
        return (f'<img {found.group(1)} width="{size[0]}" height="{size[1]}"'
                ' decoding="async" loading="lazy" />')  # fmt: skip

    # docutils marks bibliography entries with a deprecated ARIA role inside role="list"
    body = body.replace(' role="doc-biblioentry"', ' role="listitem"')
    return _SCRIPT.sub(defer, head) + sep + _IMAGE.sub(sized, body)
