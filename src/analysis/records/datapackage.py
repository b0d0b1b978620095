"""Column descriptions, written once: in data/datapackage.json.

The Frictionless data package describes every CSV of ``data/`` and
``data/external/``: title, description, and for each column its type,
constraints and meaning. Everything else that describes the data is made from
it (and from the vocabularies in code), never typed again:

- the column tables of ``data/README.md`` and its vocabulary tables (units,
  kinds, qualifiers, bounds, statuses, exclusion reasons) are generated
  between ``<!-- generated: NAME -->`` and ``<!-- end generated -->`` markers
  (``python -m analysis readme``; ``--check`` fails when the file is stale);
- the book's data dictionary and downloads pages read the same descriptions.

The prose around the generated blocks stays hand-written.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..base import files
from ..base.errors import InputError
from . import coverage, units, vocabulary

BLOCK = re.compile(r"(<!-- generated: (\S+) -->\n)(.*?)(<!-- end generated -->)", re.DOTALL)


@lru_cache(maxsize=4)
def _descriptor(path: str, mtime_ns: int) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("data package descriptor is missing", file=path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid JSON ({exc})", file=path) from None


def descriptor() -> dict:
    """data/datapackage.json as a dict (read once per version of the file)."""
    path = files.datapackage_json()
    mtime = path.stat().st_mtime_ns if path.exists() else 0
    return _descriptor(str(path), mtime)


def resource(name: str) -> dict:
    """A resource by its name (``figures``) or path (``figures.csv``)."""
    for found in descriptor()["resources"]:
        if name in (found["name"], found["path"]):
            return found
    raise InputError(f"no resource '{name}'", file=files.datapackage_json())


def fields(name: str) -> list[dict]:
    return resource(name)["schema"]["fields"]


def columns(name: str) -> list[str]:
    """The columns a resource has, in order."""
    return [field["name"] for field in fields(name)]


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _type(field: dict) -> str:
    constraints = field.get("constraints", {})
    text = field.get("type", "string")
    if "pattern" in constraints:
        text += f" `{constraints['pattern']}`"
    if not constraints.get("required"):
        text += ", may be empty"
    return text


def _table(header: tuple[str, ...], rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def column_table(name: str) -> str:
    """The Markdown table of a resource's columns: name, type, meaning."""
    rows = [(f"`{f['name']}`", _type(f), f.get("description", "")) for f in fields(name)]
    key = resource(name)["schema"].get("primaryKey", [])
    key_text = ", ".join(f"`{k}`" for k in ([key] if isinstance(key, str) else key))
    return _table(("Column", "Type", "Meaning"), rows) + f"\nPrimary key: {key_text}.\n"


def vocabulary_tables() -> dict[str, str]:
    """The vocabulary tables data/README.md shows, by block name."""
    return {
        "units": _table(
            ("Unit as written", "Standard unit", "Factor"),
            [(f"`{u}`", f"`{std}`", f"{factor:g}") for u, (std, factor) in units.UNITS.items()],
        ),
        "kinds": _table(("Kind", "Meaning"), [(f"`{k}`", m) for k, m in vocabulary.KINDS.items()]),
        "qualifiers": _table(
            ("Qualifier", "Meaning", "Bound"),
            [(f"`{q}`", m, b) for q, (m, b) in vocabulary.QUALIFIERS.items()],
        ),
        "bounds": _table(
            ("Bound", "Meaning"), [(f"`{b}`", m) for b, m in vocabulary.BOUND_MEANINGS.items()]
        ),
        "statuses": _table(
            ("Status", "Meaning"), [(f"`{s}`", m) for s, m in vocabulary.STATUS_MEANINGS.items()]
        ),
        "reasons": _table(
            ("Reason", "Meaning"), [(f"`{r}`", m) for r, m in coverage.REASONS.items()]
        ),
        "price_bases": _table(
            ("Price basis", "Meaning"),
            [(f"`{b}`", m) for b, m in vocabulary.PRICE_BASIS_MEANINGS.items()],
        ),
        "verdicts": _table(
            ("Verdict", "Meaning"), [(f"`{v}`", m) for v, m in vocabulary.VERDICT_MEANINGS.items()]
        ),
    }


def block(name: str) -> str:
    """The text of one generated block: ``columns:<resource>`` or a vocabulary name."""
    if name.startswith("columns:"):
        return column_table(name.split(":", 1)[1])
    tables = vocabulary_tables()
    if name not in tables:
        raise InputError(f"unknown generated block '{name}'", file=files.data_readme())
    return tables[name]


def readme_text(current: str) -> str:
    """data/README.md with every generated block rewritten from its source."""
    return BLOCK.sub(lambda m: m.group(1) + block(m.group(2)) + m.group(4), current)
