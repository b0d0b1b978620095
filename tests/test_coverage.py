"""The coverage ledger on synthetic texts, and on the repository's data."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.base.errors import InputError
from analysis.records import coverage

TEXT = "2020年，生产总值完成275.5亿元，增长3.1%，做好“六稳”工作。"
# offsets by hand: 2020 at 0, 275.5 at 12, 增长 at 20, 3.1% at 22, 六 at 30
FIG_COLS = ["id", "value", "quote", "quote_offset"]


def figs(*rows):
    return pd.DataFrame(
        [dict(zip(FIG_COLS, r, strict=True)) for r in rows], columns=FIG_COLS, dtype=str
    )


def excl(*rows):
    return pd.DataFrame(
        [dict(zip(coverage.EXCLUDED_COLUMNS, [*r, ""], strict=True)) for r in rows],
        columns=coverage.EXCLUDED_COLUMNS,
        dtype=str,
    )


GOOD_FIGS = figs(("F1", "275.5", "生产总值完成275.5亿元", "6"), ("F2", "3.1", "增长3.1%", "20"))
GOOD_EXCL = excl(("0", "2020", "", "date"), ("30", "六", "", "slogan"))


def statuses(entries):
    return {(e.mention.start, e.mention.text): e.status for e in entries}


def test_complete_ledger_passes():
    entries = coverage.check(TEXT, GOOD_FIGS, GOOD_EXCL)
    assert statuses(entries) == {
        (0, "2020"): "excluded",
        (12, "275.5"): "used",
        (22, "3.1%"): "used",
        (30, "六"): "excluded",
    }


def test_uncovered_mention_is_reported():
    with pytest.raises(InputError) as info:
        coverage.check(TEXT, GOOD_FIGS, excl(("0", "2020", "", "date")))
    (p,) = info.value.problems
    assert "'六' at offset 30" in p.message and "neither" in p.message


def test_value_must_match_for_use():
    # the quote contains 275.5 but the row says 275: not used, so uncovered
    wrong = figs(("F1", "275", "生产总值完成275.5亿元", "6"), ("F2", "3.1", "增长3.1%", "20"))
    with pytest.raises(InputError, match=re.escape("'275.5' at offset 12")):
        coverage.check(TEXT, wrong, GOOD_EXCL)


def test_double_counted_mention_is_reported():
    double = excl(
        ("0", "2020", "", "date"), ("30", "六", "", "slogan"), ("12", "275.5", "", "other")
    )
    with pytest.raises(InputError) as info:
        coverage.check(TEXT, GOOD_FIGS, double)
    (p,) = [p for p in info.value.problems if "both" in p.message]
    assert p.row == 4 and "F1" in p.message


def test_exclusion_decides_between_equal_values_in_one_quote():
    # "3亿元以上项目3个": the first 3 is a size threshold, the second the count.
    text = "其中3亿元以上项目3个。"
    row = figs(("F9", "3", "3亿元以上项目3个", "2"))
    entries = coverage.check(text, row, excl(("2", "3", "", "threshold")))
    assert statuses(entries) == {(2, "3"): "excluded", (9, "3"): "used"}
    assert [e.used_by for e in entries] == [(), ("F9",)]
    # Excluding both leaves the row without its number: a conflict, not a pass.
    with pytest.raises(InputError, match="both used"):
        coverage.check(text, row, excl(("2", "3", "", "threshold"), ("9", "3", "", "other")))


def test_stale_exclusion_is_reported():
    stale = excl(("0", "2020", "", "date"), ("30", "六", "", "slogan"), ("31", "稳", "", "slogan"))
    with pytest.raises(InputError) as info:
        coverage.check(TEXT, GOOD_FIGS, stale)
    (p,) = info.value.problems
    assert p.row == 4 and "stale" in p.message


def test_unknown_reason_is_reported():
    bad = excl(("0", "2020", "", "when"), ("30", "六", "", "slogan"))
    with pytest.raises(InputError) as info:
        coverage.check(TEXT, GOOD_FIGS, bad)
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "reason")]


def test_reasons_are_documented():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "data" / "README.md").read_text(
        encoding="utf-8"
    )
    for reason in coverage.REASONS:
        assert f"`{reason}`" in readme, reason


def test_repository_ledger_is_complete():
    """Every number in the seed is used by data/figures.csv or excluded.

    Fails, listing what is missing, until the curators have finished.
    """
    entries = coverage.check()
    assert entries and all(e.status in ("used", "excluded") for e in entries)


def test_reason_table_counts_and_explains_each_reason():
    table = coverage.reason_table(
        excl(("0", "2020", "", "date"), ("5", "2021", "", "date"), ("30", "六", "", "slogan"))
    )
    assert list(table.index) == ["date", "slogan"]
    assert list(table["mentions"]) == [2, 1]
    assert table.loc["slogan", "meaning"] == coverage.REASONS["slogan"]
