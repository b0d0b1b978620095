"""Chinese text on any machine: a web font cut from the charts' font, and the data files.

A reader's machine may have no CJK font, and then every character is the same
empty box. After the build, ``analysis.book.site`` subsets the Noto Sans CJK SC
file the charts use (``analysis.base.fonts``; SIL Open Font Licence) to the
characters of the pages, saves it as a WOFF web font (only when the characters
change: subsetting costs seconds) and puts it first in the theme's font stacks
with a CJK ``unicode-range``. It also copies the data files of
``analysis.book.catalogue`` into the site. No third-party import at module level.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

from ..base.fonts import cjk_font_path
from . import catalogue

FONT_FILE = "minquan-cjk.woff"
CSS_FILE = "minquan-cjk.css"
FONT_FAMILY = "Minquan CJK"
# CJK punctuation, kana, unified ideographs (incl. extension A), compatibility
# ideographs and full-width forms: what the report and our tables use.
CJK_RANGES = [(0x2E80, 0x2FDF), (0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
              (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]  # fmt: skip
CJK_PATTERN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in CJK_RANGES) + "]")


def cjk_characters(html_dir: Path) -> set[str]:
    """Every CJK character that appears in the built HTML pages."""
    found: set[str] = set()
    for page in html_dir.rglob("*.html"):
        found.update(CJK_PATTERN.findall(page.read_text(encoding="utf-8")))
    return found


def write_cjk_webfont(characters: set[str], destination: Path) -> int:
    """Subset the charts' CJK font to ``characters`` as WOFF; returns the byte size."""
    from fontTools import subset  # a matplotlib dependency, so always installed

    options = subset.Options()
    options.flavor = "woff"  # zlib; WOFF2 would need brotli, which is not a dependency
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the copyright and licence names (OFL)
    options.hinting = False
    options.notdef_outline = True
    font = subset.load_font(str(cjk_font_path()), options)
    font.recalcTimestamp = False  # same characters -> same bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(font)
    subset.save_font(font, str(destination), options)
    return destination.stat().st_size


def ensure_cjk_webfont(characters: set[str], destination: Path) -> int:
    """Write the subset only when the characters changed: subsetting costs seconds,
    and a no-op rebuild should not pay it. A stamp beside the font records the set."""
    key = hashlib.sha256(
        ("".join(sorted(characters)) + "|" + str(cjk_font_path())).encode("utf-8")
    ).hexdigest()
    stamp = destination.with_name(destination.name + ".sha256")
    if destination.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        return destination.stat().st_size
    size = write_cjk_webfont(characters, destination)
    stamp.write_text(key, encoding="utf-8")
    return size


def cjk_css() -> str:
    """The theme's font stacks with the CJK web font first; each page brings its own
    @font-face (``page_fonts``)."""
    stack = f'"{FONT_FAMILY}"'
    return (
        "/* Chinese text in the font the charts use (Noto Sans CJK SC, SIL OFL 1.1), subset\n"
        "   to the characters of each page: see analysis.book.webfont.page_fonts. */\n"
        "html {\n"
        f"  --pst-font-family-base: {stack}, var(--pst-font-family-base-system);\n"
        f"  --pst-font-family-heading: {stack}, var(--pst-font-family-base-system);\n"
        f"  --pst-font-family-monospace: var(--pst-font-family-monospace-system), {stack};\n"
        "}\n"
    )


FACE_ID = "minquan-cjk-face"
# what font_face adds to a page, removed before it is added again (a page Sphinx did not
# rewrite keeps the last build's): the preload script (a link in older builds) and the style
_FACE = re.compile(
    rf'<link id="{FACE_ID}-preload"[^>]*>|<script id="{FACE_ID}-preload">.*?</script>'
    rf'|<style id="{FACE_ID}">.*?</style>',
    re.DOTALL,
)


def font_face(url: str) -> str:
    """The page's @font-face for its CJK subset.

    ``font-display: swap``: text shows at once in a system font and switches to the
    web font when it arrives, so a reader without any Chinese font sees glyphs, not
    boxes. Each page's subset is small (a chapter: 20-60 kB instead of 200 kB for the
    whole site) and preloaded with the page's styles, so it is there for the first
    paint and the text does not reflow later (it did, with one site-wide font:
    Lighthouse, mobile, chapter 2, a layout shift of 0.13). The preload is added by a
    line of script, over http only: a page opened from the file system would log a
    cross-origin error for a preloaded font."""
    ranges = ", ".join(f"U+{a:04X}-{b:04X}" for a, b in CJK_RANGES)
    preload = ('const l = document.createElement("link"); l.rel = "preload"; l.as = "font";'
               f' l.type = "font/woff"; l.crossOrigin = ""; l.href = "{url}";'
               " document.head.appendChild(l);")  # fmt: skip
    return (f'<script id="{FACE_ID}-preload">if (location.protocol.startsWith("http"))'
            f" {{ {preload} }}</script>"
            f'<style id="{FACE_ID}">@font-face {{ font-family: "{FONT_FAMILY}"; '
            f'src: url("{url}") format("woff"); unicode-range: {ranges}; '
            "font-display: swap; }</style>")  # fmt: skip


