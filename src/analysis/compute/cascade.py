"""Minquan's 2021 targets beside those of the levels above it: nation, Henan, Shangqiu.

Shangqiu's 2021 targets were not found (its congress met ten weeks after
Minquan's, ``shangqiu_congress``): its rows are kept, with no value and the note
'not found'. Its 2023 and 2025 GDP targets are known and set beside Henan's in
``margins_over_henan``.
"""

from __future__ import annotations

import pandas as pd

from ..records import context, lookup
from ..records.record import Record

LEVELS = ("China", "Henan", "Shangqiu", "Minquan")

# indicator in targets_and_outcomes.csv -> (English label, Chinese name, Minquan's figure id)
CASCADE = {
    "GDP growth": ("GDP growth", "生产总值增长", "F0401"),
    "industrial value added above designated size growth": (
        "Industrial value added above designated size, growth", "规上工业增加值增长", "F0402"),
    "fixed-asset investment growth": ("Fixed-asset investment, growth", "固定资产投资增长", "F0403"),
    "retail sales of consumer goods growth": (
        "Retail sales of consumer goods, growth", "社会消费品零售总额增长", "F0404"),
    "CPI increase": ("Consumer prices, rise", "居民消费价格涨幅", "F0405"),
    "general public budget revenue growth": (
        "General public budget revenue, growth", "一般公共预算收入增长", "F0406"),
    "urbanization rate change": (
        "Urbanization rate, change (points)", "常住人口城镇化率提高", "F0407"),
}  # fmt: skip


def cascade_2021() -> pd.DataFrame:
    """2021 targets by level, national -> Henan -> Shangqiu -> Minquan (long table)."""
    frame = context.targets()
    rows = []
    for indicator, (label, label_zh, fid) in CASCADE.items():
        for level in LEVELS:
            row = dict(indicator=label, indicator_zh=label_zh, level=level, value=float("nan"),
                       qualifier="", id="", confidence="", note="")  # fmt: skip
            if level == "Minquan":
                fig = lookup.figure(fid)
                row.update(value=fig.value, qualifier=fig.qualifier, id=fig.id, confidence="high")
            else:
                hit = frame[
                    (frame["jurisdiction"] == level)
                    & (frame["indicator"] == indicator)
                    & (frame["measure"] == "target")
                    & (frame["year"] == "2021")
                ]
                if len(hit) == 1:
                    h = hit.iloc[0]
                    row.update(value=h["value"], qualifier=h["qualifier"], id=h["id"],
                               confidence=h["confidence"])  # fmt: skip
                else:
                    row["note"] = "not found" if level == "Shangqiu" else "no numeric target"
            rows.append(row)
    return pd.DataFrame(rows)


def side_by_side(cascade: pd.DataFrame, upper: str = "Henan") -> pd.DataFrame:
    """Indicators for which both Minquan and ``upper`` set a 2021 target, one row each,
    with a column per level (Shangqiu, whose targets were not found, is left out)."""
    found = cascade[cascade["level"] != "Shangqiu"].dropna(subset=["value"])
    wide = found.pivot(index="indicator", columns="level", values="value")
    return wide.dropna(subset=[upper, "Minquan"])


CONGRESS = "E01"  # events.csv: Shangqiu's 2021 people's congress opens


def shangqiu_congress() -> tuple[Record, int]:
    """Shangqiu's 2021 congress (its date from events.csv) and how many days after
    Minquan's report (the seed's date) it opened."""
    from datetime import date

    from ..text import report

    event = lookup.event(CONGRESS)
    days = (date.fromisoformat(event.period) - date.fromisoformat(report.metadata()["date"])).days
    return event, days


def margins_over_henan() -> pd.DataFrame:
    """GDP growth targets below Henan that the context files hold, and their margin over
    Henan's target of the same year: Minquan 2021, Shangqiu 2023 and 2025."""
    rows = [("Minquan", "2021", lookup.figure("F0401"))]
    rows += [("Shangqiu", year, lookup.fact("Shangqiu", "GDP growth", "target", year))
             for year in ("2023", "2025")]  # fmt: skip
    out = []
    for level, year, own in rows:
        henan = lookup.fact("Henan", "GDP growth", "target", year)
        out.append(dict(level=level, year=year, target=own.value, qualifier=own.qualifier,
                        henan_target=henan.value, henan_qualifier=henan.qualifier,
                        margin=own.value - henan.value, ids=f"{own.id};{henan.id}"))  # fmt: skip
    return pd.DataFrame(out)
