"""Numbers no finer than their source, one precision per column, bounds rounded outward
(tables and the records page). Expectations worked out by hand from the report's numbers."""

from __future__ import annotations

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis.base.errors import InputError
from analysis.charts import numbers, records_page, tables
from analysis.records import lookup

F, D = lookup.figure, lookup.derived


@pytest.mark.parametrize(
    "value, decimals, bound, expected",
    [
        (9.2851, 1, "lower", 9.2),  # 10 亿度 / 1.077: a floor stays a floor (not 9.3)
        (2.7523, 1, "lower", 2.7),  # 3 亿度 / 1.09
        (10.77, 1, "upper", 10.8),  # 10 × 1.077: a ceiling rounds up
        (10.77, 0, "upper", 11.0),
        (3.27, 0, "lower", 3.0),
        (10.8654, 1, "exact", 10.9),  # 11.3 / 1.04: nearest
        (10.8654, 1, "", 10.9),
        (5.0, 0, "lower", 5.0),  # already round: unchanged either way
        (5.0, 0, "upper", 5.0),
    ],
)
def test_bounds_round_outward(value, decimals, bound, expected):
    assert numbers.round_outward(value, decimals, bound) == pytest.approx(expected)


def test_precision_follows_the_source():
    assert numbers.precision(F("F0003")) == 1  # 「11.3亿元」
    assert numbers.precision(D("revenue_2019")) == 1  # from 11.3 亿元: not 10.8654
    assert numbers.precision(D("foreign_funds_2019")) == 0  # from 4285 万美元: 2,070, not 2,070.0
    assert numbers.precision(D("electricity_2019")) == 1  # from the threshold 10 亿度 (exact)
    assert numbers.shown(D("electricity_2019")) == "9.2"  # 9.285 at least: rounded down
    assert numbers.shown(D("electricity_2020_ceiling")) == "10.8"  # 10.77 at most: up


def _revenue(places):
    frame = pd.DataFrame({"value": [11.3], "rec": [F("F0003")], "places": [places]})
    return tables.table(frame, [tables.Column("value", "2020, 亿元", "number", "places",
                                              records="rec")])  # fmt: skip


def test_a_table_never_shows_a_number_finer_than_its_source():
    assert _revenue(1).cells() == [["11.3"]]
    with pytest.raises(InputError, match=r"'value', row 1: 2 decimals.*F0003"):
        _revenue(2)  # 11.30: the old Table 4


def test_one_precision_per_column_and_unit():
    frame = pd.DataFrame({"value": [11.3, 4285.0], "rec": [F("F0003"), F("F0118")]})
    by_source = tables.table(frame, [tables.Column("value", "2020", "number", tables.SOURCE,
                                                   records="rec")])  # fmt: skip
    assert by_source.cells() == [["11.3"], ["4,285"]]  # 亿元 at 1 decimal, 万美元 at 0
    mixed = pd.DataFrame({"value": [11.3, 7.9], "rec": [F("F0003"), F("F0005")],
                          "places": [1, 0]})  # fmt: skip
    with pytest.raises(InputError, match="row 2: 0 decimals, row 1 in 亿元 has 1"):
        tables.table(mixed, [tables.Column("value", "2020, 亿元", "number", "places",
                                           records="rec")])  # fmt: skip


def test_a_bound_in_a_table_rounds_outward():
    floor = D("electricity_2019")  # 9.285 亿度 at least
    frame = pd.DataFrame({"value": [floor.value], "rec": [floor]})
    table = tables.table(frame, [tables.Column("value", "2019", "number", 1, records="rec")])
    assert table.cells() == [["9.2"]]  # nearest would say 9.3, more than the data guarantee


def test_the_records_page_shows_derived_values_at_their_inputs_precision():
    soup = BeautifulSoup(records_page.derived_html(), "html.parser")
    assert soup.select_one("tr#D001 td.num").get_text() == "10.9 亿元"  # not 10.8654
    assert soup.select_one("tr#D010 td.num").get_text() == "2,070 万美元"
    assert soup.select_one("tr#D005 td.num").get_text() == "9.2 亿度 (lower bound)"


def test_people_counted_with_ming_are_people_in_english():
    assert numbers.in_english(3.3, "万名") == "33,000 people"  # not "33,000 名"


def test_names_in_backticks_are_code_and_short_hedged_cells_do_not_wrap():
    frame = pd.DataFrame(
        {"d": ["`value` × the factor"], "t": ["8 左右"], "q": ["全县生产总值增长8%左右"]}
    )
    table = tables.table(frame, [tables.Column("d", "Description"), tables.Column("t", "Target"),
                                 tables.Column("q", "Quote", wide=True)])  # fmt: skip
    soup = BeautifulSoup(table._repr_html_(), "html.parser")
    cells = soup.select("td")
    assert str(cells[0]) == '<td class="text"><code>value</code> × the factor</td>'
    assert "nobr" in cells[1]["class"] and "nobr" not in cells[2]["class"]
    assert table.cells()[0][0] == "value × the factor"
