"""Checks on the session-scoped build of the whole book."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import toc_pages

pytestmark = pytest.mark.book


def pages(book) -> list[Path]:
    return [book.html / f"{name}.html" for name in toc_pages(book.source)]


def test_build_has_no_warnings(book):
    # -W turns Sphinx warnings into errors; this double-checks the log itself.
    # ("WARNING:" is Sphinx's form; the kernels' own "[IPKernelApp] WARNING |" notice
    # about TCP transport is not a build warning.)
    warnings = [line for line in book.log.splitlines() if "WARNING:" in line]
    assert not warnings, "\n".join(warnings[:20])


def test_every_toc_entry_has_a_page(book):
    missing = [str(p) for p in pages(book) if not p.is_file()]
    assert not missing, f"toc entries without an HTML page: {missing}"


def test_every_chapter_file_is_in_the_toc(book):
    listed = {f"{name}.md" for name in toc_pages(book.source)}
    on_disk = {f"chapters/{p.name}" for p in (book.source / "chapters").glob("*.md")}
    assert on_disk <= listed, f"chapters not in _toc.yml: {sorted(on_disk - listed)}"


@pytest.mark.parametrize(
    "marker", ["Traceback (most recent call last)", "output_error", "ename", "stderr"]
)
def test_no_page_shows_an_error(book, marker):
    offenders = []
    for page in pages(book):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for cell in soup.select("div.cell_output, div.output"):
            if marker in str(cell):
                offenders.append(page.name)
    assert not offenders, f"{marker!r} found in outputs of {sorted(set(offenders))}"


def test_every_image_exists(book):
    broken = []
    for page in pages(book):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in soup.find_all("img"):
            src = img.get("src", "")
            if src.startswith(("http:", "https:", "data:")):
                continue
            if not (page.parent / src).resolve().is_file():
                broken.append(f"{page.name}: {src}")
    assert not broken, broken


def test_chapters_contain_charts(book):
    soup = BeautifulSoup(
        (book.html / "chapters/01-report-and-numbers.html").read_text("utf-8"), "html.parser"
    )
    figures = soup.select("figure:not(.numbered-table)")
    assert figures, "chapter 1 should contain at least one numbered figure"
    assert all(re.search(r"Fig\. \d+", f.get_text()) for f in figures)
    # tables shown as cell outputs are numbered apart, as tables (analysis.book.pages)
    assert all(re.search(r"Table \d+", t.get_text()) for t in soup.select("figure.numbered-table"))


def test_every_figure_has_a_caption_and_alt_text(book):
    problems = []
    for page in pages(book):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for fig in soup.select("figure"):
            img = fig.find("img")
            if img is None:
                continue
            if not fig.find("figcaption"):
                problems.append(f"{page.name}: figure without caption")
            if len((img.get("alt") or "").split()) < 4:
                problems.append(f"{page.name}: figure without meaningful alt text")
    assert not problems, problems
