"""analysis.derive: expectations computed by hand from the report's numbers."""

from __future__ import annotations

import shutil

import pytest

from analysis import derive
from analysis.base import io

REPORT = {  # the report's numbers, typed from the seed text
    "F0003": 11.3, "F0004": 4, "F0007": 282.8, "F0008": 16.8, "F0009": 157.9, "F0010": 15.6,
    "F0011": 10, "F0012": 7.7, "F0027": 200, "F0028": 113.6, "F0001": 275.5, "F0156": 100,
    "F0127": 43.7, "F0128": 88.8, "F0088": 74.5, "F0162": 14.8, "F0166": 56, "F0048": 42.6,
    "F0158": 2, "F0042": 26238, "F0043": 83358,
}  # fmt: skip


@pytest.fixture(scope="module")
def table():
    return derive.from_figures().set_index("formula")


def test_the_report_numbers_match_figures_csv():
    from analysis import figures

    for fid, number in REPORT.items():
        assert figures.value(fid) == pytest.approx(number), fid


@pytest.mark.parametrize(
    "formula, expected, bound",
    [
        ("F0003 / (1 + F0004/100)", 10.8654, ""),  # 11.3 / 1.04
        ("F0007 / (1 + F0008/100)", 242.1233, ""),  # 282.8 / 1.168
        ("F0011 / (1 + F0012/100)", 9.2851, "lower"),  # 10 / 1.077, 首次突破 = above 10
        ("F0011 × (1 + F0012/100)", 10.77, "upper"),  # 2019 below 10
        ("F0027 / (F0028/100)", 176.0563, ""),  # 200 / 1.136
        ("F0127 / (F0128/100)", 49.2117, ""),  # 43.7 / 0.888
        ("F0001 − F0156", 175.5, "lower"),  # 近百亿: increase under 100
        ("[(F0001 / (F0001 − F0156))^(1/5) − 1] × 100", 9.4382, "upper"),
        ("F0007 / F0158", 141.4, "lower"),  # 将近翻一番: ratio under 2
        ("[F0158^(1/5) − 1] × 100", 14.8698, "upper"),
        ("[(1 + F0166/100)^(1/5) − 1] × 100", 9.3012, ""),  # 1.56^(1/5)
        ("[(1 + F0048/100)^(1/4) − 1] × 100", 9.2773, ""),  # 1.426^(1/4)
        ("F0088 × 10^4 × 2000 / 10^8", 14.9, ""),  # 74.5万吨 = 14.9亿斤
        ("F0043 / F0042", 3.177, ""),  # 83358 / 26238
        ("F0009 / F0007 × 100", 55.8345, ""),
    ],
)
def test_derived_values_and_bounds(table, formula, expected, bound):
    row = table.loc[formula]
    assert row["value"] == pytest.approx(expected, abs=1e-4)
    assert row["bound"] == bound


def test_ids_are_unique_sequential_and_inputs_are_figure_ids():
    frame = derive.from_figures()
    assert list(frame["id"]) == [f"D{i:03d}" for i in range(1, len(frame) + 1)]
    assert set(frame["group"]) <= set(derive.GROUPS)
    assert set(frame["bound"]) <= set(derive.BOUNDS)
    for ids in frame["input_ids"]:
        assert all(part.startswith("F") and len(part) == 5 for part in ids.split(";"))


@pytest.mark.parametrize(
    "side, increasing, expected",
    [("lower", True, "lower"), ("lower", False, "upper"), ("upper", False, "lower"),
     ("approximate", False, "approximate"), ("", False, "")],
)  # fmt: skip
def test_propagate_flips_for_decreasing_functions(side, increasing, expected):
    assert derive.propagate(side, increasing) == expected


def test_hedge_sides_follow_the_words():
    assert derive.input_side("首次突破") == "lower"
    assert derive.input_side("近") == "upper"
    assert derive.input_side("将近") == "upper"
    assert derive.input_side("左右") == "approximate"
    assert derive.input_side("达") == ""


def test_annual_rate_inverts_compounding():
    assert derive.annual_rate_pct(1.1**5, 5) == pytest.approx(10)
    assert derive.previous_level(110, 10) == pytest.approx(100)
    assert derive.plan_from_completion(135, 135) == pytest.approx(100)


def test_committed_file_equals_what_the_code_produces():
    assert derive.path().read_text(encoding="utf-8") == io.csv_text(derive.from_figures())


def test_check_flag_detects_a_stale_file(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    shutil.copy(derive.path().parent / "figures.csv", tmp_path / "data" / "figures.csv")
    shutil.copytree(derive.path().parents[1] / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    assert derive.main(["--check"]) == 1  # no file yet
    assert derive.main([]) == 0
    assert derive.main(["--check"]) == 0
    stale = derive.path().read_text(encoding="utf-8").replace("10.8654", "10.8655")
    derive.path().write_text(stale, encoding="utf-8")
    assert derive.main(["--check"]) == 1
    assert derive.main(["--bogus"]) == 2
