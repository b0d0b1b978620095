"""The number scanner, on invented sentences (expectations written by hand)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.text.numerals import parse_chinese
from analysis.text.scan import scan


def found(text):
    return [(m.start, m.text, m.value, m.kind) for m in scan(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("产值达275.5亿元", [(3, "275.5", 275.5, "arabic")]),
        ("种植1,500亩", [(2, "1,500", 1500.0, "arabic")]),
        ("分别为120，150个", [(3, "120", 120.0, "arabic"), (7, "150", 150.0, "arabic")]),
        ("共26238户", [(1, "26238", 26238.0, "arabic")]),
        ("增长16.8%，", [(2, "16.8%", 16.8, "percent")]),
        ("增长９％", [(2, "９％", 9.0, "percent")]),
        ("增长3.5％左右", [(2, "3.5％", 3.5, "percent")]),
        ("新增就业3.3万名", [(4, "3.3", 3.3, "arabic")]),
        ("比上年提高近百亿元", [(6, "百", 100.0, "chinese")]),
        ("投资近亿元", [(3, "亿", 1.0, "chinese")]),
        ("产值将近翻了一番。", [(4, "翻了一番", 2.0, "multiple")]),
        ("力争翻一番", [(2, "翻一番", 2.0, "multiple")]),
        ("收入翻两番", [(2, "翻两番", 4.0, "multiple")]),
        ("新建两座水厂", [(2, "两", 2.0, "chinese")]),
        ("居全省第八位", [(4, "八", 8.0, "ordinal")]),
        ("排名第12位", [(3, "12", 12.0, "ordinal")]),
        ("错退率均为零", [(5, "零", 0.0, "zero")]),
        ("实现“零辍学”", [(3, "零", 0.0, "zero")]),
        ("危房动态清零", [(5, "零", 0.0, "zero")]),
        ("共二十三个村", [(1, "二十三", 23.0, "chinese")]),
        ("建成十二个", [(2, "十二", 12.0, "chinese")]),
        ("一百零五人", [(0, "一百零五", 105.0, "chinese")]),
        ("三千人", [(0, "三千", 3000.0, "chinese")]),
        ("到二0三五年", [(1, "二0三五", 2035.0, "chinese")]),
        ("二〇二〇年", [(0, "二〇二〇", 2020.0, "chinese")]),
        ("2020年", [(0, "2020", 2020.0, "arabic")]),
        ("“十四五”时期", [(1, "十四五", 14.0, "ordinal")]),
        ("占三分之一", [(1, "三", 3.0, "chinese"), (4, "一", 1.0, "chinese")]),
        ("一二三产业", [(0, "一", 1.0, "chinese"), (1, "二", 2.0, "chinese"),
                        (2, "三", 3.0, "chinese")]),
        ("亿元以上项目7个", [(0, "亿", 1.0, "chinese"), (6, "7", 7.0, "arabic")]),
    ],
)  # fmt: skip
def test_mentions_in_invented_sentences(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "一些企业", "一批项目", "一流营商环境", "统一部署", "进一步提升", "城乡一体化",
        "万众一心", "重要内容之一", "全市唯一", "一起发力", "第一时间", "一般公共预算",
        "零售额", "汽车零部件", "千方百计", "千家万户", "老百姓", "提高个百分点",
        "十分重要", "红十字会",
    ],
)  # fmt: skip
def test_words_that_are_not_numbers(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("做好“六稳”工作", ["六"]),
        ("落实“四个不摘”", ["四"]),
        ("打好三大保卫战", ["三"]),
        ("“一区四园”", ["一", "四"]),
        ("第一批", ["一"]),
    ],
)
def test_slogans_and_batches_are_mentions(sentence, texts):
    # the ledger, not the scanner, decides they are not data
    assert [m.text for m in scan(sentence)] == texts


def test_voltage_class_keeps_the_number_not_the_kilo():
    assert found("110千伏变电站2座") == [(0, "110", 110.0, "arabic"), (8, "2", 2.0, "arabic")]


def test_offsets_point_at_the_text():
    text = "2020年，全县生产总值完成275.5亿元，增长3.1%，居全省第八位，近百亿元。"
    for m in scan(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十", 10), ("十五", 15), ("二十", 20), ("一百", 100), ("百", 100), ("两千零三", 2003),
     ("三万", 30000), ("十二万五千", 125000), ("一亿", 1e8)],
)  # fmt: skip
def test_parse_chinese(numeral, value):
    assert parse_chinese(numeral) == value


@pytest.mark.parametrize("numeral", ["三五", "十百", "零五", "万"])
def test_parse_chinese_rejects_ill_formed(numeral):
    assert parse_chinese(numeral) is None


WRITE = "零一二三四五六七八九"


def as_chinese(n: int) -> str:
    """Independent writer for 1..9999 (the usual written form)."""
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            out += ("零" if zero and out else "") + WRITE[d] + name
            zero = False
        elif out:
            zero = True
    return out


@given(st.integers(min_value=1, max_value=9999))
def test_parse_chinese_round_trips(n):
    assert parse_chinese(as_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["%", "％", "", "亿元"]))
def test_arabic_numbers_round_trip(n, suffix):
    text = f"增长{n:,}{suffix}，"
    (m,) = scan(text)
    assert m.value == n
    assert m.kind == ("percent" if suffix in ("%", "％") else "arabic")
    assert text[m.start : m.end] == f"{n:,}" + (suffix if m.kind == "percent" else "")
