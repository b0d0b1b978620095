"""The 13th Five-Year Plan (2016-2020) read with what the book holds besides the report:
a two-sided reading of 近, the 2016 level, the 2018 census break and the national and
provincial comparators (derived values D180-D193, group ``context``).

近 (nearly) is a one-sided bound in the dataset's vocabulary: 「提高近百亿元」 is an
increase a little under 100亿元. Read as "close to" it is also bounded below; we take
"within a tenth" (近百亿 = 90-100亿元; 将近翻一番 = a rise of 90-100%) as the stated
alternative, ``NEARLY_WITHIN``, and give the rates at that end beside the ceilings.

Comparators come from ``data/external``: China's nominal GDP and income per head in
2015 and 2020 (C180, C012, C154, C155), Shangqiu's GDP in 2017 (X141, before the 2018 economic
census revision) and 2019 (X048, after it), the 2019 real growth (X049) and national
CPI (X104-X108).
"""

from __future__ import annotations

from ..records import lookup
from ..records.vocabulary import APPROXIMATE, EXACT, LOWER, UPPER
from .growth import cagr
from .prices import cpi_rise, deflate

NEARLY_WITHIN = 0.9  # 近 read as "close to": at least nine tenths of the stated amount
GDP, GDP_UP, DEPOSITS_X, LOANS_X = "F0001", "F0156", "F0158", "F0159"


def _row(did, key, description, formula, inputs, value, unit, bound=EXACT):
    return dict(id=did, key=key, group="context", description=description, formula=formula,
                input_ids=tuple(inputs), value=value, unit=unit, bound=bound)  # fmt: skip


def nearly_low(amount: float) -> float:
    """The low end of 近 <amount> read as "close to" (a fraction of the amount)."""
    return NEARLY_WITHIN * amount


