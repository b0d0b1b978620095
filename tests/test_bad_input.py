"""A catalog of bad input, end to end: the CLI and the plain book build.

Each case breaks one input in a temporary copy and checks that the program
stops with exit status 1, a message that names the place (file, row as a
spreadsheet shows it, column, record id) and no Python traceback, and that
nothing was half-written (generated files and pages stay as they were). A
byte-order mark and Windows line endings are common in files saved from
spreadsheets and are accepted.

The unit-level checks of ``analysis.records.figures`` (every rule, one record at a
time) are in tests/test_check_cli.py; here each kind goes through
``python -m analysis ...`` or ``jupyter-book build .`` as a maintainer runs it.
A cell that raises is also covered by tests/test_failing_chapter.py (with the
maintainers' flags ``-W -n --keep-going``).
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import build_book_plain, copy_env, copy_repo

FIGURES = "data/figures.csv"
SEED = "seeds/minquan-2021-government-work-report.txt"
CONTEXT = "data/external/targets_and_outcomes.csv"
TRACEBACK = "Traceback (most recent call last)"


# --- editing a CSV as a spreadsheet would ------------------------------------------


def _read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def _set(path: Path, record: str, column: str, value: str) -> int:
    """Set one cell; return the row as a spreadsheet shows it (header = row 1)."""
    rows = _read(path)
    col = rows[0].index(column)
    for index, row in enumerate(rows):
        if row[0] == record:
            row[col] = value
            _write(path, rows)
            return index + 1
    raise AssertionError(f"{record} not in {path}")


def _run(source: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **copy_env(source)}
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _assert_clear_failure(result, *places: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert TRACEBACK not in output, output[-3000:]
    for place in places:
        assert place in result.stderr, f"{place!r} not named in:\n{result.stderr[-3000:]}"


def _no_temporary_files(folder: Path) -> None:
    assert [p.name for p in folder.rglob(".*.tmp")] == []


@pytest.fixture
def source(tmp_path) -> Path:
    return copy_repo(tmp_path / "book")


@pytest.fixture
def with_figures(source) -> Path:
    return source


# --- the seed -------------------------------------------------------------------------


def test_seed_missing(source):
    (source / SEED).unlink()
    _assert_clear_failure(_run(source, "sections"), Path(SEED).name, "missing")


def test_seed_altered_fails_its_checksum(source):
    path = source / SEED
    path.write_bytes(path.read_bytes().replace("生产总值".encode(), "生产总额".encode(), 1))
    _assert_clear_failure(_run(source, "sections"), Path(SEED).name, "SHA-256")


# --- data/figures.csv through ``python -m analysis check`` ----------------------------


def _drop_column(name: str) -> Callable[[Path], tuple[str, ...]]:
    def edit(path):
        rows = _read(path)
        col = rows[0].index(name)
        _write(path, [row[:col] + row[col + 1 :] for row in rows])
        return ("figures.csv", name)

    return edit


def _add_column(path):
    rows = _read(path)
    _write(path, [[*rows[0], "colour"]] + [[*row, "red"] for row in rows[1:]])
    return ("figures.csv", "colour")


def _cell(column: str, value: str, record: str = "F0001"):
    def edit(path):
        row = _set(path, record, column, value)
        return ("figures.csv", f"row {row}", f"column '{column}'", record)

    return edit


def _duplicate_id(path):
    rows = _read(path)
    rows[2][0] = rows[1][0]  # the second record takes the first one's id
    _write(path, rows)
    return ("figures.csv", "row 3", rows[1][0])


def _missing(path):
    path.unlink()
    return ("figures.csv",)


def _empty(path):
    path.write_bytes(b"")
    return ("figures.csv",)


BAD_FIGURES = {
    "missing": _missing,
    "empty": _empty,
    "missing column": _drop_column("unit"),
    "extra unknown column": _add_column,
    "non-numeric value": _cell("value", "27O.5"),
    "duplicate id": _duplicate_id,
    "unknown unit": _cell("unit", "furlongs"),
    "unknown kind": _cell("kind", "vibe"),
    "quote not in the seed": _cell("quote", "这句话不在报告里275.5亿元"),
}


@pytest.mark.parametrize("kind", list(BAD_FIGURES))
def test_bad_figures_file_is_refused_naming_the_place(with_figures, kind):
    path = with_figures / FIGURES
    places = BAD_FIGURES[kind](path)
    _assert_clear_failure(_run(with_figures, "check"), *places)


@pytest.mark.parametrize(
    "kind, encode",
    [
        ("byte-order mark", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("Windows line endings", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_spreadsheet_quirks_are_accepted(with_figures, kind, encode):
    path = with_figures / FIGURES
    path.write_bytes(encode(path.read_text(encoding="utf-8")))
    result = _run(with_figures, "check")
    assert result.returncode == 0, f"{kind}: {result.stderr[-3000:]}"


def test_bad_input_leaves_generated_files_untouched(with_figures):
    """``python -m analysis paths`` on bad figures: paths.csv stays as it was, no temp file."""
    generated = with_figures / "data/paths.csv"
    before = generated.read_bytes()
    places = _cell("value", "27O.5")(with_figures / FIGURES)
    _assert_clear_failure(_run(with_figures, "paths"), *places)
    assert generated.read_bytes() == before
    _no_temporary_files(with_figures / "data")


# --- through the plain book build -----------------------------------------------------

PROBE = """
# Probe

