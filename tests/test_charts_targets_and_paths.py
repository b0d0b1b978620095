"""The charts of chapters 3, 6 and 7 say what their captions promise (issue 16 part B).

Each test draws a chart from the book's own records and reads the drawing back:
bars of another year than Minquan's look different from those of its year; equal
targets of two levels stay visible; met and missed years differ in lightness and
shape and each carries its miss; the fan marks only the goals it is given. The chart
standard (``tests/test_chart_standard.py``) checks size, overlap, ticks and labels.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgb

from analysis.charts import bars, distributions, dots, ranges
from analysis.compute import cascade, targets_panel
from analysis.records import lookup


def luminance(colour) -> float:
    r, g, b = to_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_bars_of_another_year_differ_in_lightness_and_are_named_in_a_legend():
    rows = pd.DataFrame({"label": ["Minquan, 2020", "Henan, 2021", "China, 2020", "Sui, 2022"],
                         "record": [lookup.derived("gdp_per_resident_2020")] * 4})  # fmt: skip
    groups = ["same year", "another year", "same year", "another year"]
    fig = bars.hbars(rows, groups=groups)
    ax = fig.axes[0]
    fills = [p.get_facecolor() for p in ax.patches]
    by_group = {
        g: {tuple(f) for f, gg in zip(fills, groups, strict=True) if gg == g} for g in groups
    }
    assert all(len(c) == 1 for c in by_group.values())  # one colour per group
    (same,), (other,) = by_group["same year"], by_group["another year"]
    assert abs(luminance(same[:3]) - luminance(other[:3])) > 0.15
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["same year", "another year"]
    assert list(fig.book_data["group"]) == groups
    plt.close(fig)
    # without groups the chart is as before: one colour, no legend, no group column
    plain = bars.hbars(rows)
    assert plain.axes[0].get_legend() is None and "group" not in plain.book_data
    assert len({tuple(p.get_facecolor()) for p in plain.axes[0].patches}) == 1
    plt.close(plain)


def test_equal_targets_of_two_levels_both_stay_visible():
    levels = cascade.cascade_2021()
    shown = levels[levels["level"] != "Shangqiu"]
    fig = dots.target_cascade(shown, lookup.records(shown.loc[shown["id"] != "", "id"]))
    points = [tuple(xy) for c in fig.axes[0].collections for xy in c.get_offsets()]
    # consumer prices: China, Henan and Minquan all set 3 (data/external, F0405)
    at_three = [p for p in points if p[0] == pytest.approx(3.0)]
    assert len(at_three) == 3 and len({round(y, 3) for _, y in at_three}) == 3
    assert len(points) == len(set(points))  # no dot hides another
    plt.close(fig)


def test_met_and_missed_years_differ_in_lightness_and_shape_and_carry_their_miss():
    panel = targets_panel.load_filtered()
    recent = targets_panel.recent_record()
    fig = distributions.calibration(panel.data["miss_pp"], recent, [])
    top, bottom = fig.axes
    assert top.get_shared_x_axes().joined(top, bottom)  # one scale for both eras
    met, missed = (c for c in bottom.collections if len(c.get_offsets()))
    assert len(met.get_offsets()) == int(recent["met"].sum())
    assert len(missed.get_offsets()) == int((~recent["met"]).sum())
    assert (
        abs(luminance(met.get_facecolor()[0][:3]) - luminance(missed.get_facecolor()[0][:3])) > 0.15
    )
    shapes = [c.get_paths()[0].vertices for c in (met, missed)]
    assert not np.array_equal(*shapes)  # a second cue: the marker's shape
    labels = [t.get_text() for t in bottom.texts]
    assert len(labels) == len(recent) and "\u22123.9" in labels and "0" in labels
    # Henan's 2019 range target (7-7.5%): the miss from its midpoint, named as such
    assert "\u22120.25 (range target; from its midpoint)" in labels
    plt.close(fig)


def test_the_fan_marks_only_the_goals_each_panel_is_given():
    years = np.arange(2020, 2026)
    frame = pd.DataFrame([{"year": y, "quantile": q, "value": 100 + (y - 2020) * (1 + q)}
                          for y in years for q in (0.05, 0.25, 0.5, 0.75, 0.95)])  # fmt: skip
    path = pd.Series(100 + 2 * (years - 2020), index=years)
    goals = {"a, 2025": (2025, 110.0), "b, 2025": (2025, 111.0)}
    fig = ranges.fan({"left": frame, "right": frame}, path, goals, [lookup.figure("F0001")],
                     goals_by_panel={"left": ["a, 2025"], "right": ["b, 2025"]})  # fmt: skip
    marked = [[tuple(c.get_offsets()[0]) for c in ax.collections if isinstance(c, PathCollection)]
              for ax in fig.axes]  # fmt: skip
    # each marker sits at its year (2025, not beside it, where the band is higher), labelled
    assert marked == [[(2025.0, 110.0)], [(2025.0, 111.0)]]
    assert [[t.get_text() for t in ax.texts] for ax in fig.axes] == [["110"], ["111"]]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend[-2:] == ["a, 2025", "b, 2025"]
    plt.close(fig)
