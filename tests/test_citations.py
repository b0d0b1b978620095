"""The bibliography is formatted again exactly when a build could change it.

``analysis.book_ext.citations`` keeps sphinxcontrib-bibtex's stored result when
the pages Sphinx re-reads cite what they cited before. Unit tests cover the
decision; the build tests run the maintainers' plain ``jupyter-book build .`` on
a two-page copy (a page that cites, and the references page) and check both
that the guard skips the work when it should and that the pages stay right
when it must not skip.
"""

from __future__ import annotations

from collections import namedtuple

import pytest
from bs4 import BeautifulSoup

from analysis.book_ext import citations
from conftest import build_book_plain, copy_env, copy_repo

Ref = namedtuple("Ref", "citation_id docname line targets")
Target = namedtuple("Target", "key pre post")
BibKey = namedtuple("BibKey", "docname id")


class FakeDomain:
    def __init__(self, refs, bibliographies=()):
        self.citation_refs = refs
        self.bibliographies = {key: None for key in bibliographies}


def test_citations_of_keeps_each_page_s_citations_in_order():
    refs = [
        Ref("a", "p1", 3, [Target("k2", "", "")]),
        Ref("b", "p2", 1, [Target("k1", "", "")]),
        Ref("c", "p1", 9, [Target("k1", "see", "p. 4")]),
    ]
    got = citations.citations_of(FakeDomain(refs), ["p1", "p3"])
    assert got == {
        "p1": [(Target("k2", "", ""),), (Target("k1", "see", "p. 4"),)],
        "p3": [],
    }


def test_has_bibliography_looks_only_at_the_pages_named():
    domain = FakeDomain([], bibliographies=[BibKey("refs", "bib-1")])
    assert citations.has_bibliography(domain, ["refs", "p1"])
    assert not citations.has_bibliography(domain, ["p1"])


@pytest.mark.parametrize(
    ("before", "after", "bibliography_read", "needed"),
    [
        ({}, {}, False, False),  # nothing read: a no-op build
        ({"p1": [("k1",)]}, {"p1": [("k1",)]}, False, False),  # prose edit
        ({"p1": [("k1",)]}, {"p1": [("k1",), ("k2",)]}, False, True),  # a new citation
        ({"p1": [("k1",), ("k2",)]}, {"p1": [("k2",), ("k1",)]}, False, True),  # reordered
        ({"p1": [("k1",)]}, {"p1": []}, False, True),  # a citation removed
        ({"p1": []}, {"p1": []}, True, True),  # the references page itself was read
        (None, {}, False, True),  # no snapshot: never guess
    ],
)
def test_formatting_needed(before, after, bibliography_read, needed):
    assert citations.formatting_needed(before, after, bibliography_read) is needed


PAGE = """
# Citing page

The prefecture targets come from {cite:t}`li2019target`.
"""

TOC = """format: jb-book
root: chapters/zz-cites
chapters:
  - file: chapters/references
"""

KEPT = "bibliography kept"


def _replace_once(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} no longer holds {old!r} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _citation_links(build, page="chapters/zz-cites"):
    html = (build.html / f"{page}.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    return [
        (a.get_text(), a["href"])
        for a in soup.select("a.reference.internal[href*='references.html#']")
    ]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """A two-page copy, built once; each test edits it and builds again, in order."""
    source = copy_repo(tmp_path_factory.mktemp("cites") / "book")
    header = (source / "chapters/_header.txt").read_text(encoding="utf-8")
    (source / "chapters/zz-cites.md").write_text(header + PAGE, encoding="utf-8")
    (source / "_toc.yml").write_text(TOC, encoding="utf-8")
    env = copy_env(source)

    def build():
        result = build_book_plain(source, env)
        assert result.returncode == 0, result.log[-4000:]
        return result

    first = build()
    assert KEPT not in first.log  # the first build formats everything
    return source, build, first


@pytest.mark.slow
class TestBuilds:
    def test_a_no_op_build_keeps_the_bibliography(self, book):
        _, build, first = book
        again = build()
        assert "citations unchanged in the 0 page(s) read" in again.log
        assert _citation_links(again) == _citation_links(first)

    def test_a_prose_edit_keeps_it_and_the_citation_still_resolves(self, book):
        source, build, first = book
        _replace_once(source / "chapters/zz-cites.md", "come from", "are taken from")
        edited = build()
        assert "citations unchanged in the 1 page(s) read" in edited.log
        links = _citation_links(edited)
        assert links and links == _citation_links(first)
        assert "are taken from" in (edited.html / "chapters/zz-cites.html").read_text("utf-8")

    def test_a_new_citation_formats_again(self, book):
        source, build, _ = book
        _replace_once(
            source / "chapters/zz-cites.md",
            "{cite:t}`li2019target`.",
            "{cite:t}`li2019target`, with data in {cite:p}`li2019data`.",
        )
        edited = build()
        assert KEPT not in edited.log
        assert len(_citation_links(edited)) == 2

    def test_a_bib_file_edit_reaches_the_references_page(self, book):
        source, build, _ = book
        # inside the double braces, so the style's sentence case keeps it as written
        _replace_once(
            source / "references.bib", "{{Replication data for", "{{ZZ edited. Replication data for"
        )
        edited = build()
        assert KEPT not in edited.log
        references = (edited.html / "chapters/references.html").read_text(encoding="utf-8")
        assert "ZZ edited. Replication data" in references


def test_install_wraps_the_bibtex_handler_of_a_real_sphinx_app(tmp_path):
    """If sphinxcontrib-bibtex renames its handler, this fails (the guard would be off)."""
    from sphinx.application import Sphinx

    (tmp_path / "conf.py").write_text(
        "extensions = ['sphinxcontrib.bibtex']\nbibtex_bibfiles = ['refs.bib']\n", encoding="utf-8"
    )
    (tmp_path / "refs.bib").write_text("", encoding="utf-8")
    (tmp_path / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
    app = Sphinx(
        str(tmp_path), str(tmp_path), str(tmp_path / "out"), str(tmp_path / "doctrees"), "html",
        status=None, warning=None,
    )  # fmt: skip
    assert citations.install(app) is True
    handlers = [listener.handler for listener in app.events.listeners["env-updated"]]
    assert any(getattr(h, "minquan_wraps", None) is not None for h in handlers)
    assert not any(getattr(h, "__module__", "") == citations.BIBTEX_MODULE for h in handlers)
