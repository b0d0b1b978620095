"""Facts from outside the report, loaded from ``data/external/`` with validation.

Each file is a copy of a file in the shared context folder, with every row
carrying a ``source`` and a ``confidence`` (high, medium or low) so the book
can cite it and keep its reliability visible. A row without a source, or with
another confidence word, is an ``InputError`` naming the file, the row as a
spreadsheet shows it, the column and the record id.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from ..base import files
from ..base.errors import InputError, Problem
from ..base.io import finite_float, read_csv_strings
from ..base.locations import data_dir
from .record import CONTEXT, Record
from .vocabulary import CONFIDENCE, PLAIN_WORDS, QUALIFIERS, bound_of

TARGETS = "targets_and_outcomes.csv"
COUNTY_CRITERIA = "county_to_city_1993_criteria.csv"
LI_PANEL = "li2019_prefecture_growth_targets.csv"

# columns each file must hold (besides source and confidence)
REQUIRED = {
    TARGETS: ["id", "jurisdiction", "level", "year", "indicator", "measure", "value", "unit"],
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


def targets() -> pd.DataFrame:
    """Targets and outcomes above the county, with ``value`` as a number (NaN if qualitative)."""
    frame = load(TARGETS)
    frame["value"] = pd.to_numeric(frame["value"].replace("", None), errors="raise")
    return frame


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
    """One row of targets_and_outcomes.csv as a Record (value NaN if qualitative)."""
    qualifier = row.get("qualifier", "")
    if qualifier and qualifier not in QUALIFIERS and qualifier not in PLAIN_WORDS:
        raise InputError(
            f"unknown qualifier {qualifier!r} (allowed: {', '.join([*QUALIFIERS, *PLAIN_WORDS])})",
            file=file or external_path(TARGETS),
            column="qualifier",
            record=row["id"],
        )
    value = finite_float(str(row["value"]))
    return Record(
        id=row["id"],
        value=float("nan") if value is None else value,
        unit=row["unit"],
        bound=bound_of(qualifier),
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


def fact(jurisdiction: str, indicator: str, measure: str, year: str) -> Record:
    """Exactly one row of targets_and_outcomes.csv, or an InputError saying why not."""
    frame = load(TARGETS)
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
    """The row of targets_and_outcomes.csv with this id."""
    frame = load(TARGETS)
    hits = frame[frame["id"] == record_id]
    if len(hits) != 1:
        raise InputError(
            f"no row with id '{record_id}'", file=external_path(TARGETS), record=record_id
        )
    return as_record(hits.iloc[0].to_dict())


URBANIZATION = "urbanization rate of resident population"


def minquan_population_2020() -> Record:
    """Resident population in the 7th census (2020-11-01)."""
    return fact("Minquan", "resident population (7th census)", "realized", "2020")


def minquan_land_area() -> Record:
    return fact("Minquan", "land area", "realized", "-")
