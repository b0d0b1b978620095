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


def test_the_failure_line_comes_from_the_kept_traceback():
    import nbformat

    from analysis.book import execute

    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("f(x)\nraise E")],
        metadata={"source_map": [12, 20]},
    )
    traceback = (
        "Traceback (most recent call last):\n  File ...\n"
        "nbclient.exceptions.CellExecutionError: An error occurred while executing the "
        "following cell:\n------------------\nf(x)\nraise E\n------------------\n\n"
        "\x1b[0;31m-----------\x1b[0m\n"
        "\x1b[0;31mInputError\x1b[0m                Traceback (most recent call last)\n"
        "Cell \x1b[0;32mIn[2], line 2\x1b[0m\n----> 2 raise E\n\n"
        "\x1b[0;31mInputError\x1b[0m: 2 problems:\n  - data/figures.csv, row 3: bad\n  - x.csv: other\n"
    )
    line, error = execute.failure(traceback, notebook)
    assert line == 20
    assert error == "InputError: 2 problems:\n  - data/figures.csv, row 3: bad\n  - x.csv: other"
    timeout = (
        "Traceback (most recent call last):\n  File ...\n"
        "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, "
        "after 300 seconds.\nThe message was: Cell execution timed out.\n"
        "Here is a preview of the cell contents:\n-------------------\n['f(x)']\n"
        "-------------------\n"
    )
    line, error = execute.failure(timeout, notebook)
    assert line is None
    assert error == (
        "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, "
        "after 300 seconds."
    )
    assert execute.failure("", notebook) == (None, "no traceback recorded")
