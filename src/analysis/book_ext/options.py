"""Switches and sizes shared by the extension's modules (cheap to import: the
extension is loaded first, and every import here delays the warm kernels)."""

from __future__ import annotations

import os

PARALLEL_ENV = "MINQUAN_BOOK_PARALLEL"  # "0": leave execution to myst-nb (serial)
WARM_ENV = "MINQUAN_BOOK_WARM"  # "0": no warm kernels


def parallel() -> bool:
    return os.environ.get(PARALLEL_ENV, "1") != "0"


def warm() -> bool:
    return parallel() and os.environ.get(WARM_ENV, "1") != "0"


def workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
