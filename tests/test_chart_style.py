"""The chart style: CJK text renders, output is deterministic, sources are written."""

from __future__ import annotations

import hashlib
import warnings

import matplotlib

matplotlib.use("Agg")

import itertools

import matplotlib.pyplot as plt
import pytest
from matplotlib import font_manager

from analysis.charts import style as plotting
from analysis.records import lookup


def _chinese_chart(path):
    fig, ax = plotting.figure(height=3)
    ax.barh(["生产总值", "一般公共预算收入", "税收收入"], [8.0, -1.8, 3.3])
    ax.set_title("2020年 增长率 −1.8%")
    plotting.zero_line(ax)
    plotting.add_source(fig, [lookup.figure("F0002"), lookup.figure("F0001")])
    plotting.save_png(fig, path)
    plt.close(fig)
    return path.read_bytes()


def test_cjk_font_comes_from_the_installed_package():
    path = plotting.cjk_font_path()
    assert path.name == "NotoSansCJKsc-Regular.otf"
    assert "site-packages" in str(path) or "dist-packages" in str(path)
    names = {f.name for f in font_manager.fontManager.ttflist if f.fname == str(path)}
    assert plotting.CJK_FAMILY in names


def test_latin_font_comes_first():
    family = matplotlib.rcParams["font.family"]
    assert family[0] == plotting.LATIN_FAMILY
    assert plotting.CJK_FAMILY in family


def test_chinese_labels_render_without_missing_glyphs(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _chinese_chart(tmp_path / "chart.png")
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing


def test_a_font_without_cjk_would_be_caught(tmp_path):
    # The check above can fail: with only the Latin font, glyphs go missing.
    latin_only = matplotlib.rc_context({"font.family": [plotting.LATIN_FAMILY]})
    with latin_only, pytest.warns(UserWarning, match="missing from font"):
        _chinese_chart(tmp_path / "latin-only.png")


def test_two_renders_are_byte_identical(tmp_path):
    first = _chinese_chart(tmp_path / "a.png")
    second = _chinese_chart(tmp_path / "b.png")
    assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()


def test_png_has_no_software_or_time_metadata(tmp_path):
    data = _chinese_chart(tmp_path / "c.png")
    assert b"Software" not in data
    assert b"tIME" not in data
    assert b"matplotlib" not in data.lower()


def test_source_line_names_records_sorted_unique_and_in_ranges():
    F = lookup.figure
    text = plotting.source_text([F("F0013"), F("F0012"), F("F0013"), F("F0127")])
    assert text == "Source: Minquan County 2021 Government Work Report; records F0012-F0013, F0127"
    assert plotting.source_text([F("F0001")]).endswith("; record F0001")
    assert plotting.source_text([], sources=["Li et al. (2019)"]) == "Source: Li et al. (2019)"
    assert plotting.source_text() == "Source: Minquan County 2021 Government Work Report"


def test_source_line_brings_the_inputs_of_derived_records_and_names_context_files():
    text = plotting.source_text(
        [lookup.derived("revenue_2019"), lookup.fact("Henan", "GDP growth", "target", "2021")]
    )
    # D001 is computed from F0003 and F0004; the Henan target is a row of the context file
    assert text.startswith("Source: Minquan County 2021 Government Work Report; ")
    assert "; data/external/targets_and_outcomes.csv X028;" in text  # the file, no glob
    assert text.endswith("; records F0003-F0004, D001")


def test_source_line_is_drawn_on_the_figure():
    fig, _ = plotting.figure()
    plotting.add_source(fig, [lookup.figure("F0007")])
    texts = [t.get_text() for t in fig.texts]
    plt.close(fig)
    assert any("record F0007" in t for t in texts)


def test_palette_is_distinct_in_greyscale():
    def luminance(hex_colour):
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    levels = sorted(luminance(c) for c in plotting.SERIES[:4])
    gaps = [b - a for a, b in itertools.pairwise(levels)]
    assert min(gaps) > 0.04, levels


DRAW_COUNT_CELLS = [
    "from analysis.charts import style as plotting\n"
    "from io import BytesIO\n"
    "draws = []\n"
    "def counted(fig):\n"
    "    fig.canvas.mpl_connect('draw_event', lambda event: draws.append(1))\n"
    "    fig.gca().plot([1, 2, 3])\n"
    "    plotting.add_source(fig, note='probe')\n"
    "    return fig",
    # a chart cell, as in the chapters: the inline backend displays it at the end
    "fig = counted(plotting.figure()[0])",
    # what a PNG of the same chart needs on its own (layout pass + render)
    "shown = len(draws)\n"
    "draws.clear()\n"
    "alone = counted(plotting.figure()[0])\n"
    "alone.savefig(BytesIO(), format='png')\n"
    "plotting.plt.close(alone)\n"
    "print(shown, len(draws))",
]


def test_a_chart_cell_is_drawn_only_for_its_png():
    """In a kernel, pyplot's end-of-cell redraw is off: it rendered each new chart in
    full once more before the inline backend rendered the PNG (matplotlib#5800)."""
    import nbclient
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in DRAW_COUNT_CELLS]
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120).execute()
    chart_outputs = notebook.cells[1].outputs
    assert [o.output_type for o in chart_outputs] == ["display_data"]
    assert "image/png" in chart_outputs[0]["data"]  # still displayed, once
    shown, alone = map(int, notebook.cells[2].outputs[0]["text"].split())
    assert alone > 0
    assert shown == alone


def test_source_line_names_each_context_file_without_a_glob():
    text = plotting.source_text(
        [lookup.record("X001"), lookup.record("X101"), lookup.record("C013")]
    )
    assert "*" not in text
    assert "data/external/targets_and_outcomes.csv X001" in text
    assert "data/external/more_targets_and_outcomes.csv X101" in text
    assert "data/external/added_context.csv C013" in text
