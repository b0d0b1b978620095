"""Cross-checks of the report against itself and against outside facts.

Each check is one record: id (A01, A02 ...), class (``evidence`` or
``bookkeeping``), what is checked, the figure, derived and outside ids it uses,
the formula, the computed values, the tolerance and why it is that, a verdict,
one sentence of explanation and, where it cannot be decided, what data would
settle it. Evidence checks (``audit_evidence``) could fail with plausible other
numbers; bookkeeping (``audit_bookkeeping``) are identities, repeats and range
sanity, counted apart. Verdict rules and their meanings: ``audit_rules``.
"""

from __future__ import annotations

import pandas as pd

from ..records import lookup
from . import audit_bookkeeping, audit_evidence
from .audit_bookkeeping import LINKED, PROJECT_CLASSES, class_readings, repeated_figures
from .audit_rules import (
    APPROXIMATE,
    BOOKKEEPING,
    CANNOT_CHECK,
    CLASSES,
    COLUMNS,
    CONSISTENT,
    EVIDENCE,
    INCONSISTENT,
    TENSION,
    VERDICT_MEANINGS,
    VERDICTS,
    at_least,
    at_most,
    close,
    equal_values,
    parts_within_whole,
    within_range,
)

__all__ = [
    "APPROXIMATE", "BOOKKEEPING", "CANNOT_CHECK", "CLASSES", "COLUMNS", "CONSISTENT", "EVIDENCE",
    "INCONSISTENT", "LINKED", "PROJECT_CLASSES", "TENSION", "VERDICTS", "VERDICT_MEANINGS",
    "at_least", "at_most", "class_readings", "close", "equal_values", "parts_within_whole",
    "repeated_figures", "run", "summary", "tensions", "within_range",
]  # fmt: skip


def run(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every check as a record: evidence first (strongest tension first), then
    bookkeeping; ids A01... in that order.

    Figures come from ``figures`` (a test's edited copy) or the dataset; derived
    values are read from data/derived.csv by key and cited by id; outside facts
    from data/external by ``lookup.fact``.
    """
    figs = lookup.figures() if figures is None else figures.set_index("id", drop=False)
    value = lambda fid: float(figs.loc[fid, "value"])  # noqa: E731
    checks = [*audit_evidence.checks(value, lookup.derived, lookup.fact),
              *audit_bookkeeping.checks(figs, lookup.derived)]  # fmt: skip
    frame = pd.DataFrame([c.row() for c in checks])
    frame.insert(0, "id", [f"A{i:02d}" for i in range(1, len(frame) + 1)])
    return frame[COLUMNS]


def summary(frame: pd.DataFrame, cls: str | None = EVIDENCE) -> dict[str, int]:
    """Number of checks by verdict, every verdict listed (zeros included); evidence
    checks by default, ``cls=None`` for all."""
    chosen = frame if cls is None else frame[frame["class"] == cls]
    counts = chosen["verdict"].value_counts()
    return {verdict: int(counts.get(verdict, 0)) for verdict in VERDICTS}


def tensions(frame: pd.DataFrame) -> pd.DataFrame:
    """Evidence checks that are not consistent or undecidable, in the audit's order
    (strongest first)."""
    evidence = frame[frame["class"] == EVIDENCE]
    return evidence[evidence["verdict"].isin([TENSION, INCONSISTENT, APPROXIMATE])]


def key_project_table() -> pd.DataFrame:
    """The key-project lists side by side: 2020 completed, 2021 planned (亿元 and
    counts as stated; shares and averages derived), with the record each cell cites."""
    f, d = lookup.figure, lookup.derived
    rows = [
        ("Projects (个)", f("F0023"), f("F0413")),
        ("Investment in the year (亿元): completed 2020, planned 2021", f("F0024"), f("F0415")),
        ("Total investment of the listed projects (亿元)", None, f("F0414")),
        ("Total investment per project (亿元)", None, d("key_projects_2021_average_total")),
        ("Investment in the year per project (亿元)", d("key_projects_2020_average_done"),
         d("key_projects_2021_average_annual")),
        ("Share of total investment in the year (%)", None,
         d("key_projects_2021_annual_share_of_total")),
        ("Provincial and municipal projects (个)", f("F0026"), f("F0416")),
        ("Their investment in the year (亿元)", f("F0027"), f("F0418")),
        ("Their share of the year's investment (%)", d("provincial_projects_2020_share_of_done"),
         d("provincial_projects_2021_share_of_annual")),
        ("Investment in the year relative to 2020 GDP (%)", d("key_projects_to_gdp_2020"),
         d("key_projects_2021_plan_to_gdp_2020")),
    ]  # fmt: skip
    return pd.DataFrame(
        [
            {
                "item": item,
                "2020 (completed)": a.value if a else float("nan"),
                "2021 (planned)": b.value,
                "records": lookup.cite([r.id for r in (a, b) if r]),
                "record_2020": a,
                "record_2021": b,
            }
            for item, a, b in rows
        ]
    )
