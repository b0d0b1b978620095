"""Keep the HTML theme's compiled Jinja templates between builds.

Sphinx compiles every template it renders (the book theme's page, sidebars,
header buttons: about 40 files) from source in each build that writes a page,
which took 0.3-0.8 s of a one-page rebuild here. Jinja2 can store the
compiled code (``FileSystemBytecodeCache``); each entry is keyed on the
template's name and checked against a checksum of its source, so an edited or
upgraded template is compiled afresh. The cache lives beside Sphinx's own
environment cache, in ``<doctrees>/jinja2``, and goes away with ``_build``.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx

CACHE_DIR = "jinja2"


def install(app: Sphinx) -> None:
    """``builder-inited``: give the builder's template environment a bytecode cache."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None:  # a builder without Jinja templates (e.g. linkcheck)
        return
    folder = Path(app.doctreedir) / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))
