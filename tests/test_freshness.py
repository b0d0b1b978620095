"""No stale numbers: edits to data, seed, package or context data reach the pages.

Builds a temporary copy with the maintainers' plain ``jupyter-book build .``.
The copy's table of contents holds two small probe chapters of our own, so
the test depends neither on the other chapters nor on their speed: one glues a
value read from ``data/figures.csv``, one from ``data/external/``, one from the
seed and one from a module of the package (a probe module the test adds, so the
test does not depend on how the package is laid out); the other glues a constant
and reads no input.
"""

from __future__ import annotations

import sqlite3

import pytest
from bs4 import BeautifulSoup

from analysis.book import freshness
from conftest import build_book_plain, copy_env, copy_repo

pytestmark = pytest.mark.slow

PROBE = """
# Probe

```{code-cell} ipython3
:tags: [remove-cell]
import analysis
import pandas as pd
from myst_nb import glue

from analysis import zz_probe
from analysis.base import locations

figures = pd.read_csv(locations.data_dir() / "figures.csv", dtype=str, keep_default_na=False)
external = pd.read_csv(
    locations.data_dir() / "external" / "targets_and_outcomes.csv", dtype=str, keep_default_na=False
)
glue("probe_figure", figures.set_index("id").loc["F0001", "indicator"], display=False)
glue("probe_external", external.set_index("id").loc["X001", "indicator"], display=False)
glue("probe_package", zz_probe.VALUE, display=False)
glue("probe_src", analysis.__file__, display=False)
seed = (locations.seeds_dir() / "minquan-2021-government-work-report.txt").read_text("utf-8")
glue("probe_seed", seed.splitlines()[0].strip(), display=False)
```

Figure: {glue:text}`probe_figure`. External: {glue:text}`probe_external`.
Package: {glue:text}`probe_package`. Source: {glue:text}`probe_src`. Seed: {glue:text}`probe_seed`.
"""

PROBE_MODULE = 'VALUE = "package-v1"\n'
SEED = "seeds/minquan-2021-government-work-report.txt"

OTHER = """
# Other

```{code-cell} ipython3
:tags: [remove-cell]
from myst_nb import glue

glue("other_value", "other-v1", display=False)
```

Other: {glue:text}`other_value`.
"""

TOC = """format: jb-book
root: chapters/zz-probe
chapters:
  - file: chapters/zz-other
"""


def _replace_once(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} no longer holds {old!r} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _pasted(build, page):
    html = (build.html / f"{page}.html").read_text(encoding="utf-8")
    return [span.get_text() for span in BeautifulSoup(html, "html.parser").select(".pasted-text")]


def _cache_rows(build):
    db = build.output / "_build" / ".jupyter_cache" / "global.db"
    with sqlite3.connect(db) as connection:
        return sorted(connection.execute("SELECT hashkey, created FROM nbcache").fetchall())


class Book:
    """One copy, rebuilt after each edit (builds are cheap once the first one is done)."""

    def __init__(self, source, extra_env=None):
        self.source = source
        self.env = {**copy_env(source), **(extra_env or {})}

    def build(self):
        build = build_book_plain(self.source, self.env)
        assert build.returncode == 0, build.log[-4000:]
        return build


def probe_book(folder, extra_env=None) -> Book:
    source = copy_repo(folder / "book")
    header = (source / "chapters/_header.txt").read_text(encoding="utf-8")
    (source / "chapters/zz-probe.md").write_text(header + PROBE, encoding="utf-8")
    (source / "chapters/zz-other.md").write_text(header + OTHER, encoding="utf-8")
    (source / "_toc.yml").write_text(TOC, encoding="utf-8")
    (source / "src/analysis/zz_probe.py").write_text(PROBE_MODULE, encoding="utf-8")
    book = Book(source, extra_env)
    book.first = book.build()
    return book


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return probe_book(tmp_path_factory.mktemp("fresh"))


def test_first_build_shows_the_copy_inputs_and_runs_the_copy_package(book):
    values = _pasted(book.first, "chapters/zz-probe")
    assert values[:3] == ["GDP", "GDP growth", "package-v1"]
    # the kernel imported the copy's package, not the main checkout's
    assert values[3].startswith(str(book.source / "src" / "analysis"))
    assert values[4] == "民权县十五届人大"
    # executed in parallel before Sphinx read the pages, then read from the cache
    assert "[minquan] executing 2 notebook(s) on 2 core(s)" in book.first.log
    assert "Executing notebook" not in book.first.log


def test_a_no_op_rebuild_executes_nothing(book):
    before = _cache_rows(book.first)
    build = book.build()
    assert "Executing notebook" not in build.log
    assert "[minquan] executing" not in build.log
    assert "inputs unchanged" in build.log
    assert _cache_rows(build) == before


def test_a_data_edit_reaches_the_page(book):
    _replace_once(
        book.source / "data/figures.csv", "F0001,p1.head,GDP,", "F0001,p1.head,GDP (edited),"
    )
    build = book.build()
    assert _pasted(build, "chapters/zz-probe")[0] == "GDP (edited)"


def test_a_package_edit_reaches_the_page(book):
    _replace_once(book.source / "src/analysis/zz_probe.py", "package-v1", "package-v2")
    build = book.build()
    assert _pasted(build, "chapters/zz-probe")[2] == "package-v2"


