"""What readers of the published site see and download (part of ``analysis.book``).

Each because a real browser, or Lighthouse, showed the need:

- **Chinese text on any machine**, **data downloads**, **lighter pages**: after the
  build, the CJK web font and the data files go into the site, the theme's icon
  script keeps only the icons used (``analysis.book.webfont``), and scripts are
  deferred and images sized (``analysis.book.page_html.lighten``).
- **No duplicated inline scripts.** Jupyter Book 1 registers the inline scripts of
  sphinx-thebe and sphinx-togglebutton twice; the second ``const THEBE_JS_URL`` throws
  "Identifier has already been declared" on every page: we drop exact duplicates.
- **No console error, no reflow, on a first visit.** The theme's head script sets
  the colour mode and theme to ``""`` when local storage is empty: an error, then a
  reflow when its script sets them later. We set both up front (``THEME_MODE_FIX``).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from . import page_html, webfont
from .page_html import THEME_MODE_FIX

logger = logging.getLogger(__name__)


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
    (static / webfont.CSS_FILE).write_text(webfont.cjk_css(), encoding="utf-8")
    copies = webfont.copy_data_files(Path(app.srcdir), html_dir)
    webfont.slim_fontawesome(html_dir)
    size = webfont.page_fonts(html_dir)
    for page in html_dir.rglob("*.html"):
        size_of = lambda src, folder=page.parent: page_html.png_size(folder / src)  # noqa: E731
        lighter = page_html.lighten(page.read_text("utf-8"), size_of, page.name == "search.html")
        page.write_text(lighter, encoding="utf-8")
    logger.info(f"[minquan] CJK web fonts {size:,} bytes; {len(copies)} data files published")


def setup(app: Sphinx) -> None:
    app.add_css_file(webfont.CSS_FILE)
    app.add_js_file(None, body=THEME_MODE_FIX)
    # late priority: after the theme and extensions have filled the script list
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    app.connect("build-finished", _finish)