def derived_rows(v, b) -> list[dict]:
    """Rows of data/derived.csv (``v``: figure id -> value, ``b``: figure id -> bound)."""
    f = lookup.record
    cn_gdp15, cn_gdp20, cn_inc15, cn_inc20 = f("C180"), f("C012"), f("C154"), f("C155")
    sq17, sq19, sq_g19 = f("X141"), f("X048"), f("X049")
    gdp16 = f("X145")
    prices = cpi_rise(2016, 2020)
    p1819 = cpi_rise(2018, 2019)
    gdp15_high = v(GDP) - nearly_low(v(GDP_UP))
    gdp_low = cagr(gdp15_high, v(GDP), 5)
    multiple = lambda fid: 1 + nearly_low(v(fid) - 1)  # noqa: E731
    sq_rise = sq19.value / sq17.value
    revision = sq_rise / ((1 + sq_g19.value / 100) ** 2 * p1819.factor) - 1
    cpi = [r.id for r in prices.records]
    return [
        _row("D180", "gdp_2015_if_nearly_is_close", "End-2015 GDP if 「近百亿元」 is read as close "
             "to 100亿元 (an increase of at least 90亿元)", "F0001 − 0.9 × F0156", (GDP, GDP_UP),
             gdp15_high, "亿元", UPPER),
        _row("D181", "gdp_growth_2016_2020_if_close", "Average annual nominal GDP growth "
             "2016-2020 if 近百亿 is read as 90-100亿元 (the low end)",
             "[(F0001 / D180)^(1/5) − 1] × 100", (GDP, GDP_UP), 100 * gdp_low, "%", LOWER),
        _row("D182", "gdp_rise_2016_2020_if_close", "Rise of nominal GDP 2015-2020 if 近百亿 is "
             "read as 90-100亿元 (the low end)", "(F0001 / D180 − 1) × 100", (GDP, GDP_UP),
             100 * (v(GDP) / gdp15_high - 1), "%", LOWER),
        _row("D183", "deposits_growth_2016_2020_if_close", "Average annual growth of deposits "
             "2016-2020 if 将近翻一番 is read as a rise of 90-100% (the low end)",
             "[(1 + 0.9 × (F0158 − 1))^(1/5) − 1] × 100", (DEPOSITS_X,),
             100 * (multiple(DEPOSITS_X) ** 0.2 - 1), "%", LOWER),
        _row("D184", "loans_growth_2016_2020_if_close", "Average annual growth of loans "
             "2016-2020 if 将近翻一番 is read as a rise of 90-100% (the low end)",
             "[(1 + 0.9 × (F0159 − 1))^(1/5) − 1] × 100", (LOANS_X,),
             100 * (multiple(LOANS_X) ** 0.2 - 1), "%", LOWER),
        _row("D185", "china_gdp_rise_2015_2020", "Rise of China's nominal GDP 2015-2020 (2015 "
             "final figure before the 2018 census revision; 2020 preliminary)",
             "(C012 / C180 − 1) × 100", ("C180", "C012"),
             100 * (cn_gdp20.value / cn_gdp15.value - 1), "%"),
        _row("D186", "china_gdp_growth_2016_2020", "Average annual growth of China's nominal GDP "
             "2016-2020", "[(C012 / C180)^(1/5) − 1] × 100", ("C180", "C012"),
             100 * cagr(cn_gdp15.value, cn_gdp20.value, 5), "%"),
        _row("D187", "china_income_rise_2015_2020", "Rise of China's per-capita disposable income "
             "2015-2020 (nominal)", "(C155 / C154 − 1) × 100", ("C154", "C155"),
             100 * (cn_inc20.value / cn_inc15.value - 1), "%"),
        _row("D188", "china_income_growth_2016_2020", "Average annual growth of China's "
             "per-capita disposable income 2016-2020 (nominal)", "[(C155 / C154)^(1/5) − 1] × 100",
             ("C154", "C155"), 100 * cagr(cn_inc15.value, cn_inc20.value, 5), "%"),
        _row("D189", "shangqiu_gdp_rise_2017_2019", "Rise of Shangqiu's stated GDP from 2017 "
             "(before the 2018 economic census revision) to 2019 (after it)",
             "(X048 / X141 − 1) × 100", ("X141", "X048"), 100 * (sq_rise - 1), "%"),
        _row("D190", "shangqiu_level_revision_estimate", "Part of Shangqiu's 2017-2019 rise not "
             "explained by two years of 2019's real growth and national CPI 2018-2019: a rough "
             "size of the census revision", "(1 + D189/100) / [(1 + X049/100)^2 × CPI 2018-2019] "
             "− 1, × 100", ("X141", "X048", "X049", *[r.id for r in p1819.records]),
             100 * revision, "%", APPROXIMATE),
        _row("D191", "gdp_growth_2016_if_2015_floor", "Minquan's nominal GDP growth in 2016 "
             "implied by the 2016 level (X145) and the 2015 floor of 「近百亿元」 (D030)",
             "(X145 / (F0001 − F0156) − 1) × 100", (GDP, GDP_UP, "X145"),
             100 * (gdp16.value / (v(GDP) - v(GDP_UP)) - 1), "%", UPPER),
        _row("D192", "gdp_growth_2016_if_close", "Minquan's nominal GDP growth in 2016 implied "
             "by the 2016 level (X145) and 2015 GDP if 近百亿 is read as 90-100亿元 (D180)",
             "(X145 / D180 − 1) × 100", (GDP, GDP_UP, "X145"),
             100 * (gdp16.value / gdp15_high - 1), "%", LOWER),
        _row("D193", "gdp_real_growth_2016_2020_cpi_if_close", "Average annual GDP growth "
             "2016-2020 deflated with national CPI, if 近百亿 is read as 90-100亿元 (the low end)",
             "[(1 + D181/100) / (1 + CPI 2016-2020 average) − 1] × 100", (GDP, GDP_UP, *cpi),
             100 * deflate(gdp_low, prices.annual), "%", LOWER),
    ]  # fmt: skip
