"""The pieces behind publication-grade pages, one by one (no book build needed):
亿/万 in English, yearbook table cells, linked numbers and their tips, short source
lines, the records page's anchors, lighter pages and the icon subset."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis.base import web
from analysis.book import page_html, webfont
from analysis.charts import numbers, records_page, style, tables
from analysis.records import lookup

F, D = lookup.figure, lookup.derived


# ---- 亿 and 万 in English, with the report's precision ---------------------------------------


@pytest.mark.parametrize(
    "value, unit, decimals, expected",
    [
        (275.5, "亿元", None, "CNY 27.55 billion"),  # 275.5 x 1e8 = 2.755e10, to 1e7
        (11.3, "亿元", None, "CNY 1.13 billion"),
        (4.9, "亿元", None, "CNY 490 million"),  # 4.9e8, to the 0.1 亿 = 10 million
        (4285, "万美元", None, "USD 42.85 million"),  # 4.285e7 USD, to the 万 = 10,000
        (29.2, "万人", None, "292,000 people"),
        (55.3, "万头", None, "553,000 head"),
        (10, "亿度", None, "1.0 billion kWh"),
        (49.2117, "亿元", 1, "CNY 4.92 billion"),  # a derived value, shown to 1 decimal
    ],
)
def test_yi_and_wan_in_english(value, unit, decimals, expected):
    assert numbers.in_english(value, unit, decimals) == expected


def test_a_unit_without_yi_or_wan_is_refused():
    with pytest.raises(ValueError, match="no 亿 or 万"):
        numbers.in_english(3.0, "%")


def test_english_scale_of_a_record_uses_its_unit():
    assert numbers.in_english(F("F0003")) == "CNY 1.13 billion"  # 一般公共预算收入完成11.3亿元


# ---- linked numbers -----------------------------------------------------------------------------


def test_a_stated_figure_links_to_its_anchor_with_its_quote():
    data = numbers.link_data([F("F0003")], lookup.record)
    assert data["anchor"] == "F0003" and data["ids"] == ["F0003"]
    assert "一般公共预算收入完成11.3亿元" in data["tip"]


def test_a_derived_value_links_to_itself_and_shows_its_formula_and_first_quote():
    data = numbers.link_data([D("revenue_2019")], lookup.record)
    assert data["anchor"] == "D001"
    assert data["ids"] == ["D001", "F0003", "F0004"]  # D001 = F0003 / (1 + F0004/100)
    assert "F0003 / (1 + F0004/100)" in data["tip"] and "11.3亿元" in data["tip"]


def test_record_link_markup_escapes_and_keeps_the_pasted_text_span():
    markup = web.record_link("11.3", "F0003", ["F0003"], 'say "<b>"', "records.html")
    link = BeautifulSoup(markup, "html.parser").a
    assert link["href"] == "records.html#F0003" and link["data-tip"] == 'say "<b>"'
    assert link.select_one("span.pasted-text").get_text() == "11.3"


# ---- yearbook tables ------------------------------------------------------------------------------


def test_cells_read_like_a_yearbook():
    number = tables.Column("x", "Value", "number", 1)
    assert tables.cell_text(282.84, number) == "282.8"
    assert tables.cell_text(12345.0, number) == "12,345.0"
    assert tables.cell_text(2569.0, tables.Column("n", "Observations", "integer")) == "2,569"
    assert tables.cell_text(True, tables.Column("m", "Met", "yesno")) == "yes"
    assert tables.cell_text("False", tables.Column("m", "Met", "yesno")) == "no"
    for missing in (None, float("nan"), "nan", "None", ""):
        assert tables.cell_text(missing, number) == "–"


def test_a_table_has_human_headers_right_aligned_numbers_and_linked_values():
    frame = pd.DataFrame({"name": ["Revenue"], "value": [11.3], "rec": [F("F0003")],
                          "places": [1]})  # fmt: skip
    table = tables.table(frame, [tables.Column("name", "Indicator"),
                                 tables.Column("value", "2020, 亿元", "number", "places",
                                               records="rec")])  # fmt: skip
    soup = BeautifulSoup(table._repr_html_(), "html.parser")
    assert [th.get_text() for th in soup.select("thead th")] == ["Indicator", "2020, 亿元"]
    cell = soup.select_one("td.num")
    assert cell.get_text() == "11.3" and cell.a["href"] == "records.html#F0003"
    assert table.cells() == [["Revenue", "11.3"]]


def test_a_table_column_not_in_the_data_is_an_error_naming_it():
    with pytest.raises(Exception, match="rate_pct"):
        tables.table(pd.DataFrame({"a": [1]}), [tables.Column("rate_pct", "Rate")])


# ---- source lines -------------------------------------------------------------------------------


def test_a_long_list_of_records_is_summarised_in_the_source_line():
    ids = [f"F{n:04d}" for n in range(1, 200, 3)]  # 67 ids, no two consecutive
    text = style.cited(ids)
    assert text.startswith("67 records: F0001, …, F0199") and len(text) < 100
    assert style.cited(["F0001", "F0002", "F0003"]) == "records F0001-F0003"


def test_a_summarised_source_line_never_reads_as_a_range_of_ids():
    # Fig 12's records: 14 ids from F0001 to F0166; "F0001 to F0166" read as 166 records
    ids = [
        "F0001",
        "F0003",
        "F0007",
        "F0008",
        "F0009",
        "F0010",
        "F0048",
        "F0088",
        "F0127",
        "F0156",
        "F0157",
        "F0158",
        "F0162",
        "F0166",
        "D031",
        "D032",
        "D040",
    ]
    text = style.cited(ids)
    assert text.startswith("17 records: F0001, …, F0166, D031, …, D040")
    assert " to " not in text and "F0001-F0166" not in text
    # a short list keeps its ranges of consecutive ids only
    assert style.cited(["F0001", "F0007", "F0008", "F0009", "F0166"]) == (
        "records F0001, F0007-F0009, F0166"
    )


# ---- the records page -------------------------------------------------------------------------


def test_the_records_page_anchors_every_figure_and_links_derived_inputs():
    soup = BeautifulSoup(records_page.figures_html(), "html.parser")
    ids = [tr["id"] for tr in soup.select("tr[id]")]
    assert ids == list(lookup.figures()["id"])
    derived = BeautifulSoup(records_page.derived_html(), "html.parser")
    row = derived.select_one("tr#D001")
    assert [a["href"] for a in row.select("td a")] == ["#F0003", "#F0004"]


# ---- lighter pages ------------------------------------------------------------------------------


def test_lighten_defers_head_scripts_and_sizes_images():
    page = (
        '<html><head><script src="documentation_options.js"></script>'
        '<script src="doctools.js"></script><script async src="a.js"></script>'
        '<script src="../searchindex.js"></script></head>'
        '<body><img alt="one" src="a.png" /><img alt="two" src="b.png" /></body></html>'
    )
    out = page_html.lighten(page, lambda src: (840, 400))
    assert '<script src="documentation_options.js">' in out  # read by the inline script after it
    assert '<script defer src="doctools.js">' in out and "<script async src" in out
    assert "searchindex" not in out  # only the search page loads the index
    assert "searchindex" in page_html.lighten(page, lambda src: None, search=True)
    for image in BeautifulSoup(out, "html.parser").find_all("img"):
        assert image["width"] == "840" and image["height"] == "400"
        assert image["loading"] == "lazy" and image["decoding"] == "async"
    assert page_html.lighten(out, lambda src: (1, 1)) == out  # a second pass changes nothing


def test_meta_description_skips_markup_and_short_paragraphs():
    text = page_html.description(["Short.", "<b>In short.</b> " + "word " * 60])
    assert text.startswith("word word") and len(text) <= page_html.DESCRIPTION_CHARS
    assert "<" not in text and text.endswith("…")


def test_the_icon_subset_keeps_used_icons_and_their_aliases_only():
    script = (
        '!function(){var p={bars:[448,512,["navicon"],"f0c9","M0 96"],'
        '"magnifying-glass":[512,512,[128269,"search"],"f002","M416 208"],'
        'monero:[496,512,[],"f3d0","M352 384"]};d("fas",p)}();'
    )
    slim = webfont.subset_fontawesome(script, {"bars", "search"})
    assert "bars:" in slim and '"magnifying-glass":' in slim and "monero" not in slim
    assert slim.endswith('};d("fas",p)}();')
    assert webfont.subset_fontawesome("var p={nonsense}", {"bars"}) == "var p={nonsense}"
    names = webfont.icon_names(['<i class="fa-solid fa-bars fa-lg"></i>'])
    assert names == {"bars"}


def test_a_page_keeps_one_font_face_however_often_the_build_passes_over_it(tmp_path):
    """Pages Sphinx does not write again keep the last build's @font-face and preload; each
    build replaces them. Piled up, they pushed <meta charset> past the first 1024 bytes
    (Lighthouse: 'charset' failed on pages rebuilt several times)."""
    page = tmp_path / "chapters" / "page.html"
    page.parent.mkdir()
    page.write_text('<html><head>\n<meta charset="utf-8" /></head><body>民权县</body></html>',
                    encoding="utf-8")  # fmt: skip
    for _ in range(3):
        webfont.page_fonts(tmp_path)
    text = page.read_text(encoding="utf-8")
    assert text.count(f'<script id="{webfont.FACE_ID}-preload">') == 1
    assert text.count(f'<style id="{webfont.FACE_ID}">') == 1
    assert text.index("<meta charset") < 1024


def test_a_short_chinese_quote_in_a_table_is_kept_on_one_line():
    """Table 9.3: 「将近翻了一番」 must not break mid-word; long quotes may wrap."""
    from analysis.charts import tables

    short = tables._inline_code("deposits against 「将近翻了一番」 since 2015")
    assert '<span class="nobr">「将近翻了一番」</span>' in short
    long = "「主要经济指标增速连续多年实现超全国、全省、全市」"
    assert "nobr" not in tables._inline_code(long)


def test_outside_facts_on_the_records_page_print_negatives_with_a_true_minus():
    # China's 2020 retail sales fell 3.9% (C014): typeset as −3.9, never with a hyphen
    soup = BeautifulSoup(records_page.context_html(), "html.parser")
    row = soup.find(id="C014") or soup.find(id="rec-C014")
    value = row.find_parent("tr").get_text(" ") if row.name != "tr" else row.get_text(" ")
    assert "\u22123.9" in value and "-3.9" not in value
