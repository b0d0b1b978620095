"""What the build does to each HTML page so that it renders sooner and describes itself.

Part of ``analysis.book``: the theme fix run before the first paint, the page's
meta description, and ``lighten`` (deferred scripts, the search index only on the
search page, sized lazy images). Standard library only.
"""

from __future__ import annotations

import html
import re
import struct
from pathlib import Path

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
