"""The prefecture panel: filters report every drop; the regression recovers known coefficients."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.base.errors import InputError
from analysis.compute import panel_regression
from analysis.compute import targets_panel as tp

COLUMNS = tp.NUMERIC  # the columns the panel must hold, all numeric


def hand_made() -> pd.DataFrame:
    rows = [
        # code,  prov, year, realized, prov_t, pref_t, observed
        (100100, 10, 2005, 12.0, 10.0, 11.0, 1),  # kept
        (100100, 10, 2006, 13.0, 10.05, 13.05, 1),  # kept, both decoded (13, 10)
        (100100, 10, 2007, 11.0, 10.0, 2.9, 0),  # not observed
        (100200, 10, 2005, 9.0, 10.0, 2.9, 0),  # not observed
        (100200, 10, 2006, 9.0, 10.0, 2.9, 1),  # placeholder
        (411400, 41, 2003, -0.1, 9.0, 10.8, 1),  # Shangqiu 2003
        (411400, 41, 2004, 22.4, 9.0, 23.0, 1),  # Shangqiu 2004
        (411400, 41, 2005, 14.5, 10.0, 12.0, 1),  # kept
        (100300, 10, 2005, 47.9, 8.5, 11.0, 1),  # realized out of band
        (100300, 10, 2006, 36.0, 9.0, 76.6, 1),  # target out of band
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def test_filter_report_counts_each_rule():
    result = tp.filter_panel(tp.validate(hand_made()))
    dropped = dict(zip(result.report["rule"], result.report["dropped"], strict=True))
    assert dropped == {
        "target_not_observed": 2,
        "placeholder_2_9": 1,
        "shangqiu_2003_2004": 2,
        "realized_out_of_band": 1,
        "target_out_of_band": 1,
    }
    assert result.report["remaining"].iloc[-1] == 3 == len(result.data)
    assert result.n_input == 10
    assert result.report["dropped"].sum() + len(result.data) == result.n_input


def test_at_least_codes_are_decoded_and_flagged():
    data = tp.filter_panel(tp.validate(hand_made())).data.set_index(["prefecture_code", "year"])
    row = data.loc[(100100, 2006)]
    assert row["prefecture_target_pct"] == pytest.approx(13.0)
    assert row["provincial_target_pct"] == pytest.approx(10.0)
    assert bool(row["prefecture_target_at_least"]) and bool(row["provincial_target_at_least"])
    assert not bool(data.loc[(100100, 2005)]["prefecture_target_at_least"])
    # miss and escalation on decoded values: 13 - 13 = 0, 13 - 10 = 3
    assert row["miss_pp"] == pytest.approx(0.0)
    assert row["escalation_pp"] == pytest.approx(3.0)


def test_validate_names_bad_cells():
    frame = hand_made().astype(object)
    frame.loc[3, "realized_growth_pct"] = "n/a"
    with pytest.raises(InputError) as info:
        tp.validate(frame, file="panel.csv")
    problem = info.value.problems[0]
    assert (problem.row, problem.column) == (5, "realized_growth_pct")


def test_validate_rejects_duplicate_prefecture_years():
    frame = pd.concat([hand_made(), hand_made().iloc[[0]]], ignore_index=True)
    with pytest.raises(InputError, match="appears twice"):
        tp.validate(frame)


def synthetic(seed: int = 20210330) -> pd.DataFrame:
    """A panel generated with known coefficients: 0.6 on own target, 0.2 on provincial."""
    rng = np.random.default_rng(seed)
    rows = []
    for prefecture in range(120):
        province = prefecture // 10
        effect = rng.normal(0, 0.5)  # a prefecture component, clustered errors
        for year in range(2003, 2013):
            provincial = 9 + rng.integers(0, 4)
            own = provincial + rng.uniform(0, 5)
            noise = effect + rng.normal(0, 1.0)
            realized = 3.0 + 0.6 * own + 0.2 * provincial + 0.1 * (year - 2003) + noise
            rows.append((100000 + prefecture, province, year, realized, provincial, own, 1))
    return pd.DataFrame(rows, columns=COLUMNS)


def test_regression_recovers_known_coefficients():
    data = tp.filter_panel(tp.validate(synthetic())).data
    result = panel_regression.regress(data)
    assert result.params["prefecture_target_pct"] == pytest.approx(0.6, abs=0.06)
    assert result.params["provincial_target_pct"] == pytest.approx(0.2, abs=0.08)
    assert result.cov_type == "cluster"
    table = panel_regression.regression_table(result).set_index("term")
    assert table.loc["Observations", "coefficient"] == 1200
    assert table.loc["Prefecture clusters", "coefficient"] == 120
    assert table.loc["Year fixed effects", "coefficient"] == 9


def test_miss_and_escalation_summaries_by_hand():
    data = pd.DataFrame({"miss_pp": [1.0, -1.0, 3.0, 1.0], "escalation_pp": [2.0, 0.0, 4.0, 2.0]})
    miss = tp.miss_summary(data)
    assert miss["mean"] == 1.0 and miss["share_met"] == 0.75 and miss["n"] == 4
    esc = tp.escalation_summary(data)
    assert esc["mean"] == 2.0 and esc["share_above"] == 0.75


def test_stored_panel_facts():
    panel = tp.load_filtered()
    assert panel.n_input == 3497
    assert panel.report.loc[0, "dropped"] == 922  # rows whose target was not observed
    # the context notes: prefecture targets about 2.6 points above the province's
    assert tp.escalation_summary(panel.data)["mean"] == pytest.approx(2.6, abs=0.15)
    # and realized growth about 1 point above the own target
    assert tp.miss_summary(panel.data)["mean"] == pytest.approx(1.0, abs=0.15)


def test_recent_record_matches_the_reports():
    record = tp.recent_record().set_index(["jurisdiction", "year"])
    # national: met in 2021, 2023, 2024; missed in 2022 (5.5 target, 3.0 realized)
    assert record.loc[("China", "2022"), "miss_pp"] == pytest.approx(3.0 - 5.5)
    assert list(record.loc["China"]["met"]) == [True, False, True, True]
    # Henan 2021: 6.3 against 7
    assert record.loc[("Henan", "2021"), "miss_pp"] == pytest.approx(6.3 - 7)


def test_fan_is_deterministic_and_centred_on_the_target_plus_mean_miss():
    from analysis.compute import uncertainty

    rng = np.random.default_rng(1)
    panel = pd.DataFrame(
        {"prefecture_code": np.repeat(np.arange(50), 4), "miss_pp": rng.normal(1.0, 2.0, 200)}
    )
    model = uncertainty.panel_miss_model(panel)
    assert model.mean == pytest.approx(panel["miss_pp"].mean())
    first = uncertainty.simulate(100, 2020, [5.0] * 5, model, draws=4000)
    again = uncertainty.simulate(100, 2020, [5.0] * 5, model, draws=4000)
    pd.testing.assert_frame_equal(first, again)
    # the median path grows at about target + mean miss = 6% a year
    median_2025 = first[2025].median()
    assert median_2025 == pytest.approx(100 * 1.06**5, rel=0.03)
    fan = uncertainty.fan(first)
    lows = fan[fan["quantile"] == 0.05].set_index("year")["value"]
    highs = fan[fan["quantile"] == 0.95].set_index("year")["value"]
    assert (highs[2021:] > lows[2021:]).all()
    assert uncertainty.probability_at_least(first, 2025, 0) == 1.0


def test_recentring_moves_the_mean_only():
    from analysis.compute import uncertainty

    panel = pd.DataFrame({"prefecture_code": [1, 1, 2, 2], "miss_pp": [1.0, 3.0, -1.0, 1.0]})
    model = uncertainty.panel_miss_model(panel)
    moved = uncertainty.recentred(model, -0.5, "recent")
    assert model.mean == pytest.approx(1.0)
    assert moved.mean == pytest.approx(-0.5)
    np.testing.assert_array_equal(moved.transitory, model.transitory)
