"""Tables like a statistical yearbook, from a frame and a spec per column.

``table(frame, columns)`` returns an object a notebook shows as HTML: human
column labels with units, numbers right-aligned with thousands separators and
the precision each column asks for, integers as integers, yes/no for
True/False, a dash for a missing value (never NaN or None), text columns that
wrap, and the whole table scrolling inside its frame when it is wider than the
page. A column can link its numbers to their records (``records=``: the column
holding a Record or a list of Records per row), as numbers in the prose do.

Three rules hold for numbers linked to one record each. One precision per column
and unit: the numbers of a column in one unit (all its 亿元, all its %) have the
same decimals. None finer than its sources: that precision is at most the finest
of the records in the group (``numbers.precision``: 11.3 亿元 is not printed 11.30;
a 2019 level implied from it has one decimal too); ``decimals=SOURCE`` chooses
exactly that. A break of either rule is an error naming the column, the rows and
the records. And a bound rounds outward (``numbers.round_outward``): a lower bound
rounds down, an upper bound up, so the printed number stays a bound.

The caption and the number come from the cell, as for figures: name the cell's
output ``tbl-…`` with a caption (``mystnb: figure:``) and the book shows it as
"Table n", numbered apart from the figures (``analysis.book.pages``).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..base.errors import InputError
from ..records.record import Record
from ..records.vocabulary import QUALIFIERS
from .numbers import linked_html, precision, round_outward, true_minus

KINDS = ("text", "number", "integer", "percent", "yesno")
MISSING = "–"
HEDGED_CELL_CHARS = 24  # a short cell with a hedge (8 左右, 以上 (or more)) never wraps
SOURCE = "source"  # decimals="source": each unit of the column at its sources' precision


@dataclass(frozen=True)
class Column:
    key: str  # the frame's column
    label: str  # what the reader sees, with the unit: "2019 (implied), 亿元"
    kind: str = "text"  # one of KINDS
    decimals: int | str = 1  # for number and percent; the column giving each row's; or SOURCE
    records: str | None = None  # a column of Records (or lists of them) to link to
    wide: bool = False  # a long text column: given room and wrapped

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"column {self.key!r}: kind {self.kind!r} is not one of {KINDS}")


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def cell_text(value, column: Column, decimals: int | None = None) -> str:
    """A value as the table prints it (``decimals`` overrides the column's), negative
    numbers with a true minus sign (−0.9, not -0.9)."""
    return true_minus(_cell_text(value, column, decimals))


def _cell_text(value, column: Column, decimals: int | None = None) -> str:
    places = decimals if decimals is not None else column.decimals
    if _missing(value) or (isinstance(value, str) and value.strip() in {"", "nan", "None"}):
        return MISSING
    if column.kind == "yesno":
        if not isinstance(value, bool | int) and str(value) not in {"True", "False"}:
            raise ValueError(f"column {column.key!r}: {value!r} is not yes or no")
        return "yes" if value is True or value == 1 or str(value) == "True" else "no"
    if column.kind == "integer":
        return f"{round(float(value)):,}"
    if isinstance(places, str):
        raise ValueError(f"column {column.key!r}: decimals={places!r} needs one record per number")
    if column.kind == "number":
        return f"{float(value):,.{places}f}"
    if column.kind == "percent":
        return f"{float(value):,.{places}f}%"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


CODE = re.compile(r"`([^`]+)`")  # `value`: a name in the data, shown as code, never a backtick


SHORT_QUOTE = re.compile(r"「[^」]{1,12}」")  # a short Chinese quote: never broken mid-word


def _inline_code(escaped: str) -> str:
    escaped = SHORT_QUOTE.sub(lambda m: f'<span class="nobr">{m.group(0)}</span>', escaped)
    return CODE.sub(r"<code>\1</code>", escaped)


def keeps_together(text: str) -> bool:
    """A short text with one of the report's hedges: shown on one line."""
    return len(text) <= HEDGED_CELL_CHARS and any(h in text for h in QUALIFIERS)


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
        missing += [c.decimals for c in columns if isinstance(c.decimals, str)
                    and c.decimals != SOURCE and c.decimals not in frame.columns]  # fmt: skip
        if missing:
            raise InputError(f"table columns not in the data: {', '.join(missing)}")
        self.frame, self.columns, self.note = frame.reset_index(drop=True), list(columns), note
        self._finest = self._source_precision()
        self.check_precision()

    def _places(self, row, column: Column) -> int | None:
        if column.decimals == SOURCE:
            record = self._one_record(row, column)
            return self._finest[column.key].get(record.unit, 0) if record else None
        return int(row[column.decimals]) if isinstance(column.decimals, str) else None

    def _source_precision(self) -> dict[str, dict[str, int]]:
        """Per column, per unit: the finest precision of the records it shows."""
        finest: dict[str, dict[str, int]] = {}
        for _, row in self.frame.iterrows():
            for column in self.columns:
                record = self._one_record(row, column)
                if record is not None:
                    units = finest.setdefault(column.key, {})
                    units[record.unit] = max(units.get(record.unit, 0), precision(record))
        return finest

    @staticmethod
    def _one_record(row, column: Column) -> Record | None:
        """The record a number cell shows, when it shows exactly one record's value."""
        if not column.records or column.kind not in ("number", "percent", "integer"):
            return None
        found = _records(row[column.records])
        value = row[column.key]
        if len(found) != 1 or _missing(value) or isinstance(value, str):
            return None
        return found[0] if math.isclose(float(value), found[0].value, rel_tol=1e-9) else None

    def _text(self, row, column: Column) -> str:
        places = self._places(row, column)
        record = self._one_record(row, column)
        if record is None:
            return cell_text(row[column.key], column, places)
        shown = (
            0 if column.kind == "integer" else (places if places is not None else column.decimals)
        )
        return cell_text(round_outward(record.value, shown, record.bound), column, places)

    def check_precision(self) -> None:
        """One precision per column and unit, none finer than its sources (see the module's
        doc): an error names every break."""
        problems, seen = [], {}
        for number, (_, row) in enumerate(self.frame.iterrows(), start=1):
            for column in self.columns:
                record = self._one_record(row, column)
                if record is None or column.kind == "integer":
                    continue
                places = self._places(row, column)
                places = column.decimals if places is None else places
                finest = self._finest[column.key][record.unit]
                if places > finest:
                    problems.append(f"column {column.key!r}, row {number}: {places} decimals, "
                                    f"finer than its sources ({record.id} and the column's other "
                                    f"{record.unit}: {finest})")  # fmt: skip
                first = seen.setdefault((column.key, record.unit), (places, number))
                if first[0] != places:
                    problems.append(f"column {column.key!r}, row {number}: {places} decimals, "
                                    f"row {first[1]} in {record.unit} has {first[0]}")  # fmt: skip
        if problems:
            raise InputError("table precision: " + "; ".join(problems))

    def cells(self) -> list[list[str]]:
        """The cells as text, row by row (what the reader reads)."""
        return [[CODE.sub(r"\1", self._text(row, c)) for c in self.columns]
                for _, row in self.frame.iterrows()]  # fmt: skip

    def _html_cell(self, row, column: Column) -> str:
        text = self._text(row, column)
        numeric = column.kind != "text"
        records = _records(row[column.records]) if column.records else []
        linked = records and text != MISSING
        body = linked_html(text, records) if linked else _inline_code(html.escape(text))
        classes = ["num" if numeric else "text", *(["wide"] if column.wide else [])]
        classes += ["nobr"] if not numeric and not column.wide and keeps_together(text) else []
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
