"""Two builds from clean copies are byte-identical where it matters.

Compared: the generated data files (``python -m analysis paths`` / ``derive``),
the chart images of the book (``_build/html/_images``, named by myst-nb after
their content) and every glued value (``_build/jupyter_execute/**/*.glue.json``).
The second build runs with another ``PYTHONHASHSEED`` than the first, in the
kernels too, so output that depends on set or dict ordering of strings shows up.
The first build is the session's build of the book (tests/conftest.py), so this
module costs one extra full build.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_book, copy_env, copy_repo

pytestmark = pytest.mark.slow

GENERATORS = {"paths": "data/paths.csv", "derive": "data/derived.csv"}


def _files(folder: Path, pattern: str) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.glob(pattern))}


def _generate(source: Path, command: str, hash_seed: str) -> bytes | None:
    module = {"paths": "compute/paths", "derive": "compute/derive"}[command]
    if not (source / "src/analysis" / f"{module}.py").exists():
        return None
    env = {**os.environ, **copy_env(source), "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-m", "analysis", command],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return (source / GENERATORS[command]).read_bytes()


@pytest.mark.parametrize("command", list(GENERATORS))
def test_generated_data_files_are_identical_across_runs(tmp_path, command):
    first = copy_repo(tmp_path / "a")
    second = copy_repo(tmp_path / "b")
    a = _generate(first, command, "1")
    if a is None:
        pytest.skip(f"python -m analysis {command} is not in the tree yet")
    b = _generate(second, command, "2")
    assert a == b
    # and equal to the committed file, so a fresh clone regenerates what is in git
    assert a == (Path(__file__).resolve().parents[1] / GENERATORS[command]).read_bytes()


@pytest.fixture(scope="module")
def second_build(tmp_path_factory):
    source = copy_repo(tmp_path_factory.mktemp("determinism") / "book")
    build = build_book(source, extra_env={**copy_env(source), "PYTHONHASHSEED": "12345"})
    assert build.returncode == 0, build.log[-4000:]
    return build


def test_chart_images_are_byte_identical(book, second_build):
    first = _files(book.html / "_images", "*.png")
    second = _files(second_build.html / "_images", "*.png")
    assert first, "the book has no chart images to compare"
    # names are content hashes, so equal names mean equal bytes; compare both anyway
    assert sorted(first) == sorted(second)
    assert first == second


def test_glued_values_are_identical(book, second_build):
    first = _files(book.executed, "**/*.glue.json")
    second = _files(second_build.executed, "**/*.glue.json")
    assert first, "the book glues no values to compare"
    assert sorted(first) == sorted(second)
    for name in first:
        assert first[name] == second[name], f"{name} differs between two clean builds"
