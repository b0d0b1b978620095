"""Generated files are written atomically: a failure mid-write leaves the old file whole.

``analysis.base.io.write_text_atomic`` writes a temporary file in the same folder and
renames it over the target. These tests break the write at each step and check
that the previous file is intact byte for byte and that no temporary file is left.
"""

from __future__ import annotations

import io as stdlib_io
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis.base import io

OLD = "id,value\nA,1\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "derived.csv"
    path.write_text(OLD, encoding="utf-8")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "derived.csv")


class _BreaksHalfway(stdlib_io.StringIO):
    """A file handle that writes half of what it is given, then fails (disk full)."""

    def __init__(self, real):
        super().__init__()
        self.real = real

    def write(self, text):
        self.real.write(text[: len(text) // 2])
        self.real.flush()
        raise OSError(28, "No space left on device")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()
        return False


def test_a_failure_mid_write_keeps_the_old_file_and_leaves_no_temporary(target, monkeypatch):
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        io.os, "fdopen", lambda fd, *a, **k: _BreaksHalfway(real_fdopen(fd, *a, **k))
    )
    frame = pd.DataFrame({"id": ["B", "C"], "value": [2, 3]})
    with pytest.raises(OSError, match="No space"):
        io.write_csv_atomic(frame, target)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(target.parent) == []


def test_a_failure_at_the_rename_keeps_the_old_file_and_leaves_no_temporary(target, monkeypatch):
    def refuse(src, dst):
        raise PermissionError("rename refused")

    monkeypatch.setattr(io.os, "replace", refuse)
    with pytest.raises(PermissionError):
        io.write_csv_atomic(pd.DataFrame({"id": ["B"], "value": [2]}), target)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(target.parent) == []


def _interrupt(*args):
    raise KeyboardInterrupt


@pytest.mark.parametrize("step", ["csv_text", "replace"])
def test_an_interrupt_keeps_the_old_file_and_leaves_no_temporary(target, monkeypatch, step):
    """Ctrl-C is a BaseException, not an Exception: it must clean up too."""
    if step == "csv_text":
        monkeypatch.setattr(io, "csv_text", _interrupt)
    else:
        monkeypatch.setattr(io.os, "replace", _interrupt)
    with pytest.raises(KeyboardInterrupt):
        io.write_csv_atomic(pd.DataFrame({"id": ["B"], "value": [2]}), target)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(target.parent) == []


def test_a_successful_write_replaces_the_file_whole(target):
    io.write_csv_atomic(pd.DataFrame({"id": ["B", "C"], "value": [2, 3]}), target)
    assert target.read_bytes() == b"id,value\nB,2\nC,3\n"
    assert _leftovers(target.parent) == []


def test_csv_files_are_written_only_through_analysis_io(repo_root):
    """No module writes a CSV itself (it would not be atomic nor deterministic)."""
    offenders = []
    for path in sorted((repo_root / "src" / "analysis").rglob("*.py")):
        if path.name == "io.py":
            continue  # the one atomic writer
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ".to_csv(" in line:
                offenders.append(f"{path.relative_to(repo_root)}:{number}: {line.strip()}")
    assert offenders == [], "use analysis.base.io.write_csv_atomic:\n" + "\n".join(offenders)
