"""A bound is never printed on the wrong side of its value: in prose, tables and charts.

The report's hedged figures (近 nearly, 以上 or more) become bounds, and a bound
rounded to nearest can cross its value: the ceiling on 2016-2020 nominal GDP growth,
(275.5 / 175.5)^(1/5) - 1 = 9.438%, is *not* "at most 9.4%". The unit tests use
numbers worked out by hand from the report; the book test reads every
``{glue:text}`name:spec``` in the chapters and the glued values of the built book.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.base.web import RECORDS_MIME
from analysis.charts import numbers, style
from analysis.records import lookup
from conftest import glue_outputs

ROOT = Path(__file__).resolve().parents[1]
GDP_CEILING = 100 * ((275.5 / 175.5) ** 0.2 - 1)  # 9.4382: 近百亿 read as a ceiling


def _capture(monkeypatch) -> list[dict]:
    """What ``numbers.glue`` hands to IPython's display, without a kernel."""
    shown: list[dict] = []
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda data, **kw: shown.append(data))
    return shown


def _data(bundle: dict, key: str):
    return next(v for k, v in bundle.items() if k.endswith(key))


def test_a_ceiling_glued_with_decimals_is_rounded_up(monkeypatch):
    shown = _capture(monkeypatch)
    record = lookup.derived("gdp_growth_2016_2020")
    assert record.value == pytest.approx(GDP_CEILING, abs=1e-3)
    numbers.glue("gdp_cagr", record, decimals=1)
    bundle = shown[-1]
    assert float(_data(bundle, "text/plain")) == pytest.approx(9.5)
    links = _data(bundle, RECORDS_MIME)
    assert links["bound"] == "upper"
    assert links["exact"] == pytest.approx(GDP_CEILING, abs=1e-3)


def test_a_floor_computed_from_a_record_carries_its_bound(monkeypatch):
    shown = _capture(monkeypatch)
    low = lookup.derived("gdp_rise_2016_2020_if_close")  # 275.5 / (275.5 - 90) - 1 = 48.52%
    numbers.glue("rise", low.value, records=[low], bound="lower", decimals=0)
    assert float(_data(shown[-1], "text/plain")) == 48.0
    assert _data(shown[-1], RECORDS_MIME)["bound"] == "lower"


def test_an_exact_value_has_no_bound_to_check(monkeypatch):
    shown = _capture(monkeypatch)
    numbers.glue("gdp", lookup.figure("F0001"))
    assert "bound" not in _data(shown[-1], RECORDS_MIME)


@pytest.mark.parametrize(
    ("text", "exact", "bound", "breaks"),
    [
        ("9.4", GDP_CEILING, "upper", True),  # the referee's case: "at most 9.4%"
        ("9.5", GDP_CEILING, "upper", False),
        ("9.43", GDP_CEILING, "upper", True),
        ("9.44", GDP_CEILING, "upper", False),
        ("206", 205.75, "lower", True),  # China's deposits floor, "at least 206%"
        ("205", 205.75, "lower", False),
        ("13.7", 13.69, "lower", True),
        ("1,000", 999.5, "lower", True),
        ("−0.9", -0.9, "upper", False),
        ("nan", 1.0, "lower", False),
    ],
)
def test_breaks_bound(text, exact, bound, breaks):
    assert numbers.breaks_bound(text, exact, bound) is breaks


def test_chart_labels_round_bounds_outward():
    assert style.label(GDP_CEILING, "upper", "{:.1f}", "%") == "≤ 9.5%"
    assert style.label(48.5175, "lower", "{:.0f}", "%") == "≥ 48%"
    assert style.label(GDP_CEILING, "", "{:.1f}", "%") == "9.4%"


# --- the built book -------------------------------------------------------------------

SPEC = re.compile(r"\{glue:text\}`([A-Za-z0-9_]+)(?::([^`]*))?`")


def _glued_bounds(book, chapter: str) -> dict[str, tuple[str, dict]]:
    found = {}
    for output in glue_outputs(book, chapter):
        name = output.get("metadata", {}).get("scrapbook", {}).get("name")
        data = output.get("data", {})
        links = next((v for k, v in data.items() if k.endswith(RECORDS_MIME)), None)
        plain = next((v for k, v in data.items() if k.endswith("text/plain")), None)
        if name and isinstance(links, dict) and "bound" in links and plain is not None:
            found[name] = (plain, links)
    return found


@pytest.mark.book
def test_no_prose_prints_a_bound_on_the_wrong_side(book):
    wrong, checked = [], 0
    for page in sorted((ROOT / "chapters").glob("*.md")):
        glued = _glued_bounds(book, page.stem)
        for name, spec in SPEC.findall(page.read_text(encoding="utf-8")):
            if name not in glued:
                continue
            plain, links = glued[name]
            value = float(plain.strip("'\""))
            text = format(value, spec) if spec else plain
            checked += 1
            if numbers.breaks_bound(text, links["exact"], links["bound"]):
                wrong.append(f"{page.stem}: {name} prints {text}, {links['bound']} bound "
                             f"{links['exact']}")  # fmt: skip
    assert checked > 10, "no glued bound found: the check would pass on anything"
    assert not wrong, "\n".join(wrong)


# --- the minus sign and the records page -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-0.9%", "−0.9%"),  # China's local budget revenue in 2020, chapter 2
        ("(-2.5)", "(−2.5)"),
        ("5.8-7.1", "5.8-7.1"),  # a range keeps its hyphen
        ("2016-2020", "2016-2020"),
        ("F0001-F0002", "F0001-F0002"),
    ],
)
def test_negative_numbers_get_a_true_minus(text, expected):
    assert numbers.true_minus(text) == expected


def test_tables_print_negative_numbers_with_a_true_minus():
    from analysis.charts import tables

    column = tables.Column("x", "Change, %", "number", 1)
    assert tables.cell_text(-0.34, column) == "−0.3"
    assert tables.cell_text("-0.34%", tables.Column("x", "Note")) == "−0.34%"


def test_records_page_names_an_index_as_an_index():
    from analysis.charts.records_page import derived_value_text

    # D032: 275.5 / (275.5 - 100) x 100 = 156.98, shown rounded up as 157
    assert (
        derived_value_text("157", "2015 = 100", "upper") == "157 (index, 2015 = 100; upper bound)"
    )
    assert derived_value_text("9.5", "%", "upper") == "9.5 % (upper bound)"
