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

from ..base.web import RECORDS_MIME, breaks_bound, record_link, true_minus  # noqa: F401
from ..records.record import CONTEXT, DERIVED, Record, with_inputs
from ..records.vocabulary import LOWER, ONE_SIDED, UPPER

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
         display: bool = False, decimals: int | None = None,
         bound: str | None = None) -> None:  # fmt: skip
    """Glue a number (a Record's value, or a value computed from ``records``) with its
    records, for ``{glue:text}`` in the prose.

    A bound (a Record's own, or ``bound`` for a value computed from one) is glued with
    its exact value, so the book's check can fail when prose prints it on the wrong
    side; with ``decimals`` it is glued already rounded outward to the decimals the
    prose shows it with (a ceiling of 9.4382 shown with one decimal is 9.5)."""
    from IPython.display import display as ipy_display

    records = list(records)
    if isinstance(source, Record):
        records = [source, *records]
        value = source.value
        bound = source.bound if bound is None else bound
    else:
        value = source
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    shown_value = value
    if number and decimals is not None:
        shown_value = round_outward(value, decimals, bound or "")
    bundle = {"text/plain": repr(shown_value)}
    if records:
        bundle[RECORDS_MIME] = link_data(records, _inputs())
        if number and bound in ONE_SIDED and math.isfinite(value):
            bundle[RECORDS_MIME] |= {"bound": bound, "exact": float(value)}
    prefix = "" if display else GLUE_PREFIX
    ipy_display({prefix + k: v for k, v in bundle.items()}, raw=True,
                metadata={"scrapbook": {"name": name, "mime_prefix": prefix}})  # fmt: skip


def linked_html(text: str, records: Sequence[Record]) -> str:
    """A number in a table cell as a link to its records (same look as in the prose)."""
    data = link_data(records, _inputs())
    return record_link(text, data["anchor"], data["ids"], data["tip"])


# --- precision and rounding: no finer than the source, bounds outward ---------------------

RATE_UNITS = ("%", "个百分点", "percentage points")  # rates: not levels for significant figures


def round_outward(value: float, decimals: int, bound: str = "") -> float:
    """``value`` to ``decimals`` places; a bound rounds outward so it stays a bound.

    A lower bound (以上, 首次突破) rounds down and an upper bound (以下, 不超过) rounds
    up: 9.285 亿度 at least is shown as at least 9.2 (not 9.3, which the data do not
    guarantee), a ceiling of 10.77 as at most 10.8. Anything else rounds to nearest."""
    step = 10.0**decimals
    scaled = float(value) * step
    if bound == LOWER:
        return math.floor(scaled + 1e-9) / step
    if bound == UPPER:
        return math.ceil(scaled - 1e-9) / step
    return round(float(value), decimals)


def significant_of(value: float) -> int:
    """Significant figures a number is written with (trailing zeros of an integer count)."""
    digits = repr(abs(float(value))).rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return max(1, len(digits))


def _stated_inputs(record: Record, lookup_input) -> list[Record]:
    found, todo, seen = [], list(record.inputs), set()
    while todo:
        rid = todo.pop(0)
        if rid in seen:
            continue
        seen.add(rid)
        item = lookup_input(rid)
        if item.origin == DERIVED:
            todo += list(item.inputs)
        else:
            found.append(item)
    return found


def precision(record: Record, lookup_input=None) -> int:
    """The decimals a record is shown with: never finer than its source.

    A stated figure or an outside fact: as written (11.3 -> 1). A derived level in the
    unit of stated inputs (a 2019 level implied from a 2020 level): the decimals of
    those inputs (10.8654 亿元 from 11.3 亿元 -> 1); a threshold the report says was
    passed (首次突破10亿度) is exact, so a level implied from thresholds alone keeps
    at least one decimal. Any other derived value (a rate, a share, a ratio, a value
    per person): the significant figures of its least precise level input, at least 2
    and at most 3 (3 when it has no level input)."""
    if record.origin != DERIVED:
        return decimals_of(record.value)
    inputs = _stated_inputs(record, lookup_input or _inputs())
    if not record.unit.endswith(RATE_UNITS):
        same = [r for r in inputs if r.unit == record.unit]
        measured = [decimals_of(r.value) for r in same if r.bound not in (LOWER, UPPER)]
        if measured:
            return max(measured)
        if same:
            return max(1, *(decimals_of(r.value) for r in same))
    levels = [significant_of(r.value) for r in inputs
              if r.unit and not r.unit.endswith(RATE_UNITS)]  # fmt: skip
    figures = min(3, max(2, min(levels))) if levels else 3
    size = math.floor(math.log10(abs(record.value))) if record.value else 0
    return max(0, figures - 1 - size)


def shown(record: Record, lookup_input=None) -> str:
    """A record's value as a reader sees it: its precision, bounds rounded outward."""
    places = precision(record, lookup_input)
    return f"{round_outward(record.value, places, record.bound):,.{places}f}"


# --- 亿 and 万 in English ---------------------------------------------------------------

SCALES = {"亿": 1e8, "万": 1e4}
CURRENCIES = {"元": "CNY", "美元": "USD"}
NOUNS = {"度": "kWh", "吨": "tonnes", "头": "head", "人": "people", "名": "people",
         "户": "households", "亩": "mu", "": ""}  # fmt: skip


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
