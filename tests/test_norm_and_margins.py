"""The declining norm, the county margins and the realized floor, by hand from the sources'
numbers (Henan's targets 7, 7, 6, 5.5, 5.5; the IMF's 3.8 and 2.8; Shangqiu's targets)."""

from __future__ import annotations

import itertools

import pytest

from analysis.compute import scenarios


def test_the_norm_declines_by_the_imf_fall_after_2025():
    norms, ids = scenarios.norm_path()
    assert len(norms) == 15  # 2021-2035
    assert norms[:5] == pytest.approx((7.0, 7.0, 6.0, 5.5, 5.5))
    # 3.8 - 2.8 = one point over ten years: 5.4 in 2026, 4.5 in 2035
    assert norms[5] == pytest.approx(5.4) and norms[-1] == pytest.approx(4.5)
    assert all(later < earlier for earlier, later in itertools.pairwise(norms[4:]))
    assert {"C100", "C101"} <= set(ids)
    held, held_ids = scenarios.norm_path(declining=False)
    assert held[5:] == pytest.approx((5.5,) * 10) and "C100" not in held_ids


def test_henan_expected_is_realized_then_the_norm_plus_the_centre():
    path = scenarios.henan_expected(-0.5)
    assert path[:5] == pytest.approx((6.3, 3.1, 4.1, 5.1, 5.6))
    assert path[5] == pytest.approx(5.4 - 0.5) and path[-1] == pytest.approx(4.5 - 0.5)


def test_county_margins_by_hand():
    margins = {k: v for k, (v, _) in scenarios.county_margins().items()}
    assert margins["none"] == 0.0
    assert margins["sq_2019_realized"] == pytest.approx(7.4 - 7.0)
    assert margins["sq_2025_target"] == pytest.approx(6.5 - 5.5)
    assert margins["sq_2023_target"] == pytest.approx(7.5 - 6.0)
    assert scenarios.MARGIN == "sq_2025_target"


def test_average_rate_compounds():
    records = scenarios.realized_growth("Henan")
    expected = (1.063 * 1.031 * 1.041 * 1.051 * 1.056) ** 0.2 - 1
    assert scenarios.average_rate(records) == pytest.approx(expected)
