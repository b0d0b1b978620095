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


def test_pass_through_is_the_panel_regression_slope():
    from analysis.compute import panel_regression

    data = targets_panel.load_filtered().data
    beta = uncertainty.pass_through(data)
    assert beta == pytest.approx(panel_regression.regress(data).params["prefecture_target_pct"])
    assert 0.5 < beta < 0.7  # the chapter's 0.61


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


def test_the_preface_chances_are_chapter_7s():
    """The preface leads with two chances; they must be the ones chapter 7 computes (its
    step-down path, its goal levels read from the paths table, the recent calibration)."""
    from analysis.compute import scenarios
    from analysis.records import lookup

    chances = scenarios.central_chances()
    panel = targets_panel.load_filtered()
    recent = uncertainty.recent_model(uncertainty.panel_model(panel.data),
                                      targets_panel.recent_record())  # fmt: skip
    gdp, readings = scenarios.gdp_scenarios()
    step = {s.scenario: s for s in readings}["targets_step_down"]
    paths = lookup.paths()
    levels = paths[paths["path_id"].str.startswith("gdp:")].pivot(
        index="year", columns="scenario", values="value"
    )
    goals = {"met": (2025, levels.loc[2025, "targets_step_down"]),
             "doubled": (2035, levels.loc[2035, "doubling_by_2035"])}  # fmt: skip
    outlook = uncertainty.gdp_outlook(gdp.value, 2020, {"Targets stepping down": [100 * r for r in step.rates]},
                            list(scenarios.norm_path()[0]), goals, [recent])  # fmt: skip
    by_goal = outlook.probabilities.set_index("goal")["probability"]
    assert chances == {"stepped_down_met_2025": by_goal["met"], "doubled_2035": by_goal["doubled"]}
    assert 0 < chances["stepped_down_met_2025"] < chances["doubled_2035"] < 1