def test_a_seed_edit_reaches_the_page(book):
    seed = book.source / SEED
    seed.write_text("Seed (edited)\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    build = book.build()
    assert _pasted(build, "chapters/zz-probe")[4] == "Seed (edited)"


def test_a_context_data_edit_reaches_the_page(book):
    _replace_once(
        book.source / "data/external/targets_and_outcomes.csv",
        "X001,China,national,2021,GDP growth,",
        "X001,China,national,2021,GDP growth (edited),",
    )
    build = book.build()
    assert _pasted(build, "chapters/zz-probe")[1] == "GDP growth (edited)"


def test_editing_one_chapter_executes_only_that_chapter(book):
    _replace_once(book.source / "chapters/zz-other.md", '"other-v1"', '"other-v2"')
    build = book.build()
    assert "executed chapters/zz-other in" in build.log
    assert _pasted(build, "chapters/zz-other") == ["other-v2"]
    executing = [line for line in build.log.splitlines() if "[minquan] executing" in line]
    assert executing == ["[minquan] executing 1 notebook(s) on 1 core(s): chapters/zz-other"]
    assert "zz-probe.md: Executing notebook" not in build.log


def test_a_failed_build_leaves_no_page_looking_fresh(book):
    """A data edit, then a chapter fails: once it is fixed, every page shows the new data."""
    other = book.source / "chapters/zz-other.md"
    original = other.read_text(encoding="utf-8")
    _replace_once(
        other, 'glue("other_value"', 'raise RuntimeError("on purpose")\nglue("other_value"'
    )
    _replace_once(book.source / "data/figures.csv", ",GDP (edited),", ",GDP (edited twice),")
    failed = build_book_plain(book.source, book.env)
    assert failed.returncode == 1, failed.log[-3000:]
    assert "chapters/zz-other.md" in failed.log
    other.write_text(original, encoding="utf-8")
    build = book.build()
    assert _pasted(build, "chapters/zz-probe")[0] == "GDP (edited twice)"
    # the probe's successful run in the failed build was kept, not repeated
    executing = [line for line in build.log.splitlines() if "[minquan] executing" in line]
    assert executing == ["[minquan] executing 1 notebook(s) on 1 core(s): chapters/zz-other"]


def test_serial_execution_by_myst_nb_is_kept_fresh_too(tmp_path):
    """MINQUAN_BOOK_PARALLEL=0: myst-nb executes, the fingerprint still guards the cache."""
    serial = probe_book(tmp_path, {"MINQUAN_BOOK_PARALLEL": "0"})
    assert "[minquan] executing" not in serial.first.log
    assert "zz-probe.md: Executing notebook" in serial.first.log
    again = serial.build()
    assert "Executing notebook" not in again.log
    _replace_once(
        serial.source / "data/figures.csv", "F0001,p1.head,GDP,", "F0001,p1.head,GDP (serial edit),"
    )
    edited = serial.build()
    assert _pasted(edited, "chapters/zz-probe")[0] == "GDP (serial edit)"
    assert "zz-other.md: Executing notebook" in edited.log  # every code page, new inputs
    assert "Executing notebook" not in serial.build().log


# --- the fingerprint and the state file, without a build ---------------------------------


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A small repository root the fingerprint reads (MINQUAN_BOOK_ROOT)."""
    for relative in (
        "_config.yml",
        "data/figures.csv",
        "data/external/context.csv",
        "data/.figures.csv.tmp",
        "seeds/report.txt",
        "pyproject.toml",
        "requirements.lock",
        "requirements-dev.lock",
        "chapters/01.md",
    ):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(f"{relative} v1\n", encoding="utf-8")
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    return tmp_path


def test_the_fingerprint_covers_data_seed_package_and_environment(tree):
    labels = [label for label, _ in freshness.input_files()]
    assert [label for label in labels if not label.startswith("package:")] == [
        "data/external/context.csv",
        "data/figures.csv",
        "pyproject.toml",
        "requirements-dev.lock",
        "requirements.lock",
        "seeds/report.txt",
    ]  # no dot-files (temporary files, editor backups), no chapters (Sphinx sees those)
    assert "package:book/freshness.py" in labels
    assert "package:base/locations.py" in labels


@pytest.mark.parametrize(
    "relative", ["data/external/context.csv", "seeds/report.txt", "requirements.lock"]
)
def test_an_edit_to_any_input_changes_the_fingerprint(tree, relative):
    before = freshness.fingerprint()
    (tree / relative).write_text("edited\n", encoding="utf-8")
    assert freshness.fingerprint() != before


def test_an_edit_outside_the_inputs_keeps_the_fingerprint(tree):
    before = freshness.fingerprint()
    (tree / "chapters/01.md").write_text("edited\n", encoding="utf-8")
    (tree / "data/.figures.csv.tmp").write_text("half-written\n", encoding="utf-8")
    assert freshness.fingerprint() == before


def test_the_state_file_is_written_atomically(tmp_path, monkeypatch):
    path = tmp_path / freshness.STATE_FILE
    freshness.write_state(path, {"cache": "a", "pages": "a"})
    old = path.read_bytes()

    def refuse(src, dst):
        raise KeyboardInterrupt  # Ctrl-C at the worst moment

    monkeypatch.setattr(freshness.os, "replace", refuse)
    with pytest.raises(KeyboardInterrupt):
        freshness.write_state(path, {"cache": "b", "pages": "b"})
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == [freshness.STATE_FILE]
    assert freshness.load_state(path) == {"cache": "a", "pages": "a"}


def test_an_unreadable_state_file_counts_as_no_state(tmp_path):
    path = tmp_path / freshness.STATE_FILE
    path.write_text("{half", encoding="utf-8")
    assert freshness.load_state(path) == {}
    assert freshness.load_state(tmp_path / "missing.json") == {}
