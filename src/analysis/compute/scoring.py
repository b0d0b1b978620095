"""The report's 2021 targets scored: met, missed or unknown, with the hedge honoured.

**Which numbers are targets.** Every figure of the report for the period 2021
whose kind is a target (``target_growth``, ``target_level``, ``target_count``,
``target_share``) or a change against 2020 (``change_vs_base``: the
urbanization target, +1.5 points). Those of section ``p3.targets`` are the
report's main expected targets (主要预期目标); the others are the year's work
tasks (projects, farmland, stations, school places). Four numbers of that kind
describe the key-project lists rather than set a goal for the year, the number
of projects (重点项目184个, 省市重点项目54个) and their lifetime total
investment (总投资589.9亿元, 265亿元): they are ``PLAN_DESCRIPTIONS``, listed
apart and not scored; the year's planned investment of the same lists
(年度计划投资491亿元, 190.1亿元) is a target and is scored.

**Rules** (``verdict``): the direction of a target comes from its hedge and its
meaning:

- a *ceiling* (the CPI target, 涨幅3%左右: a limit on price rises) is met if the
  outcome is at most the number plus the tolerance;
- every other target is a *floor*: met if the outcome is at least the number;
  with 左右 (about) the outcome may fall short by up to the tolerance; 以上,
  不低于 and a plain number allow no shortfall; a range (7-7.5%) is met from
  its lower end;
- 力争 (strive for) is scored against its number like the rest and flagged
  ``ambition``.

**Tolerance** for 左右: a quarter of a point (``TOLERANCE_PP``) for rates in
percent or percentage points: growth targets are set in steps of half a point
(8%, 7.5%, 5.5%), so an outcome within half a step below the number is as close
as such a target can say. Other units get the same tolerance relative to the
target (a quarter point on 8%: ``TOLERANCE_RELATIVE``).

Minquan's outcomes for 2021 were not found (the context README lists what was
searched), so each of its targets is ``unknown``, with what exists instead.
Henan's and China's 2021 outcomes for the same indicators sit beside them as
benchmarks, never as substitutes, each scored against its own 2021 target.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from ..base.errors import InputError
from ..records import context, lookup
from ..records.vocabulary import (
    AMBITION_QUALIFIERS,
    APPROXIMATE,
    MET,
    MISSED,
    TARGET_KINDS,
    UNKNOWN,
    bound_of,
)

SCORED_KINDS = (*TARGET_KINDS, "change_vs_base")
MAIN_SECTION = "p3.targets"
TOLERANCE_PP = 0.25
TOLERANCE_RELATIVE = TOLERANCE_PP / 8
PERCENT_UNITS = ("%", "个百分点", "percentage points")
PLAN_DESCRIPTIONS = ("F0413", "F0414", "F0416", "F0417")  # the lists' size and total cost
CEILINGS = {"F0405"}  # the CPI target: 居民消费价格涨幅3%左右, a limit on the rise
FLOOR, CEILING = "floor", "ceiling"

COLUMNS = ["id", "group", "indicator", "indicator_zh", "value", "unit", "qualifier", "bound",
           "direction", "tolerance", "ambition", "verdict", "outcome", "outcome_id",
           "outcome_note", "henan_target", "henan_outcome", "henan_verdict", "henan_ids",
           "china_target", "china_outcome", "china_verdict", "china_ids"]  # fmt: skip

# indicator of a main target -> its name in the context files (Henan, China)
BENCHMARKS = {
    "F0401": "GDP growth",
    "F0402": "industrial value added above designated size growth",
    "F0403": "fixed-asset investment growth",
    "F0404": "retail sales of consumer goods growth",
    "F0405": "CPI increase",
    "F0406": "general public budget revenue growth",
    "F0407": "urbanization rate change",
    "F0408": "grain output",
}
# outcomes whose context row names the indicator differently
OUTCOME_NAMES = {
    ("China", "fixed-asset investment growth"): "fixed-asset investment growth (excl. rural households)",
    ("China", "general public budget revenue growth"): "national fiscal revenue growth",
}  # fmt: skip
NOT_FOUND = ("not found: Minquan's outcomes after 2020 (GDP, growth, budget revenue, the 2021 "
             "communique) were searched for and not found (data/external/README.md)")  # fmt: skip


def tolerance(unit: str, target: float, qualifier: str) -> float:
    """How far an outcome may fall on the wrong side of a 左右 target; 0 otherwise."""
    if bound_of(qualifier) != APPROXIMATE:
        return 0.0
    return TOLERANCE_PP if unit in PERCENT_UNITS else abs(target) * TOLERANCE_RELATIVE


def verdict(target: float, outcome: float | None, qualifier: str = "", direction: str = FLOOR,
            unit: str = "%", low: float | None = None) -> str:  # fmt: skip
    """met, missed or unknown (no outcome): the hedge decides how close is close enough.

    ``low`` is the lower end of a range target (7-7.5%), met from there.
    """
    if outcome is None or (isinstance(outcome, float) and math.isnan(outcome)):
        return UNKNOWN
    if direction not in (FLOOR, CEILING):
        raise ValueError(f"direction must be {FLOOR} or {CEILING}, got {direction!r}")
    slack = tolerance(unit, target, qualifier)
    if direction == CEILING:
        return MET if outcome <= target + slack else MISSED
    floor = target if low is None or math.isnan(low) else low
    return MET if outcome >= floor - slack else MISSED


def _one(jurisdiction: str, indicator: str, measure: str) -> dict | None:
    frame = context.targets()
    hits = frame[(frame["jurisdiction"] == jurisdiction) & (frame["indicator"] == indicator)
                 & (frame["measure"] == measure) & (frame["year"] == "2021")]  # fmt: skip
    return None if hits.empty else hits.iloc[0].to_dict()


def benchmark(jurisdiction: str, indicator: str, direction: str) -> dict:
    """A level's own 2021 target and outcome for an indicator, and its verdict."""
    target = _one(jurisdiction, indicator, "target")
    outcome = _one(jurisdiction, OUTCOME_NAMES.get((jurisdiction, indicator), indicator),
                   "realized")  # fmt: skip
    value = outcome["value"] if outcome else float("nan")
    ids = [r["id"] for r in (target, outcome) if r]
    level = _one(jurisdiction, context.URBANIZATION, "realized")
    if indicator == "urbanization rate change" and level:
        # the change is stated in the excerpt of the level's row: 「比上年末提高1.02个百分点」
        value = _change_in(level)
        ids.append(level["id"])
    result = {"target": target["value"] if target else float("nan"), "outcome": value,
              "ids": ";".join(ids), "verdict": ""}  # fmt: skip
    if target:
        result["verdict"] = verdict(target["value"], value, target["qualifier"], direction,
                                    target["unit"])  # fmt: skip
    return result


