"""One vocabulary: bounds, qualifiers, statuses; units and conversions; how ids are cited."""

from __future__ import annotations

import pytest

from analysis.compute import growth
from analysis.records import units, vocabulary
from analysis.records.record import cite


def test_four_bounds_and_four_statuses():
    assert vocabulary.BOUNDS == ("exact", "lower", "upper", "approximate")
    assert vocabulary.STATUSES == ("central", "ambition", "illustration", "reference")
    assert set(vocabulary.BOUND_SIGNS) == set(vocabulary.BOUNDS)


def test_every_qualifier_maps_to_a_bound():
    assert {bound for _, bound in vocabulary.QUALIFIERS.values()} <= set(vocabulary.BOUNDS)


@pytest.mark.parametrize(
    "qualifier, bound",
    [("首次突破", "lower"), ("近", "upper"), ("将近", "upper"), ("左右", "approximate"),
     ("达", "exact"), ("", "exact"), ("力争", "exact"), ("翻一番", "exact")],
)  # fmt: skip
def test_hedge_sides_follow_the_words(qualifier, bound):
    assert vocabulary.bound_of(qualifier) == bound


def test_an_unknown_hedge_is_not_taken_for_exact():
    with pytest.raises(KeyError):
        vocabulary.bound_of("大约")


def test_striving_is_an_ambition():
    assert vocabulary.status_of("力争") == "ambition"
    assert vocabulary.status_of("左右") == "central"
    assert vocabulary.status_of("", default="illustration") == "illustration"


@pytest.mark.parametrize(
    "side, increasing, expected",
    [("lower", True, "lower"), ("lower", False, "upper"), ("upper", False, "lower"),
     ("approximate", False, "approximate"), ("exact", False, "exact")],
)  # fmt: skip
def test_propagate_flips_for_decreasing_functions(side, increasing, expected):
    assert vocabulary.propagate(side, increasing) == expected


def test_combine_keeps_a_shared_side_only():
    assert vocabulary.combine("exact", "exact") == "exact"
    assert vocabulary.combine("lower", "exact") == "lower"
    assert vocabulary.combine("lower", "lower") == "lower"
    assert vocabulary.combine("lower", "upper") == "approximate"


def test_conversions_go_through_the_unit_table():
    # 74.5万吨 = 745,000 t = 745,000,000 kg = 1,490,000,000 斤 = 14.9亿斤
    assert units.convert(74.5, "万吨", "亿斤") == pytest.approx(14.9)
    assert units.convert(11.3, "亿元", "万元") == pytest.approx(113_000)
    assert units.convert(1, "吨", "斤") == units.JIN_PER_TONNE == 2000
    assert 1 / units.JIN_KG * units.KG_PER_TONNE == units.JIN_PER_TONNE
    with pytest.raises(ValueError, match="cannot convert"):
        units.convert(1, "亿元", "亿斤")


def test_growth_maths_in_fractions():
    assert growth.previous_level(110, 0.10) == pytest.approx(100)
    assert growth.next_level(100, 0.077) == pytest.approx(107.7)
    assert growth.annualised(1.1**5 - 1, 5) == pytest.approx(0.10)
    assert growth.cagr(175.5, 275.5, 5) == pytest.approx((275.5 / 175.5) ** 0.2 - 1)


def test_ids_are_cited_in_ranges_report_first():
    assert cite(["F0003", "F0001", "F0002", "F0127", "D016", "D001", "D002", "X011"]) == (
        "F0001-F0003, F0127, D001-D002, D016, X011"
    )
    assert cite(["F0001"]) == "F0001"
    assert cite([]) == ""
    with pytest.raises(ValueError):
        cite(["F0001;F0002"])


def test_every_kind_has_a_name_for_readers():
    assert set(vocabulary.KIND_NAMES) == set(vocabulary.KINDS)
    assert all("_" not in name for name in vocabulary.KIND_NAMES.values())
