"""Reading and writing the project's CSV files safely.

Generated files are written atomically (temporary file in the same folder,
then ``os.replace``), so an interrupted run never leaves half a file, and
deterministically (fixed column order, Unix newlines, no index).
"""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import InputError


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


def read_csv_strings(file: Path) -> pd.DataFrame:
    """Read a CSV with every cell as text, so nothing is silently coerced.

    InputError (naming the file) for a missing, unreadable, non-UTF-8, empty or
    malformed file. A byte-order mark and Windows line endings are accepted.
    """
    try:
        raw = file.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise InputError(f"file is missing or unreadable ({exc.strerror})", file=file) from None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"file is not UTF-8 (bad byte at position {exc.start}); save it as UTF-8", file=file
        ) from None
    if not raw.lstrip(b"\xef\xbb\xbf").strip():
        raise InputError("file is empty (no header row)", file=file)
    try:
        # utf-8-sig drops a byte-order mark; pandas handles CRLF line endings.
        return pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.ParserError as exc:
        raise InputError(f"file is not valid CSV ({exc})", file=file) from None


def finite_float(text: str) -> float | None:
    """The number a CSV cell holds, or None if it is not a finite number."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
