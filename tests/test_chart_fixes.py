"""Chart fixes after the first referee round: waterfall connectors clear of the labels,
thousands separators on value axes, round count ticks, cascade rows closed by rules, and
the per-resident chart's value labels clear of the lines behind them."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.charts import bars, dots, style
from analysis.compute import cascade
from analysis.records import lookup

F, D = lookup.figure, lookup.derived


def test_waterfall_connectors_run_only_in_the_gaps_between_bars():
    fig = bars.waterfall(
        [("Tax", F("F0005")), ("Non-tax", D("non_tax_revenue")), ("Gap", D("fiscal_gap"))],
        total_label="Expenditure", total=D("budget_expenditure_2020"),
    )  # fmt: skip
    ax = fig.axes[0]
    for line in ax.lines:
        low, high = sorted(line.get_xdata())
        # bars are 0.6 wide around 0, 1, 2, 3: a connector from bar edge to bar edge, and no
        # bar centre (where the value label stands) under it
        assert high - low == pytest.approx(0.4)
        assert not any(low < centre < high for centre in range(4))
    plt.close(fig)


def test_value_axes_in_thousands_have_separators():
    rows = pd.DataFrame({"label": ["a", "b", "c", "d"],
                         "record": [F(i) for i in ("F0130", "F0131", "F0132", "F0133")]})  # fmt: skip
    fig = bars.hbars(rows, unit=" 元", fmt="{:,.0f}")
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert "1,000" in ticks and "1000" not in ticks  # 5,620 元 is the largest: ticks pass 1,000
    plt.close(fig)


def test_count_ticks_are_round():
    fig, ax = style.figure()
    ax.bar(range(3), [590, 440, 120])  # the escalation histogram's scale
    style.count_axis(ax, "y")
    ticks = [t for t in ax.get_yticks() if 0 <= t <= 600]
    assert ticks == [0, 100, 200, 300, 400, 500, 600]  # not 0, 80, 160, ... 560
    plt.close(fig)


def test_each_cascade_row_after_the_first_is_closed_by_a_rule_above_its_name():
    levels = cascade.cascade_2021()
    shown = levels[levels["level"] != "Shangqiu"]
    fig = dots.target_cascade(shown, lookup.records(shown.loc[shown["id"] != "", "id"]))
    ax = fig.axes[0]
    rules = sorted(line.get_ydata()[0] for line in ax.lines if len(set(line.get_ydata())) == 1
                   and tuple(line.get_xdata()) == (0, 1))  # fmt: skip
    names = sorted(t.get_position()[1] for t in ax.texts if t.get_position()[0] == 0.05)
    assert len(rules) == len(names) - 1 == shown["indicator"].nunique() - 1
    for rule, name in zip(rules, names[1:], strict=True):
        assert rule < name < rule + 0.3  # the rule just above the name: the name opens its row
    plt.close(fig)


def test_bound_labels_round_outward():
    """2016-2020 nominal growth is at most 9.4382% (D031): '≤ 9.5', never '≤ 9.4'."""
    from analysis.charts import lines

    assert lines.bound_label(9.4382, "upper", "{:.1f}", "%") == "≤ 9.5%"
    assert lines.bound_label(48.53, "lower", "{:.0f}") == "≥ 48"
    assert lines.bound_label(432.48, "upper", "{:,.0f}") == "≤ 433"
    assert lines.bound_label(9.44, "", "{:.1f}") == "9.4"
