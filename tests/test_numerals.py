"""analysis.text.numerals.parse_chinese: hand cases for the elided forms, and a
property test against ``cn2an`` (a maintained converter, a test-only dependency).

Forms where the two legitimately differ, and so are left out of the comparison:
- a run of bare digits (三五): cn2an's normal mode reads it digit by digit (35);
  parse_chinese returns None so that the scanner can split the run;
- 一百十 (a bare 十 after 百): cn2an reads 110; parse_chinese rejects it (the
  written form is 一百一十);
- a bare 十 straight after 万 or 亿 (一亿十万): parse_chinese reads one ten
  (100,100,000); cn2an drops it (100,000,000);
- a big unit written twice (万万, 亿亿), which the report never uses.
"""

from __future__ import annotations

import re

import cn2an
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis.text.numerals import parse_chinese

WRITTEN = "零一二三四五六七八九"
ALPHABET = "零一二三四五六七八九两十百千万亿"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一万二", 12000), ("三千五", 3500), ("一百五", 150), ("两万三", 23000),
     ("一亿二", 120_000_000), ("三万二千五", 32500), ("一千二百三", 1230),
     # with 零, or with no unit before it, the last digit counts ones
     ("一百零五", 105), ("三千零五", 3005), ("一万零二", 10002), ("十五", 15),
     ("二十五", 25), ("一万二千零五", 12005), ("一万零十", 10010)],
)  # fmt: skip
def test_elided_and_written_out_forms(numeral, value):
    assert parse_chinese(numeral) == value


@pytest.mark.parametrize("numeral", ["三五", "一百十", "零十", "五零", "万五"])
def test_malformed_runs_stay_none(numeral):
    assert parse_chinese(numeral) is None


def cn2an_value(numeral: str) -> float | None:
    try:
        return float(cn2an.cn2an(numeral, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def comparable(numeral: str) -> bool:
    """False for the forms the module docstring lists as legitimately different."""
    return (numeral.count("万") <= 1 and numeral.count("亿") <= 1
            and not re.search("[万亿]十", numeral))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_written_out_numbers_agree_with_cn2an(n):
    numeral = cn2an.an2cn(n)  # the usual written form: 一万零五, 十二万三千四百
    assert parse_chinese(numeral) == n == cn2an_value(numeral)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=9999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from([100, 1000, 10_000]),
    st.integers(min_value=1, max_value=9),
)
def test_elided_last_digit_agrees_with_cn2an(high, lead, unit, last):
    """A number ending in 百, 千 or 万 with one more digit: 一万二, 三千五, 十二万五, 一万零五百二."""
    base = high * unit * 10 + lead * unit
    elided = cn2an.an2cn(base) + WRITTEN[last]
    expected = base + last * unit // 10
    assert parse_chinese(elided) == expected
    theirs = cn2an_value(elided)
    assume(theirs is not None)  # cn2an refuses a few (一亿一)
    assert theirs == expected


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=8))
def test_any_string_both_accept_reads_the_same(numeral):
    assume(comparable(numeral))
    ours, theirs = parse_chinese(numeral), cn2an_value(numeral)
    assume(ours is not None and theirs is not None)
    assert ours == theirs


def test_the_comparison_is_not_empty():
    """Both parsers accept common forms, so the property above compares something."""
    for numeral in ("一万二", "两千零三", "十二万五千", "三百五十", "一亿零十万"):
        assert parse_chinese(numeral) == cn2an_value(numeral), numeral
