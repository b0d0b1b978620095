"""Units as the report writes them, and their normalised form.

Each unit as written maps to (standard unit, factor): value_std = value * factor.
1 亿 = 1e8, 1 万 = 1e4, 1 斤 = 0.5 kg. Percent (%) and percentage points
(个百分点) are different units and stay apart. Add a unit here before using it
in data/figures.csv; the validator rejects anything not listed, and
``python -m analysis readme`` writes this table into data/README.md.

Conversions between units as written (万吨 of grain to 亿斤) go through the
standard units, with the one factor between standard units of mass the
report needs (1 t = 1000 kg), so a conversion is never written out by hand.
"""

from __future__ import annotations

YI = 1e8
WAN = 1e4
JIN_KG = 0.5  # 1 斤 = 0.5 kg
JIN_PER_TONNE = 2000  # 1 吨 = 1000 kg = 2000 斤
KG_PER_TONNE = 1000

# measure words of counted things (the measure word stays in `unit`)
COUNT_WORDS = (
    "个", "家", "处", "座", "所", "条", "块", "栋", "笔", "件", "批次", "项",
    "种", "次", "届", "套", "台", "辆", "位", "张", "支", "期", "级",
)  # fmt: skip

# unit as written -> (unit_std, factor)
UNITS: dict[str, tuple[str, float]] = {
    # money
    "亿元": ("CNY", YI),
    "万元": ("CNY", WAN),
    "元": ("CNY", 1.0),
    "万美元": ("USD", WAN),
    # shares and rates
    "%": ("percent", 1.0),
    "个百分点": ("percentage_points", 1.0),
    # multiples: 翻了一番 = 2 times the base
    "倍": ("times", 1.0),
    # land and floor area
    "万亩": ("mu", WAN),
    "亩": ("mu", 1.0),
    "万平方米": ("m2", WAN),
    "平方米": ("m2", 1.0),
    # mass and energy
    "万吨": ("t", WAN),
    "吨": ("t", 1.0),
    "亿斤": ("kg", YI * JIN_KG),
    "万斤": ("kg", WAN * JIN_KG),
    "斤": ("kg", JIN_KG),
    "亿度": ("kWh", YI),
    "万度": ("kWh", WAN),
    # length
    "公里": ("km", 1.0),
    # people and households
    "人": ("persons", 1.0),
    "万人": ("persons", WAN),
    "名": ("persons", 1.0),
    "万名": ("persons", WAN),
    "户": ("households", 1.0),
    "万户": ("households", WAN),
    "万多户": ("households", WAN),
    # animals
    "万头": ("head", WAN),
    "头": ("head", 1.0),
    # counted things (the measure word stays in `unit`)
    **{word: ("count", 1.0) for word in COUNT_WORDS},
    # ranks (第八位 -> 8)
    "位次": ("rank", 1.0),
    "名次": ("rank", 1.0),
    # time
    "天": ("days", 1.0),
    "个月": ("months", 1.0),
    "年": ("years", 1.0),
    "个工作日": ("working_days", 1.0),
}


def normalise(value: float, unit: str) -> tuple[float, str]:
    """Return (value_std, unit_std); KeyError names an unknown unit."""
    unit_std, factor = UNITS[unit]
    return value * factor, unit_std


def factor(unit: str) -> float:
    return UNITS[unit][1]


def standard_unit(unit: str) -> str:
    return UNITS[unit][0]


# between standard units: value in the first x factor = value in the second
_BETWEEN_STANDARD = {("t", "kg"): KG_PER_TONNE, ("kg", "t"): 1 / KG_PER_TONNE}


def convert(value: float, unit: str, to: str) -> float:
    """A value in one unit as written, in another (74.5 万吨 -> 14.9 亿斤).

    ValueError when the two units measure different things.
    """
    (std_from, f_from), (std_to, f_to) = UNITS[unit], UNITS[to]
    if std_from == std_to:
        return value * f_from / f_to
    if (std_from, std_to) not in _BETWEEN_STANDARD:
        raise ValueError(f"cannot convert {unit} ({std_from}) to {to} ({std_to})")
    return value * f_from * _BETWEEN_STANDARD[(std_from, std_to)] / f_to
