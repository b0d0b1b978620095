"""Chapters reach stated figures and derived values through the one lookup, and read
generated data instead of rebuilding it.

The code cells of every chapter (except the data page, which lists files) are
searched for the old ways in: a figure by value or quote snippet, a derived value
by list position, a generated table rebuilt, a CSV read past the package.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CHAPTERS = sorted(
    p
    for p in (Path(__file__).resolve().parents[1] / "chapters").glob("*.md")
    if p.name != "data.md"
)
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)

FORBIDDEN = {
    r"\bfigures\.(value|record|load)\(": "a figure by id: lookup.figure(id); all: lookup.figures()",
    r"\bderive\.": "a derived value by key: lookup.derived(key)",
    r"\bpaths_table\b|\bpaths\.build\(|\bfrom analysis\.compute import [^\n]*\bpaths\b": (
        "read data/paths.csv: lookup.paths()"
    ),
    r"\bfind\(": "a figure by id, not by quote words and value",
    r"read_csv\(|read_text\(|json\.load": "read data through the package (analysis.records)",
    r"\bD\d{3}\b": "a derived value by its key, not its id",
    r"\bcontext\.(fact|targets|load)\(": "an outside fact: lookup.fact(...)",
    r"\.from_figures\(": "read data/derived.csv: lookup.derived(key)",
}


def code(path: Path) -> str:
    return "\n".join(CODE_CELL.findall(path.read_text(encoding="utf-8")))


def offences(text: str) -> list[str]:
    return [f"{found.group(0)!r}: {why}" for pattern, why in FORBIDDEN.items()
            for found in re.finditer(pattern, text)]  # fmt: skip


def test_the_search_finds_the_old_ways():
    old = (
        'F = figures.value\nD = derive.load()["value"]\nx = D["D016"]\n'
        "figs = paths_table.load_figures()\ntable = paths_table.build(figs)\n"
        'gdp = paths_table.find(figs, "275.5亿元", 275.5)\n'
        'frame = pd.read_csv(locations.data_dir() / "paths.csv")\n'
    )
    assert len(offences(old)) >= 7


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_uses_the_lookup(chapter):
    assert offences(code(chapter)) == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_prose_types_no_record_id_list(chapter):
    """Id lists in the prose ('D001-D008, D016') come from glue, not from a keyboard."""
    prose = CODE_CELL.sub("", chapter.read_text(encoding="utf-8"))
    prose = re.sub(r"\{[a-z:]+\}`[^`]*`", "", prose)
    lists = [p for p in prose.split("\n\n") if len(re.findall(r"\b[FD]\d{3,4}\b", p)) > 1]
    assert lists == []  # one id as an example ('ids such as F0001') is not a list