SHARE_ABOVE = 0.7  # a page with most of the site's characters uses the site's font


def _subset(job: tuple[frozenset, Path]) -> None:
    write_cjk_webfont(set(job[0]), job[1])


def page_fonts(html_dir: Path, folder: str = "_static/cjk") -> int:
    """Give every page a web font of its own CJK characters and its @font-face; returns
    the bytes of the fonts the site uses.

    A font is named by the hash of its characters and written only when new (unused
    ones are removed). The search page, which shows snippets of every page, and pages
    with most of the site's characters (the records page) share one font of them all.
    New fonts are cut in parallel, one process per core."""
    fonts = html_dir / folder
    fonts.mkdir(parents=True, exist_ok=True)
    site = frozenset(cjk_characters(html_dir))
    pages = {}
    for page in sorted(html_dir.rglob("*.html")):
        text = _FACE.sub("", page.read_text(encoding="utf-8"))
        own = frozenset(CJK_PATTERN.findall(text))
        if page.name == "search.html" or (own and len(own) > SHARE_ABOVE * len(site)):
            own = site
        pages[page] = (text, own)

    def name(chars: frozenset) -> Path:
        return (
            fonts
            / f"{hashlib.sha256(''.join(sorted(chars)).encode('utf-8')).hexdigest()[:16]}.woff"
        )

    jobs = {name(c): c for _, c in pages.values() if c and not name(c).is_file()}
    if len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
            list(pool.map(_subset, [(c, f) for f, c in jobs.items()]))
    elif jobs:
        _subset(next((c, f) for f, c in jobs.items()))
    used = {}
    for page, (text, chars) in pages.items():
        if chars:
            font = name(chars)
            used[font.name] = font.stat().st_size
            url = Path(os.path.relpath(font, page.parent)).as_posix()
            text = text.replace("<head>", "<head>" + font_face(url), 1)
        page.write_text(text, encoding="utf-8")
    for stale in fonts.glob("*.woff"):
        if stale.name not in used:
            stale.unlink()
    return sum(used.values())


def copy_data_files(root: Path, html_dir: Path) -> list[Path]:
    """Copy the catalogue's files to the same relative paths in the site; returns the copies."""
    copies = []
    for relative in catalogue.published_files(root):
        target = html_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / relative, target)
        copies.append(target)
    return copies


# --- the theme's icons: only those the site uses ------------------------------------------

_ICON_PACK = re.compile(r"var (\w+)=\{(?=(?:\"?[\w-]+\"?):\[\d+,\d+,\[)")
_ICON = re.compile(r'("[^"]+"|[\w$]+):\[\d+,\d+,\[([^\]]*)\],"[^"]*",(?:"[^"]*"|\[[^\]]*\])\]')
_ICON_NAME = re.compile(r"\bfa-([a-z0-9-]+)")
NOT_ICONS = {"solid", "regular", "brands", "lg", "xl", "sm", "xs", "fw", "spin", "pulse", "2x",
             "3x", "inverse", "border", "flip", "rotate", "stack", "layers", "ul", "li"}  # fmt: skip


def icon_names(texts) -> set[str]:
    """Font Awesome icon names (fa-NAME) used in pages or scripts."""
    return {n for text in texts for n in _ICON_NAME.findall(text)} - NOT_ICONS


def subset_fontawesome(script: str, used: set[str]) -> str:
    """The theme's Font Awesome script (1.5 MB: every icon of three packs) with only the
    icons ``used`` (by name or alias); its code is kept as it is. Free icons: CC BY 4.0.
    If the script's shape is not the expected one, it is returned unchanged."""
    out, last = [], 0
    for pack in _ICON_PACK.finditer(script):
        start = pack.end()
        entries, position = [], start
        while (found := _ICON.match(script, position)) is not None:
            names = {found.group(1).strip('"'), *re.findall(r'"([\w-]+)"', found.group(2))}
            if names & used:
                entries.append(found.group(0))
            position = found.end() + (script[found.end()] == ",")
        if script[position : position + 1] != "}" or position == start:
            return script  # not the layout this subsetter knows
        out += [script[last:start], ",".join(entries)]
        last = position
    return "".join(out) + script[last:] if out else script


def slim_fontawesome(html_dir: Path) -> int:
    """Cut the site's ``_static/scripts/fontawesome.js`` to the icons its pages and scripts
    name; returns its size in bytes (0 if the theme ships no such script)."""
    script = html_dir / "_static" / "scripts" / "fontawesome.js"
    if not script.is_file():
        return 0
    texts = [p.read_text(encoding="utf-8") for p in html_dir.rglob("*.html")]
    texts += [p.read_text(encoding="utf-8") for p in (html_dir / "_static").rglob("*.js")
              if p != script]  # fmt: skip
    slim = subset_fontawesome(script.read_text(encoding="utf-8"), icon_names(texts))
    script.write_text(slim, encoding="utf-8")
    return len(slim.encode("utf-8"))
