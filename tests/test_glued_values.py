"""Glued numbers in the built book equal values recomputed by hand from the report.

The expectations are typed from the report's own numbers (not taken from
analysis.compute.derive); the test reads the glue outputs of the executed notebooks.
"""

from __future__ import annotations

import pytest

from conftest import glue_outputs

pytestmark = pytest.mark.book


def _glued(book, chapter: str) -> dict[str, float]:
    values: dict[str, float] = {}
    for output in glue_outputs(book, chapter):
        name = output.get("metadata", {}).get("scrapbook", {}).get("name")
        data = output.get("data", {})
        text = data.get("text/plain")
        links = next((v for k, v in data.items() if k.endswith("records+json")), None)
        if name and isinstance(links, dict) and "exact" in links:
            values[name] = float(links["exact"])  # a bound, glued rounded outward for the text
            continue
        if name and text is not None:
            try:
                values[name] = float(text.strip("'\""))
            except ValueError:
                continue
    return values


CASES = [
    # chapter, glue key, expected by hand, tolerance
    ("02-2020-at-a-glance", "rev19", 11.3 / 1.04, 1e-3),
    ("02-2020-at-a-glance", "dep19", 282.8 / 1.168, 1e-3),
    ("02-2020-at-a-glance", "elec20_max", 10 * 1.077, 1e-3),
    ("02-2020-at-a-glance", "spend", 43.7 / 0.888, 1e-3),
    ("02-2020-at-a-glance", "selfsuff", 100 * 11.3 / (43.7 / 0.888), 1e-2),
    ("02-2020-at-a-glance", "ldr20", 100 * 157.9 / 282.8, 1e-2),
    ("02-2020-at-a-glance", "tax_share", 100 * 7.9 / 11.3, 1e-2),
    ("04-review-by-theme", "kp_plan", 438.1 / 1.054, 1e-2),
    ("04-review-by-theme", "trade_plan", 4.9 / 1.696, 1e-3),
    ("04-review-by-theme", "hog_plan", 55.3 / 1.35, 1e-3),
    ("04-review-by-theme", "agri", 27.1 / 0.32, 1e-3),
    ("04-review-by-theme", "hh_size", 83358 / 26238, 1e-3),
    ("05-13th-five-year-plan", "gdp15", 275.5 - 100, 1e-6),
    ("05-13th-five-year-plan", "gdp_cagr", 100 * ((275.5 / 175.5) ** 0.2 - 1), 1e-3),
    ("05-13th-five-year-plan", "inc_cagr", 100 * (1.56**0.2 - 1), 1e-3),
    ("05-13th-five-year-plan", "rural_cagr", 100 * (1.426**0.25 - 1), 1e-3),
    ("05-13th-five-year-plan", "dep15", 282.8 / 2, 1e-6),
    ("05-13th-five-year-plan", "grain_jin", 74.5 * 1e4 * 2000 / 1e8, 1e-6),
    # Minquan in context: report figures over the census count (746,389) and outside facts
    ("03-minquan-in-context", "pc", 275.5e8 / 746389, 1e-2),
    ("03-minquan-in-context", "pc_china", 100 * 275.5e8 / 746389 / 72447, 1e-3),
    ("03-minquan-in-context", "rev_gdp", 100 * 11.3 / 275.5, 1e-3),
    ("03-minquan-in-context", "rev_pc", 11.3e8 / 746389, 1e-2),
    ("03-minquan-in-context", "exp_to_rev", 43.7 / 0.888 / 11.3, 1e-3),
    ("03-minquan-in-context", "moved_share", 100 * 292000 / 746389, 1e-3),
    ("03-minquan-in-context", "absent", 93.7 - 74.6389, 1e-3),
    ("03-minquan-in-context", "rev_gdp_21", 100 * 11.3 * 1.07 / (275.5 * 1.08 * 1.03), 1e-3),
    (
        "03-minquan-in-context",
        "rev_gdp_21_lowcpi",
        100 * 11.3 * 1.07 / (275.5 * 1.08 * 1.009),
        1e-3,
    ),
    # the 2021 targets: Shangqiu's congress on 2021-06-09, 71 days after 2021-03-30
    ("06-2021-targets", "congress_days", 1 + 30 + 31 + 9, 1e-9),
    ("06-2021-targets", "sq_margin_2023", 7.5 - 6, 1e-9),
    ("06-2021-targets", "henan_2021_realized", 6.3, 1e-9),
    # growth paths: real and nominal, the step-down, the recent record
    (
        "07-growth-paths",
        "past_real",
        100 * ((275.5 / 175.5) ** 0.2 / (1.02 * 1.016 * 1.021 * 1.029 * 1.025) ** 0.2 - 1),
        1e-3,
    ),
    ("07-growth-paths", "from_2016", 100 * ((275.5 / 202.5) ** 0.25 - 1), 1e-3),
    ("07-growth-paths", "urb_base", 39.27 + (39.27 - 37.73), 1e-6),
    (
        "07-growth-paths",
        "gdp2025_targets_step_down",
        275.5 * 1.08 * 1.07375 * 1.0675 * 1.06125 * 1.055,
        1e-3,
    ),
    (
        "07-growth-paths",
        "gdp2025_henan_realized_2021_2025",
        275.5 * 1.063 * 1.031 * 1.041 * 1.051 * 1.056,
        1e-3,
    ),
    ("07-growth-paths", "recent_n", 5 + 6, 1e-9),
    (
        "07-growth-paths",
        "recent_mean",
        (2.1 - 2.5 + 0.2 + 0 + 0 - 0.25 - 0.7 - 3.9 - 1.9 - 0.4 + 0.1) / 11,
        1e-6,
    ),
    ("09-consistency-audit", "rest_bands", 36 - (3 + 3 + 5 + 7), 1e-9),
    ("09-consistency-audit", "rest_cumulative", 36 - 7, 1e-9),
    ("09-consistency-audit", "liv_avg", 220 / 5, 1e-9),
    ("09-consistency-audit", "kp_gdp", 100 * 438.1 / 275.5, 1e-3),
    ("09-consistency-audit", "kp21_share", 100 * 491 / 589.9, 1e-3),
    ("09-consistency-audit", "kp_plan_up", 100 * (491 / (438.1 / 1.054) - 1), 1e-3),
    ("09-consistency-audit", "kp21_avg_total", 589.9 / 184, 1e-3),
    ("09-consistency-audit", "pm21_share", 100 * 190.1 / 491, 1e-3),
    ("09-consistency-audit", "grain_band", 100 * (14.9 - 14.8) / 14.9, 1e-3),
    # 「三超」: Shangqiu 2017 8.5, Henan 2018 7.6, Shangqiu 2019 7.4, China 2020 2.3
    ("09-consistency-audit", "beats_needed", 100 * (1.085 * 1.076 * 1.074 * 1.023 - 1), 1e-6),
    (
        "09-consistency-audit",
        "beats_real",
        100 * (275.5 / 202.5 / (1.016 * 1.021 * 1.029 * 1.025) - 1),
        1e-6,
    ),
    (
        "09-consistency-audit",
        "beats_room",
        100 * ((275.5 / 202.5 / (1.085 * 1.076 * 1.074 * 1.023)) ** 0.25 - 1),
        1e-6,
    ),
    ("09-consistency-audit", "cn_income_up", 100 * (32189 / 21966 - 1), 1e-6),
    ("09-consistency-audit", "own_yield", 74.5e7 / 162.22e4, 1e-6),
]


