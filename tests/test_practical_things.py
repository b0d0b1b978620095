"""analysis.compute.practical_things: the ten practical things, by hand."""

from __future__ import annotations

import pytest

from analysis.compute import practical_things


def test_ten_things_by_hand():
    things = practical_things.ten_things()
    assert list(things["number"]) == list(range(1, 11))
    # items 1, 3 and 5 name projects without a number
    assert list(things.loc[things["n_quantities"] == 0, "number"]) == [1, 3, 5]
    assert things.loc[1, "text_zh"].startswith("开工建设安置小区")
    assert practical_things.counts()["n_without"] == 3
    # quantities as a reader reads them: thousands separated, the unit as written
    assert "School places added: 3,600 个" in things.loc[5, "quantities"]


def test_quantities_of_different_kinds_are_shown_not_added():
    table = practical_things.side_by_side()
    rows = {r["record"]: (r["quantity"], r["unit"]) for _, r in table.iterrows()}
    assert rows == {
        "F0447": (1, "所"), "F0448": (5, "所"),  # a new kindergarten; rebuilt ones
        "F0454": (30, "座"), "F0455": (48, "座"),  # bridges; weirs and sluices
        "F0035": (352, "处"), "F0451": (210, "座"),  # 5G: sites by 2020; stations in 2021
    }  # fmt: skip
    # every group holds different things (another indicator, or another counting word)
    for _, group in table.groupby("group"):
        assert not group.duplicated(["item", "unit"]).any()
    assert not any(hasattr(practical_things, name) for name in ("ten_things_totals", "totals"))


def test_promises_with_a_base_are_set_against_it():
    table = practical_things.bases().set_index("promise")
    # 408 clinics to upgrade (F0452) of the 529 under county management (F0138)
    assert table.loc["F0452", "share_pct"] == pytest.approx(100 * 408 / 529)
    # 3 resettlement compounds in 2021 after 5 started in 2020
    assert table.loc["F0444", "share_pct"] == pytest.approx(60)


def test_the_table_keeps_the_hedge_and_the_coverage_promises():
    things = practical_things.ten_things().set_index("number")
    assert "1 所以上" in things.loc[7, "quantities"]
    assert "全覆盖" in things.loc[8, "coverage"] and "全覆盖" in things.loc[9, "coverage"]
    assert things["gloss"].str.len().min() > 0
