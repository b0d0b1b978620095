"""A chapter whose cell raises must fail the build and the test suite, naming the chapter."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import build_book, copy_repo

pytestmark = pytest.mark.slow

BROKEN = "chapters/99-broken-chapter.md"


def _book_with_broken_chapter(tmp_path):
    source = copy_repo(tmp_path / "book")
    header = (source / "chapters/_header.txt").read_text(encoding="utf-8")
    (source / BROKEN).write_text(
        header + "\n# Broken\n\n```{code-cell} ipython3\nraise ValueError('deliberate')\n```\n",
        encoding="utf-8",
    )
    (source / "_toc.yml").write_text(
        "format: jb-book\nroot: chapters/preface\nchapters:\n  - file: chapters/99-broken-chapter\n",
        encoding="utf-8",
    )
    return source


def test_a_raising_cell_fails_the_build_and_names_the_chapter(tmp_path):
    source = _book_with_broken_chapter(tmp_path)
    build = build_book(source)
    assert build.returncode != 0
    assert "99-broken-chapter" in build.log
    assert "ValueError" in build.log or "deliberate" in build.log
    # one line naming the file, the line of the failing cell and the error
    assert "chapters/99-broken-chapter.md, cell at line 15: ValueError: deliberate" in build.log
    # the traceback is kept where the README says (analysis.book.execute writes it)
    report = source / "_build/html/reports/chapters/99-broken-chapter.err.log"
    assert report.is_file(), build.log[-3000:]
    assert "deliberate" in report.read_text(encoding="utf-8")
    # one clear line, not a traceback of the build machinery
    assert "Traceback (most recent call last)" not in build.log


def test_a_raising_cell_fails_the_test_suite(tmp_path):
    source = _book_with_broken_chapter(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/test_book.py",
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "99-broken-chapter" in output
