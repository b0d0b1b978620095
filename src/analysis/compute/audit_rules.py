"""The audit's vocabulary and its verdict rules, each a small pure function.

Two classes of check:

- **evidence**: a check that could fail with plausible other numbers. Each
  states its tolerance and why, and a test perturbs one input and sees the
  verdict change (tests/test_audit_evidence.py).
- **bookkeeping**: identities, repeats and range sanity (529 = 529, a part
  within its whole, a household size between 1 and 6). They catch typing
  errors in the dataset but say little about the report, so the chapter
  counts them apart and never as evidence that the report hangs together.

Verdicts (``VERDICT_MEANINGS``): ``consistent``, ``approximate``, ``tension``,
``inconsistent`` and ``cannot check``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

CONSISTENT = "consistent"
APPROXIMATE = "approximate"
TENSION = "tension"
INCONSISTENT = "inconsistent"
CANNOT_CHECK = "cannot check"
VERDICT_MEANINGS = {
    CONSISTENT: "the numbers agree within the stated tolerance",
    APPROXIMATE: "just outside the tolerance: they agree only roughly",
    TENSION: "not contradictory, but both can be true only under a reading the report does not "
    "state (another scope, a multi-year total, a plan bunched into one year) or an unusual path; "
    "the check names that reading",
    INCONSISTENT: "no reading of the words makes both numbers true",
    CANNOT_CHECK: "the report (and the outside data we hold) gives nothing to compare with; the "
    "check says what data would settle it",
}
VERDICTS = tuple(VERDICT_MEANINGS)
EVIDENCE, BOOKKEEPING = "evidence", "bookkeeping"
CLASSES = (EVIDENCE, BOOKKEEPING)

COLUMNS = [
    "id", "class", "check", "description", "inputs", "formula", "computed", "tolerance",
    "why_tolerance", "verdict", "explanation", "settle",
]  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """What a check computes from its numbers: the values as text, a verdict and
    one sentence saying what it means."""

    computed: str
    verdict: str
    explanation: str


@dataclass(frozen=True)
class Check:
    """One row of the audit table (``id`` is given when the table is assembled)."""

    cls: str
    check: str
    description: str
    inputs: tuple[str, ...]
    formula: str
    tolerance: str
    why_tolerance: str
    finding: Finding
    settle: str = ""

    def row(self) -> dict[str, str]:
        return {
            "class": self.cls,
            "check": self.check,
            "description": self.description,
            "inputs": ";".join(dict.fromkeys(self.inputs)),
            "formula": self.formula,
            "computed": self.finding.computed,
            "tolerance": self.tolerance,
            "why_tolerance": self.why_tolerance,
            "verdict": self.finding.verdict,
            "explanation": self.finding.explanation,
            "settle": self.settle,
        }


def fmt(x: float) -> str:
    return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"


# --- verdict rules --------------------------------------------------------------


def at_least(value: float, floor: float, rel_tol: float) -> str:
    """Consistent at or above the floor; approximate within rel_tol below it."""
    if value >= floor:
        return CONSISTENT
    if value >= floor * (1 - rel_tol):
        return APPROXIMATE
    return INCONSISTENT


def close(a: float, b: float, tol: float, beyond: str = INCONSISTENT) -> str:
    """Consistent within tol; approximate within twice tol; ``beyond`` past that."""
    gap = abs(a - b)
    if gap <= tol:
        return CONSISTENT
    if gap <= 2 * tol:
        return APPROXIMATE
    return beyond


def at_most(value: float, ceiling: float, soft: float | None = None) -> str:
    """Consistent up to ``soft`` (or the ceiling), approximate up to the ceiling,
    tension above it: for readings that strain belief without contradiction."""
    if value <= (ceiling if soft is None else soft):
        return CONSISTENT
    return APPROXIMATE if value <= ceiling else TENSION


def within_range(value: float, low: float, high: float) -> str:
    return CONSISTENT if low <= value <= high else INCONSISTENT


def parts_within_whole(parts: list[float], whole: float) -> str:
    """Size classes of a whole: read as exclusive bands, they may not exceed it.

    Equal sums are consistent, smaller sums too (the rest lie in a class not
    named); a sum above the whole is consistent only if the classes can be
    cumulative (each '…以上' class at least as large as the class above it,
    parts listed largest threshold first) and the largest is within the whole.
    """
    if sum(parts) <= whole:
        return CONSISTENT
    cumulative = all(a <= b for a, b in pairwise(parts))
    return CONSISTENT if cumulative and parts[-1] <= whole else INCONSISTENT


def equal_values(values: list[float]) -> str:
    return CONSISTENT if len(set(values)) == 1 else INCONSISTENT
