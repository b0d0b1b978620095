"""The catalogue of data files the book publishes for download.

One list, used twice: ``analysis.book_site`` copies these files into the built
site (``<html>/data/...``) and the data page (``chapters/data.md``) shows them
with a description and a link, so a file cannot be published without being
listed, or listed without being published. ``data/staging/`` is work in
progress and stays out.

Descriptions come from ``data/datapackage.json`` (Frictionless) when it
describes the file, otherwise from ``DESCRIPTIONS`` below; a file with neither
is shown as undescribed, and a test fails on it.
"""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where used: the Sphinx extension loads
    import pandas as pd  # this module on every build, and a no-op build should stay fast

# Relative to the repository root.
PUBLISHED_GLOBS = (
    "data/*.csv",
    "data/*.json",
    "data/*.md",
    "data/external/*.csv",
    "data/external/*.md",
)

UNDESCRIBED = "(no description yet)"

DESCRIPTIONS = {
    "data/figures.csv": "Every quantitative statement of the report, one row each, with its exact "
    "quote, section, value and unit as written, normalised value, period and kind.",
    "data/derived.csv": "Numbers the book derives from the report (implied levels, totals, shares, "
    "growth rates), each naming the records it is computed from. Generated; never hand-edited.",
    "data/paths.csv": "Growth paths implied by the 2021 targets and the 14th Five-Year and 2035 "
    "goals, by scenario and year. Generated; never hand-edited.",
    "data/datapackage.json": "Frictionless data package: the schema of every data file.",
    "data/README.md": "Description of the data files, column by column.",
    "data/external/targets_and_outcomes.csv": "Targets and realized outcomes for China, Henan, "
    "Shangqiu and Minquan, 2018-2035, each row with its source, excerpt and confidence.",
    "data/external/county_to_city_1993_criteria.csv": "The 1993 State Council standards for "
    "turning a county into a county-level city (国发〔1993〕38号), by population-density tier.",
    "data/external/li2019_prefecture_growth_targets.csv": "Prefecture GDP growth targets and "
    "realized growth, 2003-2014, from the replication data of Li, Liu, Weng and Zhou (2019).",
    "data/external/README.md": "Provenance of the external context files.",
}


def published_files(root: Path) -> list[Path]:
    """The data files to publish, relative to ``root``, sorted."""
    found = {p.relative_to(root) for pattern in PUBLISHED_GLOBS for p in root.glob(pattern)}
    return sorted(p for p in found if not p.name.startswith("."))


def _datapackage_descriptions(root: Path) -> dict[str, str]:
    package = root / "data" / "datapackage.json"
    if not package.is_file():
        return {}
    resources = json.loads(package.read_text(encoding="utf-8")).get("resources", [])
    found = {}
    for resource in resources:
        path, text = resource.get("path"), resource.get("description") or resource.get("title")
        if isinstance(path, str) and text:
            found[f"data/{path}"] = " ".join(str(text).split())
    return found


def _records(path: Path) -> int | None:
    """Number of records of a CSV file (rows after the header); None for other files."""
    if path.suffix != ".csv":
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


def catalogue(root: Path) -> pd.DataFrame:
    import pandas as pd

    """One row per published file: path, description, records, size in kB."""
    described = {**DESCRIPTIONS, **_datapackage_descriptions(root)}
    rows = []
    for relative in published_files(root):
        key = relative.as_posix()
        rows.append(
            {
                "file": key,
                "description": described.get(key, UNDESCRIBED),
                "records": _records(root / relative),
                "kB": round((root / relative).stat().st_size / 1000, 1),
            }
        )
    return pd.DataFrame(rows, columns=["file", "description", "records", "kB"])


def catalogue_html(root: Path, link_prefix: str = "../") -> str:
    """The catalogue as an HTML table whose file names are download links.

    ``link_prefix`` leads from the page that shows the table to the site root
    (the data page lives in ``chapters/``).
    """
    table = catalogue(root)
    table["description"] = table["description"].map(html.escape)
    table["records"] = table["records"].map(lambda n: "" if n != n or n is None else f"{int(n):,}")
    table["file"] = table["file"].map(
        lambda f: f'<a class="data-download" href="{link_prefix}{f}" download>{f}</a>'
    )
    # the theme sets table-layout on output tables, hence !important
    style = (
        "<style>table.data-catalogue { table-layout: fixed !important; width: 100% !important; }"
        " table.data-catalogue th { text-align: left; }"
        " table.data-catalogue th:nth-child(1) { width: 34% !important; }"
        " table.data-catalogue th:nth-child(2) { width: 46% !important; }"
        " table.data-catalogue th:nth-child(3) { width: 11% !important; }"
        " table.data-catalogue td:first-child { overflow-wrap: anywhere; }</style>"
    )
    html_table = table.to_html(index=False, escape=False, border=0, classes="table data-catalogue")
    return style + html_table
