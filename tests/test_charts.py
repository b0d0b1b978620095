"""analysis.charts: every builder draws, names its records, and renders without missing glyphs."""

from __future__ import annotations

import io
import warnings

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from analysis import charts


def _source(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts if t.get_text().startswith("Source:"))


def _render(fig) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph … missing" warning fails the test
        fig.savefig(buffer, format="png")
    matplotlib.pyplot.close(fig)
    return buffer.getvalue()


BUILDERS = {
    "growth_dots": lambda: charts.growth_dots(
        pd.DataFrame({"label": ["存款", "GDP"], "value": [16.8, -1.0], "bound": ["", "upper"]}),
        ["F0008", "D031"],
    ),
    "before_after": lambda: charts.before_after(
        [
            {
                "title": "Revenue",
                "unit": "亿元",
                "before": 10.87,
                "after": 11.3,
                "before_bound": "lower",
            }
        ],
        ["F0003", "D001"],
        before="2019",
        after="2020",
    ),
    "waterfall": lambda: charts.waterfall([("Tax", 7.9), ("Other", 3.4)], "Total", ["F0005"]),
    "hbars": lambda: charts.hbars(
        pd.DataFrame({"label": ["a", "b"], "value": [105.4, 169.6]}),
        ["F0025"],
        unit="%",
        reference=100,
        reference_label="plan",
    ),
    "index_chart": lambda: charts.index_chart(
        pd.DataFrame(
            {
                "label": ["GDP", "Loans", "Deposits"],
                "value": [157, 200, 200],
                "bound": ["upper"] * 3,
            }
        ),
        ["D032"],
    ),
    "level_path": lambda: charts.level_path(
        pd.DataFrame(
            [("Deposits", 2015, 141.4, "lower"), ("Deposits", 2020, 282.8, "")],
            columns=["series", "year", "value", "bound"],
        ),
        ["D036"],
        unit="亿元",
    ),
    "intervals": lambda: charts.intervals(
        pd.DataFrame({"label": ["用电"], "low": [10.0], "high": [10.77]}), ["D006"], unit="亿度"
    ),
    "dots": lambda: charts.dots(
        pd.DataFrame({"label": ["Grain"], "value": [14.9]}),
        ["D046"],
        unit="亿斤",
        reference=14.8,
        reference_label="floor",
    ),
    "stacked_shares": lambda: charts.stacked_shares(
        pd.DataFrame({"whole": ["A", "A"], "part": ["x", "y"], "value": [43.7, 5.5]}), ["F0127"]
    ),
    "rate_pairs": lambda: charts.rate_pairs(
        pd.DataFrame({"label": ["Deposits"], "a": [16.8], "b": [14.87], "b_bound": ["upper"]}),
        ["F0008", "D037"],
        labels=("2020", "2016-2020"),
    ),
    "verdict_bars": lambda: charts.verdict_bars({"consistent": 3, "inconsistent": 0}, ["A01"]),
}


@pytest.mark.parametrize("name", list(BUILDERS))
def test_builder_names_its_records_and_renders_cleanly(name):
    fig = BUILDERS[name]()
    source = _source(fig)
    assert source, "no source line"
    assert "F0" in source or "D0" in source or "A01" in source
    assert _render(fig)[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", ["growth_dots", "waterfall", "index_chart"])
def test_builders_are_deterministic(name):
    assert _render(BUILDERS[name]()) == _render(BUILDERS[name]())


def test_bound_labels_carry_their_sign():
    assert charts.label(9.44, "upper", unit="%") == "≤ 9.4%"
    assert charts.label(141.4, "lower") == "≥ 141.4"
    assert charts.label(3.0, "") == "3.0"


def test_spread_keeps_labels_apart_and_in_order():
    placed = charts.spread([157, 156, 200], gap=6)
    assert placed[2] == 200
    assert abs(placed[0] - placed[1]) >= 6
    assert placed[1] == 156  # the lowest stays where it is


def test_class_totals_on_stacked_bars_add_up():
    fig = charts.stacked_shares(
        pd.DataFrame({"whole": ["A", "A", "A"], "part": ["x", "y", "z"], "value": [3, 3, 30]}),
        ["F0109"],
        fmt="{:,.0f}",
    )
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "36" in labels
    matplotlib.pyplot.close(fig)