def _change_in(row: dict) -> float:
    found = re.search(r"提高([\d.]+)个百分点", row["excerpt"])
    if not found:
        raise InputError("expected 「提高…个百分点」 in the excerpt", column="excerpt",
                         file=context.external_path(row["file"]), record=row["id"])  # fmt: skip
    return float(found.group(1))


def outcome_note(fid: str) -> str:
    """What exists for Minquan instead of a 2021 outcome, if anything."""
    if fid == "F0407":
        later = [
            lookup.fact("Minquan", context.URBANIZATION, "realized", y) for y in ("2022", "2023")
        ]
        found = ", ".join(f"{r.period}: {r.value:.2f}% ({r.id}, {r.confidence})" for r in later)
        return (f"{NOT_FOUND}. Its urbanization rate exists for later years only ({found}), "
                "on the census basis, so the 2021 step cannot be measured")  # fmt: skip
    return NOT_FOUND


def scored() -> pd.DataFrame:
    """One row per 2021 target of the report: data/targets_scored.csv."""
    figs = lookup.figures()
    chosen = figs[(figs["period"] == "2021") & figs["kind"].isin(SCORED_KINDS)
                  & ~figs["id"].isin(PLAN_DESCRIPTIONS)].sort_values("id")  # fmt: skip
    rows = []
    for fid in chosen["id"]:
        fig = lookup.figure(fid)
        section = chosen.loc[chosen["id"] == fid, "section"].iloc[0]
        direction = CEILING if fid in CEILINGS else FLOOR
        row = dict(id=fid, group="main target" if section == MAIN_SECTION else "work task",
                   indicator=fig.label, indicator_zh=fig.label_zh, value=fig.value, unit=fig.unit,
                   qualifier=fig.qualifier, bound=fig.bound, direction=direction,
                   tolerance=tolerance(fig.unit, fig.value, fig.qualifier),
                   ambition="yes" if fig.qualifier in AMBITION_QUALIFIERS else "no",
                   verdict=verdict(fig.value, None), outcome=float("nan"), outcome_id="",
                   outcome_note=outcome_note(fid))  # fmt: skip
        for level in ("henan", "china"):
            row.update({f"{level}_{k}": float("nan") if k != "verdict" else ""
                        for k in ("target", "outcome", "verdict")}, **{f"{level}_ids": ""})  # fmt: skip
            if fid in BENCHMARKS:
                found = benchmark(level.capitalize() if level == "henan" else "China",
                                  BENCHMARKS[fid], direction)  # fmt: skip
                row.update({f"{level}_{k}": v for k, v in found.items()})
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame


def counts(frame: pd.DataFrame) -> dict[str, int]:
    """Targets by verdict, every verdict present (0 where none)."""
    return {v: int((frame["verdict"] == v).sum()) for v in (MET, MISSED, UNKNOWN)}
