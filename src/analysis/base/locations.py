"""Where the book's files live.

The package is installed in editable mode from the repository, so the root is
normally two folders above this file. ``MINQUAN_BOOK_ROOT`` overrides it, which
the tests use to point the package at a temporary copy of the repository.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

ENV_VAR = "MINQUAN_BOOK_ROOT"
# three folders above this file: the checkout, when installed editable
_HERE = Path(__file__).resolve().parents[3]


def _looks_like_root(path: Path) -> bool:
    return (path / "_config.yml").is_file() and (path / "seeds").is_dir()


@lru_cache(maxsize=16)
def _resolved(path: str) -> Path:
    return Path(path).resolve()


def root() -> Path:
    """Return the repository root (the folder holding ``_config.yml``).

    Called for every file the package opens (thousands of times in a chapter),
    so path resolution is memoised; the environment variable is read each time.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        return _resolved(override)
    if _looks_like_root(_HERE):
        return _HERE
    for candidate in [Path.cwd(), *Path.cwd().parents]:
        if _looks_like_root(candidate):
            return candidate
    return _HERE


def seeds_dir() -> Path:
    return root() / "seeds"


def data_dir() -> Path:
    return root() / "data"


def chapters_dir() -> Path:
    return root() / "chapters"
