"""No stale numbers: one fingerprint of everything the chapters read.

jupyter-cache keys a notebook on its code cells only and Sphinx re-reads only
pages whose source changed, so an edit to ``data/``, ``seeds/`` or the package
would otherwise leave old numbers on the pages (jupyter-book #1633, MyST-NB #621).

One fingerprint covers all inputs (``INPUT_GLOBS`` under the repository root and
every ``.py`` file of the package the kernels import): every chapter imports the
package and the package reads the seed and the data, so a per-chapter map would
save little and could silently miss a dependency.

Two values are kept beside the cache (``<cache>/minquan-inputs.json``):

- ``cache``: the inputs every entry in the cache was executed with. When today's
  fingerprint differs, every entry is dropped before anything executes, so no
  page can be read from an entry made with other inputs.
- ``pages``: the inputs of the last build that finished. When today's differs,
  every page is read again. It is written only at ``build-finished``, so a build
  that stops half-way (a failing chapter, Ctrl-C) never leaves a page looking fresh.
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

logger = logging.getLogger(__name__)

STATE_FILE = "minquan-inputs.json"
# What chapters depend on, relative to the repository root. Lock files and
# pyproject are in because a new library version can change a number too.
INPUT_GLOBS = ("data/**/*", "seeds/**/*", "pyproject.toml", "requirements*.lock")
# The package this build runs, which is the one its kernels import (same sys.path).
PACKAGE = Path(__file__).resolve().parents[1]


def input_files() -> list[tuple[str, Path]]:
    """Every input file, labelled by a path that does not depend on where the copy lives."""
    found = {}
    for base, prefix, patterns in (
        (locations.root(), "", INPUT_GLOBS),
        (PACKAGE, "package:", ("**/*.py",)),
    ):
        for pattern in patterns:
            for path in base.glob(pattern):
                relative = path.relative_to(base)
                # dot-files are editor backups and in-flight temporary files
                if path.is_file() and not any(p.startswith(".") for p in relative.parts):
                    found[prefix + relative.as_posix()] = path
    return sorted(found.items())


def fingerprint() -> str:
    digest = hashlib.sha256()
    for label, path in input_files():
        digest.update(label.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def state_path(env: BuildEnvironment) -> Path:
    return Path(env.mystnb_config.execution_cache_path) / STATE_FILE


def load_state(path: Path) -> dict:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def write_state(path: Path, state: dict) -> None:
    """Atomically (temporary file, then rename), like analysis.base.io, which
    we do not import: it pulls in pandas, two seconds on every build."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def outdated_docs(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """``env-get-outdated``: drop cache entries and re-read pages made with other inputs."""
    if env.mystnb_config.execution_mode != "cache":
        return []
    current = app.minquan_inputs = fingerprint()
    path = state_path(env)
    state = load_state(path)
    if state.get("cache") != current:
        from jupyter_cache import get_cache

        cache = get_cache(str(path.parent))
        records = cache.list_cache_records()
        for record in records:
            cache.remove_cache(record.pk)
        write_state(path, {**state, "cache": current})
        logger.info("[minquan] inputs changed: %d cache entries dropped", len(records))
    if state.get("pages") == current:
        logger.info("[minquan] inputs unchanged (fingerprint %s)", current[:12])
        return []
    stale = sorted(set(env.found_docs) - set(added))
    if stale:
        logger.info("[minquan] inputs changed: %d page(s) to read again", len(stale))
    return stale


def record_pages(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: every page has now been read with today's inputs."""
    current = getattr(app, "minquan_inputs", None)
    if exception is not None or current is None:
        return
    path = state_path(app.env)
    state = load_state(path)
    if state.get("pages") != current:
        write_state(path, {**state, "pages": current})
