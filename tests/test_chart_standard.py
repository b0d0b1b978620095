"""Every numbered figure of every chapter meets the chart standard (``analysis.charts.standard``).

The figures are collected, not listed: each chapter with a ``fig-…`` cell is run
in this process (its code cells in order, with the Agg backend and glue as a
no-op), and the figure each named cell leaves is checked, five checks each (size,
overlap, ticks, labels, values). A new chapter or chart is held to the standard
without a line changing here.

Charts of chapters that issue 16 part A did not own fail today; each failing
(figure, check) is in ``KNOWN_FAILURES`` with the reason, as a strict xfail: a
chart that is fixed passes, its XPASS fails the run, and it must leave the list.
Part B empties it.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import jupytext
import matplotlib.pyplot as plt
import pytest
import yaml

from analysis.charts import standard, style

matplotlib.rcParams["figure.max_open_warning"] = 100  # every chart of the book is kept open

CHAPTERS = Path(__file__).resolve().parents[1] / "chapters"
CELL_OPTIONS = re.compile(r"^```\{code-cell\}[^\n]*\n---\n(.*?)\n---\n", re.MULTILINE | re.DOTALL)


def figure_names(path: Path) -> list[str]:
    names = []
    for found in CELL_OPTIONS.finditer(path.read_text(encoding="utf-8")):
        options = yaml.safe_load(found.group(1)) or {}
        name = ((options.get("mystnb") or {}).get("figure") or {}).get("name", "")
        if name.startswith("fig-"):
            names.append(name)
    return names


FIGURES = {name: path for path in sorted(CHAPTERS.glob("*.md")) for name in figure_names(path)}

# Part B: every entry names a chart of a chapter part A did not own, and why it fails.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def _no_glue(*args, **kwargs) -> None:
    return None


def run_chapter(path: Path) -> dict[str, object]:
    """Run a chapter's code cells; return the figure each named figure cell leaves."""
    import myst_nb

    notebook = jupytext.read(path)
    namespace: dict = {"__name__": "__chapter__"}
    drawn: dict[str, object] = {}
    saved = myst_nb.glue
    myst_nb.glue = _no_glue
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in notebook.cells:
                if cell.cell_type != "code":
                    continue
                before = set(plt.get_fignums())
                exec(compile(cell.source, f"{path.name}", "exec"), namespace)
                name = ((cell.metadata.get("mystnb") or {}).get("figure") or {}).get("name", "")
                new = [n for n in plt.get_fignums() if n not in before]
                if name.startswith("fig-") and new:
                    drawn[name] = plt.figure(new[-1])
                for number in new[:-1] if name.startswith("fig-") else new:
                    plt.close(number)  # only the figure a named cell leaves is kept
    finally:
        myst_nb.glue = saved
    return drawn


@pytest.fixture(scope="module")
def drawn():
    cache: dict[Path, dict] = {}

    def get(name: str):
        path = FIGURES[name]
        if path not in cache:
            cache[path] = run_chapter(path)
        return cache[path].get(name)

    yield get
    plt.close("all")


def cases():
    for name in FIGURES:
        for check in standard.CHECKS:
            reason = KNOWN_FAILURES.get((name, check))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(name, check, marks=marks, id=f"{name}-{check}")


def test_every_chapter_with_charts_is_found():
    # 18 since the referee's round 1: chapter 2's deposits-and-loans slope chart repeated
    # Table 4, and chapter 4's two wholes are a small table (two numbers a whole); 17 since
    # round 3: chapter 2's two electricity intervals are a sentence (fewer than four values)
    assert len(FIGURES) >= 17, sorted(FIGURES)
    assert "fig-glance-growth" in FIGURES


def test_known_failures_name_existing_figures_and_checks():
    assert all(n in FIGURES and c in standard.CHECKS for n, c in KNOWN_FAILURES)


@pytest.mark.parametrize("name, check", list(cases()))
def test_figure_meets_the_chart_standard(drawn, name, check):
    fig = drawn(name)
    assert fig is not None, f"{name}: its cell drew no figure"
    found = standard.problems(fig, (check,))[check]
    assert found == [], f"{name} ({FIGURES[name].name}), {check}: " + "; ".join(found)


# ---- the checks themselves can fail ---------------------------------------------------


def _chart(**kwargs):
    fig, ax = style.figure(height=3)
    ax.bar(["a", "b", "c", "d"], [1, 2, 3, 4])
    style.add_source(fig, note="probe")
    style.attach_data(fig, __import__("pandas").DataFrame({"value": [1, 2, 3, 4]}))
    return fig, ax


def test_a_clean_chart_passes():
    fig, _ = _chart()
    assert standard.problems(fig) == {c: [] for c in standard.CHECKS}
    plt.close(fig)


def test_small_text_is_caught_at_the_width_it_is_shown():
    fig, ax = _chart()
    ax.set_xlabel("tiny", fontsize=7)
    assert any("'tiny' renders at 7.0 pt" in p for p in standard.check_size(fig))
    plt.close(fig)
    # a figure drawn twice as wide is shown at half its size: 12 pt becomes 6 pt
    wide, ax = style.figure(height=3, width=14)
    ax.set_title("wide", fontsize=12)
    assert any("'wide' renders at 6.0 pt" in p for p in standard.check_size(wide))
    plt.close(wide)


def test_overlapping_texts_and_labels_on_bars_are_caught():
    fig, ax = _chart()
    ax.text(1, 2, "first label", fontsize=10)
    ax.text(1, 2, "second label", fontsize=10)
    found = standard.check_overlap(fig)
    assert any("overlaps" in p for p in found)
    assert any("sits on the data" in p for p in found)
    plt.close(fig)


def test_a_label_inside_a_bar_on_purpose_is_allowed():
    fig, ax = _chart()
    ax.text(3, 2, "in", fontsize=9, ha="center", gid="inside-label")
    assert standard.check_overlap(fig) == []
    plt.close(fig)


def test_fractional_ticks_on_a_count_axis_are_caught():
    fig, ax = style.figure(height=3)
    ax.bar(["a", "b", "c", "d"], [1, 2, 3, 2])
    ax.set_ylabel("Number of checks")
    assert any("has tick 0.5" in p for p in standard.check_ticks(fig))
    style.count_axis(ax, "y")
    assert standard.check_ticks(fig) == []
    plt.close(fig)


def test_raw_codes_are_caught_outside_the_source_line():
    fig, ax = _chart()
    ax.set_title("change_vs_base for F0012 in p1.t3")
    found = " ".join(standard.check_labels(fig))
    assert "snake_case name (change_vs_base)" in found
    assert "record id (F0012)" in found
    assert "section id (p1.t3)" in found
    plt.close(fig)
    sourced, _ = style.figure(height=3)
    style.add_source(sourced, note="records F0001-F0014")
    assert standard.check_labels(sourced) == []
    plt.close(sourced)


def test_charts_of_fewer_than_four_values_or_without_data_are_caught():
    fig, ax = style.figure(height=3)
    ax.bar(["a", "b"], [1, 2])
    assert "keeps no data" in standard.check_values(fig)[0]
    style.attach_data(fig, __import__("pandas").DataFrame({"value": [1.0, 2.0, None]}))
    assert standard.check_values(fig) == [
        "plots 2 values; fewer than 4 belong in a sentence or table"
    ]
    plt.close(fig)