@pytest.mark.parametrize("chapter, key, expected, tol", CASES)
def test_glued_value_matches_hand_computation(book, chapter, key, expected, tol):
    glued = _glued(book, chapter)
    assert key in glued, f"{key} not glued in {chapter}"
    assert glued[key] == pytest.approx(expected, abs=tol)


def test_audit_chapter_reports_no_unexplained_inconsistency(book):
    glued = _glued(book, "09-consistency-audit")
    # the summary counts evidence checks only, every verdict included
    assert glued["n_evidence"] == sum(
        glued[k]
        for k in ("n_consistent", "n_approximate", "n_tension", "n_inconsistent", "n_cannot_check")
    )
    assert glued["n_bookkeeping"] == glued["n_bookkeeping_consistent"]


def test_preface_and_audit_chapter_give_the_same_verdict_counts(book):
    """Preface item 4 and chapter 9 count the evidence checks by verdict alike, and both
    equal the audit's own summary (tension 4 by hand: key projects ×2, 「三超」 ×2)."""
    from analysis.compute import audit

    checks = audit.run()
    expected = audit.summary(checks)
    assert expected["tension"] == 4
    preface, chapter = _glued(book, "preface"), _glued(book, "09-consistency-audit")
    for verdict, n in expected.items():
        key = f"n_{verdict.replace(' ', '_')}"
        assert preface[key] == chapter[key] == n, key
    assert preface["n_evidence"] == chapter["n_evidence"] == sum(expected.values())
