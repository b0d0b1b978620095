"""A Sphinx extension that makes ``jupyter-book build .`` trustworthy and fast.

Enabled in ``_config.yml`` (first in ``sphinx: config: extensions``), so the
maintainers' plain command gets it, not only a wrapper script. It does three
things, each in its own module:

- ``freshness``: jupyter-cache keys a notebook on its code cells only, so an edit
  to ``data/``, ``seeds/`` or ``src/analysis/`` would leave old numbers on the
  pages. We fingerprint those inputs and, when the fingerprint a chapter was
  executed with differs from today's, drop its cache entry and make Sphinx
  re-read it.
- ``preexecute``: Jupyter Book 1 executes notebooks one after another while
  Sphinx reads them. Just before reading, we execute every notebook that is not
  in the cache in parallel (one kernel per core) and store the results in the
  same cache, so myst-nb then only reads them back. A failing notebook stops the
  build with a message naming the chapter; the traceback is kept in
  ``_build/html/reports/``.
- ``warm_kernels``: this extension comes first in ``_config.yml`` so that, while
  Sphinx loads the others, it can start (and warm up) kernels for the chapters
  likely to run; ``preexecute`` runs them there.

Three smaller modules keep rebuilds quick: ``citations`` skips
sphinxcontrib-bibtex's formatting when no page's citations changed,
``template_cache`` keeps the theme's compiled templates between builds, and
``quick_exit`` spares the command-line process its final garbage collections.

Set ``MINQUAN_BOOK_PARALLEL=0`` to fall back to myst-nb's serial execution
(the benchmark uses it to measure the default); freshness stays on. Set
``MINQUAN_BOOK_WARM=0`` to start kernels only when a chapter needs one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from . import citations, freshness, options, quick_exit, template_cache, warm_kernels


def _execute_missing(app: Sphinx, env, docnames: list[str]) -> None:
    # imported on first use: preexecute pulls in nbformat, myst-nb's reader and
    # jupyter-cache (0.6 s), which would delay starting the warm kernels
    from . import preexecute

    preexecute.execute_missing(app, env, docnames)


def setup(app: Sphinx) -> dict[str, Any]:
    # priority > 500: run after myst-nb has set up its configuration and cache path
    app.connect("env-get-outdated", freshness.outdated_docs, priority=600)
    app.connect("env-before-read-docs", _execute_missing, priority=600)
    app.connect("build-finished", freshness.record_read_docs, priority=600)
    # builder-inited: by then sphinxcontrib-bibtex (set up after us) has connected its handler
    app.connect("builder-inited", citations.install)
    app.connect("builder-inited", template_cache.install)
    app.connect("build-finished", warm_kernels.remember, priority=600)
    app.connect("build-finished", quick_exit.freeze_at_exit, priority=1000)
    if options.warm():
        app.minquan_warm = warm_kernels.start_pool(
            app, freshness.fingerprint(Path(app.srcdir)), options.workers()
        )
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
