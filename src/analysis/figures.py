"""Load and validate data/figures.csv: one row per number the report states.

``load()`` reads the file as strings (nothing silently coerced), checks every
row against the seed and the vocabularies below, and raises one InputError
listing ALL problems, each naming file, spreadsheet row, column and id.
``value(id)`` and ``record(id)`` are what chapters use; they read through a
cache keyed on the file's modification time, so an edited file is re-read.
"""

from __future__ import annotations

import math
import re
import sys
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import report
from .base import locations
from .base.errors import InputError, Problem
from .base.io import finite_float, read_csv_strings
from .scan import mentions_in, scan
from .units import UNITS

COLUMNS = [
    "id", "section", "indicator", "indicator_zh", "value", "unit", "value_std", "unit_std",
    "period", "kind", "qualifier", "quote", "quote_offset", "note",
]  # fmt: skip
NUMERIC = ("value", "value_std", "quote_offset")

KINDS: dict[str, str] = {
    "level": "a stock or flow in its unit (GDP 275.5 亿元)",
    "growth_rate": "year-on-year or period growth, percent",
    "share": "a part of a whole, percent",
    "completion_ratio": "achieved as a percent of a plan or task",
    "count": "a number of things (projects, villages, people)",
    "change_vs_base": "an absolute change against a base year (提高近百亿元)",
    "ratio": "a multiple of a base (翻了一番 = 2)",
    "rank": "a position in a ranking (第八位 = 8)",
    "target_level": "a planned level",
    "target_growth": "a planned growth rate",
    "target_count": "a planned number of things",
    "target_share": "a planned share",
    "other": "anything else; the note says what",
}

# Hedges the report puts on a number: meaning, and which side of the true value
# the stated number bounds ('upper': true value at most the number; 'lower':
# at least; 'approx': either side; 'exact': as stated; 'target': an aim).
QUALIFIERS: dict[str, tuple[str, str]] = {
    "左右": ("about; either side", "approx"),
    "以上": ("or more", "lower"),
    "近": ("nearly; true value slightly below", "upper"),
    "将近": ("nearly; true value slightly below", "upper"),
    "接近": ("close to; true value slightly below", "upper"),
    "超": ("over; true value above", "lower"),
    "超过": ("over; true value above", "lower"),
    "首次突破": ("broke through for the first time; true value above", "lower"),
    "率先突破": ("broke through ahead of others; true value above", "lower"),
    "突破": ("broke through; true value above", "lower"),
    "不低于": ("not less than", "lower"),
    "多": ("more than (…多); true value above", "lower"),
    "余": ("more than (…余); true value above", "lower"),
    "达到": ("reached; stated as exact", "exact"),
    "达": ("reached; stated as exact", "exact"),
    "内": ("within (…内); at most", "upper"),
    "站稳": ("held firm at or above", "lower"),
    "以内": ("within; at most", "upper"),
    "以下": ("or less", "upper"),
    "控制在": ("kept within; at most", "upper"),
    "力争": ("strive for; an aim, not a commitment", "target"),
    "约": ("about; either side", "approx"),
}

PERIOD_RE = re.compile(r"^(?:(\d{4})|(\d{4})-(\d{4})|to-(\d{4}))$")
ID_RE = re.compile(r"^F\d{4}$")


def path() -> Path:
    return locations.data_dir() / "figures.csv"


def period_ok(period: str) -> bool:
    """YYYY, YYYY-YYYY with start < end, or to-YYYY."""
    m = PERIOD_RE.match(period)
    if not m:
        return False
    if m.group(2):
        return int(m.group(2)) < int(m.group(3))
    return True


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
            bad(f"unknown unit '{unit}' (add it to analysis.units.UNITS first)", "unit")
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


def record(fid: str, file: Path | str | None = None) -> dict:
    """One record as a dict; InputError naming the id if it is not there."""
    frame = load(file)
    if fid not in frame.index:
        raise InputError(f"no record with id '{fid}'", file=file or path(), record=fid)
    return frame.loc[fid].to_dict()


def value(fid: str, file: Path | str | None = None) -> float:
    """The value of one record, as written in the report (e.g. 275.5 for 275.5亿元)."""
    return float(record(fid, file)["value"])


def check_main(argv: list[str]) -> int:
    """``python -m analysis check [--figures PATH]``: figures, exclusions, coverage."""
    from . import coverage

    file = path()
    args = list(argv)
    if args[:1] == ["--figures"] and len(args) == 2:
        file = Path(args[1])
    elif args:
        print("usage: python -m analysis check [--figures PATH]", file=sys.stderr)
        return 2
    problems: list[Problem] = []
    frame = None
    try:
        frame = load(file)
    except InputError as exc:
        problems += exc.problems
    try:
        raw = frame if frame is not None else read_csv_strings(file)
        entries = coverage.check(figures=raw.reset_index(drop=True) if frame is not None else raw)
    except InputError as exc:
        problems += exc.problems
        entries = None
    except Exception as exc:  # a half-broken file must still give a readable report
        problems.append(Problem(f"coverage could not be computed ({exc})", file))
        entries = None
    if problems:
        # de-duplicate (a missing figures file is reported by load and by coverage)
        unique = list(dict.fromkeys(problems))
        print(InputError(unique), file=sys.stderr)
        print(f"FAILED: {len(unique)} problem(s)", file=sys.stderr)
        return 1
    used = sum(e.status == "used" for e in entries)
    excluded = sum(e.status == "excluded" for e in entries)
    print(
        f"{file.name}: {len(frame)} records in {frame['section'].nunique()} sections; "
        f"{len(entries)} mentions: {used} used, {excluded} excluded; OK"
    )
    return 0
