"""Facts from outside the report, loaded from ``data/external/`` with validation.

Each file is a copy of a file in the shared context folder, with every row
carrying a ``source`` and a ``confidence`` (high, medium or low) so the book
can cite it and keep its reliability visible. A row without a source, or with
another confidence word, is an ``InputError`` naming the file, the row as a
spreadsheet shows it, the column and the record id.

Targets and outcomes come in two files with the same columns and no row in
both (a first search, ids X001…, and a second, ids X101…); ``targets()``,
``fact()`` and ``by_id()`` read them as one table. A value may be a range as
the source wrote it ("7-7.5"): ``targets()`` gives its ends in ``value_low``
and ``value_high`` and leaves ``value`` empty; as a Record it is the midpoint,
bound ``approximate``. Dated events (``events.csv``, ids E01…) are Records too,
with the date as their period.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd

from ..base import files
from ..base.errors import InputError, Problem
from ..base.io import finite_float, read_csv_strings
from ..base.locations import data_dir
from .record import CONTEXT, Record
from .vocabulary import APPROXIMATE, CONFIDENCE, PLAIN_WORDS, QUALIFIERS, bound_of

TARGETS = "targets_and_outcomes.csv"
MORE_TARGETS = "more_targets_and_outcomes.csv"
ADDED = "added_context.csv"  # facts found for the referee's second round (ids C…), not shared
TARGET_FILES = (TARGETS, MORE_TARGETS, ADDED)
EVENTS = "events.csv"
COUNTY_CRITERIA = "county_to_city_1993_criteria.csv"
LI_PANEL = "li2019_prefecture_growth_targets.csv"
SHARED_COPIES = (TARGETS, MORE_TARGETS, EVENTS, COUNTY_CRITERIA, LI_PANEL)

_TARGET_COLUMNS = ["id", "jurisdiction", "level", "year", "indicator", "measure", "value", "unit"]
# columns each file must hold (besides source and confidence)
REQUIRED = {
    TARGETS: _TARGET_COLUMNS,
    MORE_TARGETS: _TARGET_COLUMNS,
    ADDED: _TARGET_COLUMNS,
    EVENTS: ["id", "date", "jurisdiction", "event", "excerpt"],
    COUNTY_CRITERIA: ["id", "criterion", "unit", "density_over_400", "density_100_to_400"],
    LI_PANEL: [
        "prefecture_code",
        "province_code",
        "year",
        "realized_growth_pct",
        "provincial_target_pct",
        "prefecture_target_pct",
        "prefecture_target_observed",
    ],
}
RANGE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$")


def external_path(name: str) -> Path:
    return files.external_csv(name)


def read_validated(path: Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read one external CSV as text and check source/confidence on every row."""
    path = Path(path)
    frame = read_csv_strings(path)
    problems = [
        Problem("required column is missing", file=path, column=column)
        for column in [*(required or []), "source", "confidence"]
        if column not in frame.columns
    ]
    if problems:
        raise InputError(problems)
    ids = frame["id"] if "id" in frame.columns else pd.Series([None] * len(frame))
    # vectorised checks (the Li panel has 3,500 rows); problems listed in row order
    no_source = frame["source"].str.strip() == ""
    bad_confidence = ~frame["confidence"].str.strip().isin(CONFIDENCE)
    for index in frame.index[no_source | bad_confidence]:
        where = dict(file=path, row=int(index) + 2, record=ids.iloc[index] or None)
        if no_source[index]:
            problems.append(Problem("source is empty", column="source", **where))
        if bad_confidence[index]:
            confidence = frame.at[index, "confidence"]
            problems.append(
                Problem(
                    f"confidence must be one of {', '.join(CONFIDENCE)}, got {confidence!r}",
                    column="confidence",
                    **where,
                )
            )
    if problems:
        raise InputError(problems)
    return frame


@cache
def _load(name: str, root: str) -> pd.DataFrame:
    return read_validated(external_path(name), REQUIRED.get(name))


def load(name: str) -> pd.DataFrame:
    """One external file, validated (cached per data folder; returns a copy)."""
    return _load(name, str(data_dir())).copy()


def _value_range(text: str) -> tuple[float, float] | None:
    found = RANGE.match(text)
    return (float(found.group(1)), float(found.group(2))) if found else None


@cache
def _targets(root: str) -> pd.DataFrame:
    parts = []
    for name in TARGET_FILES:
        frame = load(name)
        frame["file"] = name
        parts.append(frame)
    frame = pd.concat(parts, ignore_index=True)
    duplicated = frame["id"].duplicated()
    if duplicated.any():
        raise InputError(
            [Problem("id appears in more than one row", file=external_path(name), column="id",
                     record=rid) for rid, name in zip(frame.loc[duplicated, "id"],
                                                      frame.loc[duplicated, "file"], strict=True)]
        )  # fmt: skip
    low, high, value, problems = [], [], [], []
    for row in frame.itertuples():
        text = row.value.strip()
        found = _value_range(text)
        number = finite_float(text) if text and not found else None
        if text and not found and number is None:
            where = external_path(row.file)
            problems.append(Problem(f"'{text}' is not a number or a range", file=where,
                                    column="value", record=row.id))  # fmt: skip
        value.append(float("nan") if number is None else number)
        low.append(found[0] if found else float("nan"))
        high.append(found[1] if found else float("nan"))
    if problems:
        raise InputError(problems)
    return frame.assign(value=value, value_low=low, value_high=high)


