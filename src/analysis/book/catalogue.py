"""The catalogue of data files the book publishes for download.

One list, used twice: ``analysis.book.site`` copies these files into the built
site (``<html>/data/...``) and the data page (``chapters/data.md``) shows them
with a description and a link, so a file cannot be published without being
listed, or listed without being published. ``data/staging/`` stays out.

Descriptions come from ``data/datapackage.json`` (Frictionless), which describes
every CSV; the few files that are not resources of the package have a fixed text
in ``OTHER_FILES``. A file with neither is shown as undescribed, and a test fails.
Standard library only: the data page's kernel and every build import this.
"""

from __future__ import annotations

import csv
import html
import json
from dataclasses import dataclass
from pathlib import Path

# Relative to the repository root.
PUBLISHED_GLOBS = (
    "data/*.csv",
    "data/*.json",
    "data/*.md",
    "data/external/*.csv",
    "data/external/*.md",
)
OTHER_FILES = {
    "data/datapackage.json": "Frictionless data package: the schema of every data file.",
    "data/README.md": "Description of the data files, column by column.",
    "data/external/README.md": "Provenance of the external context files.",
}
UNDESCRIBED = "(no description yet)"
STYLE = (  # the theme sets table-layout on tables, hence !important
    "<style>table.data-catalogue { table-layout: fixed !important; width: 100% !important; }"
    " table.data-catalogue th { text-align: left; }"
    " table.data-catalogue td:nth-child(n+3) { text-align: right; }"
    " table.data-catalogue th:nth-child(1) { width: 34% !important; }"
    " table.data-catalogue th:nth-child(2) { width: 46% !important; }"
    " table.data-catalogue th:nth-child(3) { width: 11% !important; }"
    " table.data-catalogue td:first-child { overflow-wrap: anywhere; }</style>"
)


@dataclass(frozen=True)
class Entry:
    file: str  # relative to the root, with forward slashes
    description: str
    records: int | None  # rows after the header, for a CSV file
    kb: float


def published_files(root: Path) -> list[Path]:
    """The data files to publish, relative to ``root``, sorted."""
    found = {p.relative_to(root) for pattern in PUBLISHED_GLOBS for p in root.glob(pattern)}
    return sorted(p for p in found if not p.name.startswith("."))


def descriptions(root: Path) -> dict[str, str]:
    """Each resource's description (or title) from ``data/datapackage.json``, by file."""
    package = root / "data" / "datapackage.json"
    if not package.is_file():
        return {}
    found = {}
    for resource in json.loads(package.read_text(encoding="utf-8")).get("resources", []):
        path, text = resource.get("path"), resource.get("description") or resource.get("title")
        if isinstance(path, str) and text:
            found[f"data/{path}"] = " ".join(str(text).split())
    return found


def _records(path: Path) -> int | None:
    if path.suffix != ".csv":
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


def entries(root: Path) -> list[Entry]:
    """One entry per published file: path, description, records, size in kB."""
    described = {**OTHER_FILES, **descriptions(root)}
    return [
        Entry(
            file=relative.as_posix(),
            description=described.get(relative.as_posix(), UNDESCRIBED),
            records=_records(root / relative),
            kb=round((root / relative).stat().st_size / 1000, 1),
        )
        for relative in published_files(root)
    ]


HEADERS = ("File", "Description", "Rows", "Size, kB")  # sentence case, with the unit


def catalogue_html(root: Path, link_prefix: str = "../") -> str:
    """The catalogue as an HTML table whose file names are download links.

    ``link_prefix`` leads from the page that shows the table to the site root
    (the data page lives in ``chapters/``).
    """
    rows = "".join(
        f'<tr><td><a class="data-download" href="{link_prefix}{e.file}" download>{e.file}</a></td>'
        f"<td>{html.escape(e.description)}</td>"
        f"<td>{'' if e.records is None else f'{e.records:,}'}</td><td>{e.kb:,.1f}</td></tr>"
        for e in entries(root)
    )
    head = "".join(f'<th scope="col">{name}</th>' for name in HEADERS)
    return (
        f'{STYLE}<table class="table data-catalogue"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
