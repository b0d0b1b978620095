"""The fan chart's model: conditioned on the target, scaled to the era, deterministic.

Properties checked on hand-made shock distributions, so each expectation can be
worked out with a pencil: zero spread gives the deterministic path; a higher target
lowers the chance of meeting it; halving the target halves the spread; the same
seed gives the same draws; the pass-through is the panel regression's slope.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from analysis.compute import targets_panel, uncertainty


def model(persistent=(0.0,), transitory=(-1.0, 1.0), centre=0.0, beta=0.5, reference=10.0):
    return uncertainty.ShockModel("test", np.asarray(persistent, float),
                                  np.asarray(transitory, float), centre, beta, reference)  # fmt: skip


def test_zero_spread_gives_the_deterministic_path():
    still = model(transitory=(0.0,), beta=1.0)
    levels = uncertainty.simulate(100, 2020, [8, 8, 8], [7, 7, 7], still, draws=50)
    expected = uncertainty.deterministic(100, 2020, [8, 8, 8])
    for year in expected.index:
        np.testing.assert_allclose(levels[year], expected[year])
    # with a pass-through of 0.5 the expectation is halfway between norm and target
    half = model(transitory=(0.0,), beta=0.5, centre=-0.5)
    levels = uncertainty.simulate(100, 2020, [9], [7], half, draws=10)
    assert levels[2021].iloc[0] == pytest.approx(100 * (1 + (7 + 0.5 * 2 - 0.5) / 100))


def test_a_higher_target_lowers_the_chance_of_meeting_it():
    shocks = model(transitory=np.linspace(-3, 3, 61), beta=0.6, reference=12.0)
    chances = [uncertainty.probability_meeting(t, 7.0, shocks, draws=4000) for t in (6, 7, 8, 9)]
    assert all(later < earlier for earlier, later in itertools.pairwise(chances))
    # with a pass-through of 1 the target is the expectation: met about half the time
    full = model(transitory=np.linspace(-3, 3, 61), beta=1.0)
    assert uncertainty.probability_meeting(8, 7, full, draws=4000) == pytest.approx(0.5, abs=0.03)


def test_scaling_halves_the_spread_when_targets_halve():
    shocks = model(persistent=(-1.0, 1.0), transitory=(-2.0, 2.0), reference=12.0)
    assert shocks.sd(6.0) == pytest.approx(shocks.sd(12.0) / 2)
    # sqrt(1 + 4) points at the panel's own mean target
    assert shocks.sd(12.0) == pytest.approx(np.sqrt(5))
    unscaled = model(persistent=(-1.0, 1.0), transitory=(-2.0, 2.0), reference=None)
    assert unscaled.sd(6.0) == unscaled.sd(12.0) == pytest.approx(np.sqrt(5))
    # in a simulation: one year's growth spreads half as far at half the target
    wide = uncertainty.simulate(100, 0, [12.0], [12.0], shocks, draws=4000)[1]
    narrow = uncertainty.simulate(100, 0, [6.0], [6.0], shocks, draws=4000)[1]
    assert (narrow.max() - narrow.min()) == pytest.approx((wide.max() - wide.min()) / 2)


def test_fixed_seed_gives_identical_results_and_another_seed_does_not():
    shocks = model(persistent=(-1.0, 0.0, 1.0), transitory=np.linspace(-2, 2, 9))
    first = uncertainty.simulate(100, 2020, [8] * 5, [7] * 5, shocks, draws=500)
    again = uncertainty.simulate(100, 2020, [8] * 5, [7] * 5, shocks, draws=500)
    other = uncertainty.simulate(100, 2020, [8] * 5, [7] * 5, shocks, draws=500, seed=1)
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)


def test_targets_and_norms_must_match():
    with pytest.raises(ValueError, match="3 targets but 2 norms"):
        uncertainty.simulate(100, 2020, [8, 8, 8], [7, 7], model())


def test_pass_through_is_estimated_in_the_simulated_form():
    """β is the slope of realized minus provincial target on the own target's excess over
    it, with year effects: built by hand so that growth = province + 0.5 x excess + a year
    effect, plus noise that cancels within each year."""
    panel = pd.DataFrame({"year": [2005] * 4 + [2006] * 4,
                          "prefecture_target_pct": [10, 12, 14, 16, 9, 11, 13, 15],
                          "provincial_target_pct": [10, 10, 10, 10, 9, 9, 9, 9]})  # fmt: skip
    excess = panel["prefecture_target_pct"] - panel["provincial_target_pct"]
    effect = panel["year"].map({2005: 1.0, 2006: -2.0})
    panel["realized_growth_pct"] = panel["provincial_target_pct"] + 0.5 * excess + effect
    assert uncertainty.pass_through(panel) == pytest.approx(0.5)
    # the provincial target enters one for one: raising it by 3 everywhere changes nothing
    shifted = panel.assign(provincial_target_pct=panel["provincial_target_pct"] + 3,
                           prefecture_target_pct=panel["prefecture_target_pct"] + 3,
                           realized_growth_pct=panel["realized_growth_pct"] + 3)  # fmt: skip
    assert uncertainty.pass_through(shifted) == pytest.approx(0.5)


def test_pass_through_is_the_restricted_regression_slope():
    from analysis.compute import panel_regression

    data = targets_panel.load_filtered().data
    beta = uncertainty.pass_through(data)
    restricted = panel_regression.regress_restricted(data)
    assert beta == pytest.approx(restricted.params[panel_regression.RESTRICTED_TERM])
    # close to the unrestricted slope on the own target (0.61): the restriction costs little
    unrestricted = panel_regression.regress(data).params["prefecture_target_pct"]
    assert abs(beta - unrestricted) < 0.05 and 0.5 < beta < 0.7


def test_residuals_and_centres_by_hand():
    # realized 6.3 against a target of 7 with China's 6 above: 6.3 - (6 + 0.5 * 1) = -0.2
    assert uncertainty.residuals([6.3], [7.0], [6.0], 0.5)[0] == pytest.approx(-0.2)
    recent = pd.DataFrame({"value_realized": [8.1, 6.3, 7.0], "value_target": [6.0, 7.0, 7.25],
                           "norm_pct": [6.0, 6.0, np.nan]})  # fmt: skip
    # China: its miss (2.1); Henan 2021: -0.2; Henan 2019 without a norm: its miss (-0.25)
    residuals = uncertainty.recent_residuals(recent, 0.5)
    assert list(residuals.round(6)) == [2.1, -0.2, -0.25]


def test_panel_model_splits_persistent_and_transitory_parts():
    panel = pd.DataFrame({"prefecture_code": [1, 1, 2, 2], "year": [2005, 2006, 2005, 2006],
                          "realized_growth_pct": [13.0, 15.0, 9.0, 11.0],
                          "prefecture_target_pct": [12.0, 12.0, 10.0, 10.0],
                          "provincial_target_pct": [10.0, 10.0, 10.0, 10.0]})  # fmt: skip
    shocks = uncertainty.panel_model(panel, beta=0.5)
    # residuals: 13 - 11 = 2, 15 - 11 = 4, 9 - 10 = -1, 11 - 10 = 1; mean 1.5
    assert shocks.centre == pytest.approx(1.5)
    np.testing.assert_allclose(sorted(shocks.persistent), [-1.5, 1.5])
    np.testing.assert_allclose(shocks.transitory, [-1, 1, -1, 1])
    assert shocks.reference_target == pytest.approx(11.0)
    moved = uncertainty.recent_model(shocks, pd.DataFrame(
        {"value_realized": [5.0], "value_target": [5.0], "norm_pct": [5.0]}))  # fmt: skip
    assert moved.centre == 0.0 and moved.beta == 0.5
    np.testing.assert_array_equal(moved.transitory, shocks.transitory)


def test_outlook_states_the_assumption_of_every_probability():
    shocks = model(transitory=np.linspace(-2, 2, 21))
    outlook = uncertainty.gdp_outlook(100, 2020, {"held": [8] * 5, "falling": [8, 7, 6, 6, 6]},
                                      [7] * 5, {"doubled": (2025, 200.0), "any": (2025, 1.0)},
                                      [shocks])  # fmt: skip
    probs = outlook.probabilities.set_index(["target_path", "goal"])["probability"]
    assert probs[("held", "doubled")] == 0.0 and probs[("held", "any")] == 1.0
    assert outlook.probabilities["assumption"].str.contains("pass-through 0.50").all()
    assert set(outlook.fans) == {"held", "falling"}
    assert outlook.targets["held"][2025] == pytest.approx(100 * 1.08**5)


def test_conditional_with_zero_shock_is_the_province_plus_the_margin():
    """Conditioning on the province's realized growth: with no spread, the 2025 level is the
    2020 level times the product of (1 + (realized + margin) / 100)."""
    still = model(persistent=(0.0,), transitory=(0.0,), centre=-0.5, beta=0.6)
    henan = [6.3, 3.1, 4.1, 5.1, 5.6]
    levels = uncertainty.conditional(100, 2020, henan, 1.0, still, draws=20)
    expected = 100 * 1.073 * 1.041 * 1.051 * 1.061 * 1.066  # centre and β play no part
    np.testing.assert_allclose(levels[2025], expected)
    # with a persistent shock of +-1 point scaled by growth / 10, the extreme paths are
    # the province plus the margin plus or minus a tenth of each year's growth
    spread = model(persistent=(-1.0, 1.0), transitory=(0.0,), reference=10.0)
    wide = uncertainty.conditional(100, 2020, henan, 1.0, spread, draws=400)
    # the top path grows at 1.1 x (province + margin): 1.1 x 7.3, 4.1, 5.1, 6.1, 6.6
    top = 100 * 1.0803 * 1.0451 * 1.0561 * 1.0671 * 1.0726
    assert wide[2025].max() == pytest.approx(top, rel=1e-3)
    assert wide[2025].min() < expected < wide[2025].max()


def test_differential_model_by_hand():
    # province 1, two prefectures, two years; province 2 with one prefecture
    panel = pd.DataFrame({"prefecture_code": [1, 2, 1, 2, 3, 3], "province_code": [1, 1, 1, 1, 2, 2],
                          "year": [2005, 2005, 2006, 2006, 2005, 2006],
                          "realized_growth_pct": [12.0, 10.0, 15.0, 11.0, 9.0, 9.0]})  # fmt: skip
    shocks = uncertainty.differential_model(panel)
    # deviations from the province-year mean: +1, -1, +2, -2, 0, 0; prefecture means
    # +1.5, -1.5, 0; transitory: -0.5, +0.5, +0.5, -0.5, 0, 0
    np.testing.assert_allclose(sorted(shocks.persistent), [-1.5, 0.0, 1.5])
    np.testing.assert_allclose(sorted(shocks.transitory), [-0.5, -0.5, 0, 0, 0.5, 0.5])
    assert shocks.centre == 0.0 and shocks.beta == 1.0
    assert shocks.reference_target == pytest.approx(66 / 6)


def test_shangqiu_margin_by_hand():
    panel = pd.DataFrame({"prefecture_code": [411400, 411500, 411400, 411500, 420100],
                          "province_code": [41, 41, 41, 41, 42],
                          "year": [2005, 2005, 2006, 2006, 2005],
                          "realized_growth_pct": [10.0, 14.0, 12.0, 12.0, 30.0]})  # fmt: skip
    # 2005: 10 - 12 = -2; 2006: 12 - 12 = 0; another province does not count
    assert targets_panel.prefecture_margin(panel) == pytest.approx(-1.0)
    with pytest.raises(Exception, match="not in the filtered panel"):
        targets_panel.prefecture_margin(panel, prefecture=999999)


def test_the_preface_chances_are_recomputed_from_the_parts():
    """The preface quotes chances.central_chances; rebuilt here from the model's parts (the
    step-down path, the declining norm, the recent calibration; Henan's realized growth plus
    β × one point), they must be the same numbers."""
    from analysis.compute import chances, scenarios

    got = chances.central_chances()
    data = targets_panel.load_filtered().data
    recent = uncertainty.recent_model(uncertainty.panel_model(data), targets_panel.recent_record())
    gdp, readings = scenarios.gdp_scenarios()
    step = [100 * r for r in {s.scenario: s for s in readings}["targets_step_down"].rates]
    norms, _ = scenarios.norm_path()
    # the goal levels by hand: 8% stepping down by 0.625 a point to 5.5%; 2020 GDP doubled
    met = 275.5 * 1.08 * 1.07375 * 1.0675 * 1.06125 * 1.055
    levels = uncertainty.simulate(gdp.value, 2020, step, norms, recent)
    assert got["ex_ante_met"] == pytest.approx(float((levels[2025] >= met - 1e-6).mean()), abs=1e-3)
    assert got["ex_ante_doubled"] == pytest.approx(float((levels[2035] >= 551.0 - 1e-6).mean()),
                                                   abs=1e-3)  # fmt: skip
    henan = [6.3, 3.1, 4.1, 5.1, 5.6] + [n + recent.centre for n in norms[5:]]
    county = uncertainty.conditional(
        gdp.value, 2020, henan, recent.beta * (6.5 - 5.5), uncertainty.differential_model(data)
    )
    assert got["conditional_doubled"] == pytest.approx(float((county[2035] >= 551 - 1e-6).mean()),
                                                       abs=1e-3)  # fmt: skip
    for key in ("ex_ante_met", "ex_ante_doubled", "conditional_met", "conditional_doubled"):
        assert got[f"{key}_low"] <= got[key] <= got[f"{key}_high"]
    # the margin matters: none gives a lower chance of doubling than the central one point
    assert got["conditional_doubled_low"] < got["conditional_doubled"]
    # the IMF-level norm (3.8% then 2.8%, plus Henan's premium over China) is in both ranges:
    # Henan at 3.8 - 0.41 in 2026-2030 and 2.8 - 0.41 after, no shortfall subtracted
    premium = 100 * ((1.063 * 1.031 * 1.041 * 1.051 * 1.056) ** 0.2
                     - (1.081 * 1.030 * 1.052 * 1.050 * 1.050) ** 0.2)  # fmt: skip
    imf = [7.0, 7.0, 6.0, 5.5, 5.5] + [3.8 + premium] * 5 + [2.8 + premium] * 5
    levels = uncertainty.simulate(gdp.value, 2020, step, imf, recent)
    assert got["ex_ante_doubled_low"] <= float((levels[2035] >= 551 - 1e-6).mean())
    henan_imf = [6.3, 3.1, 4.1, 5.1, 5.6, *imf[5:]]
    county = uncertainty.conditional(gdp.value, 2020, henan_imf, recent.beta * (6.5 - 5.5),
                                     uncertainty.differential_model(data))  # fmt: skip
    imf_doubled = float((county[2035] >= 551 - 1e-6).mean())
    assert got["conditional_doubled_low"] <= imf_doubled < got["conditional_doubled"] - 0.3
    assert got["conditional_doubled_imf"] == pytest.approx(imf_doubled, abs=1e-3)
