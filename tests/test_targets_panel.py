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


def test_recent_record_uses_every_pair_in_the_context_files():
    record = tp.recent_record().set_index(["jurisdiction", "year"])
    # China 2021-2025 and Henan 2019 and 2021-2025: eleven years with a target and an outcome
    assert list(record.loc["China"].index) == ["2021", "2022", "2023", "2024", "2025"]
    assert list(record.loc["Henan"].index) == ["2019", "2021", "2022", "2023", "2024", "2025"]
    # national: met in 2021, 2023, 2024 and 2025 (5% against 5%左右); missed in 2022
    assert record.loc[("China", "2022"), "miss_pp"] == pytest.approx(3.0 - 5.5)
    assert list(record.loc["China"]["met"]) == [True, False, True, True, True]
    # Henan 2021: the final 6.3 wins over the preliminary 6.5; against 7以上, missed
    assert record.loc[("Henan", "2021"), "value_realized"] == 6.3
    assert record.loc[("Henan", "2021"), "outcome_kind"] == "final"
    assert not record.loc[("Henan", "2021"), "met"]
    # Henan 2019: 7.0 against 7-7.5 is met from the lower end; its miss is against 7.25
    assert record.loc[("Henan", "2019"), "met"]
    assert record.loc[("Henan", "2019"), "miss_pp"] == pytest.approx(7.0 - 7.25)
    # the norm of a Henan year is China's target; of 2019, not in the files
    assert record.loc[("Henan", "2022"), "norm_pct"] == 5.5
    assert np.isnan(record.loc[("Henan", "2019"), "norm_pct"])
    # Henan 2020 (inferred, low) has no target: not a pair
    assert ("Henan", "2020") not in record.index


def test_the_panel_era_is_named_by_its_years():
    panel = tp.load_filtered()
    assert tp.era(panel.data) == "2003-2012"
    calibration = tp.calibration(panel.data, tp.recent_record())
    assert calibration.loc[0, "era"].startswith("Prefectures 2003-2012")
