"""Chapter 1's counts: by section, by part, by kind, and along the text."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.compute import inventory
from analysis.text import report
from analysis.text.scan import Mention


def _figs(rows):
    return pd.DataFrame(rows, columns=["id", "section", "kind", "quote_offset"])


SAMPLE = _figs(
    [
        ("F1", "p1.head", "level", 354),
        ("F2", "p1.head", "growth_rate", 368),
        ("F3", "p1.t2", "count", 1400),
        ("F4", "p3.targets", "target_growth", 10800),
    ]
)


def test_counts_by_section_cover_every_leaf_and_every_figure():
    table = inventory.counts_by_section(SAMPLE)
    assert list(table["id"]) == [s.id for s in report.leaves()]
    counts = dict(zip(table["id"], table["figures"], strict=True))
    assert counts["p1.head"] == 2 and counts["p1.t2"] == 1 and counts["p3.targets"] == 1
    assert counts["p2.goals"] == 0
    head = table.set_index("id").loc["p1.head"]
    assert head["per_1000_chars"] == pytest.approx(2000 / report.section("p1.head").length)


def test_counts_by_part_shares():
    table = inventory.counts_by_part(SAMPLE).set_index("part")
    assert table.loc["p1", "figures"] == 3 and table.loc["p3", "figures"] == 1
    assert table["share_of_figures"].sum() == pytest.approx(100)
    assert table["share_of_text"].sum() == pytest.approx(100)


def test_kinds_by_part_is_a_crosstab_in_report_order():
    table = inventory.kinds_by_part(SAMPLE)
    assert list(table.index) == ["p1", "p3"]
    assert table.loc["p1", "level"] == 1 and table.loc["p3", "target_growth"] == 1
    assert int(table.to_numpy().sum()) == len(SAMPLE)


def test_density_bins_mentions_and_quotes():
    mentions = [Mention(5, 6, "1", 1.0, "arabic"), Mention(260, 262, "12", 12.0, "arabic")]
    figs = _figs([("F1", "front", "level", 10), ("F2", "front", "level", 499)])
    dense = inventory.density(600, mentions, figs, bin_size=250)
    assert list(dense["start"]) == [0, 250, 500]
    assert list(dense["end"]) == [250, 500, 600]
    assert list(dense["mentions"]) == [1, 1, 0]
    assert list(dense["figures"]) == [1, 1, 0]


def test_density_rejects_a_bad_bin_size():
    with pytest.raises(ValueError, match="bin_size"):
        inventory.density(100, [], _figs([]), bin_size=0)


def test_folded_sections_sum_the_ten_items_into_one_row():
    figs = _figs([("F1", "p3.ten.2", "target_count", 19530), ("F2", "p3.ten.10", "target_count", 19780),
                  ("F3", "p1.t2", "count", 1400)])  # fmt: skip
    full, folded = inventory.counts_by_section(figs), inventory.folded_sections(figs)
    assert len(folded) == len(full) - 10  # p3.ten and its ten items become one row
    ten = folded.set_index("id").loc["p3.ten"]
    assert ten["figures"] == 2 and ten["sections"] == 11
    assert ten["characters"] == report.section("p3.ten.10").end - report.section("p3.ten").start
    assert folded["characters"].sum() == full["characters"].sum()
    assert folded.set_index("id").loc["p1.t2", "figures"] == 1


def test_forms_put_targets_beside_the_outcomes_of_the_same_form():
    figs = _figs([("F1", "p1.head", "level", 1), ("F2", "p3.targets", "target_level", 2),
                  ("F3", "p3.targets", "target_growth", 3), ("F4", "p1.t2", "level", 4),
                  ("F5", "p1.t2", "rank", 5)])  # fmt: skip
    forms = inventory.forms_by_aim(figs).set_index("form")
    assert list(forms.index) == ["level", "rank", "growth_rate"]  # most, then most outcomes
    assert forms.loc["level", "outcomes"] == 2 and forms.loc["level", "targets"] == 1
    assert forms.loc["growth_rate", "outcomes"] == 0 and forms.loc["growth_rate", "targets"] == 1
    assert forms.loc["rank", "name"] == "Rank"


def test_kinds_table_counts_each_kind_with_its_first_figure_as_example():
    figs = _figs([("F2", "p1.head", "level", 50), ("F1", "p1.head", "level", 90),
                  ("F3", "p3.targets", "target_growth", 10800)])  # fmt: skip
    table = inventory.kinds_table(figs).set_index("kind")
    assert list(table.index) == ["level", "target_growth"]
    assert table.loc["level", "figures"] == 2 and table.loc["level", "example"] == "F2"
    assert table.loc["target_growth", "name"] == "Target growth rate"
    assert "" not in set(table["meaning"])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("GDP increase", "提高", 100, "亿元", "近"), "GDP increase, 提高: nearly 100 亿元 (近)"),
        (
            ("Enterprises upgraded (三大改造)", "改造规模以上工业企业", 15, "家", "以上"),
            "Enterprises upgraded (三大改造), 改造规模以上工业企业: 15 家 or more (以上)",
        ),
        (("Coverage", "覆盖率", 100, "%", "力争"), "Coverage, 覆盖率: strive for 100% (力争)"),
        (("Rank", "综合排序", 8, "位次", ""), "Rank, 综合排序: 8th (位次)"),
        (("Rank", "排序", 1, "位次", ""), "Rank, 排序: 1st (位次)"),
    ],
)
def test_an_example_puts_the_hedge_in_english_beside_the_number(args, expected):
    assert inventory.example_text(*args) == expected


def test_mentions_that_state_two_figures_explain_the_gap_in_counts():
    from types import SimpleNamespace as E

    ledger = [E(status="used", used_by=("F1", "F2")), E(status="used", used_by=("F3",)),
              E(status="used", used_by=("F3",)), E(status="excluded", used_by=())]  # fmt: skip
    counts = inventory.mentions_and_figures(ledger)
    # 3 used mentions, 3 figures: one mention states two, one figure uses two mentions
    assert counts == {
        "shared_mentions": 1,
        "figures_from_shared": 2,
        "figures_with_two_mentions": 1,
    }
