"""The records page: one anchor per record id, where every linked number lands.

Three tables, each row anchored by its id (``records.html#F0003``): the figures
the report states (quote, section, unit, period, kind), the values the book
derives (formula, with its inputs linked), and the facts from outside the report
(source, excerpt, confidence). The page (``chapters/records.md``) shows them.
A stated figure or an outside fact shows its value as written; a derived value
shows the precision of its inputs (``numbers.precision``), a bound rounded outward.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from ..records import context, lookup
from ..text import report
from . import numbers


def _row(record_id: str, cells: list[str]) -> str:
    anchor = html.escape(record_id)
    first = f'<th scope="row" class="text"><a class="record-id" href="#{anchor}">{anchor}</a></th>'
    body = "\n".join(cells)
    return f'<tr id="{anchor}">{first}\n{body}</tr>\n'


def _td(text, kind: str = "text", raw: bool = False) -> str:
    body = text if raw else html.escape("" if text is None else str(text))
    return f'<td class="{kind}">{body or "–"}</td>'


def _number(value) -> str:
    """A value with up to four decimals and no trailing zeros ('' when there is none)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    return "" if pd.isna(number) else f"{number:,.4f}".rstrip("0").rstrip(".")


def _value(value, unit: str, hedge: str = "") -> str:
    """'11.3 亿元', '8 % 左右': the value as the report writes it, with unit and hedge."""
    number = numbers.true_minus(_number(value))
    return " ".join(part for part in (number, unit if number else "", hedge) if part)


INDEX_UNIT = re.compile(r"^\d{4} = 100$")  # an index: '2015 = 100'


def derived_value_text(value: str, unit: str, bound: str) -> str:
    """'157 (index, 2015 = 100; upper bound)', '9.5 % (upper bound)', '11.3 亿元'."""
    notes = [f"index, {unit}"] if INDEX_UNIT.match(unit or "") else []
    if bound and bound != "exact":
        notes.append(f"{bound} bound")
    unit_text = "" if notes and notes[0].startswith("index") else unit
    text = " ".join(p for p in (numbers.true_minus(value), unit_text) if p)
    return f"{text} ({'; '.join(notes)})" if notes else text


def _table(head: list[str], rows: list[str]) -> str:
    cells = "\n".join(f'<th scope="col" class="text">{html.escape(h)}</th>' for h in head)
    return (f'<div class="yearbook-frame"><table class="yearbook records-table"><thead><tr>'
            f'{cells}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')  # fmt: skip


def figures_html() -> str:
    """Every stated figure, anchored by id, with its quote and where it stands."""
    figures = lookup.figures().reset_index(drop=True)
    titles = report.section_table().set_index("id")["title"].to_dict()
    rows = []
    for r in figures.to_dict("records"):
        name = f"{r['indicator']} ({r['indicator_zh']})" if r["indicator_zh"] else r["indicator"]
        where = f"{titles.get(r['section'], r['section'])}; {r['kind'].replace('_', ' ')}"
        cells = [
            _td(name),
            _td(_value(r["value"], r["unit"], r["qualifier"]), "num"),
            _td(r["period"]),
            _td(f"「{r['quote']}」", "text wide"),
            _td(where),
        ]
        rows.append(_row(r["id"], cells))
    return _table(["Id", "Indicator", "Value", "Period", "Quote", "Section; kind"], rows)


def derived_html() -> str:
    """Every derived value, anchored by id, with its formula and linked inputs."""
    table = lookup.derived_table().reset_index(drop=True)
    rows = []
    for r in table.to_dict("records"):
        inputs = ", ".join(f'<a href="#{html.escape(i)}">{html.escape(i)}</a>'
                           for i in r["input_ids"].split(";") if i)  # fmt: skip
        value = numbers.shown(lookup.record(r["id"]))
        cells = [
            _td(r["description"], "text wide"),
            _td(derived_value_text(value, r["unit"], r["bound"]), "num"),
            _td(r["formula"]),
            _td(inputs, "text", raw=True),
        ]
        rows.append(_row(r["id"], cells))
    return _table(["Id", "What it is", "Value", "Formula", "Inputs"], rows)


def context_html() -> str:
    """Every fact from outside the report, anchored by id, with source and confidence
    (both targets-and-outcomes files: the chapters cite rows of each)."""
    table = pd.concat([context.load(name) for name in context.TARGET_FILES], ignore_index=True)
    rows = []
    for r in table.to_dict("records"):
        cells = [
            _td(
                f"{r['jurisdiction']}: {r['indicator']} ({r['measure']}, {r['year']})", "text fact"
            ),
            _td(_value(r["value"], r["unit"], r["qualifier"]), "num"),
            _td(f"「{r['excerpt']}」", "text wide"),
            _td(f"{r['source']} (confidence: {r['confidence']})", "text wide source"),
        ]
        rows.append(_row(r["id"], cells))
    return _table(["Id", "Fact", "Value", "Excerpt", "Source and confidence"], rows)
