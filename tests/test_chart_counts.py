"""analysis.charts.counts: charts that count, drawn to the standard with their data kept."""

from __future__ import annotations

import matplotlib
import pandas as pd

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from analysis.charts import counts, standard


def _rows():
    return pd.DataFrame({"label": ["Opening", "Review", "Goals", "Work"],
                         "group": ["front", "p1", "p2", "p3"],
                         "characters": [144, 3100, 1350, 4400], "figures": [0, 31, 0, 12]})  # fmt: skip


def test_section_bars_count_in_whole_numbers_with_a_legend_of_groups():
    fig = counts.section_bars(
        _rows(), {"characters": "Length, characters", "figures": "Figures stated"},
        {"front": "Front", "p1": "One", "p2": "Two", "p3": "Three"},
    )  # fmt: skip
    assert standard.problems(fig) == {c: [] for c in standard.CHECKS}
    assert all(getattr(ax.xaxis, "counts_things", False) for ax in fig.axes)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Front", "One", "Two", "Three"]
    assert list(fig.book_data.columns) == ["label", "group", "characters", "figures"]
    plt.close(fig)


def test_along_text_names_the_parts_above_the_plot_not_on_the_bars():
    bins = pd.DataFrame({"start": [0, 250, 500, 750], "end": [250, 500, 750, 1000],
                         "mentions": [9, 3, 0, 12], "figures": [4, 1, 0, 9]})  # fmt: skip
    parts = [("Part one", 0, 500), ("Part two", 500, 960), ("Part four", 960, 1000)]
    fig = counts.along_text(bins, parts, 1000, {"mentions": "Mentions", "figures": "Figures"},
                            ylabel="Number per 250 characters")  # fmt: skip
    assert standard.problems(fig) == {c: [] for c in standard.CHECKS}
    names = {t.get_text(): t.get_horizontalalignment() for t in fig.axes[0].texts}
    assert names == {"Part one": "center", "Part two": "center", "Part four": "right"}
    plt.close(fig)


def test_paired_bars_label_every_count_including_zero():
    rows = pd.DataFrame({"label": ["Level", "Count", "Rank", "Share"], "outcomes": [71, 59, 4, 14],
                         "targets": [17, 29, 0, 1]})  # fmt: skip
    fig = counts.paired_bars(rows, {"outcomes": "Outcomes", "targets": "Targets"}, "Figures")
    assert standard.problems(fig) == {c: [] for c in standard.CHECKS}
    assert [t.get_text() for t in fig.axes[0].texts] == [
        "71",
        "59",
        "4",
        "14",
        "17",
        "29",
        "0",
        "1",
    ]
    plt.close(fig)
