"""Tables like a statistical yearbook, from a frame and a spec per column.

``table(frame, columns)`` returns an object a notebook shows as HTML: human
column labels with units, numbers right-aligned with thousands separators and
the precision each column asks for, integers as integers, yes/no for
True/False, a dash for a missing value (never NaN or None), text columns that
wrap, and the whole table scrolling inside its frame when it is wider than the
page. A column can link its numbers to their records (``records=``: the column
holding a Record or a list of Records per row), as numbers in the prose do.

The caption and the number come from the cell, as for figures: name the cell's
output ``tbl-…`` with a caption (``mystnb: figure:``) and the book shows it as
"Table n", numbered apart from the figures (``analysis.book.pages``).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..base.errors import InputError
from ..records.record import Record
from .numbers import linked_html

KINDS = ("text", "number", "integer", "percent", "yesno")
MISSING = "–"


@dataclass(frozen=True)
class Column:
    key: str  # the frame's column
    label: str  # what the reader sees, with the unit: "2019 (implied), 亿元"
    kind: str = "text"  # one of KINDS
    decimals: int | str = 1  # for number and percent; or the column giving each row's
    records: str | None = None  # a column of Records (or lists of them) to link to
    wide: bool = False  # a long text column: given room and wrapped

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"column {self.key!r}: kind {self.kind!r} is not one of {KINDS}")


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def cell_text(value, column: Column, decimals: int | None = None) -> str:
    """A value as the table prints it (``decimals`` overrides the column's)."""
    places = decimals if decimals is not None else column.decimals
    if _missing(value) or (isinstance(value, str) and value.strip() in {"", "nan", "None"}):
        return MISSING
    if column.kind == "yesno":
        if not isinstance(value, bool | int) and str(value) not in {"True", "False"}:
            raise ValueError(f"column {column.key!r}: {value!r} is not yes or no")
        return "yes" if value is True or value == 1 or str(value) == "True" else "no"
    if column.kind == "integer":
        return f"{round(float(value)):,}"
    if column.kind == "number":
        return f"{float(value):,.{places}f}"
    if column.kind == "percent":
        return f"{float(value):,.{places}f}%"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _records(value) -> list[Record]:
    if isinstance(value, Record):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, Record)]
    return []


class Table:
    """A yearbook table; shown in a notebook by its HTML."""

    def __init__(self, frame, columns: Sequence[Column], note: str = ""):
        missing = [c.key for c in columns if c.key not in frame.columns]
        missing += [c.records for c in columns if c.records and c.records not in frame.columns]
        missing += [c.decimals for c in columns
                    if isinstance(c.decimals, str) and c.decimals not in frame.columns]  # fmt: skip
        if missing:
            raise InputError(f"table columns not in the data: {', '.join(missing)}")
        self.frame, self.columns, self.note = frame.reset_index(drop=True), list(columns), note

    @staticmethod
    def _text(row, column: Column) -> str:
        places = int(row[column.decimals]) if isinstance(column.decimals, str) else None
        return cell_text(row[column.key], column, places)

    def cells(self) -> list[list[str]]:
        """The cells as text, row by row (what the reader reads)."""
        return [[self._text(row, c) for c in self.columns] for _, row in self.frame.iterrows()]

    def _html_cell(self, row, column: Column) -> str:
        text = self._text(row, column)
        numeric = column.kind != "text"
        records = _records(row[column.records]) if column.records else []
        body = linked_html(text, records) if records and text != MISSING else html.escape(text)
        classes = ["num" if numeric else "text", *(["wide"] if column.wide else [])]
        return f'<td class="{" ".join(classes)}">{body}</td>'

    def _repr_html_(self) -> str:
        head = "\n".join(
            f'<th class="{"num" if c.kind != "text" else "text"}{" wide" if c.wide else ""}"'
            f' scope="col">{html.escape(c.label)}</th>'
            for c in self.columns
        )
        rows = "".join(
            "<tr>" + "\n".join(self._html_cell(row, c) for c in self.columns) + "</tr>\n"
            for _, row in self.frame.iterrows()
        )
        note = f'<p class="table-note">{html.escape(self.note)}</p>' if self.note else ""
        return (f'<div class="yearbook-frame"><table class="yearbook"><thead><tr>{head}</tr>'
                f"</thead><tbody>{rows}</tbody></table>{note}</div>")  # fmt: skip


def table(frame, columns: Sequence[Column], note: str = "") -> Table:
    return Table(frame, columns, note)
