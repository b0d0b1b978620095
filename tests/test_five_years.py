"""The plan period beside what the book holds: two-sided 近, the 2016 level, the census
break, China's five-year changes. Expectations typed from the report and the sources."""

import pytest

from analysis.compute import five_years
from analysis.records import lookup


def value(key):
    return lookup.derived(key).value


def test_nearly_read_as_close_to_puts_a_floor_under_the_growth_rate():
    assert five_years.nearly_low(100) == pytest.approx(90)
    # 2020 GDP 275.5亿元, 「较2015年提高近百亿元」: 2015 between 175.5 and 185.5
    assert value("gdp_2015_if_nearly_is_close") == pytest.approx(185.5)
    assert value("gdp_growth_2016_2020_if_close") == pytest.approx(
        100 * ((275.5 / 185.5) ** 0.2 - 1), abs=1e-3
    )
    assert value("gdp_growth_2016_2020_if_close") < value("gdp_growth_2016_2020")
    # 将近翻一番: a rise of 90-100%, so 1.9 ** (1/5)
    assert value("deposits_growth_2016_2020_if_close") == pytest.approx(
        100 * (1.9**0.2 - 1), abs=1e-3
    )
    assert lookup.derived("gdp_growth_2016_2020_if_close").bound == "lower"


def test_china_and_shangqiu_comparators():
    assert value("china_gdp_rise_2015_2020") == pytest.approx(
        100 * (1015986 / 689052 - 1), abs=1e-3
    )
    assert value("china_income_rise_2015_2020") == pytest.approx(
        100 * (32189 / 21966 - 1), abs=1e-3
    )
    # Shangqiu 2,220亿元 (2017, before the census) to 2,911.2亿元 (2019): +31%
    assert value("shangqiu_gdp_rise_2017_2019") == pytest.approx(31.135, abs=1e-3)
    # two years at 7.4% real with CPI 2.1% and 2.9% explain ×1.2119 of ×1.3114
    expected = 100 * (2911.2 / 2220 / (1.074**2 * 1.021 * 1.029) - 1)
    assert value("shangqiu_level_revision_estimate") == pytest.approx(expected, abs=1e-3)


def test_the_2016_level_makes_a_2015_floor_imply_a_jump_in_2016():
    # 202.5亿元 in 2016 (X145) over 175.5 (2015 floor): +15.4%; over 185.5: +9.2%
    assert value("gdp_growth_2016_if_2015_floor") == pytest.approx(
        100 * (202.5 / 175.5 - 1), abs=1e-3
    )
    assert value("gdp_growth_2016_if_close") == pytest.approx(100 * (202.5 / 185.5 - 1), abs=1e-3)


def test_an_added_outside_fact_is_a_context_record_with_its_source():
    record = lookup.record("C184")
    assert record.value == 4.7 and record.confidence == "medium"
    assert "4.7%" in record.quote and "hn.cri.cn" in record.source
