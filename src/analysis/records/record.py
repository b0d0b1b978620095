"""One number with its provenance, whatever its origin, and how records are cited.

A ``Record`` is what ``analysis.records.lookup`` returns: a stated figure of
the report (id F0001, origin ``report``), a value the book derives from them
(D001, ``derived``) or a fact from outside the report (X001, ``context``).
It carries what a chart, a table or a sentence needs to show the number
honestly: value, unit, bound, label and the words or formula behind it.

``cite`` writes a list of ids the way source lines show them: sorted, unique,
with runs of consecutive ids of one series collapsed (F0001-F0014).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

REPORT, DERIVED, CONTEXT = "report", "derived", "context"
ORIGINS = (REPORT, DERIVED, CONTEXT)
ID_PREFIXES = {"F": REPORT, "D": DERIVED, "X": CONTEXT, "C": CONTEXT, "E": CONTEXT}
_ID = re.compile(r"^([A-Z])(\d+)$")


@dataclass(frozen=True)
class Record:
    id: str  # F0001 (report), D001 (derived), X055 or E01 (outside context: a fact, an event)
    value: float
    unit: str
    bound: str  # one of analysis.records.vocabulary.BOUNDS
    label: str  # English indicator or description
    label_zh: str  # Chinese name ('' if none)
    quote: str  # exact quote (figure), formula (derived), excerpt (context)
    origin: str  # report | derived | context
    period: str = ""
    kind: str = ""
    qualifier: str = ""  # the hedge as written (左右, 力争), '' if none
    inputs: tuple[str, ...] = ()  # derived: the figure ids it is computed from
    source: str = ""  # context: where the number was found
    confidence: str = ""  # context: high | medium | low
    key: str = ""  # derived: its stable key (revenue_2019)


def _split(record_id: str) -> tuple[str, int, int]:
    found = _ID.match(record_id)
    if not found:
        raise ValueError(f"not a record id: {record_id!r}")
    return found.group(1), int(found.group(2)), len(found.group(2))


def cite(ids: Iterable[str]) -> str:
    """'F0001-F0003, F0127, D001' from any ids: report first, then derived,
    then context; consecutive ids of one series as a range."""
    order = {prefix: rank for rank, prefix in enumerate(ID_PREFIXES)}
    parsed = sorted({_split(i) for i in ids}, key=lambda p: (order.get(p[0], 9), p[0], p[1]))
    runs: list[list[tuple[str, int, int]]] = []
    for item in parsed:
        last = runs[-1][-1] if runs else None
        if last and last[0] == item[0] and last[2] == item[2] and item[1] == last[1] + 1:
            runs[-1].append(item)
        else:
            runs.append([item])

    def name(p: tuple[str, int, int]) -> str:
        return f"{p[0]}{p[1]:0{p[2]}d}"

    return ", ".join(
        name(run[0]) if len(run) == 1 else f"{name(run[0])}-{name(run[-1])}" for run in runs
    )


def with_inputs(records: Iterable[Record]) -> list[str]:
    """The ids of the records and of the figures the derived ones are computed from."""
    ids: list[str] = []
    for record in records:
        ids += [record.id, *record.inputs]
    return list(dict.fromkeys(ids))
