"""Chinese numerals as numbers: 二十 -> 20, 一百零五 -> 105, 三万二千 -> 32000.

Kept apart from the scanner (``analysis.text.scan``), which decides where a
number starts and ends in running text; this module only reads one numeral.

A digit written last, straight after a unit, stands for one step below that
unit, as Chinese is read: 一百五 = 150, 三千五 = 3500, 一万二 = 12000,
两万三 = 23000. Written with 零, the digit counts ones: 一百零五 = 105,
三千零五 = 3005. ``tests/test_numerals.py`` compares this reader with the
``cn2an`` package on the forms both accept.
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}


def parse_chinese(numeral: str) -> float | None:
    """Value of a Chinese numeral (二十, 一百零五, 一万二), or None.

    Returns None when the characters do not form one well-formed number (two
    bare digits in a row like 三五, units out of order like 十百), so the caller
    can split the run.
    """
    if not numeral:
        return None
    if numeral in ("零", "〇"):
        return 0.0
    total = 0  # completed 亿/万 sections
    section = 0  # value inside the current 万 section
    digit: int | None = None
    last_small = 10_000  # small units must decrease inside a section
    last_big = float("inf")
    last_unit = 0  # value of the unit written just before the current digit (0: none)
    after_zero = False
    for i, ch in enumerate(numeral):
        if ch in DIGITS:
            value = DIGITS[ch]
            if value == 0:
                if digit is not None or i == 0:
                    return None
                after_zero = True
                continue
            if digit is not None:
                return None
            digit = value
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_small:
                return None
            if digit is None:
                # A bare 十/百/千 at the start of a number means one of it; after
                # 万 or 亿 only a bare 十 does (一万十 or 一万零十 = 10010).
                if section != 0 or (total and ch != "十") or (after_zero and not total):
                    return None
                digit = 1
            section += digit * unit
            last_small, digit, after_zero, last_unit = unit, None, False, unit
        else:  # 万 or 亿
            big = BIG_UNITS[ch]
            section += digit or 0
            if section == 0 and total == 0:
                return None
            if big >= last_big:
                total = (total + section) * big
            else:
                total += section * big
            last_big = big
            section, digit, last_small, after_zero, last_unit = 0, None, 10_000, False, big
    if digit is not None:
        # 一百五: a last digit right after a unit is one step below it (150);
        # after 零 (一百零五) or with no unit before it, it counts ones.
        step = last_unit // 10 if last_unit and not after_zero else 1
        section += digit * step
    return float(total + section)
