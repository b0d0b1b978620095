"""The coverage ledger: every number in the report is used or excluded, never lost.

``analysis.text.scan`` lists every numeric mention of the seed. A mention is USED
when a row of data/figures.csv has a quote span containing the mention's span
and the row's value equals the mention's value. Otherwise it must be EXCLUDED
by a row of data/excluded_mentions.csv (offset = mention start, text = the
mention text exactly as scanned) with a reason from ``REASONS``. Anything else
is UNCOVERED, and ``check()`` reports it, together with mentions both used and
excluded (double counting) and exclusions that match no mention (stale rows).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..base import files
from ..base.errors import InputError, Problem
from ..base.io import finite_float, read_csv_strings
from ..text import report
from ..text.scan import Mention, scan

EXCLUDED_COLUMNS = ["offset", "text", "section", "reason", "note"]

# Why a number in the report is not a data point. Extend here when curators
# need a new reason (python -m analysis readme writes the list into data/README.md).
REASONS: dict[str, str] = {
    "date": "a year, month or day (2020年, 3月30日) or a period name",
    "list_numbering": "numbering of the report's own headings and lists (一、 （二）)",
    "slogan": "a numbered policy slogan (六稳, 三大保卫战, 四个不摘)",
    "edition_or_batch": "the edition, session or batch of an event (第五次会议, 第二批)",
    "grade": "a quality grade or star rating (二级甲等, 四星级)",
    "voltage_class": "the voltage class of a power line or substation (110千伏)",
    "road_number": "a road's number (G310, S211)",
    "threshold": "a threshold in a definition, not an outcome (「5000万元以上项目」)",
    "technology_name": "a number inside a technology's name (5G, 二氧化碳)",
    "document_number": "a document, law or hotline number (12345热线, 1号文件)",
    "name": "a number inside a proper name (八一公园, 孙六镇)",
    "frequency": "how often something is done (每2天, 一次)",
    "ordinal_in_name": "an ordinal inside a title or honour (第一书记, 第十四个五年规划)",
    "other": "anything else; the note must say why",
}

STATUSES = ("used", "excluded", "uncovered")


@dataclass(frozen=True)
class Entry:
    """One mention and its status in the ledger."""

    mention: Mention
    section: str
    status: str  # used | excluded | uncovered
    used_by: tuple[str, ...]  # figure ids whose quote contains the mention
    excluded_by: int | None  # spreadsheet row in excluded_mentions.csv


def excluded_path() -> Path:
    return files.excluded_mentions_csv()


def figure_spans(frame: pd.DataFrame) -> list[tuple[str, int, int, float]]:
    """(id, start, end, value) for each figures row whose offset and value parse.

    Lenient on purpose: the ledger must work on a half-curated file; the
    validator (analysis.records.figures) reports the rows skipped here.
    """
    spans = []
    for _, row in frame.iterrows():
        offset, value = (
            finite_float(row.get("quote_offset", "")),
            finite_float(row.get("value", "")),
        )
        if offset is None or value is None:
            continue
        start = int(offset)
        spans.append((row.get("id", ""), start, start + len(row.get("quote", "")), value))
    return spans


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def ledger(
    text: str | None = None,
    figures: pd.DataFrame | None = None,
    excluded: pd.DataFrame | None = None,
    section_of=None,
) -> list[Entry]:
    """Every mention of ``text`` (default: the seed) with its status."""
    if text is None:
        text = report.text()
        section_of = section_of or (lambda offset: report.section_at(offset).id)
    section_of = section_of or (lambda offset: "")
    figures = read_csv_strings(files.figures_csv()) if figures is None else figures
    excluded = read_csv_strings(excluded_path()) if excluded is None else excluded
    spans = figure_spans(figures)
    excluded_rows = _exclusion_index(excluded)
    mentions = scan(text)
    users: dict[int, list[str]] = {i: [] for i in range(len(mentions))}
    for fid, s, e, v in spans:
        # A row uses the mentions inside its quote that carry its value. Where a
        # quote holds the same value twice (3亿元以上项目3个: threshold and count),
        # the curator excludes the one that is not the row's number, and the
        # exclusion wins; only if every candidate is excluded is it a conflict.
        candidates = [
            i for i, m in enumerate(mentions) if s <= m.start and m.end <= e and _same(v, m.value)
        ]
        kept = [i for i in candidates if (mentions[i].start, mentions[i].text) not in excluded_rows]
        for i in kept or candidates:
            users[i].append(fid)
    entries = []
    for i, m in enumerate(mentions):
        row = excluded_rows.get((m.start, m.text))
        status = "used" if users[i] else ("excluded" if row is not None else "uncovered")
        entries.append(Entry(m, section_of(m.start), status, tuple(users[i]), row))
    return entries


def _exclusion_index(excluded: pd.DataFrame) -> dict[tuple[int, str], int]:
    index = {}
    for i, row in enumerate(excluded.to_dict("records")):
        offset = finite_float(row.get("offset", ""))
        if offset is not None:
            index[(int(offset), row.get("text", ""))] = i + 2
    return index


def check(
    text: str | None = None,
    figures: pd.DataFrame | None = None,
    excluded: pd.DataFrame | None = None,
    excluded_file: str | Path | None = None,
) -> list[Entry]:
    """The ledger, after raising InputError for every coverage problem found."""
    excluded_file = excluded_file or excluded_path()
    if excluded is None:
        excluded = read_csv_strings(Path(excluded_file))
    entries = ledger(text, figures, excluded)
    problems = _exclusion_problems(excluded, excluded_file, text)
    for e in entries:
        m = e.mention
        where = f"mention '{m.text}' at offset {m.start} (section {e.section or '?'})"
        if e.status == "uncovered":
            problems.append(
                Problem(f"{where} is neither used by a figure nor excluded", file=excluded_file)
            )
        elif e.used_by and e.excluded_by is not None:
            problems.append(
                Problem(
                    f"{where} is both used by {', '.join(e.used_by)} and excluded",
                    file=excluded_file,
                    row=e.excluded_by,
                    column="offset",
                )
            )
    if problems:
        raise InputError(problems)
    return entries


def _exclusion_problems(excluded: pd.DataFrame, file, text: str | None) -> list[Problem]:
    problems = []
    missing = [c for c in EXCLUDED_COLUMNS if c not in excluded.columns]
    extra = [c for c in excluded.columns if c not in EXCLUDED_COLUMNS]
    for c in missing:
        problems.append(Problem("required column is missing", file=file, row=1, column=c))
    for c in extra:
        problems.append(Problem("unknown column", file=file, row=1, column=c))
    if missing:
        return problems
    actual = {(m.start, m.text) for m in scan(report.text() if text is None else text)}
    seen: dict[tuple[int, str], int] = {}
    for i, row in enumerate(excluded.to_dict("records")):
        rownum = i + 2
        offset = finite_float(row["offset"])
        if offset is None or offset != int(offset):
            problems.append(
                Problem(f"offset '{row['offset']}' is not an integer", file, rownum, "offset")
            )
            continue
        key = (int(offset), row["text"])
        if key in seen:
            problems.append(
                Problem(f"duplicate of row {seen[key]}", file, rownum, "offset", str(int(offset)))
            )
        seen.setdefault(key, rownum)
        if key not in actual:
            problems.append(
                Problem(
                    f"stale exclusion: no mention '{row['text']}' starts at offset {int(offset)}",
                    file,
                    rownum,
                    "text",
                )
            )
        if row["reason"] not in REASONS:
            problems.append(
                Problem(
                    f"unknown reason '{row['reason']}' (allowed: {', '.join(REASONS)})",
                    file,
                    rownum,
                    "reason",
                )
            )
        elif row["reason"] == "other" and not row["note"].strip():
            problems.append(Problem("reason 'other' needs a note", file, rownum, "note"))
    return problems


def reason_table(excluded: pd.DataFrame | None = None) -> pd.DataFrame:
    """Excluded mentions per reason, most common first, with each reason's meaning."""
    excluded = read_csv_strings(excluded_path()) if excluded is None else excluded
    table = excluded.groupby("reason").size().rename("mentions").sort_values(ascending=False)
    table = table.to_frame()
    table["meaning"] = [REASONS[r] for r in table.index]
    return table
