"""No stale numbers: re-execute chapters when the inputs they read change.

jupyter-cache keys a notebook on its code cells only and Sphinx re-reads only
pages whose source changed, so without this an edit to ``data/``, ``seeds/`` or
``src/analysis/`` leaves old numbers on the pages (jupyter-book #1633,
MyST-NB #621).

Design choice: one fingerprint for all inputs, not per-chapter dependencies.
Every chapter imports the package, and the package reads the seed and the data
at import or first use, so a per-chapter map would have to be traced at run time
(files opened, modules imported) and would silently go wrong the day a chapter
reads something a new way. A single fingerprint is sound by construction: any
change to any input re-executes every notebook page (in parallel, see
``preexecute``), while an edit to one chapter's text or code re-executes only
that chapter, because its cache key changes and the others' do not.

Two records are kept next to the cache (``<cache>/minquan-freshness.json``):
the fingerprint each *cache entry* was executed with (by jupyter-cache hash
key), and the fingerprint each *page* was last read and written with. They are
separate so that a build stopped half-way (a failing chapter, Ctrl-C) can never
leave a page that looks fresh but was not rebuilt: a page is recorded only at
``build-finished``, after Sphinx wrote it. At the next build a page whose
record differs from today's fingerprint is handed to Sphinx to re-read, and
any cache entry about to be read that was made with other inputs (or before
this extension existed) is dropped, so the page executes again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..base import locations
from . import options

logger = logging.getLogger(__name__)

STATE_FILE = "minquan-freshness.json"

# What chapters depend on, relative to the repository root. Lock files and
# pyproject are in because a new library version can change a number too.
INPUT_GLOBS = (
    "data/**/*",
    "seeds/**/*",
    "src/analysis/**/*.py",
    "pyproject.toml",
    "requirements*.lock",
)


def _files(base: Path) -> list[Path]:
    found = set()
    for pattern in INPUT_GLOBS:
        for path in base.glob(pattern):
            # dot-files are editor backups and io's in-flight temporary files
            if path.is_file() and not any(p.startswith(".") for p in path.relative_to(base).parts):
                found.add(path)
    return sorted(found)


def input_files(source_dir: Path) -> list[tuple[str, Path]]:
    """Every input file, labelled by a path that does not depend on where the copy lives."""
    import analysis

    roots = {Path(source_dir).resolve(), locations.root()}
    labelled = {}
    for index, base in enumerate(sorted(roots)):
        prefix = "" if base == Path(source_dir).resolve() else f"root{index}:"
        for path in _files(base):
            labelled.setdefault(path.resolve(), prefix + path.relative_to(base).as_posix())
    # The package the kernel will import may live elsewhere (editable install,
    # PYTHONPATH): fingerprint the code that actually runs.
    package = Path(analysis.__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        labelled.setdefault(path.resolve(), "package:" + path.relative_to(package).as_posix())
    return sorted(((label, path) for path, label in labelled.items()), key=lambda x: x[0])


def fingerprint(source_dir: Path) -> str:
    digest = hashlib.sha256()
    for label, path in input_files(source_dir):
        digest.update(label.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    digest.update(("MINQUAN_BOOK_ROOT=" + os.environ.get(locations.ENV_VAR, "")).encode())
    return digest.hexdigest()


def cache_path(env: BuildEnvironment) -> Path:
    return Path(env.mystnb_config.execution_cache_path)


def _empty() -> dict:
    return {"docs": {}, "cache": {}}


def load_state(env: BuildEnvironment) -> dict:
    path = cache_path(env) / STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _empty()
    if not (isinstance(state.get("docs"), dict) and isinstance(state.get("cache"), dict)):
        return _empty()
    return state


def write_json_atomic(path: Path, data: dict) -> None:
    """The extension's state files, written atomically like analysis.base.io.write_text_atomic,
    which we do not import: it pulls in pandas, two seconds on every build."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def save_state(env: BuildEnvironment, state: dict) -> None:
    write_json_atomic(cache_path(env) / STATE_FILE, state)


def hashkey(cache, notebook) -> str:
    return cache.create_hashed_notebook(notebook)[1]


def drop_if_stale(app: Sphinx, cache, notebook, state: dict) -> None:
    """Drop the notebook's cache entry unless it was executed with today's inputs."""
    key = hashkey(cache, notebook)
    if state["cache"].get(key) == app.minquan_fingerprint:
        return
    state["cache"].pop(key, None)
    try:
        entry = cache.match_cache_notebook(notebook)
    except KeyError:
        return
    cache.remove_cache(entry.pk)


def record_cache_entries(app: Sphinx, keys: list[str], seconds: dict[str, float]) -> None:
    """These cache entries were just executed with today's inputs."""
    state = load_state(app.env)
    for key in keys:
        state["cache"][key] = app.minquan_fingerprint
    for docname, value in seconds.items():
        state["docs"].setdefault(docname, {})["seconds"] = round(value, 2)
    save_state(app.env, state)


def outdated_docs(app: Sphinx, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: notebook pages last written with other inputs, to re-read."""
    app.minquan_fingerprint = None
    if env.mystnb_config.execution_mode != "cache":
        return []
    current = fingerprint(Path(app.srcdir))
    app.minquan_fingerprint = current
    from . import notebooks  # myst-nb's reader: imported only when needed, see __init__

    state = load_state(env)
    stale = []
    for docname in sorted(env.found_docs):
        if state["docs"].get(docname, {}).get("inputs") == current:
            continue
        found = notebooks.read(env, docname)
        if found is not None and notebooks.has_code(found[1]):
            stale.append(docname)
        else:
            # no code, so no numbers to go stale: remember it, so that a no-op
            # build does not parse this page again (parsing costs ~0.1 s a page)
            state["docs"].setdefault(docname, {})["inputs"] = current
    for docname in stale:
        # forget the inputs, keep the last run time (it orders the parallel queue)
        state["docs"].get(docname, {}).pop("inputs", None)
    save_state(env, state)
    if stale:
        logger.info(
            "[minquan] %d page(s) not built with the current inputs: %s",
            len(stale),
            ", ".join(stale),
        )
    else:
        logger.info("[minquan] inputs unchanged (fingerprint %s)", current[:12])
    return [d for d in stale if d not in added]


def record_read_docs(app: Sphinx, exception) -> None:
    """``build-finished``: the pages read this time were built with today's inputs."""
    current = getattr(app, "minquan_fingerprint", None)
    read = getattr(app, "minquan_read_docs", [])
    if exception is not None or current is None or not read:
        return  # nothing read, nothing to record (and no cache database to open)
    state = load_state(app.env)
    for docname in read:
        state["docs"].setdefault(docname, {})["inputs"] = current
    executed_by_us = bool(getattr(app, "minquan_seconds", None))
    if options.parallel() and not executed_by_us:
        # every entry read was checked by drop_if_stale and is recorded already
        save_state(app.env, state)
        return
    from jupyter_cache import get_cache

    from . import notebooks

    cache = get_cache(str(cache_path(app.env)))
    if not options.parallel():
        for docname in read:
            found = notebooks.read(app.env, docname)
            if found is not None:
                # executed by myst-nb itself during this build: the entry is current
                state["cache"][hashkey(cache, found[1])] = current
    # forget entries jupyter-cache no longer holds
    held = {record.hashkey for record in cache.list_cache_records()}
    state["cache"] = {k: v for k, v in state["cache"].items() if k in held}
    save_state(app.env, state)
