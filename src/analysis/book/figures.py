"""Each numbered figure's data, one click from its caption (part of ``analysis.book``).

A chart cell's output carries the frame the chart plots as CSV text, which
``FigureDataPlugin`` (below) keeps in the environment. After a page is
read, each such figure's caption gets a "Data (CSV)" link to
``figure-data/<figure name>.csv``; the files are written when the build finishes,
and ``{figure-data-list}`` on the data page lists them with number and caption.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from ..base.web import FIGURE_DATA_DIR, FIGURE_DATA_MIME

DATA_PAGE = "chapters/data"


class FigureData(SphinxTransform):
    """After a page is read: a "Data (CSV)" link under each figure that kept its data."""

    default_priority = 810

    def apply(self, **kwargs) -> None:
        env = self.env
        kept = getattr(env, "book_figure_data", {}).get(env.docname, {})
        uri = env.app.builder.get_target_uri
        for figure in self.document.findall(nodes.figure):
            name = next((n for n in figure["names"] if n in kept), None)
            caption = next(figure.findall(nodes.caption), None)
            if name is None or caption is None:
                continue
            kept[name] = (caption.astext(), kept[name][1])
            href = relative_uri(uri(env.docname), f"{FIGURE_DATA_DIR}/{name}.csv")
            caption += nodes.Text(" ")
            caption += nodes.reference("", "Data (CSV)", refuri=href,
                                       classes=["figure-data"])  # fmt: skip


class figure_data_list(nodes.General, nodes.Element):
    """Placeholder for the list of figure CSV files, filled when the page is written."""


class FigureDataList(SphinxDirective):
    def run(self):
        return [figure_data_list()]


def fill_list(app, doctree, docname) -> None:
    kept = getattr(app.env, "book_figure_data", {})
    numbers = app.env.toc_fignumbers
    for placeholder in list(doctree.findall(figure_data_list)):
        rows = []
        for page, figures in kept.items():
            for name, (caption, _) in figures.items():
                number = numbers.get(page, {}).get("figure", {}).get(name, (0,))
                rows.append((number, name, re.sub(r"<[^>]+>", "", caption)))
        items = nodes.bullet_list(classes=["figure-data-list"])
        for number, name, caption in sorted(rows):
            href = relative_uri(app.builder.get_target_uri(docname),
                                f"{FIGURE_DATA_DIR}/{name}.csv")  # fmt: skip
            link = nodes.reference("", f"{name}.csv", refuri=href, classes=["data-download"])
            text = f"Fig. {'.'.join(map(str, number))}: {html.unescape(caption)} "
            items += nodes.list_item("", nodes.paragraph("", "", nodes.Text(text), link))
        placeholder.replace_self(items)


def forget(app, env, docname) -> None:
    getattr(env, "book_figure_data", {}).pop(docname, None)


def always_list(app, env):
    return [DATA_PAGE] if DATA_PAGE in env.all_docs else []


def write_files(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / FIGURE_DATA_DIR
    folder.mkdir(exist_ok=True)
    for figures in getattr(app.env, "book_figure_data", {}).values():
        for name, (_, text) in figures.items():
            (folder / f"{name}.csv").write_text(text, encoding="utf-8")


def setup(app) -> None:
    app.add_transform(FigureData)
    app.add_node(figure_data_list)
    app.add_directive("figure-data-list", FigureDataList)
    app.connect("doctree-resolved", fill_list)
    app.connect("env-purge-doc", forget)
    app.connect("env-get-updated", always_list)
    app.connect("build-finished", write_files)


class FigureDataPlugin:
    """A myst-nb MIME renderer (entry point ``myst_nb.mime_renderers`` in pyproject.toml):
    keeps a chart's CSV under its cell's figure name in the build's environment
    (``book_figure_data``) and renders nothing; ``FigureData`` links it."""

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != FIGURE_DATA_MIME:
            return None
        name = ((data.cell_metadata.get("mystnb") or {}).get("figure") or {}).get("name")
        env = renderer.renderer.document.settings.env
        kept = env.book_figure_data = getattr(env, "book_figure_data", {})
        if name:
            kept.setdefault(env.docname, {})[name] = ("", data.string)
        return []
