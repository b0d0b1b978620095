"""What a reader meets on every page (part of ``analysis.book``).

- **Numbers that link to their records.** ``{glue:text}`` is myst-nb's role with
  one addition: a number glued with its records (``analysis.charts.numbers.glue``)
  becomes a link to its anchor on the records page, whose tip (ids and quote)
  shows on hover and on keyboard focus. Other glued text is left as it was.
- **Tables numbered as tables.** A cell output named ``tbl-…`` (``mystnb: figure:
  name``) is a yearbook table, not a figure: it becomes a ``Table n``, numbered
  apart from the figures, its caption above it, and ``{numref}`` finds it.
- **A meta description** on every page (front matter's ``html_meta``, or the first
  paragraph).
- **Bounds on the right side.** A number glued as a bound (with its exact value)
  that the text prints on the wrong side of it (a floor shown above its value, a
  ceiling below) is a build warning, so ``-W`` fails the build. A negative glued
  number gets a true minus sign (−0.9).
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from myst_nb.core.variables import RetrievalError
from myst_nb.ext.glue.roles import PasteTextRole
from myst_nb.ext.glue.utils import retrieve_glue_data
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from ..base.web import RECORDS_MIME, RECORDS_PAGE, breaks_bound, record_link, true_minus
from .page_html import description

TABLE_PREFIX = "tbl-"
LOGGER = logging.getLogger(__name__)
NUMBER = re.compile(r"^-?[\d,]*\.?\d+%?$")  # a glued number as printed


class LinkedText(PasteTextRole):
    """``{glue:text}``: myst-nb's text role, linking numbers that carry their records."""

    def run(self):
        found, messages = super().run()
        key = self.text.rsplit(":", 1)[0]
        if len(found) != 1 or "::" in key or not isinstance(found[0], nodes.inline):
            return found, messages
        try:
            data = retrieve_glue_data(self.document, key).data.get(RECORDS_MIME)
        except RetrievalError:
            data = None
        text = found[0].astext()
        if NUMBER.match(text):
            text = true_minus(text)  # −0.9, not -0.9
        if not data:
            if text == found[0].astext():
                return found, messages
            return [nodes.inline(text, text, classes=found[0]["classes"])], messages
        env = self.document.settings.env
        uri = env.app.builder.get_target_uri
        page = relative_uri(uri(env.docname), uri(RECORDS_PAGE))
        if "bound" in data and breaks_bound(found[0].astext(), data["exact"], data["bound"]):
            LOGGER.warning("%s prints %s, on the wrong side of its %s bound %s: glue it with "
                           "decimals= (rounded outward)", key, found[0].astext(), data["bound"],
                           data["exact"], location=(self.source, self.line))  # fmt: skip
        html = record_link(text, data["anchor"], data["ids"], data["tip"], page)
        return [nodes.raw("", html, format="html")], messages


class numbered_table(nodes.figure):
    """A table shown as a cell output, numbered as ``Table n``."""


class TablesAreTables(SphinxTransform):
    """Before labels are collected (850): ``tbl-`` figures become numbered tables."""

    default_priority = 800

    def apply(self, **kwargs) -> None:
        for figure in list(self.document.findall(nodes.figure)):
            tables = [n for n in figure["ids"] + figure["names"] if n.startswith(TABLE_PREFIX)]
            if type(figure) is not nodes.figure or not tables:
                continue
            table = numbered_table(figure.rawsource, *figure.children, **figure.attributes)
            table["classes"].append("numbered-table")
            for caption in [c for c in table.children if isinstance(c, nodes.caption)]:  # above
                table.remove(caption)
                table.insert(0, caption)
            figure.replace_self(table)
            for name in table["names"]:
                self.document.nameids[name] = table["ids"][0]
            for node_id in table["ids"]:
                self.document.ids[node_id] = table


def add_description(app, pagename, templatename, context, doctree) -> None:
    if doctree is None or 'name="description"' in context.get("metatags", ""):
        return
    text = description(para.astext() for para in doctree.findall(nodes.paragraph))
    if text:
        context["metatags"] = context.get("metatags", "") + (
            f'\n<meta name="description" content="{html.escape(text)}" />'
        )


def setup(app) -> None:
    import jieba  # the Chinese search's word splitter: no "Building prefix dict" lines

    jieba.setLogLevel(30)
    app.add_role_to_domain("glue", "text", LinkedText(), override=True)
    html = (lambda self, node: self.visit_figure(node), lambda self, node: self.depart_figure(node))
    app.add_enumerable_node(numbered_table, "table", html=html)
    app.add_transform(TablesAreTables)
    app.connect("html-page-context", add_description)
