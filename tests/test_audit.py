"""analysis.compute.audit: verdict rules on hand-made cases, and the report's checks."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.compute import audit
from analysis.records import lookup


@pytest.mark.parametrize(
    "value, floor, tol, expected",
    [(14.9, 14.8, 0.01, "consistent"), (14.7, 14.8, 0.01, "approximate"),
     (14.0, 14.8, 0.01, "inconsistent"), (43.7, 44.0, 0.05, "approximate")],
)  # fmt: skip
def test_at_least(value, floor, tol, expected):
    assert audit.at_least(value, floor, tol) == expected


@pytest.mark.parametrize(
    "a, b, tol, expected",
    [(16.8, 14.87, 5, "consistent"), (22, 14.87, 5, "approximate"), (30, 14.87, 5, "inconsistent")],
)
def test_close(a, b, tol, expected):
    assert audit.close(a, b, tol) == expected


def test_close_and_at_most_can_say_tension():
    assert audit.close(30, 14.87, 5, beyond="tension") == "tension"
    assert audit.at_most(159.0, 100) == "tension"
    assert audit.at_most(72.6, 100) == "consistent"
    assert audit.at_most(61.4, 66.7, soft=50) == "approximate"


def test_parts_within_whole_reads_bands_and_cumulative_classes():
    assert audit.parts_within_whole([3, 3, 5, 7], 36) == "consistent"  # 18 <= 36
    assert audit.parts_within_whole([10, 10, 10, 10], 36) == "consistent"  # cumulative: 10 <= 36
    assert audit.parts_within_whole([20, 10, 5, 5], 36) == "inconsistent"  # 40 > 36, decreasing
    assert audit.parts_within_whole([10, 20, 30, 40], 36) == "inconsistent"  # largest > whole


def test_equal_values_and_range():
    assert audit.equal_values([529, 529]) == "consistent"
    assert audit.equal_values([529, 530]) == "inconsistent"
    assert audit.within_range(3.18, 1, 6) == "consistent"
    assert audit.within_range(7.0, 1, 6) == "inconsistent"


@pytest.fixture(scope="module")
def checks():
    return audit.run().set_index("check", drop=False)


def test_report_checks_have_the_hand_computed_verdicts(checks):
    expected = {
        "key_projects_vs_gdp": "tension",  # 438.1 / 275.5 = 159% > 100%
        "key_projects_one_year": "tension",  # 491 / 589.9 = 83% > two thirds
        "three_beats_real": "tension",  # 1.3605 / 1.0941 = 1.243 < 1.283 < 1.3605
        "grain_floor": "consistent",  # 74.5万吨 × 2000 = 14.9亿斤 >= 14.8
        "livelihood_five_year": "approximate",  # 5 × 43.7 = 218.5 < 220: g just below 0
        "deposits_doubling": "consistent",  # 16.8 vs (242.12/141.4)^(1/4) - 1 = 14.4%
        "income_rural_vs_all": "consistent",  # 1.426^(1/4) vs 1.56^(1/5): 9.28 vs 9.30
        "three_beats_income": "consistent",  # +56% vs 32189 / 21966 = +46.5%
        "three_beats_2021_targets": "approximate",  # industrial value added 7 = Henan's 7
        "grain_yield": "consistent",  # 745,000 t / 162.22万亩 = 459 kg vs 6356 / 15 = 424
        "people_away": "consistent",  # 93.7 - 74.64 = 19.1 <= 29.2
        "three_beats_2020": "tension",  # investment 1.8 < China 2.7, Henan 4.3; rest above
        "livelihood_share": "cannot check",
        "project_classes_2020": "consistent",  # 3+3+5+7 = 18 <= 36
        "poverty_household_size": "consistent",  # 83358/26238 = 3.18
        "nested_total": "consistent",  # 3.43 (campaign) > 1.5 (2020 only)
    }
    for check, verdict in expected.items():
        assert checks.loc[check, "verdict"] == verdict, check


def test_every_record_is_complete(checks):
    assert list(checks["id"]) == [f"A{i:02d}" for i in range(1, len(checks) + 1)]
    assert set(checks["verdict"]) <= set(audit.VERDICTS)
    assert set(checks["class"]) == set(audit.CLASSES)
    needed = ["description", "inputs", "formula", "computed", "tolerance", "why_tolerance",
              "explanation"]  # fmt: skip
    assert (checks[needed] != "").all(axis=None)
    undecided = checks[checks["verdict"] == "cannot check"]
    assert len(undecided) and (undecided["settle"] != "").all()  # says what would settle it


def test_evidence_comes_first_and_bookkeeping_holds_the_identities(checks):
    classes = list(checks["class"])
    assert classes == sorted(classes, key=audit.CLASSES.index)
    bookkeeping = set(checks.loc[checks["class"] == "bookkeeping", "check"])
    assert {"repeated", "linked", "electricity_total_threshold", "poverty_household_size",
            "key_projects_subset_2020", "revenue_threshold"} <= bookkeeping  # fmt: skip
    assert checks.loc[checks["class"] == "evidence", "check"].iloc[0] == "key_projects_vs_gdp"


def test_summary_counts_evidence_only_unless_asked(checks):
    frame = checks.reset_index(drop=True)
    evidence, everything = audit.summary(frame), audit.summary(frame, cls=None)
    assert set(evidence) == set(audit.VERDICTS)
    assert sum(evidence.values()) == int((frame["class"] == "evidence").sum())
    assert sum(everything.values()) == len(frame)
    assert audit.summary(frame, "bookkeeping")["consistent"] > 0


def test_the_strongest_tension_comes_first(checks):
    assert audit.tensions(checks.reset_index(drop=True))["check"].iloc[0] == "key_projects_vs_gdp"


def test_repeated_figures_are_found_automatically(checks):
    repeated = checks[checks["check"] == "repeated"]
    assert "F0016;F0061" in set(repeated["inputs"])  # 529 villages
    assert "F0044;F0164" in set(repeated["inputs"])  # 129 poor villages


def test_a_changed_repeat_is_flagged_inconsistent():
    frame = lookup.figures().reset_index(drop=True)
    frame.loc[frame["id"] == "F0061", "value"] = 530.0
    result = audit.run(frame).set_index("inputs")
    assert result.loc["F0016;F0061", "verdict"] == "inconsistent"


def test_a_multi_year_label_on_the_civil_affairs_funds_is_caught():
    frame = lookup.figures().reset_index(drop=True)
    frame.loc[frame["id"] == "F0129", "period"] = "to-2020"  # the old label
    result = audit.run(frame).set_index("check")
    assert result.loc["nested_total", "verdict"] == "inconsistent"


def test_series_of_one_indicator_over_years_is_not_a_repeat():
    frame = pd.DataFrame(
        {
            "id": ["F1", "F2", "F3", "F4"],
            "indicator": ["GDP", "GDP", "Villages", "Villages"],
            "kind": ["level"] * 4,
            "unit_std": ["CNY", "CNY", "count", "count"],
            "period": ["2019", "2020", "2020", "2020"],
            "value": ["1", "2", "5", "5"],
            "section": ["a", "b", "a", "b"],
        }
    )
    groups = audit.repeated_figures(frame)
    assert [list(g["id"]) for g in groups] == [["F3", "F4"]]


def test_checks_cite_derived_values_and_outside_facts_by_their_ids(checks):
    grain = checks.loc["grain_floor", "inputs"].split(";")
    assert lookup.derived("grain_2020_jin").id in grain
    assert "F0088" in grain and "F0162" in grain
    real = checks.loc["three_beats_real", "inputs"].split(";")
    # China 2020, Shangqiu 2019, 2016 GDP, CPI 2017, Shangqiu 2017, Henan 2018
    assert {"X007", "X049", "X145", "X105", "C150", "C151"} <= set(real)
    for ids in checks["inputs"]:
        lookup.records(ids)  # every cited id resolves


def test_class_readings_by_hand():
    names = ["10亿+", "5-10亿", "3-5亿", "1-3亿", "0.5-1亿"]
    frame = audit.class_readings(36, [3, 3, 5, 7], names)
    bands = frame[frame["whole"] == "Read as bands"]["value"].tolist()
    cumulative = frame[frame["whole"] == "Read as cumulative"]["value"].tolist()
    assert bands == [3, 3, 5, 7, 18]
    assert cumulative == [3, 0, 2, 2, 29]


def test_what_readers_read_names_no_record_or_section_ids(checks):
    """Ids belong in the inputs column (shown as links); the words a table shows use names."""
    raw = re.compile(r"\b[FDX]\d{3,4}\b|\bp\d\.[a-z0-9.]+\b|\b[a-z]+_[a-z0-9_]+\b")
    for column in ("description", "computed", "tolerance", "why_tolerance", "explanation",
                   "settle"):  # fmt: skip
        found = [(i, t) for i, t in zip(checks["id"], checks[column], strict=True)
                 if raw.search(str(t))]  # fmt: skip
        assert found == [], column


@pytest.mark.book
def test_every_corner_bracket_quote_in_chapter_9_is_in_the_seed(book):
    """What the reader sees between 「」 is the report's own characters (no smart quotes
    made by the build, no 、 for ，); a quote cut with … is checked piece by piece."""
    from bs4 import BeautifulSoup

    from analysis.text import report

    page = book.html / "chapters/09-consistency-audit.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    text = (soup.select_one("article.bd-article") or soup).get_text("")
    seed = report.seed_path().read_text(encoding="utf-8")
    quotes = re.findall(r"「([^」]+)」", text)
    assert len(quotes) > 20, "chapter 9 quotes the report less than expected"
    missing = [q for q in quotes for piece in q.split("…") if piece.strip() not in seed]
    assert not missing, f"quotes not in the seed: {missing}"


def test_targets_above_henan_count_is_chapter_6s_less_the_cpi_ceiling(checks):
    """One comparison set: chapter 6 and the preface count targets above Henan's over the
    seven indicators both set (CPI included); the audit drops the CPI ceiling (3 = 3) and
    names GDP against China apart. By hand: GDP 8>7, investment 7>6, retail 10>9, revenue
    7>5, urbanization 1.5>1.3 above; industrial value added 7=7, CPI 3=3 equal."""
    from analysis.compute import cascade

    wide = cascade.side_by_side(cascade.cascade_2021(), "Henan")
    above = int((wide["Minquan"] > wide["Henan"]).sum())
    assert (above, len(wide)) == (5, 7)
    explanation = checks.loc["three_beats_2021_targets", "explanation"]
    assert f"above Henan's on {above} of {len(wide) - 1}" in explanation
    assert "above China's on 1 of 1" in explanation
