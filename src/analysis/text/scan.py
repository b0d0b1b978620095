"""Find every numeric mention in a Chinese report, with its character offset.

The coverage ledger (``analysis.records.coverage``) needs the full list of numbers a
report states, so that each one is either used by a row of data/figures.csv or
excluded with a reason. ``scan(text)`` returns them in text order.

Conventions (the data dictionary, data/README.md, repeats them):

- ``text`` is the number as written, ``start``/``end`` its span in the text.
  A trailing ``%``/``％`` belongs to the mention (kind ``percent``).
- The magnitude characters 万 and 亿 that follow a number are NOT part of the
  mention: they belong to the unit (3.3万名 -> mention ``3.3``, unit 万名;
  近百亿元 -> mention ``百``, value 100, unit 亿元). A 万/亿 inside a numeral
  (一万二千) stays in it.
- Ordinals 第八位 -> mention ``八`` (the numeral only, without 第), kind
  ``ordinal``, value 8. Five-year-plan names 十三五/十四五 are one ordinal
  mention (value 13/14).
- Doubling 翻了一番/翻一番/翻两番/翻番 -> the whole phrase, kind ``multiple``,
  value 2 ** n (一番 = x2, 两番 = x4).
- A standalone 零 (均为零, 清零, 零辍学) -> kind ``zero``, value 0.
- Mixed or Chinese-digit years (二0三五年, 二〇二〇年) -> one mention, kind
  ``chinese``, value the year.
- A 万/亿 with no number before it counts one of it (近亿元 -> mention
  ``亿``, value 1; the magnitude stays in the unit 亿元).
- Numerals inside ordinary words that are not numbers (一些, 统一, 一般, 之一
  …) are skipped: see ``SKIP_WORDS``. Numerals in slogans and names (六稳,
  三大保卫战, 一区四园) ARE mentions; the ledger excludes them with a reason.
- Runs of bare digits that do not form one number (一二三产业, 三五年) are
  split into single-digit mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import BIG_UNITS, DIGITS, SMALL_UNITS, parse_chinese

KINDS = ("arabic", "percent", "chinese", "ordinal", "multiple", "zero")

NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

# Words whose numeral characters are not numbers. Each entry is a regular
# expression; the numeral characters inside a match are masked. Lookarounds
# keep real quantities (三分之一 is a third, so 之一 only without 分 before).
SKIP_WORDS: tuple[str, ...] = (
    # 一 as "a/one/the same", not a count
    "一些", r"(?<!第)一批", "一流", "统一", "进一步", "一体化", "一体", "万众一心",
    r"(?<!分)之一", "唯一", "一起", "一手", "第一时间", "一线", "一直", "一定",
    "一般", "一样", "一切", "一道", "一方面", "一致", "一系列", "一律", "一旦",
    "一同", "一把手", "一站式", "一次性", "一心一意", "一心", "一举", "一贯",
    "一向", "一并", "一揽子", "一张蓝图", "一盘棋", "一以贯之", "一往无前",
    "一马当先", "一鼓作气", "同一", "一面", "一路", "一步", "一些", "一度",
    "一如既往", "一头", "一端", "一边", "一点", "一下", "一大批", "一时",
    "一环", "一项项", "一件件", "一个个", "一块块", "一手抓", "逐一", "一一",
    "一刀切", "一线", "一贯制", "一号工程", "一把", "一番(?!番)", "万一",
    "一带一路", "一视同仁", "一丝不苟", "万无一失", "一败涂地", "一意孤行",
    "说一不二", "独一无二", "一目了然", "一劳永逸", "一应俱全", "一分子",
    "不一", "一般性", "第一书记",
    # 千/万/百/十 in idioms and words
    "千方百计", "千家万户", "千辛万苦", "千军万马", "万千", "百姓", "老百姓",
    "百花齐放", "百舸争流", "千载难逢", "万事", "万物", "万象", "十分", "十足",
    "五湖四海", "四面八方", "七上八下", "三令五申", "九死一生", "三心二意",
    "四通八达", "五花八门", "十全十美", "一五一十", "一清二楚", "百尺竿头",
    "百折不挠", "百废待兴", "百业", "千百年", "万里", "千里", "五谷",
    # 零 as "retail/parts/scattered", not zero
    "零售", "零部件", "零配件", "零星", "零散", "零碎", "零工", "零钱", "零食",
    "零件",
    # 两 as "both/two sides" in words
    "两岸",
    # numerals that are part of a unit or a chemical/organisation name
    "百分点", "百分比", "千伏", "千瓦", "千米", "千克", "红十字", "二氧化",
)  # fmt: skip

_SKIP_RE = re.compile("|".join(f"(?:{w})" for w in sorted(set(SKIP_WORDS), key=len, reverse=True)))

# Named numerals read as one mention (the plan number).
PLAN_NAMES = {"十二五": 12, "十三五": 13, "十四五": 14, "十五五": 15}

_ARABIC_DIGITS = "0-9０-９"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC_RE = re.compile(
    rf"(?:[{_ARABIC_DIGITS}]{{1,3}}(?:,[{_ARABIC_DIGITS}]{{3}})+(?![{_ARABIC_DIGITS}])"
    rf"|[{_ARABIC_DIGITS}]+)(?:[.．][{_ARABIC_DIGITS}]+)?([%％])?"
)
# A year written with Chinese digits, possibly mixed with Arabic 0 (二0三五年).
_YEAR_RE = re.compile(rf"[{_ARABIC_DIGITS}〇零一二三四五六七八九]{{4}}(?=年)")
_DOUBLING_RE = re.compile(r"翻了?([一两二三四])?番")
_RUN_RE = re.compile(f"[{NUMERAL_CHARS}]+")


@dataclass(frozen=True)
class Mention:
    """One number as the text states it: span, text as written, value, kind."""

    start: int
    end: int
    text: str
    value: float
    kind: str


def _arabic_value(text: str) -> float:
    return float(text.translate(_FULLWIDTH).rstrip("%％").replace(",", ""))


def _split_run(run: str, offset: int, after_digit: bool) -> list[tuple[int, str, float]]:
    """Split a run of numeral characters into numbers: longest valid prefix first."""
    pieces: list[tuple[int, str, float]] = []
    i = 0
    while i < len(run):
        for j in range(len(run), i, -1):
            candidate = run[i:j]
            # The magnitude 万/亿 at the end belongs to the unit.
            stripped = candidate.rstrip("万亿")
            value = parse_chinese(stripped) if stripped else None
            if value is not None:
                pieces.append((offset + i, stripped, value))
                i = j
                break
        else:
            # A 万/亿 with no number before it means one of it: 近亿元 (nearly
            # 1 亿元), 亿元以上项目 (projects of 1 亿元 or more). After Arabic
            # digits (3.3万) it is the unit's magnitude, not a mention.
            if run[i] in BIG_UNITS and i == 0 and not after_digit:
                pieces.append((offset, run[i], 1.0))
            i += 1
    return pieces


def scan(text: str) -> list[Mention]:
    """Every numeric mention in ``text``, sorted by start offset."""
    mentions: list[Mention] = []
    taken = bytearray(len(text))  # 1 where a character already belongs somewhere

    def claim(start: int, end: int) -> bool:
        if any(taken[start:end]):
            return False
        taken[start:end] = b"\x01" * (end - start)
        return True

    def add(start: int, end: int, value: float, kind: str) -> None:
        mentions.append(Mention(start, end, text[start:end], float(value), kind))

    for m in _DOUBLING_RE.finditer(text):
        times = DIGITS[m.group(1)] if m.group(1) else 1
        if claim(m.start(), m.end()):
            add(m.start(), m.end(), 2**times, "multiple")
    for m in _YEAR_RE.finditer(text):
        chunk = m.group()
        if re.fullmatch(f"[{_ARABIC_DIGITS}]+", chunk):
            continue  # plain Arabic year: handled below
        digits = "".join(str(DIGITS[c]) if c in DIGITS else c.translate(_FULLWIDTH) for c in chunk)
        if claim(m.start(), m.end()):
            add(m.start(), m.end(), int(digits), "chinese")
    for name, number in PLAN_NAMES.items():
        for m in re.finditer(name, text):
            if claim(m.start(), m.end()):
                add(m.start(), m.end(), number, "ordinal")
    for m in _ARABIC_RE.finditer(text):
        if not claim(m.start(), m.end()):
            continue
        ordinal = m.start() > 0 and text[m.start() - 1] == "第"
        kind = "percent" if m.group(1) else ("ordinal" if ordinal else "arabic")
        add(m.start(), m.end(), _arabic_value(m.group()), kind)
    for m in _SKIP_RE.finditer(text):
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _RUN_RE.finditer(text):
        run_start = m.start()
        # Split the run at characters already claimed (masked words, years).
        i = run_start
        while i < m.end():
            if taken[i]:
                i += 1
                continue
            j = i
            while j < m.end() and not taken[j]:
                j += 1
            after_digit = i > 0 and bool(re.match(f"[{_ARABIC_DIGITS}.．]", text[i - 1]))
            for start, numeral, value in _split_run(text[i:j], i, after_digit):
                end = start + len(numeral)
                if numeral in ("零", "〇"):
                    kind = "zero"
                elif start > 0 and text[start - 1] == "第":
                    kind = "ordinal"
                else:
                    kind = "chinese"
                add(start, end, value, kind)
            i = j
    mentions.sort(key=lambda x: x.start)
    return mentions


def mentions_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions lying wholly inside the span [start, end)."""
    return [m for m in mentions if m.start >= start and m.end <= end]
