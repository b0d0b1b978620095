"""No number typed by hand in chart captions, alt texts or headings.

Numbers in the book come from code, through glue. The prose is checked by
``shared/tools/prose_numbers.py``, which skips headings and the chart cells'
metadata; this test covers those with the same rules. A caption is parsed as
MyST, so its numbers come from ``{glue:text}``; myst-nb passes alt text through
as plain text, so alt texts describe a chart's form and message and leave the
values to the caption, the prose and the data. Allowed, as in the prose:
years standing alone, ordinals (13th), quotes from the report (「…」), names
such as 5G, and an index base (2015 = 100).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CHAPTERS = sorted((Path(__file__).resolve().parents[1] / "chapters").glob("*.md"))

CELL_OPTIONS = re.compile(r"^```\{code-cell\}[^\n]*\n---\n(.*?)\n---\n", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^#{1,6} .*$", re.MULTILINE)
ROLE = re.compile(r"\{[a-zA-Z:_-]+\}`[^`]*`")
QUOTED = re.compile(r"「[^」]*」")
INDEX_BASE = re.compile(r"\b(19|20)\d\d = 100\b")
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*%?(?![0-9.,]\d|\d|st\b|nd\b|rd\b|th\b|[A-Za-z])")
YEAR = re.compile(r"^(19|20)\d\d$")


def typed_numbers(text: str) -> list[str]:
    for pattern in (ROLE, QUOTED, INDEX_BASE):
        text = pattern.sub(" ", text)
    return [n for n in NUMBER.findall(text) if not YEAR.match(n)]


def chart_texts(path: Path):
    """(where, text) of every caption, alt text and heading of a chapter."""
    source = path.read_text(encoding="utf-8")
    for found in CELL_OPTIONS.finditer(source):
        line = source.count("\n", 0, found.start()) + 1
        options = yaml.safe_load(found.group(1)) or {}
        mystnb = options.get("mystnb") or {}
        name = (mystnb.get("figure") or {}).get("name", "cell")
        for kind, text in (
            ("caption", (mystnb.get("figure") or {}).get("caption")),
            ("alt", (mystnb.get("image") or {}).get("alt")),
        ):
            if text:
                yield f"{path.name}:{line} {name} {kind}", str(text)
    for found in HEADING.finditer(source):
        line = source.count("\n", 0, found.start()) + 1
        yield f"{path.name}:{line} heading", found.group(0)


def test_the_checker_finds_typed_numbers_and_allows_the_conventions():
    assert typed_numbers("deposits 16.8 percent, loans 57%, 36 projects") == ["16.8", "57%", "36"]
    assert typed_numbers("GDP, 2015 = 100, in 2020; the 13th plan; 5G stations") == []
    assert typed_numbers("if Minquan targets {glue:text}`target_rate:.0f`% a year") == []
    assert typed_numbers("projects of 「5000万元以上」") == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_typed_number_in_captions_alt_texts_or_headings(chapter: Path):
    problems = [
        f"{where}: {', '.join(found)} in {text!r}"
        for where, text in chart_texts(chapter)
        if (found := typed_numbers(text))
    ]
    assert not problems, "numbers typed by hand (glue them, or describe without them):\n" + (
        "\n".join(problems)
    )
