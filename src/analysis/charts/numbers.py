"""Numbers in the prose, each one click from its source.

``glue(name, record)`` glues a number the way ``myst_nb.glue`` does (so the text
writes ``{glue:text}`name:.1f``` as before, and the glued plain value stays a
plain number for the tests that read it), and adds the records behind it under
``analysis.base.web.RECORDS_MIME``: their ids, the anchor on the records page and
a tip (ids and quote). The book layer turns every such number into a link to
``records.html#<id>`` that shows the tip on hover and on keyboard focus.

``in_english(record)`` gives the English scale of a number written in 亿 or 万
("CNY 1.13 billion"), with no more precision than the report's own figure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from ..base.web import RECORDS_MIME, record_link
from ..records.record import CONTEXT, DERIVED, Record, with_inputs

TIP_CHARS = 160  # a quote longer than this is cut with an ellipsis in the tip
GLUE_PREFIX = "application/papermill.record/"  # myst-nb's prefix for glue=display=False


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TIP_CHARS else text[: TIP_CHARS - 1] + "…"


def tip(records: Sequence[Record], lookup_input=None) -> str:
    """What a reader sees on hover: each record's id and its words.

    A stated figure shows its quote; a derived value its formula and, when
    ``lookup_input`` (id -> Record) is given, the quote of its first input; an
    outside fact its excerpt and source."""
    parts = []
    for record in records:
        if record.origin == DERIVED:
            text = f"{record.id}: {record.label}; {record.quote}"
            if lookup_input and record.inputs:
                first = lookup_input(record.inputs[0])
                text += f"; {first.id} 「{_quote(first.quote)}」"
        elif record.origin == CONTEXT:
            text = f"{record.id}: 「{_quote(record.quote)}」 ({_quote(record.source)})"
        else:
            text = f"{record.id}: 「{_quote(record.quote)}」"
        parts.append(text)
    return " | ".join(parts)


def link_data(records: Sequence[Record], lookup_input=None) -> dict:
    """The records part of a glued number: ids (with inputs), anchor and tip."""
    records = list(records)
    return {"ids": with_inputs(records), "anchor": records[0].id,
            "tip": tip(records, lookup_input)}  # fmt: skip


def _inputs():
    from ..records import lookup

    return lookup.record


def glue(name: str, source: Record | float | str, records: Iterable[Record] = (),
         display: bool = False) -> None:  # fmt: skip
    """Glue a number (a Record's value, or a value computed from ``records``) with its
    records, for ``{glue:text}`` in the prose."""
    from IPython.display import display as ipy_display

    records = list(records)
    if isinstance(source, Record):
        records = [source, *records]
        value = source.value
    else:
        value = source
    bundle = {"text/plain": repr(value)}
    if records:
        bundle[RECORDS_MIME] = link_data(records, _inputs())
    prefix = "" if display else GLUE_PREFIX
    ipy_display({prefix + k: v for k, v in bundle.items()}, raw=True,
                metadata={"scrapbook": {"name": name, "mime_prefix": prefix}})  # fmt: skip


def linked_html(text: str, records: Sequence[Record]) -> str:
    """A number in a table cell as a link to its records (same look as in the prose)."""
    data = link_data(records, _inputs())
    return record_link(text, data["anchor"], data["ids"], data["tip"])


# --- 亿 and 万 in English ---------------------------------------------------------------

SCALES = {"亿": 1e8, "万": 1e4}
CURRENCIES = {"元": "CNY", "美元": "USD"}
NOUNS = {"度": "kWh", "吨": "tonnes", "头": "head", "人": "people", "户": "households",
         "亩": "mu", "": ""}  # fmt: skip


def decimals_of(value: float, precision: int | None = None) -> int:
    """Decimals a number is written with (from ``repr``), unless given."""
    if precision is not None:
        return precision
    text = repr(float(value)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def in_english(source: Record | float, unit: str = "", decimals: int | None = None) -> str:
    """'CNY 1.13 billion' for 11.3 亿元; '292,000 people' for 29.2 万人.

    The English number keeps the precision of the Chinese one (11.3 亿: to the
    0.1 亿 = 10 million, so 1.13 billion); ``decimals`` gives the decimals the
    prose shows for a derived value. A unit without 亿 or 万 is an error."""
    value = source.value if isinstance(source, Record) else float(source)
    unit = source.unit if isinstance(source, Record) and not unit else unit
    scale = next((s for s in SCALES if unit.startswith(s)), None)
    if scale is None:
        raise ValueError(f"unit {unit!r} has no 亿 or 万 to put in English")
    rest = unit[len(scale) :]
    step = 10.0 ** -decimals_of(value, decimals) * SCALES[scale]  # the last digit, in units
    absolute = value * SCALES[scale]
    if rest in CURRENCIES:
        big = 1e9 if absolute >= 1e9 else 1e6
        word = "billion" if big == 1e9 else "million"
        places = max(0, round(-math.log10(step / big)))
        return f"{CURRENCIES[rest]} {absolute / big:,.{places}f} {word}"
    noun = NOUNS.get(rest, rest)
    if absolute >= 1e9:
        places = max(0, round(-math.log10(step / 1e9)))
        number = f"{absolute / 1e9:,.{places}f} billion"
    elif absolute >= 1e7:
        places = max(0, round(-math.log10(step / 1e6)))
        number = f"{absolute / 1e6:,.{places}f} million"
    else:
        number = f"{round(absolute / step) * step:,.0f}"
    return f"{number} {noun}".strip()