def targets() -> pd.DataFrame:
    """Targets and outcomes from both files, ``value`` a number (NaN if qualitative or a
    range; a range's ends in ``value_low``/``value_high``), ``file`` naming the copy."""
    return _targets(str(data_dir())).copy()


def county_criteria() -> pd.DataFrame:
    """The 1993 county-to-city thresholds, numbers as floats."""
    frame = load(COUNTY_CRITERIA)
    for column in ("density_over_400", "density_100_to_400", "density_under_100"):
        frame[column] = pd.to_numeric(frame[column])
    return frame


def li_panel_raw() -> pd.DataFrame:
    """The Li et al. (2019) panel as stored (validated for provenance only)."""
    return load(LI_PANEL)


def as_record(row: dict, file: Path | None = None) -> Record:
    """One row of a targets-and-outcomes file as a Record (value NaN if qualitative; the
    midpoint, bound approximate, if the source gives a range)."""
    qualifier = row.get("qualifier", "")
    if qualifier and qualifier not in QUALIFIERS and qualifier not in PLAIN_WORDS:
        raise InputError(
            f"unknown qualifier {qualifier!r} (allowed: {', '.join([*QUALIFIERS, *PLAIN_WORDS])})",
            file=file or external_path(row.get("file", TARGETS)),
            column="qualifier",
            record=row["id"],
        )
    text = str(row["value"])
    found = _value_range(text)
    value = (found[0] + found[1]) / 2 if found else finite_float(text)
    return Record(
        id=row["id"],
        value=float("nan") if value is None else value,
        unit=row["unit"],
        bound=APPROXIMATE if found else bound_of(qualifier),
        label=f"{row['jurisdiction']}: {row['indicator']} ({row['measure']})",
        label_zh="",
        quote=row.get("excerpt", ""),
        origin=CONTEXT,
        period=row["year"],
        kind=row["measure"],
        qualifier=qualifier,
        source=row["source"],
        confidence=row["confidence"],
    )


def _raw_targets() -> pd.DataFrame:
    """Both files as text (values as written), with the file each row is in."""
    return pd.concat([load(name).assign(file=name) for name in TARGET_FILES], ignore_index=True)


def fact(jurisdiction: str, indicator: str, measure: str, year: str) -> Record:
    """Exactly one row of the targets-and-outcomes files, or an InputError saying why not."""
    frame = _raw_targets()
    hits = frame[
        (frame["jurisdiction"] == jurisdiction)
        & (frame["indicator"] == indicator)
        & (frame["measure"] == measure)
        & (frame["year"] == str(year))
    ]
    if len(hits) != 1:
        raise InputError(
            f"expected one row for {jurisdiction} / {indicator} / {measure} / {year}, "
            f"found {len(hits)}",
            file=external_path(TARGETS),
        )
    return as_record(hits.iloc[0].to_dict())


def by_id(record_id: str) -> Record:
    """The row of the targets-and-outcomes files with this id."""
    frame = _raw_targets()
    hits = frame[frame["id"] == record_id]
    if len(hits) != 1:
        raise InputError(
            f"no row with id '{record_id}'", file=external_path(TARGETS), record=record_id
        )
    return as_record(hits.iloc[0].to_dict())


def events() -> pd.DataFrame:
    """Dated events (events.csv), in file order."""
    return load(EVENTS)


def event(event_id: str) -> Record:
    """One dated event as a Record: no value, the date as its period, the excerpt as quote."""
    frame = load(EVENTS)
    hits = frame[frame["id"] == event_id]
    if len(hits) != 1:
        raise InputError(f"no event with id '{event_id}'", file=external_path(EVENTS),
                         record=event_id)  # fmt: skip
    row = hits.iloc[0]
    return Record(
        id=row["id"],
        value=float("nan"),
        unit="",
        bound="exact",
        label=f"{row['jurisdiction']}: {row['event']}",
        label_zh="",
        quote=row["excerpt"],
        origin=CONTEXT,
        period=row["date"],
        kind="event",
        source=row["source"],
        confidence=row["confidence"],
    )


URBANIZATION = "urbanization rate of resident population"


def minquan_population_2020() -> Record:
    """Resident population in the 7th census (2020-11-01)."""
    return fact("Minquan", "resident population (7th census)", "realized", "2020")


def minquan_land_area() -> Record:
    return fact("Minquan", "land area", "realized", "-")
