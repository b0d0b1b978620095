"""Reading and writing the project's CSV files safely.

Generated files are written atomically (temporary file in the same folder,
then ``os.replace``), so an interrupted run never leaves half a file, and
deterministically (fixed column order, Unix newlines, no index).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def write_text_atomic(path: Path, content: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(frame: pd.DataFrame) -> str:
    """The exact text a frame is written as (used to compare with committed files)."""
    return frame.to_csv(index=False, lineterminator="\n")


def write_csv_atomic(frame: pd.DataFrame, path: Path) -> None:
    write_text_atomic(path, csv_text(frame))