```{code-cell} ipython3
:tags: [remove-cell]
from myst_nb import glue

from analysis.records import context, lookup
from analysis.text import report

glue("n_chars", len(report.text()), display=False)
glue("n_targets", len(context.targets()), display=False)
glue("n_figures", len(lookup.figures()), display=False)
```

The report has {glue:text}`n_chars` characters.
"""


@pytest.fixture(scope="module")
def probe_book(tmp_path_factory) -> Path:
    """A copy whose book is one small chapter reading the seed, the context data and figures."""
    source = copy_repo(tmp_path_factory.mktemp("bad-build") / "book")
    header = (source / "chapters/_header.txt").read_text(encoding="utf-8")
    (source / "chapters/zz-probe.md").write_text(header + PROBE, encoding="utf-8")
    (source / "_toc.yml").write_text("format: jb-book\nroot: chapters/zz-probe\n", encoding="utf-8")
    return source


def _break_and_build(source: Path, relative: str, edit: Callable[[Path], tuple[str, ...]]):
    """Break one input, build with the plain command, restore the input."""
    path = source / relative
    original = path.read_bytes()
    try:
        places = edit(path)
        build = build_book_plain(source, copy_env(source))
    finally:
        path.write_bytes(original)
    return build, places


def _assert_build_stopped(build, places) -> None:
    assert build.returncode != 0, build.log[-3000:]
    assert TRACEBACK not in build.log, build.log[-3000:]
    assert "chapters/zz-probe.md" in build.log
    for place in places:
        assert place in build.log, f"{place!r} not named in:\n{build.log[-3000:]}"
    # the page was not written from half the inputs; the traceback is kept for reading
    assert not (build.html / "chapters/zz-probe.html").exists()
    assert (build.html / "reports/chapters/zz-probe.err.log").is_file()


@pytest.mark.slow
def test_build_stops_on_an_altered_seed_naming_chapter_and_file(probe_book):
    def alter(path):
        path.write_bytes(path.read_bytes().replace("生产总值".encode(), "生产总额".encode(), 1))
        return (Path(SEED).name, "SHA-256")

    _assert_build_stopped(*_break_and_build(probe_book, SEED, alter))


@pytest.mark.slow
def test_build_stops_on_a_context_row_without_source(probe_book):
    def no_source(path):
        row = _set(path, "X001", "source", "")
        return (Path(CONTEXT).name, f"row {row}", "column 'source'", "X001")

    _assert_build_stopped(*_break_and_build(probe_book, CONTEXT, no_source))


@pytest.mark.slow
def test_build_stops_on_bad_figures_naming_chapter_and_record(probe_book):
    _assert_build_stopped(*_break_and_build(probe_book, FIGURES, _cell("value", "27O.5")))
