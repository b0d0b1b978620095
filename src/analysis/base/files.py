"""The path of each data file, defined once.

Every module that reads or writes one of these files asks here, so a file can
be moved by changing one line, and the tests can point the whole package at a
temporary copy (``MINQUAN_BOOK_ROOT``, see ``analysis.base.locations``).
"""

from __future__ import annotations

from pathlib import Path

from .locations import data_dir


def figures_csv() -> Path:
    return data_dir() / "figures.csv"


def excluded_mentions_csv() -> Path:
    return data_dir() / "excluded_mentions.csv"


def derived_csv() -> Path:
    return data_dir() / "derived.csv"


def paths_csv() -> Path:
    return data_dir() / "paths.csv"


def targets_scored_csv() -> Path:
    return data_dir() / "targets_scored.csv"


def datapackage_json() -> Path:
    return data_dir() / "datapackage.json"


def data_readme() -> Path:
    return data_dir() / "README.md"


def external_csv(name: str) -> Path:
    return data_dir() / "external" / name
