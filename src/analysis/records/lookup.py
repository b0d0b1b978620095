"""The one way into the records: a stated figure by id, a derived value by key.

Chapters, charts and the computations reach numbers only through here:

- ``figure("F0001")``: a number the report states (data/figures.csv, validated
  against the seed);
- ``derived("revenue_2019")``: a value the book derives, by its stable key
  (data/derived.csv, written by ``python -m analysis derive``); its id (D001)
  is for citing, its key for asking;
- ``fact(jurisdiction, indicator, measure, year)``: a fact from outside the
  report (data/external/targets_and_outcomes.csv and more_targets_and_outcomes.csv);
- ``event(id)``: a dated event from outside the report (data/external/events.csv);
- ``record(id)`` / ``records(ids)``: any of these by the id a table cites
  (F…, D…, X…), to write a source line for ids read from a generated file;
- ``figures()``, ``derived_table()``, ``paths()``, ``targets_scored()``: whole
  tables, for chapters that list or count records. Generated tables are read,
  never rebuilt;
- ``cite(ids)``: ids as a reader sees them cited (F0001-F0014, D001).

Each returns a ``Record`` (``analysis.records.record``). An id or key that is
not there is an ``InputError`` naming the file and the id. Files are read once
per version (their modification time and size key a small cache).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..base import files
from ..base.errors import InputError, Problem
from ..base.io import finite_float, read_csv_strings
from . import context
from . import figures as figures_file
from .record import CONTEXT, DERIVED, ID_PREFIXES, REPORT, Record, cite
from .vocabulary import BOUNDS, PRICE_BASES, STATUSES, VERDICTS, bound_of

DERIVED_NEEDS = ("id", "key", "group", "description", "formula", "input_ids", "value", "unit",
                 "bound")  # fmt: skip
__all__ = ["Record", "cite", "derived", "derived_table", "event", "fact", "figure", "figures",
           "paths", "record", "records", "targets_scored"]  # fmt: skip
PATHS_NEEDS = ("path_id", "scenario", "year", "value", "rate", "price_basis", "bound", "status",
               "input_ids")  # fmt: skip
SCORED_NEEDS = ("id", "indicator", "value", "unit", "qualifier", "tolerance", "verdict", "outcome",
                "outcome_id", "henan_target", "henan_outcome", "henan_verdict", "china_target",
                "china_outcome", "china_verdict")  # fmt: skip


def _version(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        read_csv_strings(path)  # raises the InputError naming the file
        raise
    return str(path), stat.st_mtime_ns, stat.st_size


# --- stated figures -------------------------------------------------------------


@lru_cache(maxsize=4)
def _figures(path: str, mtime_ns: int, size: int) -> dict[str, Record]:
    frame = figures_file.load(path)
    return {
        row["id"]: Record(
            id=row["id"],
            value=float(row["value"]),
            unit=row["unit"],
            bound=bound_of(row["qualifier"]),
            label=row["indicator"],
            label_zh=row["indicator_zh"],
            quote=row["quote"],
            origin=REPORT,
            period=row["period"],
            kind=row["kind"],
            qualifier=row["qualifier"],
        )
        for row in frame.to_dict("records")
    }


def figure(fid: str) -> Record:
    """One number the report states, by its id (F0001)."""
    path = files.figures_csv()
    found = _figures(*_version(path)).get(fid)
    if found is None:
        raise InputError(f"no figure with id '{fid}'", file=path, record=fid)
    return found


def figures() -> pd.DataFrame:
    """All stated figures, validated, numbers as numbers, indexed by id."""
    return figures_file.load()


# --- derived values -------------------------------------------------------------


def _require(frame: pd.DataFrame, needed: Iterable[str], path: Path) -> None:
    missing = [Problem("required column is missing", path, 1, c) for c in needed
               if c not in frame.columns]  # fmt: skip
    if missing:
        raise InputError(missing)


def _numbers(frame: pd.DataFrame, column: str, path: Path, id_column: str) -> pd.Series:
    problems, values = [], []
    for i, (text, rid) in enumerate(zip(frame[column], frame[id_column], strict=True)):
        number = finite_float(text) if text != "" else float("nan")
        if number is None:
            problems.append(Problem(f"'{text}' is not a number", path, i + 2, column, rid))
        values.append(number)
    if problems:
        raise InputError(problems)
    return pd.Series(values, index=frame.index, dtype=float)


def _words(frame: pd.DataFrame, column: str, allowed, path: Path, id_column: str) -> None:
    bad = [
        Problem(f"'{word}' is not one of {', '.join(allowed)}", path, i + 2, column, rid)
        for i, (word, rid) in enumerate(zip(frame[column], frame[id_column], strict=True))
        if word not in allowed
    ]
    if bad:
        raise InputError(bad)


# what a generated file must hold: its columns, its row id, numbers, words of a vocabulary
GENERATED = {
    "derived": (DERIVED_NEEDS, "id", ("value",), {"bound": BOUNDS}),
    "paths": (PATHS_NEEDS, "path_id", ("value", "rate", "year"),
              {"bound": ("", *BOUNDS), "status": ("", *STATUSES),
               "price_basis": ("", *PRICE_BASES)}),
    "targets_scored": (SCORED_NEEDS, "id", ("value", "tolerance", "outcome", "henan_target",
                       "henan_outcome", "china_target", "china_outcome"),
                       {"verdict": VERDICTS, "henan_verdict": ("", *VERDICTS),
                        "china_verdict": ("", *VERDICTS)}),
}  # fmt: skip


@lru_cache(maxsize=8)
def _generated(kind: str, path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    """A generated file read as text and checked: columns present, numbers where numbers
    belong, bounds and statuses in the vocabulary (errors name file, row, column, id)."""
    needs, id_column, numeric, vocabularies = GENERATED[kind]
    file = Path(path)
    frame = read_csv_strings(file)
    _require(frame, needs, file)
    for column in numeric:
        frame[column] = _numbers(frame, column, file, id_column)
    for column, allowed in vocabularies.items():
        _words(frame, column, allowed, file, id_column)
    return frame


def _derived(path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    frame = _generated("derived", path, mtime_ns, size)
    return frame.set_index("key", drop=False).rename_axis(None)


def derived_table() -> pd.DataFrame:
    """data/derived.csv as written, values as numbers, indexed by key."""
    return _derived(*_version(files.derived_csv())).copy()


def _derived_record(row: pd.Series) -> Record:
    return Record(
        id=row["id"],
        value=float(row["value"]),
        unit=row["unit"],
        bound=row["bound"],
        label=row["description"],
        label_zh="",
        quote=row["formula"],
        origin=DERIVED,
        kind=row["group"],
        inputs=tuple(i for i in row["input_ids"].split(";") if i),
        key=row["key"],
    )


def derived(key: str) -> Record:
    """One derived value by its stable key (``revenue_2019``)."""
    path = files.derived_csv()
    table = _derived(*_version(path))
    if key not in table.index:
        raise InputError(f"no derived value with key '{key}'", file=path, column="key", record=key)
    return _derived_record(table.loc[key])


# --- any record by the id a table cites -------------------------------------------


def record(record_id: str) -> Record:
    """A figure, derived value or outside fact by its id (F0001, D001, X001)."""
    origin = ID_PREFIXES.get(record_id[:1])
    if origin == REPORT:
        return figure(record_id)
    if origin == DERIVED:
        path = files.derived_csv()
        table = _derived(*_version(path))
        hits = table[table["id"] == record_id]
        if len(hits) != 1:
            raise InputError(f"no derived value with id '{record_id}'", file=path,
                             record=record_id)  # fmt: skip
        return _derived_record(hits.iloc[0])
    if origin == CONTEXT:
        return context.event(record_id) if record_id.startswith("E") else context.by_id(record_id)
    raise InputError(f"'{record_id}' is not a record id (F…, D…, X…, C… or E…)", record=record_id)


def records(ids: Iterable[str] | str) -> list[Record]:
    """Records for ids, given as a list or as a table cell ('F0001;F0401')."""
    if isinstance(ids, str):
        ids = ids.split(";")
    return [record(i) for i in dict.fromkeys(i.strip() for i in ids) if i]


def fact(jurisdiction: str, indicator: str, measure: str, year: str) -> Record:
    """One fact from outside the report (exactly one row must match)."""
    return context.fact(jurisdiction, indicator, measure, year)


def event(event_id: str) -> Record:
    """One dated event from outside the report (E01), its date as ``period``."""
    return context.event(event_id)


# --- growth paths -------------------------------------------------------------------


def paths() -> pd.DataFrame:
    """data/paths.csv as written: one row per path and year (value NaN where no path)."""
    frame = _generated("paths", *_version(files.paths_csv())).copy()
    frame["year"] = frame["year"].astype(int)
    return frame


def targets_scored() -> pd.DataFrame:
    """data/targets_scored.csv as written: one row per 2021 target of the report, its
    verdict (met, missed, unknown) and the benchmarks of Henan and China."""
    return _generated("targets_scored", *_version(files.targets_scored_csv())).copy()
