"""Execute the notebooks Sphinx is about to read, in parallel, into myst-nb's cache.

Jupyter Book 1 executes each notebook while Sphinx reads it, one at a time;
most of that time is a kernel starting and importing pandas and matplotlib, so
on a 2-core machine two kernels at once nearly halve it. Just before Sphinx
reads (``env-before-read-docs``) we execute every page that has no cache entry,
one kernel per core, with the same function and settings myst-nb uses
(``jupyter_cache``'s ``single_nb_execution``), and store the results in the same
cache; myst-nb then finds every page there and only renders it.

A failing notebook stops the build before anything is written: each failure is
printed naming the chapter, the line of the failing cell and the error's own
message (our ``InputError`` names file, row, column and record), the full
traceback is kept in ``_build/html/reports/<chapter>.err.log``, and the process
exits with status 1 without a Python traceback of the build machinery.
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.executors.utils import single_nb_execution
from sphinx.application import Sphinx
from sphinx.util import logging

from . import freshness, notebooks, options, warm_kernels

logger = logging.getLogger(__name__)


def report_path(app: Sphinx, docname: str) -> Path:
    # the same place myst-nb writes its execution reports
    return Path(app.outdir).joinpath("reports", *(docname + ".err.log").split("/"))


def _execute(job: tuple[str, Path, nbformat.NotebookNode, dict]):
    docname, path, notebook, settings = job
    # the kernel runs in the chapter's folder, as myst-nb runs it (execution_in_temp: false)
    arguments = dict(
        cwd=str(path.parent),
        timeout=settings["timeout"],
        allow_errors=settings["allow_errors"],
        meta_override=True,
        # every output is in once the last cell replies; a graceful shutdown would
        # then wait (0.3-0.9 s a chapter here) for the kernel to tear down its heap
        shutdown_kernel="immediate",
    )
    warm = settings.get("warm")
    if warm is not None:
        # started while Sphinx was loading (warm_kernels); None if it failed to warm
        result = warm.run(single_nb_execution, notebook, **arguments)
        if result is not None:
            return docname, path, result, "warm kernel"
        logger.info(
            "[minquan] warm kernel for %s failed (%s); starting a new one", docname, warm.problem
        )
    return docname, path, single_nb_execution(notebook, **arguments), "new kernel"


def _failing_line(notebook: nbformat.NotebookNode) -> int | None:
    """The source line of the cell that raised (read_myst_markdown_notebook keeps a map)."""
    source_map = notebook.metadata.get("source_map") or []
    for index, cell in enumerate(notebook.cells):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return source_map[index] if index < len(source_map) else None  # 1-based already
    return None


def _describe(error: BaseException) -> str:
    ename, evalue = getattr(error, "ename", ""), getattr(error, "evalue", "")
    if ename:
        return f"{ename}: {evalue}" if evalue else ename
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0] if lines else ''}"


def execute_missing(app: Sphinx, env, docnames: list[str]) -> None:
    """``env-before-read-docs``: drop stale cache entries, then fill the missing ones."""
    app.minquan_read_docs = list(docnames)
    config = env.mystnb_config
    if config.execution_mode != "cache" or getattr(app, "minquan_fingerprint", None) is None:
        return
    parallel = options.parallel()
    cache = get_cache(config.execution_cache_path)
    state = freshness.load_state(env)
    warm_pool = getattr(app, "minquan_warm", None) or warm_kernels.WarmPool()
    jobs = []
    for docname in docnames:
        found = notebooks.read(env, docname)
        if found is None or notebooks.excluded_from_execution(env, found[0]):
            continue
        path, notebook = found
        if notebooks.has_code(notebook):
            # also when myst-nb executes: a page must never be read from a stale entry
            freshness.drop_if_stale(app, cache, notebook, state)
        if not parallel:
            continue
        try:
            cache.match_cache_notebook(notebook)
            continue
        except KeyError:
            pass
        if not notebooks.has_code(notebook):
            # nothing to run: cache it as is and spare a kernel start
            cache.cache_notebook_bundle(
                CacheBundleIn(notebook, str(path), data={"execution_seconds": 0.0}),
                check_validity=False,
                overwrite=True,
            )
            continue
        settings = {
            "timeout": config.execution_timeout,
            "allow_errors": config.execution_allow_errors,
            "key": freshness.hashkey(cache, notebook),
            "warm": warm_pool.take(
                docname, notebook.metadata.get("kernelspec", {}).get("name", "")
            ),
        }
        jobs.append((docname, path, notebook, settings))
    freshness.save_state(env, state)
    warm_pool.retire_unused()  # kernels warmed for pages that need no run after all
    if not jobs:
        return

    # longest first (as last measured), so the two cores finish together
    jobs.sort(key=lambda job: -state["docs"].get(job[0], {}).get("seconds", 1e9))
    count = min(options.workers(), len(jobs))
    logger.info(
        "[minquan] executing %d notebook(s) on %d core(s): %s",
        len(jobs),
        count,
        ", ".join(job[0] for job in jobs),
    )
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=count) as pool:
        results = list(pool.map(_execute, jobs))

    keys, seconds, failures = [], {}, []
    for (docname, path, result, kernel), job in zip(results, jobs, strict=True):
        report = report_path(app, docname)
        if result.err is None:
            cache.cache_notebook_bundle(
                CacheBundleIn(result.nb, str(path), data={"execution_seconds": result.time}),
                check_validity=False,
                overwrite=True,
            )
            keys.append(job[3]["key"])
            seconds[docname] = result.time
            report.unlink(missing_ok=True)  # an old failure report would mislead
            logger.info("[minquan] executed %s in %.1f s (%s)", docname, result.time, kernel)
        else:
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(result.exc_string or str(result.err), encoding="utf-8")
            failures.append((docname, path, result))
    freshness.record_cache_entries(app, keys, seconds)
    app.minquan_seconds = seconds
    logger.info("[minquan] parallel execution took %.1f s", time.perf_counter() - started)

    if failures and config.execution_raise_on_error:
        _stop(app, failures)
    for docname, _, result in failures:
        # raise_on_error off: myst-nb renders the page without outputs and warns
        logger.warning("[minquan] %s failed: %s", docname, _describe(result.err))


def _stop(app: Sphinx, failures) -> None:
    """Print one clear message per failing chapter and exit 1, writing no pages."""
    source = Path(app.srcdir)
    lines = ["", f"error: {len(failures)} chapter(s) failed to execute; no pages were written."]
    for docname, path, result in failures:
        try:
            where = path.relative_to(source).as_posix()
        except ValueError:
            where = str(path)
        line = _failing_line(result.nb)
        where += f", cell at line {line}" if line else ""
        report = report_path(app, docname)
        lines.append(f"  {where}: {_describe(result.err)}")
        lines.append(f"    full traceback: {report}")
    pool = getattr(app, "minquan_warm", None)
    if pool is not None:
        pool.close()  # no kernel outlives the build
    print("\n".join(lines), file=sys.stderr, flush=True)
    sys.stdout.flush()
    # SystemExit, not an exception: jupyter-book would print a long traceback of
    # its own machinery for an exception, burying the one line that matters.
    raise SystemExit(1)
