"""analysis.charts: every builder draws, names its records, and renders without missing glyphs."""

from __future__ import annotations

import io
import warnings

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from analysis.charts import bars, dots, lines, ranges, style
from analysis.records import lookup

F, D = lookup.figure, lookup.derived


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
    "growth_dots": lambda: dots.growth_dots(
        pd.DataFrame({"label": ["存款", "GDP"], "record": [F("F0008"), D("gdp_growth_2016_2020")]})
    ),
    "before_after": lambda: bars.before_after(
        [
            {
                "title": "Electricity",
                "unit": "亿度",
                "before": D("electricity_2019"),
                "after": F("F0011"),
            }
        ],
        before="2019",
        after="2020",
    ),
    "waterfall": lambda: bars.waterfall(
        [("Tax", F("F0005")), ("Other", D("non_tax_revenue"))], "Total", total=F("F0003")
    ),
    "hbars": lambda: bars.hbars(
        pd.DataFrame({"label": ["a", "b"], "record": [F("F0025"), F("F0122")]}),
        unit="%",
        reference=100,
        reference_label="plan",
    ),
    "level_path": lambda: lines.level_path(
        pd.DataFrame(
            [
                ("Deposits", 2015, D("deposits_2015"), None),
                ("Deposits", 2019, D("deposits_2019"), D("deposits_growth_2016_2019")),
                ("Deposits", 2020, F("F0007"), F("F0008")),
            ],
            columns=["series", "year", "record", "pace"],
        ),
        unit="亿元",
    ),
    "change_and_pace": lambda: dots.change_and_pace(
        pd.DataFrame(
            [
                ("GDP", D("gdp_index_2020"), 100, 0, D("gdp_growth_2016_2020")),
                ("收入", F("F0166"), 0, 0, D("income_growth_2016_2020")),
            ],
            columns=["label", "change", "base", "decimals", "pace"],
        )
    ),
    "intervals": lambda: ranges.intervals(
        pd.DataFrame(
            {"label": ["用电"], "low": [F("F0011")], "high": [D("electricity_2020_ceiling")]}
        ),
        unit="亿度",
    ),
    "dots": lambda: dots.dots(
        pd.DataFrame({"label": ["Grain"], "record": [D("grain_2020_jin")]}),
        unit="亿斤",
        reference=F("F0162"),
        reference_label="floor",
    ),
    "stacked_shares": lambda: bars.stacked_shares(
        pd.DataFrame(
            {
                "whole": ["A", "A"],
                "part": ["x", "y"],
                "record": [F("F0127"), D("non_livelihood_expenditure")],
            }
        )
    ),
    "rate_pairs": lambda: dots.rate_pairs(
        pd.DataFrame(
            {"label": ["Deposits"], "a": [F("F0008")], "b": [D("deposits_growth_2016_2020")]}
        ),
        labels=("2020", "2016-2020"),
    ),
}


