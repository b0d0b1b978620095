"""Where the book's Chinese font lives, without importing matplotlib.

Noto Sans CJK SC ships inside the pip package ``mplfonts`` (SIL Open Font
Licence). Only that one file is used: charts register it (analysis.charts.style)
and the site cuts a web font from it (analysis.book.site), which must stay
cheap to import because Sphinx loads it on every build.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK SC file inside the installed mplfonts package.

    Located with ``find_spec`` so mplfonts' own import-time code never runs.
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the 'mplfonts' package (which ships Noto Sans CJK SC) is not installed; "
            "run the README's setup command"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise RuntimeError(f"CJK font file not found: {path}")
    return path
