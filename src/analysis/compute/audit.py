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
