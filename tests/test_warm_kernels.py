"""Which chapters get a warm kernel, and what the warm-up imports.

The builds themselves (a warm kernel runs the edited chapter; a no-op build
warms nothing; the warm-up binds no name) are checked in test_freshness.py.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from analysis.book_ext import warm_kernels as wk

HEADER = """---
jupytext:
  text_representation:
    extension: .md
kernelspec:
  display_name: Python 3
  language: python
  name: {kernel}
---
"""


def page(code: str = "x = 1", prose: str = "Some prose.", kernel: str = "python3") -> str:
    cells = f"```{{code-cell}} ipython3\n{code}\n```\n" if code is not None else ""
    return HEADER.format(kernel=kernel) + f"\n# Title\n\n{prose}\n\n" + cells


def test_code_signature_follows_code_not_prose():
    base = wk.code_signature(page())
    assert base is not None
    assert wk.code_signature(page(prose="Other prose.")) == base
    assert wk.code_signature(page(code="x = 2")) != base
    assert wk.code_signature(page(code=None)) is None


def test_kernel_name_from_the_header():
    assert wk.kernel_name(page(kernel="python3")) == "python3"
    assert wk.kernel_name(page(kernel="ir")) == "ir"
    assert wk.kernel_name("# no header\n") == "python3"


def test_warm_up_modules_are_what_the_chapter_imports():
    code = "\n".join(
        [
            "import pandas as pd, numpy",
            "from myst_nb import glue",
            "from analysis import charts, figures, report  # noqa",
            "from analysis.base import locations",
            "from analysis.figures import load",
            "from analysis import not_a_module",
            "    import scipy  # indented: inside a block, maybe never run",
            "from . import relative",
            "import json",
        ]
    )
    assert wk.warm_up_modules(page(code=code)) == [
        "pandas",
        "numpy",
        "myst_nb",
        "analysis.base",
        "analysis.figures",
        "analysis",
        "json",
    ]


def test_from_import_of_our_package_names_its_submodules():
    modules = wk.warm_up_modules(page(code="from analysis import charts, records"))
    assert modules == ["analysis", "analysis.charts", "analysis.records"]


def test_what_the_code_imports_on_first_use_is_warmed_too():
    code = 'from myst_nb import glue\nglue("k", 1, display=False)\ntable.style.hide(axis="index")'
    modules = wk.warm_up_modules(page(code=code))
    assert modules == ["myst_nb", "myst_nb.ext.glue", "pandas.io.formats.style"]
    assert wk.warm_up_modules(page(code="from myst_nb import glue")) == ["myst_nb"]


@pytest.mark.parametrize("module", [module for _, module in wk.LAZY_IMPORTS])
def test_lazily_imported_modules_exist(module: str):
    # fails if myst-nb or pandas move them: the warm-up would then fail and every
    # chapter fall back to a new kernel
    assert importlib.util.find_spec(module) is not None


def test_toc_files_in_order(tmp_path: Path):
    (tmp_path / "chapters").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "chapters" / f"{name}.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: chapters/a\nparts:\n  - caption: P\n    chapters:\n"
        "      - file: chapters/c.md\n      - file: chapters/b\n      - file: chapters/missing\n",
        encoding="utf-8",
    )
    assert [d for d, _ in wk.toc_files(tmp_path)] == ["chapters/a", "chapters/c", "chapters/b"]


@pytest.fixture
def pages():
    return [("p/prose", page(code=None)), ("p/one", page()), ("p/two", page(code="y = 2"))]


def test_predict_everything_with_code_when_nothing_is_recorded(pages):
    assert wk.predict(pages, {}, "F1") == ["p/one", "p/two"]


def test_predict_nothing_when_code_and_inputs_are_as_recorded(pages):
    record = {d: {"code": wk.code_signature(t), "inputs": "F1"} for d, t in pages}
    assert wk.predict(pages, record, "F1") == []
    # a prose edit runs nothing (jupyter-cache keys on code), so warms nothing
    edited = [(d, t.replace("Some prose.", "Edited.")) for d, t in pages]
    assert wk.predict(edited, record, "F1") == []


def test_predict_the_edited_chapter_or_all_on_new_inputs(pages):
    record = {d: {"code": wk.code_signature(t), "inputs": "F1"} for d, t in pages}
    edited = [(d, t.replace("y = 2", "y = 3")) for d, t in pages]
    assert wk.predict(edited, record, "F1") == ["p/two"]
    assert wk.predict(pages, record, "F2") == ["p/one", "p/two"]


def test_predict_orders_the_longest_first_then_by_name(pages):
    record = {"p/one": {"seconds": 1.0}, "p/two": {"seconds": 9.0}}
    assert wk.predict(pages, record, "F1") == ["p/two", "p/one"]
    # nothing measured yet (a first build): by name, as Sphinx hands pages over
    assert wk.predict(list(reversed(pages)), {}, "F1") == ["p/one", "p/two"]


def test_record_round_trip_and_bad_record(tmp_path: Path):
    assert wk.load_record(tmp_path) == {}
    wk.save_record(tmp_path, {"p/one": {"code": "abc", "inputs": "F1"}})
    assert wk.load_record(tmp_path) == {"p/one": {"code": "abc", "inputs": "F1"}}
    (tmp_path / wk.RECORD_FILE).write_text("not json", encoding="utf-8")
    assert wk.load_record(tmp_path) == {}


def test_a_kernel_that_cannot_start_hands_the_chapter_back(tmp_path: Path):
    kernel = wk.WarmKernel("p/one", tmp_path, "no-such-kernel-xyz", ["json"])
    kernel.start()
    assert kernel.run(lambda **kwargs: "ran") is None  # the caller starts a fresh kernel
    assert "no-such-kernel-xyz" in kernel.problem
    assert kernel.finished.wait(10)


@pytest.mark.slow
def test_a_warm_kernel_runs_the_function_with_its_kernel(tmp_path: Path):
    kernel = wk.WarmKernel("p/one", tmp_path, "python3", ["json"])
    kernel.start()
    seen = {}

    def job(value, km):
        seen["started"] = km.has_kernel
        return value * 2

    assert kernel.run(job, 21) == 42
    assert seen == {"started": True}
    assert kernel.warmed and not kernel.problem
    assert kernel.finished.wait(10)  # shut down after the job


def test_closing_the_pool_retires_a_taken_kernel_whose_job_never_came(tmp_path: Path):
    pool = wk.WarmPool()
    kernel = wk.WarmKernel("p/one", tmp_path, "no-such-kernel-xyz", ["json"])
    pool.kernels["p/one"] = kernel
    kernel.start()
    assert pool.take("p/one", "no-such-kernel-xyz") is kernel
    assert pool.take("p/one", "no-such-kernel-xyz") is None  # one chapter per kernel
    assert pool.retire_unused() == []  # taken: not retired mid-build
    pool.close(wait=10)
    assert kernel.finished.is_set()
