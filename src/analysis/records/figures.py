"""Load and validate data/figures.csv: one row per number the report states.

``load()`` reads the file as strings (nothing silently coerced), checks every
row against the seed and the vocabularies below, and raises one InputError
listing ALL problems, each naming file, spreadsheet row, column and id.
Reads go through a cache keyed on the file's modification time, so an edited
file is re-read. Chapters do not call this module: they reach a figure through
``analysis.records.lookup.figure(id)``.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..base import files
from ..base.errors import InputError, Problem
from ..base.io import finite_float, read_csv_strings
from ..text import report
from ..text.scan import mentions_in, scan
from .units import UNITS
from .vocabulary import KINDS, QUALIFIERS, TARGET_KINDS

COLUMNS = [
    "id", "section", "indicator", "indicator_zh", "value", "unit", "value_std", "unit_std",
    "period", "kind", "qualifier", "quote", "quote_offset", "note",
]  # fmt: skip
NUMERIC = ("value", "value_std", "quote_offset")

PERIOD_RE = re.compile(r"^(?:(\d{4})|(\d{4})-(\d{4})|to-(\d{4}))$")
ID_RE = re.compile(r"^F\d{4}$")
PLAN_YEAR = "2021"  # the year the report sets targets for: its numbers for it are targets
BASE_YEAR_RE = re.compile(r"较(\d{4})年")  # 较2015年增长56%: a change over a base year


def path() -> Path:
    return files.figures_csv()


def period_ok(period: str) -> bool:
    """YYYY, YYYY-YYYY with start < end, or to-YYYY."""
    m = PERIOD_RE.match(period)
    if not m:
        return False
    if m.group(2):
        return int(m.group(2)) < int(m.group(3))
    return True


def period_problems(row: dict) -> list[tuple[str, str]]:
    """(message, column) for a period that disagrees with the kind or the quote.

    A number for the plan year is a target, whatever its form (so every count
    of targets includes it); a change over a base year (较2016年) runs from the
    year after the base: 「较2016年增长42.6%」 is four years of growth, 2017-2020,
    and must not read like the five-year changes over 2015 (2016-2020).
    """
    problems = []
    if row["period"] == PLAN_YEAR and row["kind"] not in TARGET_KINDS:
        problems.append((f"period {PLAN_YEAR} is the year the report plans for: kind "
                         f"'{row['kind']}' should be one of {', '.join(TARGET_KINDS)}", "kind"))  # fmt: skip
    base = BASE_YEAR_RE.search(row["quote"])
    span = PERIOD_RE.match(row["period"])
    if base and span and span.group(2) and int(span.group(2)) != int(base.group(1)) + 1:
        problems.append((f"the quote compares with {base.group(1)} ({base.group(0)}): the period "
                         f"should start in {int(base.group(1)) + 1}, the first year of growth",
                         "period"))  # fmt: skip
    return problems


def validate(frame: pd.DataFrame, file: Path | str, text: str | None = None) -> pd.DataFrame:
    """Check every row; return the frame with numeric columns converted."""
    text = report.text() if text is None else text
    problems: list[Problem] = []
    missing = [c for c in COLUMNS if c not in frame.columns]
    for c in missing:
        problems.append(Problem("required column is missing", file, 1, c))
    for c in frame.columns:
        if c not in COLUMNS:
            problems.append(Problem(f"unknown column (allowed: {', '.join(COLUMNS)})", file, 1, c))
    if missing:
        raise InputError(problems)
    if frame.empty:
        raise InputError([*problems, Problem("file has a header but no records", file)])
    section_ids = {s.id for s in report.sections()}
    mentions = scan(text)
    seen: dict[str, int] = {}
    for i, row in enumerate(frame.to_dict("records")):
        rownum, rid = i + 2, row["id"]

        def bad(message, column, _row=rownum, _id=rid):
            problems.append(Problem(message, file, _row, column, _id or None))

        if not ID_RE.match(rid):
            bad(f"malformed id '{rid}' (expected F followed by four digits)", "id")
        elif rid in seen:
            bad(f"duplicate id (first used on row {seen[rid]})", "id")
        seen.setdefault(rid, rownum)
        if row["section"] not in section_ids:
            bad(f"unknown section '{row['section']}' (see python -m analysis sections)", "section")
        numbers = {}
        for c in NUMERIC:
            numbers[c] = finite_float(row[c])
            if numbers[c] is None:
                bad(f"'{row[c]}' is not a number", c)
        offset = numbers["quote_offset"]
        if offset is not None and offset != int(offset):
            bad(f"'{row['quote_offset']}' is not an integer", "quote_offset")
            offset = None
        unit = row["unit"]
        if unit not in UNITS:
            bad(f"unknown unit '{unit}' (add it to analysis.records.units.UNITS first)", "unit")
        else:
            unit_std, factor = UNITS[unit]
            if row["unit_std"] != unit_std:
                bad(
                    f"unit_std '{row['unit_std']}' should be '{unit_std}' for unit '{unit}'",
                    "unit_std",
                )
            v, v_std = numbers["value"], numbers["value_std"]
            if (
                v is not None
                and v_std is not None
                and not math.isclose(v * factor, v_std, rel_tol=1e-9, abs_tol=1e-12)
            ):
                bad(
                    f"value_std {row['value_std']} should be value x {factor:g} = {v * factor:g}",
                    "value_std",
                )
        if row["kind"] not in KINDS:
            bad(f"unknown kind '{row['kind']}' (allowed: {', '.join(KINDS)})", "kind")
        if row["qualifier"] and row["qualifier"] not in QUALIFIERS:
            bad(
                f"unknown qualifier '{row['qualifier']}' (allowed: {', '.join(QUALIFIERS)})",
                "qualifier",
            )
        if not period_ok(row["period"]):
            bad(
                f"malformed period '{row['period']}' (YYYY, YYYY-YYYY with start<end, or to-YYYY)",
                "period",
            )
        for message, column in period_problems(row):
            bad(message, column)
        quote = row["quote"]
        if not quote or quote not in text:
            bad("quote not found in the seed text (copy it exactly)", "quote")
        elif offset is not None:
            start = int(offset)
            if text[start : start + len(quote)] != quote:
                bad(
                    f"quote_offset {start} does not point at the quote (it is at {text.find(quote)})",
                    "quote_offset",
                )
            elif row["section"] in section_ids and not (
                report.section(row["section"]).start
                <= start
                < start + len(quote)
                <= report.section(row["section"]).end
            ):
                bad(
                    f"quote lies outside section '{row['section']}' "
                    f"(it is in {report.section_at(start).id})",
                    "section",
                )
            elif numbers["value"] is not None:
                inside = mentions_in(mentions, start, start + len(quote))
                if not any(
                    math.isclose(m.value, numbers["value"], rel_tol=1e-9, abs_tol=1e-12)
                    for m in inside
                ):
                    found = ", ".join(f"{m.text}={m.value:g}" for m in inside) or "none"
                    bad(
                        f"value {row['value']} is not a number inside the quote (mentions: {found})",
                        "value",
                    )
    if problems:
        raise InputError(problems)
    frame = frame.copy()
    for c in ("value", "value_std"):
        frame[c] = frame[c].astype(float)
    frame["quote_offset"] = frame["quote_offset"].astype(float).astype(int)
    return frame


@lru_cache(maxsize=4)
def _cached(file: str, mtime_ns: int, size: int) -> pd.DataFrame:
    frame = validate(read_csv_strings(Path(file)), file)
    # index by id for .loc[id], but unnamed so "id" stays unambiguous as a column
    return frame.set_index("id", drop=False).rename_axis(None)


def load(file: Path | str | None = None) -> pd.DataFrame:
    """data/figures.csv validated, numeric columns as numbers, indexed by id."""
    file = Path(file) if file is not None else path()
    try:
        stat = file.stat()
    except OSError:
        read_csv_strings(file)  # raises the right InputError
        raise
    return _cached(str(file), stat.st_mtime_ns, stat.st_size).copy()
