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
    assert scenarios.MARGIN == "sq_2025_target_passed"


def test_the_central_margin_is_the_pass_through_times_the_target_margin():
    """β × (Shangqiu's 6.5% minus Henan's 5.5% in 2025), β from the restricted regression
    fitted by statsmodels (the model's own β is a numpy fit of the same equation)."""
    from analysis.compute import panel_regression, targets_panel

    fitted = panel_regression.regress_restricted(targets_panel.load_filtered().data)
    beta = float(fitted.params[panel_regression.RESTRICTED_TERM])
    assert round(beta, 2) == 0.60  # the chapter's 0.60
    points, ids = scenarios.county_margins()[scenarios.MARGIN]
    assert points == pytest.approx(beta * (6.5 - 5.5))
    assert set(ids) == {"X053", "X043"}
    central = {s.scenario: s for s in scenarios.gdp_scenarios()[1]}["henan_plus_margin"]
    by_hand = (0.063, 0.031, 0.041, 0.051, 0.056)
    assert central.rates == pytest.approx(tuple(r + beta / 100 for r in by_hand))


def test_the_imf_level_norm_by_hand():
    henan = (1.063 * 1.031 * 1.041 * 1.051 * 1.056) ** 0.2
    china = (1.081 * 1.030 * 1.052 * 1.050 * 1.050) ** 0.2
    premium = 100 * (henan - china)
    assert premium == pytest.approx(-0.41, abs=0.005)  # Henan grew more slowly than China
    assert scenarios.henan_premium()[0] == pytest.approx(premium)
    norms, ids = scenarios.imf_norm_path()
    assert len(norms) == 15
    assert norms[:5] == pytest.approx((7.0, 7.0, 6.0, 5.5, 5.5))
    assert norms[5:10] == pytest.approx((3.8 + premium,) * 5)  # 2026-2030: the 2025-30 level
    assert norms[10:] == pytest.approx((2.8 + premium,) * 5)  # 2031-2035: the 2031-40 level
    assert {"C100", "C101"} <= set(ids)
    flat, _ = scenarios.imf_norm_path(premium=0.0)
    assert flat[5] == pytest.approx(3.8) and flat[-1] == pytest.approx(2.8)
    path = scenarios.henan_expected(0.0, norms=flat)
    assert path[:5] == pytest.approx((6.3, 3.1, 4.1, 5.1, 5.6)) and path[5] == pytest.approx(3.8)


def test_average_rate_compounds():
    records = scenarios.realized_growth("Henan")
    expected = (1.063 * 1.031 * 1.041 * 1.051 * 1.056) ** 0.2 - 1
    assert scenarios.average_rate(records) == pytest.approx(expected)