@pytest.mark.parametrize("name", list(BUILDERS))
def test_builder_names_its_records_and_renders_cleanly(name):
    fig = BUILDERS[name]()
    source = _source(fig)
    assert source, "no source line"
    assert "F0" in source or "D0" in source
    assert _render(fig)[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", ["growth_dots", "waterfall", "level_path"])
def test_builders_are_deterministic(name):
    assert _render(BUILDERS[name]()) == _render(BUILDERS[name]())


def test_bound_labels_carry_their_sign():
    assert style.label(9.44, "upper", unit="%") == "≤ 9.5%"  # a ceiling rounds up
    assert style.label(141.4, "lower") == "≥ 141.4"
    assert style.label(3.0, "exact") == "3.0"
    assert style.label(8.0, "approximate") == "≈ 8.0"


def test_bounds_and_sources_come_from_the_records():
    """Charts take value, bound and source from records: no bound or id typed by a chapter."""
    fig = dots.growth_dots(
        pd.DataFrame({"label": ["GDP", "Income"],
                      "record": [D("gdp_growth_2016_2020"), D("income_growth_2016_2020")]})
    )  # fmt: skip
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == ["≤ 9.5%", "9.3%"]  # D031 = 9.438, a ceiling (近百亿): up
    # the derived values bring the figures they are computed from
    assert _source(fig).endswith("records F0001, F0156, F0166, D031, D033")
    matplotlib.pyplot.close(fig)


def test_a_hedged_figure_is_drawn_open_and_hatched():
    fig = bars.before_after(
        [{"title": "Electricity", "unit": "亿度", "before": D("electricity_2019"),
          "after": F("F0011")}], before="2019", after="2020",
    )  # fmt: skip
    bars_drawn = [p for p in fig.axes[0].patches]
    assert all(p.get_hatch() == "//" for p in bars_drawn)  # 首次突破: both lower bounds
    # 10 / 1.077 = 9.285, a floor at the report's one decimal: rounded down
    assert [t.get_text() for t in fig.axes[0].texts] == ["≥ 9.2", "≥ 10.0"]  # a floor rounds down
    matplotlib.pyplot.close(fig)


def test_spread_keeps_labels_apart_and_in_order():
    placed = style.spread([157, 156, 200], gap=6)
    assert placed[2] == 200
    assert abs(placed[0] - placed[1]) >= 6
    assert placed[1] == 156  # the lowest stays where it is


def test_class_totals_on_stacked_bars_add_up():
    fig = bars.stacked_shares(
        pd.DataFrame({"whole": ["A", "A", "A"], "part": ["x", "y", "z"], "value": [3, 3, 30]}),
        fmt="{:,.0f}",
        cite=[F("F0109")],
    )
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "36" in labels
    matplotlib.pyplot.close(fig)


def test_a_path_between_stated_years_is_dotted_and_labelled_with_its_pace():
    fig = BUILDERS["level_path"]()
    ax = fig.axes[0]
    styles = [line.get_linestyle() for line in ax.get_lines()]
    assert styles == [":", "-"]  # 2015-2019: no data between; 2019-2020: consecutive years
    texts = [t.get_text() for t in ax.texts]
    assert "Deposits: ≥ 141.4" in texts  # 「将近翻了一番」: 2015 is a floor
    assert "≤ 14.4% a year" in texts  # the most the 2016-2019 average can be
    assert "282.8 (+16.8%)" in texts  # the 2020 level with its stated growth
    matplotlib.pyplot.close(fig)


def test_change_and_pace_shows_an_index_as_its_change_with_the_bound():
    fig = BUILDERS["change_and_pace"]()
    change, pace = ([t.get_text() for t in ax.texts] for ax in fig.axes)
    assert change == ["≤ 57%", "56%"]  # 157 (2015 = 100, an upper bound) is a rise of 57%
    assert pace == ["≤ 9.5%", "9.3%"]
    assert list(fig.book_data["value"].round(1)) == [57.0, 56.0, 9.4, 9.3]
    matplotlib.pyplot.close(fig)


def test_named_rate_pairs_label_each_dot_on_its_outer_side_without_a_legend():
    rows = pd.DataFrame([("Deposits", F("F0008"), "2020", D("deposits_growth_2016_2019"),
                          "2016-2019")], columns=["label", "a", "a_label", "b", "b_label"])  # fmt: skip
    fig = dots.rate_pairs(rows)
    ax = fig.axes[0]
    texts = {t.get_text(): t.get_horizontalalignment() for t in ax.texts}
    assert texts == {"2020: 16.8%": "left", "2016-2019: ≤ 14.4%": "right"}
    assert ax.get_legend() is None
    matplotlib.pyplot.close(fig)


def test_a_stacked_legend_reads_in_order_row_by_row():
    parts = ["a", "b", "c", "d", "e"]
    fig = bars.stacked_shares(
        pd.DataFrame({"whole": ["W"] * 5, "part": parts, "value": [1, 2, 3, 4, 5]}),
        cite=[F("F0109")], legend_cols=3,
    )  # fmt: skip
    # matplotlib fills columns first: a, d | b, e | c reads a b c / d e across the rows
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == list("adbec")
    matplotlib.pyplot.close(fig)
