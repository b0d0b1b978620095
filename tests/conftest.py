"""Shared fixtures: the repository root and one session-scoped build of the book.

The book is built once per test session, from a clean output folder (so every
chapter executes), with the maintainers' flags ``-W -n --keep-going``. Tests
marked ``book`` inspect that build instead of building again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
JUPYTER_BOOK = str(BIN / "jupyter-book")
BUILD_FLAGS = ["-W", "-n", "--keep-going"]


@dataclass
class BookBuild:
    source: Path  # the book's source folder
    output: Path  # the folder holding _build/
    returncode: int
    log: str
    seconds: float

    @property
    def html(self) -> Path:
        return self.output / "_build" / "html"

    @property
    def executed(self) -> Path:
        return self.output / "_build" / "jupyter_execute"


def build_book(
    source: Path, output: Path | None = None, extra_env: dict | None = None, timeout: int = 1800
) -> BookBuild:
    """Run ``jupyter-book build`` on a source folder and capture everything."""
    output = output or source
    env = {**os.environ, **(extra_env or {})}
    env.pop("MPLBACKEND", None)
    command = [JUPYTER_BOOK, "build", str(source), *BUILD_FLAGS]
    if output != source:
        command += ["--path-output", str(output)]
    started = time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=timeout, cwd=source
    )
    seconds = time.perf_counter() - started
    return BookBuild(source, output, result.returncode, result.stdout + result.stderr, seconds)


def copy_repo(destination: Path) -> Path:
    """A working copy of the repository without builds or the virtual environment."""
    ignore = shutil.ignore_patterns(
        "_build",
        ".venv",
        ".git",
        "__pycache__",
        ".pytest_cache",
        ".ruff_cache",
        ".hypothesis",
        "*.egg-info",
    )
    shutil.copytree(ROOT, destination, ignore=ignore)
    return destination


def toc_pages(source: Path) -> list[str]:
    """The book's pages in _toc.yml order (root first), as paths without suffix."""
    import yaml

    toc = yaml.safe_load((source / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]
    for part in toc.get("parts", []):
        names += [entry["file"] for entry in part.get("chapters", [])]
    return names


def glue_outputs(book: BookBuild, chapter: str) -> list[dict]:
    """Glue outputs of a built chapter: from the executed notebook, or from the
    <chapter>.glue.json file myst-nb writes beside it (display=False glues)."""
    import json

    folder = book.executed / "chapters"
    outputs = []
    notebook = folder / f"{chapter}.ipynb"
    if notebook.exists():
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            outputs += cell.get("outputs", [])
    side = folder / f"{chapter}.glue.json"
    if side.exists():
        outputs += list(json.loads(side.read_text(encoding="utf-8")).values())
    return outputs


def pytest_terminal_summary(terminalreporter):
    """Name every browser test that was skipped, under the reason, in one section."""
    by_reason: dict[str, list[str]] = {}
    for report in terminalreporter.stats.get("skipped", []):
        if "browser" in getattr(report, "keywords", {}):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
            by_reason.setdefault(str(reason).removeprefix("Skipped: "), []).append(report.nodeid)
    for reason, tests in by_reason.items():
        terminalreporter.section(f"{len(tests)} browser tests skipped")
        terminalreporter.write_line(reason)
        for test in tests:
            terminalreporter.write_line(f"  {test}")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def book(tmp_path_factory) -> BookBuild:
    """The whole book, built once from clean with the maintainers' flags."""
    output = tmp_path_factory.mktemp("book-output")
    build = build_book(ROOT, output)
    if build.returncode != 0:
        pytest.fail(f"jupyter-book build failed (exit {build.returncode}):\n{build.log[-6000:]}")
    return build


# --- Build reliability (issue 7): building temporary copies with the plain command ---


def copy_env(source: Path) -> dict:
    """Environment under which a build of a copy reads the copy's data *and* package.

    The package is installed editable from the main checkout, so without PYTHONPATH
    the kernels would import the main checkout's ``src/``; MINQUAN_BOOK_ROOT points
    ``analysis.base.locations`` at the copy's data and seed.
    """
    return {"MINQUAN_BOOK_ROOT": str(source), "PYTHONPATH": str(source / "src")}


def build_book_plain(source: Path, extra_env: dict | None = None, timeout: int = 1800) -> BookBuild:
    """The maintainers' plain ``jupyter-book build .``, run inside the source folder."""
    env = {**os.environ, **(extra_env or {})}
    env.pop("MPLBACKEND", None)
    started = time.perf_counter()
    result = subprocess.run(
        [JUPYTER_BOOK, "build", "."],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=source,
    )
    seconds = time.perf_counter() - started
    return BookBuild(source, source, result.returncode, result.stdout + result.stderr, seconds)
