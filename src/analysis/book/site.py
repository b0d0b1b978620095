"""What readers of the published site see and download (part of ``analysis.book``).

Four small things, each because a real browser showed the need:

- **Chinese text on any machine.** A reader's machine may have no CJK font, and
  then every character is the same empty box. After the build we subset the
  Noto Sans CJK SC file the charts use (``analysis.base.fonts``; SIL Open Font
  Licence) to the characters of the pages, save it as a WOFF web font in
  ``_static/`` (only when the characters change: subsetting costs seconds) and put
  it first in the theme's font stacks with a CJK ``unicode-range``.
- **Data downloads.** The files of ``analysis.book.catalogue`` are copied to the
  same paths in the site, where the data page links to them.
- **No duplicated inline scripts.** Jupyter Book 1 registers the inline scripts
  of sphinx-thebe and sphinx-togglebutton twice; the second ``const THEBE_JS_URL``
  throws "Identifier has already been declared" on every page. We drop exact
  duplicates from each page's script list.
- **No console error on a first visit.** The theme's head script sets the
  colour mode to ``""`` when local storage is empty, which pydata-sphinx-theme
  reports as an error before falling back to "auto"; we say "auto" up front.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..base.fonts import cjk_font_path
from . import catalogue

logger = logging.getLogger(__name__)

FONT_FILE = "minquan-cjk.woff"
CSS_FILE = "minquan-cjk.css"
FONT_FAMILY = "Minquan CJK"
# CJK punctuation, kana, unified ideographs (incl. extension A), compatibility
# ideographs and full-width forms: what the report and our tables use.
CJK_RANGES = [(0x2E80, 0x2FDF), (0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
              (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]  # fmt: skip
CJK_PATTERN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in CJK_RANGES) + "]")

THEME_MODE_FIX = (
    'if (!["light", "dark", "auto"].includes(document.documentElement.dataset.mode))'
    ' { document.documentElement.dataset.mode = "auto"; }'
)


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
    ranges = ", ".join(f"U+{a:04X}-{b:04X}" for a, b in CJK_RANGES)
    stack = f'"{FONT_FAMILY}"'
    return (
        "/* Chinese text in the font the charts use (Noto Sans CJK SC, SIL OFL 1.1),\n"
        "   subset to the characters of this site; see analysis.book.site. */\n"
        f"@font-face {{\n  font-family: {stack};\n"
        f'  src: url("{FONT_FILE}") format("woff");\n'
        f"  unicode-range: {ranges};\n  font-display: swap;\n}}\n"
        "html {\n"
        f"  --pst-font-family-base: {stack}, var(--pst-font-family-base-system);\n"
        f"  --pst-font-family-heading: {stack}, var(--pst-font-family-base-system);\n"
        f"  --pst-font-family-monospace: var(--pst-font-family-monospace-system), {stack};\n"
        "}\n"
    )


def copy_data_files(root: Path, html_dir: Path) -> list[Path]:
    """Copy the catalogue's files to the same relative paths in the site; returns the copies."""
    copies = []
    for relative in catalogue.published_files(root):
        target = html_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / relative, target)
        copies.append(target)
    return copies


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = (
            getattr(script, "filename", script) or "",  # inline scripts come as None or ""
            getattr(script, "priority", None),
            tuple(sorted(getattr(script, "attributes", {}).items())),
        )
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    html_dir = Path(app.outdir)
    static = html_dir / "_static"
    static.mkdir(exist_ok=True)
    size = ensure_cjk_webfont(cjk_characters(html_dir), static / FONT_FILE)
    (static / CSS_FILE).write_text(cjk_css(), encoding="utf-8")
    copies = copy_data_files(Path(app.srcdir), html_dir)
    logger.info(f"[minquan] CJK web font {size:,} bytes; {len(copies)} data files published")


def setup(app: Sphinx) -> None:
    app.add_css_file(CSS_FILE)
    app.add_js_file(None, body=THEME_MODE_FIX)
    # late priority: after the theme and extensions have filled the script list
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    app.connect("build-finished", _finish)
