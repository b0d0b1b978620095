"""Run the chapters Sphinx is about to read in parallel, into myst-nb's cache.

Jupyter Book 1 executes each notebook while Sphinx reads it, one at a time, and
most of that time is a kernel starting and importing pandas and matplotlib. Just
before Sphinx reads (``env-before-read-docs``) we add those pages to the cache's
project, with the reader myst-nb itself records for them (the ``myst_nb_md``
plugin for MyST notebooks), and hand the ones without a cache entry to
jupyter-cache's own ``local-parallel`` executor: one process, hence one kernel,
per core, executing with the same function and settings myst-nb uses and
storing the results in the same cache, where myst-nb then finds every page.

A failing chapter stops the build before any page is written: one line per
chapter names the file, the line of the failing cell and the error (our
``InputError`` names file, row, column and record); the traceback is kept in
``_build/html/reports/<chapter>.err.log``, where myst-nb keeps its own; the
exit status is 1. Set ``MINQUAN_BOOK_PARALLEL=0`` to leave execution to myst-nb.
"""

from __future__ import annotations

import logging as std_logging
import os
import re
import sys
import time
from contextlib import suppress
from pathlib import Path, PurePosixPath

from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.executors import load_executor
from myst_nb.core.read import create_nb_reader
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

PARALLEL_ENV = "MINQUAN_BOOK_PARALLEL"  # "0": myst-nb executes, one chapter at a time
# The executor logs each failure with its whole traceback; we print one line per
# chapter instead, so it may only report errors of its own (a kernel that died).
EXECUTOR_LOG = std_logging.getLogger("analysis.book.executor")
EXECUTOR_LOG.setLevel(std_logging.ERROR)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def parallel() -> bool:
    return os.environ.get(PARALLEL_ENV, "1") != "0"


def report_path(app: Sphinx, docname: str) -> Path:
    return Path(app.outdir).joinpath("reports", *(docname + ".err.log").split("/"))


def execute_outdated(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: execute the notebooks missing from the cache."""
    config = env.mystnb_config
    if not docnames or not parallel() or config.execution_mode != "cache":
        return
    cache = get_cache(config.execution_cache_path)
    pages, notebooks = {}, {}  # by uri: the docname, the notebook as myst-nb reads it
    for docname in docnames:
        path = Path(env.doc2path(docname))
        text = path.read_text(encoding="utf-8")
        reader = create_nb_reader(str(path), env.myst_config, config, text)
        posix = PurePosixPath(path.as_posix())
        if reader is None or any(posix.match(p) for p in config.execution_excludepatterns or ()):
            continue
        notebook = reader.read(text)
        with suppress(KeyError):
            cache.match_cache_notebook(notebook)
            continue  # myst-nb will find it
        if not any(cell.cell_type == "code" for cell in notebook.cells):
            # nothing to run: cached as it is, sparing a kernel start
            bundle = CacheBundleIn(notebook, str(path), data={"execution_seconds": 0.0})
            cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
            continue
        read_data = {"read_data": reader.read_fmt} if reader.read_fmt else {}
        uri = cache.add_nb_to_project(str(path), **read_data).uri
        pages[uri], notebooks[uri] = docname, notebook
    if not pages:
        return
    logger.info(
        "[minquan] executing %d notebook(s) on %d core(s): %s",
        len(pages),
        min(len(pages), os.cpu_count() or 1),
        ", ".join(pages.values()),
    )
    started = time.perf_counter()
    # the executor forks its workers: they must not share the parent's database connections
    cache.db.dispose()
    result = load_executor("local-parallel", cache=cache, logger=EXECUTOR_LOG).run_and_cache(
        filter_uris=list(pages),
        timeout=config.execution_timeout,
        allow_errors=config.execution_allow_errors,
    )
    for uri in result.succeeded:
        report_path(app, pages[uri]).unlink(missing_ok=True)  # an old failure report would mislead
        try:  # the entry myst-nb will look for
            seconds = cache.match_cache_notebook(notebooks[uri]).data.get("execution_seconds", 0)
        except KeyError:
            logger.warning("[minquan] %s: cached under another key than myst-nb's", pages[uri])
            continue
        logger.info("[minquan] executed %s in %.1f s", pages[uri], seconds)
    logger.info("[minquan] parallel execution took %.1f s", time.perf_counter() - started)
    for uri in result.errored:  # the executor has logged why; myst-nb will try again
        logger.warning("[minquan] could not execute %s; Jupyter Book will", pages[uri])
    if result.excepted and config.execution_raise_on_error:
        stop(app, cache, [(uri, pages[uri]) for uri in result.excepted])


def failure(traceback: str, notebook) -> tuple[int | None, str]:
    """The line of the failing cell and the error, from the traceback jupyter-cache keeps.

    nbclient quotes the failing cell between two dashed lines; IPython heads its
    traceback with the error's name and ends it with ``name: message``.
    ``notebook`` is the chapter as jupyter-cache's reader read it (with a source map).
    """
    text = ANSI.sub("", traceback).rstrip()
    line = None
    quoted = re.search(r"the following cell:\n-+\n(.*?)\n-+\n", text, re.DOTALL)
    if quoted:
        source_map = notebook.metadata.get("source_map") or []
        for index, cell in enumerate(notebook.cells):
            if cell.source.strip() == quoted.group(1).strip() and index < len(source_map):
                line = source_map[index]
                break
    names = re.findall(r"^(\S+) +Traceback \(most recent call last\)$", text, re.MULTILINE)
    if names:
        return line, text[text.rfind("\n" + names[-1]) + 1 :]
    # no IPython traceback (a cell that timed out): the last line naming an exception
    found = re.findall(r"^[\w.]+: .*$", text, re.MULTILINE)
    return line, found[-1] if found else "no traceback recorded"


def stop(app: Sphinx, cache, failed: list[tuple[str, str]]) -> None:
    """Print one line per failing chapter and exit 1, before any page is written."""
    lines = [
        "",
        f"error: {len(failed)} chapter(s) failed to execute; no pages were written.",
        f"Full tracebacks: {Path(app.outdir) / 'reports'}",
    ]
    for uri, docname in failed:
        traceback = cache.get_project_record(uri).traceback or ""
        report = report_path(app, docname)
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(traceback, encoding="utf-8")
        line, error = failure(traceback, cache.get_project_notebook(uri).nb)
        where = Path(os.path.relpath(uri, app.srcdir)).as_posix()
        lines.append(f"  {where}{f', cell at line {line}' if line else ''}: {error}")
    print("\n".join(lines), file=sys.stderr, flush=True)
    sys.stdout.flush()
    # SystemExit, not an exception: jupyter-book would print a long traceback of
    # its own machinery for an exception, burying the lines that matter.
    raise SystemExit(1)
