"""Where the book's files live.

The package is installed in editable mode from the repository, so the root is
normally two folders above this file. ``MINQUAN_BOOK_ROOT`` overrides it, which
the tests use to point the package at a temporary copy of the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MINQUAN_BOOK_ROOT"


def _looks_like_root(path: Path) -> bool:
    return (path / "_config.yml").is_file() and (path / "seeds").is_dir()


def root() -> Path:
    """Return the repository root (the folder holding ``_config.yml``)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).resolve()
    here = Path(__file__).resolve().parents[2]
    if _looks_like_root(here):
        return here
    for candidate in [Path.cwd(), *Path.cwd().parents]:
        if _looks_like_root(candidate):
            return candidate
    return here


def seeds_dir() -> Path:
    return root() / "seeds"


def data_dir() -> Path:
    return root() / "data"


def chapters_dir() -> Path:
    return root() / "chapters"
